/**
 * The resonance mesh across both planets inside the interplanetary run (§5.2): coherence is
 * sampled every tick, nothing crosses before one light-time nor while the gap is closed (the 2028
 * solar conjunction), the summary carries it, and the single-cognitive-unit reading's mesh tests
 * flip on their thresholds (θ_crit §2.1, ΔE §2.3).
 */
import { describe, expect, it } from "vitest";
import { interplanetarySummary } from "../../experiments/interplanetary/run-summary.js";
import { cognitiveUnit } from "../../report/cognitive-unit.js";
import { interplanetaryStats, type InterplanetaryStats } from "../../report/interplanetary-data.js";
import { resolveScenario, type Scenario } from "../scenario/index.js";
import { METRICS } from "../../report/metric-table.js";
import { recordRun, seriesOf } from "./__tests__/record-run.js";

const DAY_S = 86_400;

function scenario(mesh: Record<string, unknown>, epoch: string, days: number): Scenario {
  return resolveScenario({
    name: "ip-coherence", model: "interplanetary",
    run: { seed: 3, durationS: days * DAY_S, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: days * DAY_S },
    interplanetary: { epoch, earth: { nodes: 40, planes: 4, gateways: 2 }, mars: { areostationary: 3 }, latency: { earthSources: 2 }, mesh },
  }, "test");
}

describe("coherence across the gap in the interplanetary run", () => {
  it("through the 2028 conjunction: nothing crosses on the first tick (no light-time yet) nor while the gap is closed; within-shell coherence is always measured", () => {
    // 2028-03-14 + 4 days: the gap closes inside the solar exclusion (interplanetary.test.ts).
    const { samples } = recordRun(scenario({ nodesPerMarsSite: 2 }, "2028-03-10T00:00:00Z", 8), 50);
    const m = samples.map((s) => s.metrics);
    // The first tick: nothing has crossed yet, so there is no figure (not a 0 that would read as decoherence).
    expect(m[0]!.coherenceAcross).toBeUndefined();
    expect(m[0]!.gapDirectionsCoupled).toBe(0);
    let closed = 0;
    for (const x of m) {
      for (const k of ["coherenceEarth", "coherenceMars", "coherenceGlobal", "coherenceAcrossInstant", ...(x === m[0] ? [] : ["coherenceAcross"])]) {
        expect(x[k]).toBeGreaterThanOrEqual(0);
        expect(x[k]).toBeLessThanOrEqual(1 + 1e-12);
      }
      if (x.gapLinkUp === 0) {
        closed++;
        expect(x.coherenceAcross).toBe(0);
        expect(x.gapDirectionsCoupled).toBe(0);
      }
    }
    expect(closed).toBeGreaterThan(0);
    expect(m.some((x) => x.gapLinkUp === 1 && x.gapDirectionsCoupled === 2)).toBe(true);
    const own = Object.keys(m[1]!).filter((k) => /^(coherence|deltaE|meshVetoes|gapDirections)/.test(k));
    expect(own).toHaveLength(12);
    for (const k of own) expect(METRICS[k], k).toBeDefined();
  });

  it("the summary carries coherence from the series, and none with interplanetary.mesh.enabled false", () => {
    const sc = scenario({ nodesPerMarsSite: 2 }, "2028-01-01T00:00:00Z", 1);
    const { samples, events } = recordRun(sc, 50);
    const s = interplanetarySummary(sc, seriesOf(samples), events);
    const across = samples.flatMap((x) => (x.metrics.coherenceAcross === undefined ? [] : [x.metrics.coherenceAcross])).sort((a, b) => a - b);
    expect(across).toHaveLength(samples.length - 1);
    expect(s.coherence!.across).toEqual({ median: across[Math.floor(across.length / 2)], min: across[0] });
    expect(s.verdict.conditions.map((c) => c.name)).toEqual(expect.arrayContaining(["coherent across the gap", "in phase before the guardian"]));
    const off = scenario({ enabled: false }, "2028-01-01T00:00:00Z", 1);
    const r = recordRun(off, 50);
    expect(Object.keys(r.samples[0]!.metrics).some((k) => k.startsWith("coherence"))).toBe(false);
    expect(interplanetarySummary(off, seriesOf(r.samples), r.events).coherence).toBeNull();
  });

  it("too few resonance nodes for a ring is refused, naming the field", () => {
    const twoSites = { name: "ip", model: "interplanetary", run: { tickS: 7200 }, interplanetary: { mars: { areostationary: 2 }, mesh: { nodesPerMarsSite: 1 } } };
    expect(() => resolveScenario(twoSites, "test")).toThrow(/interplanetary.mesh.nodesPerMarsSite: expected at least 3 Mars resonance nodes/);
    expect(() => scenario({ kappaGapPerS: -1 }, "2028-01-01T00:00:00Z", 1)).toThrow(/interplanetary.mesh.kappaGapPerS/);
  });
});

