/**
 * The resonance mesh across both planets inside the interplanetary run (§5.2): coherence is
 * sampled every tick, nothing crosses before one light-time nor while the gap is closed (the 2028
 * solar conjunction), the summary carries it, and the single-unit verdict's coherence conditions
 * flip on their thresholds (θ_crit §2.1, ΔE §2.3).
 */
import { describe, expect, it } from "vitest";
import { interplanetarySummary, singleUnitVerdict } from "../../experiments/interplanetary/run-summary.js";
import { Runner, type Sample } from "../run.js";
import { resolveScenario, type Scenario } from "../scenario/index.js";
import type { ModelEvent } from "../model.js";
import { METRICS } from "../../report/metric-table.js";
import { modelFor } from "./index.js";

const DAY_S = 86_400;

function scenario(mesh: Record<string, unknown>, epoch: string, days: number): Scenario {
  return resolveScenario({
    name: "ip-coherence", model: "interplanetary",
    run: { seed: 3, durationS: days * DAY_S, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: days * DAY_S },
    interplanetary: { epoch, earth: { nodes: 40, planes: 4, gateways: 2 }, mars: { areostationary: 3 }, latency: { earthSources: 2 }, mesh },
  }, "test");
}

function run(sc: Scenario): { samples: Sample[]; events: ModelEvent[] } {
  const samples: Sample[] = [];
  const events: ModelEvent[] = [];
  const r = Runner.start(sc, modelFor(sc), { sample: (s) => samples.push(s), event: (e) => events.push(e), checkpoint: () => {} });
  while (!r.advance(50));
  return { samples, events };
}

function seriesOf(samples: readonly Sample[]): Map<string, { tNs: number[]; value: number[] }> {
  const out = new Map<string, { tNs: number[]; value: number[] }>();
  for (const s of samples) {
    for (const [k, v] of Object.entries(s.metrics)) {
      let e = out.get(k);
      if (e === undefined) out.set(k, (e = { tNs: [], value: [] }));
      e.tNs.push(s.tNs);
      e.value.push(v);
    }
  }
  return out;
}

describe("coherence across the gap in the interplanetary run", () => {
  it("through the 2028 conjunction: nothing crosses on the first tick (no light-time yet) nor while the gap is closed; within-shell coherence is always measured", () => {
    // 2028-03-14 + 4 days: the gap closes inside the solar exclusion (interplanetary.test.ts).
    const { samples } = run(scenario({ nodesPerMarsSite: 2 }, "2028-03-10T00:00:00Z", 8));
    const m = samples.map((s) => s.metrics);
    expect(m[0]!.coherenceAcross).toBe(0);
    expect(m[0]!.gapDirectionsCoupled).toBe(0);
    let closed = 0;
    for (const x of m) {
      for (const k of ["coherenceEarth", "coherenceMars", "coherenceAcross", "coherenceGlobal", "coherenceAcrossInstant"]) {
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
    const own = Object.keys(m[0]!).filter((k) => /^(coherence|deltaE|meshVetoes|gapDirections)/.test(k));
    expect(own).toHaveLength(12);
    for (const k of own) expect(METRICS[k], k).toBeDefined();
  });

  it("the summary carries coherence from the series, and none with interplanetary.mesh.enabled false", () => {
    const sc = scenario({ nodesPerMarsSite: 2 }, "2028-01-01T00:00:00Z", 1);
    const { samples, events } = run(sc);
    const s = interplanetarySummary(sc, seriesOf(samples), events);
    const across = samples.map((x) => x.metrics.coherenceAcross!).sort((a, b) => a - b);
    expect(s.coherence!.across).toEqual({ median: across[Math.floor(across.length / 2)], min: across[0] });
    expect(s.verdict.conditions.map((c) => c.name)).toContain("coherence across the gap");
    const off = scenario({ enabled: false }, "2028-01-01T00:00:00Z", 1);
    const r = run(off);
    expect(Object.keys(r.samples[0]!.metrics).some((k) => k.startsWith("coherence"))).toBe(false);
    expect(interplanetarySummary(off, seriesOf(r.samples), r.events).coherence).toBeNull();
  });

  it("too few resonance nodes for a ring is refused, naming the field", () => {
    const twoSites = { name: "ip", model: "interplanetary", run: { tickS: 7200 }, interplanetary: { mars: { areostationary: 2 }, mesh: { nodesPerMarsSite: 1 } } };
    expect(() => resolveScenario(twoSites, "test")).toThrow(/interplanetary.mesh.nodesPerMarsSite: expected at least 3 Mars resonance nodes/);
    expect(() => scenario({ kappaGapPerS: -1 }, "2028-01-01T00:00:00Z", 1)).toThrow(/interplanetary.mesh.kappaGapPerS/);
  });
});

describe("the single-unit verdict's coherence conditions (§2.1 θ_crit, §2.3 ΔE)", () => {
  const ok = { acrossMedianS: 5e-10, lightTimeMinS: 1e-10, gapClosedS: 0, residualP99S: 5e-14, paperLatencyS: 1e-9, paperResidualS: 100e-15, processingS: 1e-9 };
  const coh = { coherenceAcrossMin: 0.96, marsVetoes: 0, rcfThreshold: 0.95, marsDeltaEMedian: 0.01, deltaEThreshold: 0.05, kappaGapPerS: 1e-4 };

  it("holds only while coherence across stays ≥ θ_crit and Mars stays in phase before the guardian acts", () => {
    expect(singleUnitVerdict({ ...ok, ...coh }).outcome).toBe("holds");
    expect(singleUnitVerdict({ ...ok, ...coh, coherenceAcrossMin: 0.94 }).outcome).toBe("fails");
    const reseeded = singleUnitVerdict({ ...ok, ...coh, marsDeltaEMedian: 0.9, marsVetoes: 120 });
    expect(reseeded.outcome).toBe("fails");
    expect(reseeded.text).toMatch(/Mars in phase with Earth's time before the guardian acts: median ΔE 0\.900/);
    expect(reseeded.assumptions.some((a) => a.includes("κ_gap = 0.0001"))).toBe(true);
  });

  it("without the mesh the verdict has only its three conditions", () => {
    expect(singleUnitVerdict(ok).conditions).toHaveLength(3);
    expect(singleUnitVerdict({ ...ok, ...coh }).conditions).toHaveLength(5);
  });
});
