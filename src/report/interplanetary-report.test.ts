/**
 * The interplanetary section of the run report (§5.2). The series are synthetic (test/support):
 * these tests check what the report reads from series and draws, not the physics, which the
 * interplanetary model's own tests check.
 */
import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GAP_FROM, GAP_TO, SYNTHETIC_DAYS, syntheticInterplanetarySeries } from "../../test/support/interplanetary-series.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { Runner, type Sample } from "../sim/run.js";
import { modelFor } from "../sim/models/index.js";
import type { ModelEvent } from "../sim/model.js";
import { GAP_DOWN, GAP_UP } from "../sim/models/interplanetary.js";
import { cognitiveUnit } from "./cognitive-unit.js";
import { formatSeconds, interplanetaryStats, linkDownPeriods, quantileSorted, spread, type InterplanetaryStats } from "./interplanetary-data.js";
import { interplanetaryTimeUnit } from "./interplanetary-report.js";
import { writeRunReport, type RunReportInput } from "./run-report.js";

const DAY_NS = 86_400e9;

describe("interplanetary series readings", () => {
  it("quantiles match numpy.percentile's linear method", () => {
    // numpy.percentile([1, 2, 3, 4], 99) = 3.97; percentile([5, 1, 9, 3, 7], 50) = 5; percentile([0.5, 2.5, 1e3, 7, 11, 13], 99) = 950.65
    expect(quantileSorted([1, 2, 3, 4], 0.99)).toBeCloseTo(3.97, 12);
    expect(spread([5, 1, 9, 3, 7])!.median).toBe(5);
    expect(spread([0.5, 2.5, 1e3, 7, 11, 13, Number.NaN])!.p99).toBeCloseTo(950.65, 9);
    expect(spread([Number.NaN])).toBeNull();
  });

  it("finds each period with the gap closed, including one still open at the end", () => {
    const t = [0, 10, 20, 30, 40, 50, 60];
    const p = linkDownPeriods({ tNs: t, value: [1, 0, 0, 1, 1, 0, 0] }, { tNs: t, value: [9, 3, 2.5, 4, 8, 1.5, 1] });
    expect(p).toEqual([
      { startNs: 10, endNs: 30, open: false, minSunAngleDeg: 2.5 },
      { startNs: 50, endNs: 60, open: true, minSunAngleDeg: 1 },
    ]);
    expect(linkDownPeriods({ tNs: t, value: t.map(() => 1) })).toEqual([]);
  });

  it("splits residual, latency and coherence by whether the gap was open", () => {
    const s = interplanetaryStats(syntheticInterplanetarySeries())!;
    expect(s.linkDown).toHaveLength(1);
    expect(s.linkDown[0]!.startNs).toBe(GAP_FROM * DAY_NS);
    expect(s.linkDown[0]!.endNs).toBe(GAP_TO * DAY_NS);
    expect(s.linkDownNs).toBe((GAP_TO - GAP_FROM) * DAY_NS);
    expect(s.residualS.linked!.max).toBeCloseTo(3e-9, 20); // |±3 ns|
    expect(s.residualS.cutOff!.max).toBeCloseTo(10e-9, 20);
    expect(s.latencyS.across.p50.cutOff).toBeNull(); // NaN: no route while cut off
    expect(s.latencyS.across.p50.linked!.median).toBe(1260);
    expect(s.coherence.across.cutOff!.median).toBe(0.4);
    expect(s.acrossReachableMin).toBe(0);
    expect(interplanetaryStats(new Map([["globalRcf", { tNs: [1], value: [1] }]]))).toBeNull();
  });

  it("writes delays in the unit a reader expects", () => {
    expect(formatSeconds(85e-15)).toBe("85 fs");
    expect(formatSeconds(1e-9)).toBe("1 ns");
    expect(formatSeconds(0.012)).toBe("12 ms");
    expect(formatSeconds(1260)).toBe("21 min");
    expect(formatSeconds(10 * 86_400)).toBe("10 days");
    expect(interplanetaryTimeUnit(SYNTHETIC_DAYS * DAY_NS).label).toBe("days");
  });
});

