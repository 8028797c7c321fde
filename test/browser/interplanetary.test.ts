/**
 * The dashboard's inner-solar-system view in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core): a real run of the Earth–Mars twin across the 2028 conjunction, started through
 * the server, opens at #/live/<run> with the
 * Sun, Earth and Mars, the two shells to scale with the compressed distance labelled, the link
 * state, the light time now, the charts with the closed-gap period shaded, and the "single
 * cognitive unit" reading; the scrubber moves into the conjunction and the link goes down.
 * Screenshot: artifacts/screenshots/desktop-interplanetary.png.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import type { RunStore } from "../../src/store/run-store.js";
import { haveChromium, startBrowserServer, stopBrowserServer } from "../helpers/browser.js";
import { Body, HelioVector, KM_PER_AU } from "astronomy-engine";
import { formatSeconds } from "../../src/report/interplanetary-data.js";
import { metricTitle } from "../../src/report/metric-table.js";

declare const document: { body: { dataset: Record<string, string | undefined> }; getElementById(id: string): { textContent: string | null } | null };

const SHOTS = resolve("artifacts/screenshots");

/**
 * A short real run of the Earth–Mars twin across the 2028 Mars solar conjunction (2028-03-21),
 * started through the server like the dashboard's own "Start run".
 */
const SCENARIO = `name: interplanetary-view
model: interplanetary
run: {seed: 3, durationS: 2592000, tickS: 43200, sampleEveryS: 43200, checkpointEveryS: 864000}
interplanetary:
  epoch: "2028-03-08T00:00:00Z"
  earth: {nodes: 100, planes: 10, gateways: 4, altitudeKm: 550}
  mars: {areostationary: 3}
  latency: {earthSources: 2}
`;

describe.skipIf(!haveChromium)("inner-solar-system view in Chromium", () => {
  let dir: string;
  let store: RunStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    ({ dir, store, app, browser, origin } = await startBrowserServer("pqms-browser-ip-"));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await stopBrowserServer({ dir, store, app, browser });
  });

  it("opens an interplanetary run with the Sun, both planets, both shells to scale, the link state and the light time", async () => {
    const started = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: SCENARIO } });
    expect(started.statusCode, started.body).toBe(201);
    const runId = (started.json() as { runId: string }).runId;
    while (store.getRun(runId).status === "running") await new Promise((r) => setTimeout(r, 100));
    expect(store.getRun(runId).status).toBe("done");
    const m = store.metrics(runId);
    const up = m.get("gapLinkUp")!;
    const tEnd = up.tNs[up.tNs.length - 1]!;
    const tMid = up.tNs[0]! + 0.5 * (tEnd - up.tNs[0]!);
    const at = (key: string, t: number) => { const s = m.get(key)!; let i = 0; while (i + 1 < s.tNs.length && s.tNs[i + 1]! <= t) i++; return s.value[i]!; };
    // The run crosses the conjunction: open at the end, closed half way (independently: Mars is within 2° of the Sun then).
    expect(at("gapLinkUp", tEnd)).toBe(1);
    expect(at("gapLinkUp", tMid)).toBe(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(r.url()); });
    await page.goto(`${origin}/#/live/${runId}`);
    await page.waitForFunction(() => document.body.dataset.runEnded === "done");
    await page.waitForSelector("#solar-view #ip-label-earth");
    for (const [id, text] of [["ip-label-sun", "Sun"], ["ip-label-earth", "Earth"], ["ip-label-mars", "Mars"]]) expect(await page.locator(`#${id}`).textContent()).toBe(text);
    expect(await page.locator("#ip-label-earth-shell").textContent()).toBe("Earth shell: 100 nodes, 550 km up");
    // Areostationary radius (GM_Mars T²/4π²)^(1/3) with GM = 4.282837e13 m³/s², T = 88 642.66 s: 20 428 km.
    expect(await page.locator("#ip-label-mars-ring").textContent()).toBe("Mars ring: 3 areostationary sites, r = 20,428 km");
    // The distance drawn is the heliocentric one at the last sample, independently from astronomy-engine's HelioVector.
    const tDate = new Date(Date.parse("2028-03-08T00:00:00Z") + tEnd / 1e6);
    const e = HelioVector(Body.Earth, tDate), mv = HelioVector(Body.Mars, tDate);
    const au = Math.hypot(e.x - mv.x, e.y - mv.y, e.z - mv.z);
    const shown = Number((await page.locator("#ip-label-distance").textContent())!.match(/^Earth–Mars (\d\.\d{3}) au = \d\.\d × 10⁸ km$/)![1]);
    expect(Math.abs(shown - au)).toBeLessThan(0.002); // 3 decimals, ecliptic x–y (Mars is within 2° of the ecliptic)
    expect(au * KM_PER_AU).toBeGreaterThan(3e8);
    expect(await page.locator("#ip-label-compressed").textContent()).toMatch(/^distance compressed \d\.\d × 10³×$/);
    expect(await page.locator("#ip-label-link").textContent()).toBe("link up");
    expect(await page.locator("#ip-light-time").textContent()).toContain(`now: ${formatSeconds(at("lightTimeS", tEnd))}`);
    expect(await page.locator("#ip-link-state").textContent()).toMatch(/^Earth–Mars links: up \(\d usable\)/);
    // One chart per recorded group (coherence only when the run has the mesh across the gap).
    const titles = await page.locator(".chart h4").allTextContents();
    for (const t of ["Earth–Mars clock residual", "Latency across the gap", "Latency within the shells"]) expect(titles.some((x) => x.startsWith(t)), t).toBe(true);
    // Single-metric charts are titled from the metric table, with its unit.
    for (const key of ["lightTimeS", "sunEarthMarsAngleDeg", "gapLinksUp"]) expect(titles, key).toContain(metricTitle(key));
    expect(await page.locator(".chart[data-bands='1']").count()).toBe(titles.length); // the closed gap shaded on each
    expect(await page.evaluate(() => document.body.dataset.linkDownPeriods)).toBe("1");
    expect(await page.locator("#ip-cognitive-unit").textContent()).toContain("not a single cognitive unit");
    await page.screenshot({ path: join(SHOTS, "desktop-interplanetary.png"), fullPage: true });
    // Scrub half way, into the conjunction: the link goes down.
    await page.locator("input[type=range]").fill("500");
    await page.waitForFunction(() => document.getElementById("ip-label-link")?.textContent === "link down");
    expect(await page.locator("#ip-link-state").textContent()).toMatch(/down .*solar exclusion 2°/);
    expect(await page.locator("#ip-time").textContent()).toMatch(/^day \d+\.\d\d · 2028-03-2\d \d\d:\d\d UTC/);
    await page.screenshot({ path: join(SHOTS, "desktop-interplanetary-conjunction.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
