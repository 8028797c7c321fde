/**
 * The dashboard's inner-solar-system view in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core): an interplanetary run recorded in the store opens at #/live/<run> with the
 * Sun, Earth and Mars, the two shells to scale with the compressed distance labelled, the link
 * state, the light time now, the charts with the closed-gap period shaded, and the "single
 * cognitive unit" reading; the scrubber moves into the conjunction and the link goes down.
 * Screenshot: artifacts/screenshots/desktop-interplanetary.png.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { openStore, type RunStore } from "../../src/store/run-store.js";
import { buildServer } from "../../src/server/app.js";
import { resolveScenario, type Scenario } from "../../src/sim/scenario/index.js";
import { syntheticInterplanetarySeries } from "../support/interplanetary-series.js";

declare const document: { body: { dataset: Record<string, string | undefined> } };

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = resolve("artifacts/screenshots");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const have = existsSync(CHROMIUM);
if (!have) console.warn(`test/browser: SKIPPED — ${CHROMIUM} is absent (apt-get install chromium; scripts/system-deps.sh does it for npm test)`);

/** A recorded interplanetary run: the synthetic series written through the store API. */
function recordRun(store: RunStore): string {
  const scenario = {
    ...resolveScenario({ name: "interplanetary-view" }), model: "interplanetary",
    interplanetary: { epoch: "2028-02-20T00:00:00Z", earth: { nodes: 200, planes: 10, altitudeKm: 550, gateways: 4 }, mars: { areostationary: 3 }, relays: [], links: { solarExclusionDeg: 2 } },
  } as unknown as Scenario;
  const series = syntheticInterplanetarySeries();
  const t = series.get("gapLinkUp")!.tNs;
  const id = store.createRun({ scenario, codeVersion: "test", durationNs: t[t.length - 1]! });
  const samples = t.map((tNs, i) => ({ tNs, metrics: Object.fromEntries([...series].map(([k, v]) => [k, v.value[i]!])) }));
  store.commitProgress(id, { samples, events: [], simTNs: t[t.length - 1]!, wallS: 1 });
  store.setStatus(id, "done", { fingerprint: "synthetic" });
  return id;
}

describe.skipIf(!have)("inner-solar-system view in Chromium", () => {
  let dir: string;
  let store: RunStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pqms-browser-ip-"));
    const webDir = join(dir, "web");
    await build({ root: resolve("web"), logLevel: "warn", build: { outDir: webDir, emptyOutDir: true, sourcemap: false } });
    store = openStore(join(dir, "runs.db"));
    app = await buildServer({ store, webDir });
    origin = await app.listen({ port: 0, host: "127.0.0.1" });
    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens an interplanetary run with the Sun, both planets, both shells to scale, the link state and the light time", async () => {
    const runId = recordRun(store);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(r.url()); });
    await page.goto(`${origin}/#/live/${runId}`);
    await page.waitForFunction(() => document.body.dataset.runEnded === "done");
    await page.waitForSelector("#solar-view #ip-label-earth");
    for (const [id, text] of [["ip-label-sun", "Sun"], ["ip-label-earth", "Earth"], ["ip-label-mars", "Mars"]]) expect(await page.locator(`#${id}`).textContent()).toBe(text);
    expect(await page.locator("#ip-label-earth-shell").textContent()).toBe("Earth shell: 200 nodes, 550 km up");
    expect(await page.locator("#ip-label-mars-ring").textContent()).toBe("Mars ring: 3 areostationary sites, r = 20,428 km");
    // Day 40: Earth (cos 40°, sin 40°) au, Mars 1.52 (cos 190°, sin 190°) au: 2.438 au = 3.647e8 km apart. The ring's
    // 20 428 km is 95 px (215 km/px) in a 410 px box: centres 16 + 32.2 and 410 − 16 − 95 px, drawn 250.8 px = 5.39e4 km ⇒ ×6.8e3.
    expect(await page.locator("#ip-label-compressed").textContent()).toBe("distance compressed 6.8 × 10³×");
    expect(await page.locator("#ip-label-distance").textContent()).toBe("Earth–Mars 2.438 au = 3.6 × 10⁸ km");
    // The run ends linked (day 40): the link is up and the light time is the last sample's.
    expect(await page.locator("#ip-label-link").textContent()).toBe("link up");
    expect(await page.locator("#ip-light-time").textContent()).toContain("now: 20.8 min");
    expect(await page.locator("#ip-link-state").textContent()).toMatch(/^Earth–Mars links: up \(3 usable\)/);
    expect(await page.locator(".chart").count()).toBe(6);
    expect(await page.evaluate(() => document.body.dataset.linkDownPeriods)).toBe("1");
    expect(await page.locator("#ip-cognitive-unit").textContent()).toContain("not a single cognitive unit");
    await page.screenshot({ path: join(SHOTS, "desktop-interplanetary.png"), fullPage: true });
    // Scrub into the conjunction (day 20 of 40): the link goes down.
    await page.locator("input[type=range]").fill("500");
    await page.waitForFunction(() => document.body.dataset.runEnded === "done");
    expect(await page.locator("#ip-label-link").textContent()).toBe("link down");
    expect(await page.locator("#ip-link-state").textContent()).toMatch(/down .*solar exclusion 2°/);
    expect(await page.locator("#ip-time").textContent()).toMatch(/^day 20\.00 · 2028-03-11 00:00 UTC/);
    await page.screenshot({ path: join(SHOTS, "desktop-interplanetary-conjunction.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