/** Stats of a run that passes every test, to be broken one assumption at a time. */
function passing(): InterplanetaryStats {
  const sp = (v: number) => ({ min: v, median: v, p99: v, max: v, count: 10 });
  const linked = (v: number) => ({ linked: sp(v), cutOff: null });
  return {
    startNs: 0, endNs: 10 * DAY_NS, samples: 10, linkDown: [], linkDownNs: 0, lightTimeS: sp(1e-10), minSunAngleDeg: 40,
    residualS: linked(5e-14), residualAllS: sp(5e-14),
    latencyS: { earth: { p50: linked(1e-10), p99: linked(2e-10) }, mars: { p50: linked(1e-10), p99: linked(2e-10) }, across: { p50: linked(3e-10), p99: linked(5e-10) } },
    acrossReachableMin: 1, coherence: { earth: linked(0.99), mars: linked(0.99), across: linked(0.99), global: linked(0.99) },
  };
}

describe("the single cognitive unit (§5.2)", () => {
  it("fails on the conjunction run, naming the gap, and says what the gap does", () => {
    const r = cognitiveUnit(interplanetaryStats(syntheticInterplanetarySeries())!);
    expect(r.holds).toBe(false);
    expect(r.tests.map((t) => [t.name, t.holds])).toEqual([["connected", false], ["latency", false], ["one time base", false]]);
    expect(r.paragraph).toContain("down 1 time(s), 10 days in all (25 % of the run)");
    expect(r.paragraph).toContain("no message crossed");
    expect(r.paragraph).toContain("answered no sooner than 42 min later"); // 2 × 1260 s
    expect(r.paragraph).toContain("not a single cognitive unit");
  });

  it("flips with each outcome it hangs on", () => {
    expect(cognitiveUnit(passing()).holds).toBe(true);
    expect(cognitiveUnit(passing()).paragraph).toContain("passes every test");
    const gap = { ...passing(), linkDown: [{ startNs: DAY_NS, endNs: 2 * DAY_NS, open: false, minSunAngleDeg: 1 }], linkDownNs: DAY_NS };
    expect(cognitiveUnit(gap).tests.find((t) => t.name === "connected")!.holds).toBe(false);
    expect(cognitiveUnit(gap).holds).toBe(false);
    const slow = passing();
    const far = { ...slow, latencyS: { ...slow.latencyS, across: { ...slow.latencyS.across, p99: { linked: { min: 2e-9, median: 2e-9, p99: 2e-9, max: 2e-9, count: 1 }, cutOff: null } } } };
    expect(cognitiveUnit(far).tests.map((t) => t.holds)).toEqual([true, false, true]);
    // The same run holds again when the latency bound is read as 1 µs instead of 1 ns.
    expect(cognitiveUnit(far, { latencyS: 1e-6, residualS: 100e-15 }).holds).toBe(true);
    const drift = { ...passing(), residualAllS: { min: 0, median: 1e-13, p99: 2e-13, max: 3e-13, count: 10 } };
    expect(cognitiveUnit(drift).tests.map((t) => t.holds)).toEqual([true, true, false]);
  });
});