describe("the single-cognitive-unit reading's mesh tests (§2.1 θ_crit, §2.3 ΔE)", () => {
  const DAY_NS = 86_400e9;
  const sp = (v: number) => ({ min: v, median: v, p99: v, max: v, count: 10 });
  const linked = (v: number) => ({ linked: sp(v), cutOff: null });
  /** A run that passes every test, to be broken one outcome at a time. */
  const passing = (): InterplanetaryStats => ({
    startNs: 0, endNs: 10 * DAY_NS, samples: 10, linkDown: [], linkDownNs: 0, lightTimeS: sp(1e-10), minSunAngleDeg: 40,
    residualS: linked(5e-14), residualAllS: sp(5e-14),
    latencyS: { earth: { p50: linked(1e-10), p99: linked(2e-10) }, mars: { p50: linked(1e-10), p99: linked(2e-10) }, across: { p50: linked(3e-10), p99: linked(5e-10) } },
    acrossReachableMin: 1, coherence: { earth: linked(0.99), mars: linked(0.99), across: linked(0.96), global: linked(0.99) },
    guardian: { deltaEMars: sp(0.01), vetoesMars: 0 },
  });
  const holds = (s: InterplanetaryStats) => cognitiveUnit(s).tests.map((t) => [t.name, t.holds]);

  it("holds only while coherence across stays ≥ θ_crit and Mars stays in phase before the guardian acts", () => {
    expect(cognitiveUnit(passing()).holds).toBe(true);
    const low = { ...passing(), coherence: { ...passing().coherence, across: linked(0.94) } };
    expect(holds(low).slice(3)).toEqual([["coherent across the gap", false], ["in phase before the guardian", true]]);
    const reseeded = { ...passing(), guardian: { deltaEMars: sp(0.9), vetoesMars: 120 } };
    expect(holds(reseeded).slice(3)).toEqual([["coherent across the gap", true], ["in phase before the guardian", false]]);
    expect(cognitiveUnit(reseeded).paragraph).toMatch(/guardian re-seeded Mars nodes 120 times/);
    // The same run holds when ΔE up to 0.95 is read as in phase.
    expect(cognitiveUnit(reseeded, { latencyS: 1e-9, residualS: 100e-15, deltaEMax: 0.95 }).holds).toBe(true);
  });

  it("without the guardian's series the reading has only its three tests", () => {
    const { guardian: _, ...plain } = passing();
    expect(cognitiveUnit(plain).tests).toHaveLength(3);
    expect(cognitiveUnit(passing()).tests).toHaveLength(5);
  });

  it("a run's series carry the guardian into the reading", () => {
    const sc = scenario({ nodesPerMarsSite: 2 }, "2028-01-01T00:00:00Z", 1);
    const { samples } = recordRun(sc, 50);
    const stats = interplanetaryStats(seriesOf(samples))!;
    const de = samples.map((x) => x.metrics.deltaEMarsMean!).sort((a, b) => a - b);
    expect(stats.guardian!.deltaEMars.max).toBe(de[de.length - 1]);
    expect(stats.guardian!.vetoesMars).toBe(samples[samples.length - 1]!.metrics.meshVetoesMarsTotal);
  });
});
