/**
 * Theorem 1 measured, not assumed: with `umt.sync` the mesh's phase references carry the
 * UMT model's residuals (CSAC clocks, two-way transfer over +Grid ISLs). Hold-over floor: a
 * node's own clock alone wanders σ_y(τ)·τ over τ = holdoverS after its sync (SA.45s white FM:
 * 3e-10/√0.5 · 0.5 s = 2.1e-10 s = 2.1e5 fs) — four orders above Theorem 1's 10 fs.
 */
import { describe, expect, it } from "vitest";
import { Runner } from "../run.js";
import { resolveScenario } from "../scenario/index.js";
import { ResonanceMeshModel } from "./resonance-mesh.js";

function last(sync: boolean): Record<string, number> {
  const sc = resolveScenario({
    run: { durationS: 2e-8, tickS: 1e-9, sampleEveryS: 2e-8 }, mesh: { nodes: 200, clusterSize: 100, gammaPerS: 0 },
    umt: { driftFs: 0, ...(sync ? { sync: { syncIntervalS: 1, rounds: 5, holdoverS: 0.5 } } : {}) }, constellation: { nodes: 200, planes: 2 },
  });
  let m: Record<string, number> = {};
  const r = Runner.start(sc, new ResonanceMeshModel(), { sample: (s) => { m = { ...s.metrics }; }, event: () => {}, checkpoint: () => {} });
  while (!r.advance(1000));
  return m;
}

describe("UMT residuals feed the mesh's phase references (Theorem 1, §5.2)", () => {
  it("CSAC clocks leave residuals above the hold-over floor σ_y(τ)·τ, far above 10 fs, and the guardian vetoes", () => {
    const ideal = last(false);
    const umt = last(true);
    expect(ideal.clockErrorRmsFs).toBe(0);
    expect(umt.clockErrorRmsFs).toBeGreaterThan(0.5 * 2.1e5);
    expect(umt.vetoesTotal).toBeGreaterThan(ideal.vetoesTotal!);
  });
  it("a scenario with umt.sync but no matching constellation is rejected, naming the field", () => {
    expect(() => resolveScenario({ mesh: { nodes: 200, clusterSize: 100 }, umt: { sync: {} } })).toThrow(/constellation/);
    expect(() => resolveScenario({ mesh: { nodes: 200, clusterSize: 100 }, umt: { sync: {} }, constellation: { nodes: 300, planes: 3 } })).toThrow(/constellation.nodes/);
  });
});
