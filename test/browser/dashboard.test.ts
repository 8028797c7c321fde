/**
 * The dashboard in real Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * open it, start the default scenario, see live updates arrive, open the audit, replay and
 * compare runs, at laptop (1280×800) and phone (390×844) sizes, with no request leaving the
 * server. Screenshots go to artifacts/screenshots/. The constellation view's frame rate with
 * 10^4 nodes and the live stream's update rate are measured and written to
 * artifacts/dashboard-perf.json (printed, never asserted: timings depend on the machine).
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import type { RunStore } from "../../src/store/run-store.js";
import { haveChromium, startBrowserServer, stopBrowserServer } from "../helpers/browser.js";

// Page-side callbacks run in Chromium; Node's typings lack these names, so declare what they use.
declare const document: {
  body: { dataset: Record<string, string | undefined> }; getElementById(id: string): { textContent: string | null } | null;
  activeElement: { textContent: string | null } | null; documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number };
declare function requestAnimationFrame(cb: () => void): number;

const SHOTS = resolve("artifacts/screenshots");

describe.skipIf(!haveChromium)("dashboard in Chromium", () => {
  let dir: string;
  let store: RunStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;
  const foreign: string[] = [];
  const perf: Record<string, number> = {};

  beforeAll(async () => {
    ({ dir, store, app, browser, origin } = await startBrowserServer("pqms-browser-"));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await stopBrowserServer({ dir, store, app, browser });
    if (Object.keys(perf).length > 0) {
      mkdirSync("artifacts", { recursive: true });
      writeFileSync("artifacts/dashboard-perf.json", `${JSON.stringify(perf, null, 2)}\n`);
      console.log("dashboard perf:", perf);
    }
  });

  async function open(width: number, height: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: width < 500 ? 2 : 1 });
    const page = await ctx.newPage();
    page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url()); });
    page.on("pageerror", (e) => foreign.push(`page error: ${e.message}`));
    return page;
  }

  it("starts the default scenario, streams live updates, replays and audits (desktop 1280×800)", async () => {
    const page = await open(1280, 800);
    await page.goto(`${origin}/`);
    await page.waitForSelector("#validation.ok");
    expect(await page.locator("#f-mesh-nodes").inputValue()).toBe("1000");
    await page.screenshot({ path: join(SHOTS, "desktop-editor.png") });

    // Inline validation: a bad value is named beside its field, with the CLI's message.
    await page.fill("#f-mesh-nodes", "-3");
    await page.waitForSelector("#validation.bad");
    expect(await page.locator("#f-mesh-nodes-err").textContent()).toMatch(/expected .*2.*, got -3/);
    expect(await page.locator("#validation").textContent()).toMatch(/mesh\.nodes: expected .*, got -3/);
    await page.fill("#f-mesh-nodes", "1000");
    await page.waitForSelector("#validation.ok");
    // Ten times the default simulated time, so the run is still going when the test stops it,
    // however fast the mesh has become (the default 1 µs takes a few seconds).
    await page.fill("#f-run-durationS", "1e-5");
    await page.waitForSelector("#validation.ok");

    await page.click("#start-run");
    await page.waitForURL(/#\/live\/run-[0-9a-f]{8}$/);
    const runId = page.url().split("/").pop() as string;
    await page.waitForFunction(() => Number(document.getElementById("live-updates")?.textContent) >= 3, null, { timeout: 60_000 });
    // Stream rate: updates received by the page over 2 s.
    // Per-node frames (each node's own RCF to ODOS) colour the view; count them over the same 2 s.
    await page.waitForFunction(() => Number(document.body.dataset.nodeFrames) >= 1, null, { timeout: 30_000 });
    const f0 = Number(await page.evaluate(() => document.body.dataset.nodeFrames));
    const n0 = Number(await page.locator("#live-updates").textContent());
    await page.waitForTimeout(2000);
    const n1 = Number(await page.locator("#live-updates").textContent());
    perf.streamUpdatesPerS = (n1 - n0) / 2;
    perf.nodeFramesPerS = (Number(await page.evaluate(() => document.body.dataset.nodeFrames)) - f0) / 2;
    expect(n1).toBeGreaterThan(n0); // live updates keep arriving
    expect(await page.locator(".chart").count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(SHOTS, "desktop-live.png") });
    // The run is the store's run: the CLI's view of the store has it, running.
    expect(store.getRun(runId).status).toBe("running");
    await page.click("text=Stop run");
    await page.waitForFunction(() => document.body.dataset.runEnded === "interrupted", null, { timeout: 30_000 });
    expect(store.getRun(runId).status).toBe("interrupted");

    // Audit: table, filter, a row's arithmetic.
    await page.goto(`${origin}/#/audit`);
    await page.waitForSelector("#claims tbody tr");
    const rows = await page.locator("#claims tbody tr:not(.detail)").count();
    expect(rows).toBeGreaterThan(20);
    await page.selectOption("#f-verdict", "inconsistent");
    const filtered = await page.locator("#claims tbody tr:not(.detail)").count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(rows);
    await page.locator("#claims tbody tr:not(.detail) button").first().click();
    expect(await page.locator("#claims tr.detail:not([hidden]) pre").first().textContent()).toMatch(/\S/);
    await page.screenshot({ path: join(SHOTS, "desktop-audit.png"), fullPage: false });
    await page.click("#h-H1"); await page.click("#h-H2"); // H3 only: fast
    await page.click("#run-falsify");
    await page.waitForSelector("#falsify-out article.hyp svg circle", { timeout: 60_000 });
    await page.locator("#falsify-out").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "desktop-falsify.png") });
    expect(foreign).toEqual([]);
  });

  it("replays a recorded run and compares two runs", async () => {
    const tiny = "name: tiny\nmodel: resonance-mesh\nrun: {seed: 1, durationS: 4.0e-8, tickS: 1.0e-9, sampleEveryS: 1.0e-9, checkpointEveryS: 1.0e-8}\nmesh: {nodes: 250, dim: 4, clusterSize: 50, gammaPerS: 5.0e8}\nodos: {deltaEThreshold: 0.01, stormDeltaEThreshold: 0.01}\n";
    const ids: string[] = [];
    for (const seed of [1, 2]) {
      const r = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: tiny, seed } });
      expect(r.statusCode, r.body).toBe(201);
      ids.push((r.json() as { runId: string }).runId);
    }
    for (const id of ids) while (store.getRun(id).status === "running") await new Promise((r) => setTimeout(r, 50));
    const page = await open(1280, 800);
    await page.goto(`${origin}/#/live/${ids[0]}`);
    await page.waitForFunction(() => document.body.dataset.runEnded === "done");
    await page.click("text=▶ Play");
    await page.waitForTimeout(600);
    expect(Number(await page.locator("input[type=range]").inputValue())).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "desktop-replay.png") });
    await page.goto(`${origin}/#/history`);
    await page.waitForSelector("#runs tbody tr");
    for (const id of ids) await page.check(`input[aria-label="select ${id} for comparison"]`);
    await page.click("#compare");
    await page.waitForSelector("table.compare");
    expect(await page.locator("table.compare tr.differs").count()).toBeGreaterThan(0); // seeds differ
    await page.screenshot({ path: join(SHOTS, "desktop-compare.png") });
    expect(foreign).toEqual([]);
  });

  it("measures the constellation view with 10^4 nodes", async () => {
    const page = await open(1280, 800);
    await page.goto(`${origin}/#/constellation/10000`);
    await page.waitForSelector("canvas.globe");
    await page.waitForTimeout(500);
    perf.constellationFps10k = await page.evaluate(() => new Promise<number>((res) => {
      let frames = 0;
      const t0 = performance.now();
      const tick = () => { frames++; if (performance.now() - t0 < 2000) requestAnimationFrame(tick); else res((frames * 1000) / (performance.now() - t0)); };
      requestAnimationFrame(tick);
    }));
    await page.screenshot({ path: join(SHOTS, "desktop-constellation-10k.png") });
    expect(perf.constellationFps10k).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });

  it("works on a phone (390×844) and from the keyboard", async () => {
    const page = await open(390, 844);
    await page.goto(`${origin}/`);
    await page.waitForSelector("#validation.ok");
    await page.screenshot({ path: join(SHOTS, "phone-editor.png") });
    // Keyboard: Tab reaches the navigation; Enter follows it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Scenario");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#claims tbody tr");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, "phone-audit.png") });
    const runs = store.listRuns();
    await page.goto(`${origin}/#/live/${runs.find((r) => r.status === "done")?.id}`);
    await page.waitForFunction(() => document.body.dataset.runEnded === "done");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "phone-live.png"), fullPage: true });
    expect(foreign).toEqual([]);
  });
});