describe("run report of an interplanetary run", () => {
  const input: RunReportInput = {
    runId: "run-ip000001", status: "done", scenario: resolveScenario({ name: "ip-report-test" }), codeVersion: "0.1.0", fingerprint: "aa55",
    createdAt: "2026-01-01T00:00:00Z", wallS: 2, metrics: syntheticInterplanetarySeries(), eventCounts: {},
  };

  it("adds the §5.2 section: plots with the gap shaded, the paper's bounds, the tests and the paragraph", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-ip-report-"));
    const r = writeRunReport(input, dir, "html");
    expect(r.plots.map((p) => p.name)).toEqual(["interplanetary-residual", "interplanetary-coherence", "interplanetary-latency", "interplanetary-geometry"]);
    const html = readFileSync(r.path, "utf8");
    expect(html).toMatch(/<section id="interplanetary">[\s\S]*<figure id="plot-interplanetary-residual">\s*<svg/);
    for (const text of ["paper: &lt; 100 fs (§5.2)", "Theorem 1: &lt; 10 fs (§2.1)", "paper: &lt; 1 ns (§5.2)", "Earth–Mars links down", "across the gap", "not a single cognitive unit"]) expect(html).toContain(text);
    // The gap is drawn: one shaded area per closed period on each time plot.
    const residual = r.plots.find((p) => p.name === "interplanetary-residual")!.svg;
    expect(residual.match(/<polygon [^>]*fill-opacity="0.16"/g)).toHaveLength(1);
    expect(r.verdicts.map((v) => [v.section, v.outcome])).toEqual([["§5.2", "fails"], ["§2.1", "fails"], ["§5.2", "fails"], ["§5.2", "fails"]]);
    expect(html).not.toMatch(/<script|<link|src="https?:/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes the same section in Markdown, linking the PNGs", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-ip-report-"));
    const md = readFileSync(writeRunReport(input, dir, "md").path, "utf8");
    expect(md).toContain("## Interplanetary mesh (§5.2)");
    expect(md).toContain("(interplanetary-latency.png)");
    expect(md).toContain("| day 15 | day 25 | 10 days |");
    // Cells holding |x| are escaped: every table row keeps its column count.
    expect(md).toContain("\\|Earth–Mars clock residual\\|");
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    let width = 0;
    for (const l of md.split("\n")) {
      if (!l.startsWith("|")) { width = 0; continue; }
      if (width === 0) width = cells(l); // a table's header
      expect(cells(l), l).toBe(width);
    }
  });
});

describe("report of a real run through the 2028 solar conjunction", () => {
  it("finds the closed gap the model announced by its events, and says what it did", () => {
    const scenario = resolveScenario({
      name: "ip-conjunction", model: "interplanetary",
      run: { seed: 5, durationS: 24 * 86_400, tickS: 43_200, sampleEveryS: 43_200, checkpointEveryS: 24 * 86_400 },
      interplanetary: { epoch: "2028-03-09T00:00:00Z", earth: { nodes: 60, planes: 6, gateways: 3 }, mars: { areostationary: 3 }, latency: { earthSources: 2 } },
    });
    const samples: Sample[] = [];
    const events: ModelEvent[] = [];
    const r = Runner.start(scenario, modelFor(scenario), { sample: (x) => samples.push(x), event: (e) => events.push(e), checkpoint() {} });
    while (!r.advance(1000));
    const metrics = new Map<string, { tNs: number[]; value: number[] }>();
    for (const x of samples) for (const [k, v] of Object.entries(x.metrics)) {
      const e = metrics.get(k) ?? { tNs: [], value: [] };
      metrics.set(k, e);
      e.tNs.push(x.tNs);
      e.value.push(v);
    }
    const stats = interplanetaryStats(metrics)!;
    // The series' reading agrees with the model's own gapDown/gapUp events (sampled every tick).
    const downs = events.filter((e) => e.kind === GAP_DOWN).map((e) => e.tNs);
    const ups = events.filter((e) => e.kind === GAP_UP).map((e) => e.tNs);
    expect(stats.linkDown.map((p) => p.startNs)).toEqual(downs);
    expect(stats.linkDown.filter((p) => !p.open).map((p) => p.endNs)).toEqual(ups);
    expect(stats.linkDown.length).toBeGreaterThan(0);
    // Cut off, the Mars clock holds over: its residual grows past anything seen while linked.
    expect(stats.residualS.cutOff!.max).toBeGreaterThan(10 * stats.residualS.linked!.median);
    const dir = mkdtempSync(join(tmpdir(), "pqms-ip-report-"));
    const rep = writeRunReport({ runId: "run-ipreal01", status: "done", scenario, codeVersion: "test", fingerprint: r.result!.fingerprint, createdAt: "", wallS: 0, metrics, eventCounts: {} }, dir, "md");
    const md = readFileSync(rep.path, "utf8");
    expect(md).toContain(`down ${stats.linkDown.length} time(s)`);
    expect(md).toContain("not a single cognitive unit");
    expect(rep.verdicts.every((v) => v.outcome === "fails")).toBe(true);
  });
});
