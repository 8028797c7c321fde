/**
 * The live view's charts in real Chromium (Debian's /usr/bin/chromium driven by playwright-core,
 * the flags of dashboard.test.ts): while a run with faults streams, every chart is titled with
 * the metric table's human label and unit (never a raw key like `commitLatencyLastS`), the
 * charts sit in the table's groups, every chart constant so far (vetoes and veto energy with the
 * veto off) is folded to a one-line "constant: value unit" entry, and every varying chart is open
 * with y labels that start with a digit or sign (no ".703978754"). A screenshot of the view is
 * saved in the test's temporary directory (and artifacts/screenshots/ for CI).
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import type { RunStore } from "../../src/store/run-store.js";
import { haveChromium, startBrowserServer, stopBrowserServer } from "../helpers/browser.js";
import { METRICS, METRIC_GROUPS } from "../../src/report/metric-table.js";

// Page-side callbacks run in Chromium; Node's typings lack these names, so declare what they use.
interface PageEl { textContent: string | null; open?: boolean; dataset: Record<string, string | undefined>; classList: { contains(c: string): boolean }; querySelector(s: string): PageEl | null }
declare const document: { body: { dataset: Record<string, string | undefined> }; querySelectorAll(s: string): ArrayLike<PageEl>; getElementById(id: string): PageEl | null };

// Faults give the control-plane metrics; the veto off keeps vetoes and veto energy at 0 all run.
const SCENARIO = `name: charts
model: resonance-mesh
run: {seed: 7, durationS: 2.0e-5, tickS: 1.0e-9, sampleEveryS: 1.0e-8, checkpointEveryS: 1.0e-6}
mesh: {nodes: 200, clusterSize: 50, gammaPerS: 1.0e6, kappaPerS: 1.0e9}
veto: {enabled: false}
constellation: {nodes: 200, planes: 8}
smc: {}
sarcophagus: {}
faults: {durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10}
`;

describe.skipIf(!haveChromium)("live view charts in Chromium", () => {
  let dir: string;
  let store: RunStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    ({ dir, store, app, browser, origin } = await startBrowserServer("pqms-charts-"));
  });

  afterAll(async () => {
    await stopBrowserServer({ dir, store, app, browser });
  });

  it("titles charts with labels and units, groups them, and folds every constant one", async () => {
    const r = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: SCENARIO } });
    expect(r.statusCode, r.body).toBe(201);
    const runId = (r.json() as { runId: string }).runId;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/#/live/${runId}`);
    await page.waitForFunction(() => Number(document.getElementById("live-updates")?.textContent) >= 3, null, { timeout: 60_000 });
    await page.waitForTimeout(500); // a few frames: the open charts draw their axes

    // One look at the whole view in one turn of the page's event loop: consistent under streaming.
    const view = await page.evaluate(() => ({
      groups: Array.from(document.querySelectorAll(".chart-group > h3")).map((e) => e.textContent ?? ""),
      charts: Array.from(document.querySelectorAll(".chart")).map((e) => ({
        metric: e.dataset.metric ?? "", title: e.querySelector("h4")?.textContent ?? "", open: e.open === true,
        constant: e.classList.contains("constant"), value: e.querySelector(".chart-value")?.textContent ?? "",
        ticks: e.querySelector("canvas")?.dataset.yTicks ?? "",
      })),
    }));
    const shot = join(dir, "live-charts.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    mkdirSync("artifacts/screenshots", { recursive: true });
    copyFileSync(shot, "artifacts/screenshots/desktop-live-charts.png");
    await app.inject({ method: "POST", url: `/api/runs/${runId}/stop` });

    expect(view.charts.length).toBeGreaterThan(10);
    const titles = new Map(Object.entries(METRICS).map(([k, m]) => [k, m.unit === "" ? m.label : `${m.label} [${m.unit}]`]));
    for (const c of view.charts) {
      expect(titles.get(c.metric), `a chart for ${c.metric}, a metric the table lacks`).toBeDefined();
      expect(c.title).toBe(titles.get(c.metric));
      expect(c.title).not.toMatch(/^[a-z]+[A-Z]\w*$/); // no raw camelCase key
    }
    expect(view.charts.find((c) => c.metric === "stateLostLastMs")?.title).toBe("State lost in the last failure [ms]");
    // Groups in the table's order, the four named ones present.
    expect(view.groups.map((g) => g.toLowerCase())).toEqual(METRIC_GROUPS.filter((g) => view.groups.some((x) => x.toLowerCase() === g)));
    for (const g of ["Coherence", "Ethics / veto", "Control plane", "Energy"]) expect(view.groups).toContain(g);

    // Folding: constant ⇔ folded, with a one-line "constant: value unit".
    const constant = view.charts.filter((c) => c.constant);
    const varying = view.charts.filter((c) => !c.constant);
    expect(constant.map((c) => c.metric)).toEqual(expect.arrayContaining(["vetoes", "vetoesTotal", "vetoEnergyJ", "vetoEnergyTotalJ"]));
    expect(varying.map((c) => c.metric)).toContain("globalRcf");
    for (const c of constant) {
      expect(c.open, `${c.metric} is constant but unfolded`).toBe(false);
      const unit = METRICS[c.metric]!.unit;
      expect(c.value).toMatch(new RegExp(`^constant: ${unit === "" ? "\\S+$" : `\\S+ \\S*${unit}$`}`));
    }
    expect(view.charts.find((c) => c.metric === "vetoEnergyJ")?.value).toBe("constant: 0 J");
    for (const c of varying) {
      expect(c.open, `${c.metric} varies but is folded`).toBe(true);
      const ticks = c.ticks.split("|");
      expect(ticks.length, c.metric).toBeGreaterThanOrEqual(2);
      for (const t of ticks) expect(t, c.metric).toMatch(/^[-\d]/);
      expect(new Set(ticks).size, `${c.metric} ticks ${c.ticks}`).toBe(ticks.length);
    }
    expect(errors).toEqual([]);
  });
});
