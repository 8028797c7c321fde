/**
 * Both readings of pairwise RCF on a density-matrix mesh (density-coherence.ts): the O(N d²)
 * all-pairs mean of Tr(ρ_iρ_j) against the O(N² d²) double loop, and F² against the quantum
 * core's Uhlmann `fidelity` (an independent sqrtm + eigensolver path).
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { fidelity } from "../../quantum/metrics.js";
import { Qobj } from "../../quantum/qobj.js";
import { densityCoherence, FIDELITY_EDGES_MAX, fidelitySq } from "./density-coherence.js";
import { densityNodeLength, densityOverlap } from "./density-mesh.js";
import { ResonanceMesh } from "./mesh.js";

/** A density mesh after some dephasing and coupling: mixed, unequal node states. */
function mixedMesh(nodes: number, dim: number, seed: number): ResonanceMesh {
  const m = ResonanceMesh.init({ nodes, dim, coupling: "density", topology: "ring", degree: 2, initialState: "haar", gammaPerS: 2e9, kappaPerS: 5e8, detuningStdRadS: 3e9, vetoEnabled: false }, RandomStream.fromSeed(seed, "mesh"));
  for (let s = 0; s < 5; s++) m.step(1e-10);
  return m;
}

describe("density mesh coherence: Tr(ρ_iρ_j) and Uhlmann F² side by side", () => {
  it("F² matches the quantum core's fidelity² on mixed pairs, and equals Tr(ρσ) = |⟨ψ|φ⟩|² on pure ones", () => {
    const d = 5;
    const m = mixedMesh(12, d, 3);
    const data = m.densityMatrices.data;
    const L = densityNodeLength(d);
    const q = (i: number) => new Qobj({ rows: d, cols: d, data: data.slice(L * i, L * (i + 1)) });
    for (const [i, j] of [[0, 1], [2, 7], [5, 11]] as const) {
      const want = fidelity(q(i), q(j)) ** 2;
      expect(fidelitySq(data, i, data, j, d)).toBeCloseTo(want, 10);
      expect(fidelitySq(data, i, data, i, d)).toBeCloseTo(1, 10);
    }
    const pure = ResonanceMesh.init({ nodes: 4, dim: d, degree: 2, coupling: "density", initialState: "haar" }, RandomStream.fromSeed(4, "mesh")).densityMatrices.data;
    // √ρ of a pure state is ρ itself (its null eigenvalues are rounding, and count as 0).
    for (const j of [1, 2, 3]) expect(fidelitySq(pure, 0, pure, j, d)).toBeCloseTo(densityOverlap(pure, 0, pure, j, d), 12);
  });

  it("the all-pairs mean of Tr(ρ_iρ_j) from S = Σρ_i equals the double loop; small meshes sample every edge", () => {
    const d = 4;
    const N = 40;
    const m = mixedMesh(N, d, 7);
    const data = m.densityMatrices.data;
    const c = densityCoherence(data, N, d, m.neighbours);
    let pairs = 0;
    let purity = 0;
    for (let i = 0; i < N; i++) {
      purity += densityOverlap(data, i, data, i, d);
      for (let j = 0; j < N; j++) if (j !== i) pairs += densityOverlap(data, i, data, j, d);
    }
    expect(c.overlapPairMean).toBeCloseTo(pairs / (N * (N - 1)), 13);
    expect(c.purityMean).toBeCloseTo(purity / N, 13);
    expect(c.purityMean).toBeLessThan(0.9); // mixed indeed
    expect(c.edgesSampled).toBe(N); // a ring of 40 has 40 edges
    let fid = 0;
    for (let i = 0; i < N; i++) fid += fidelitySq(data, i, data, (i + 1) % N, d);
    expect(c.fidelitySqEdgeMean).toBeCloseTo(fid / N, 12);
    expect(c.fidelitySqEdgeMean).toBeGreaterThan(c.overlapEdgeSampleMean); // F² ≥ Tr(ρσ) for these mixed pairs
  });

  it("large meshes sample FIDELITY_EDGES_MAX edges, spread over the whole mesh", () => {
    const m = mixedMesh(2000, 3, 9);
    const c = densityCoherence(m.densityMatrices.data, 2000, 3, m.neighbours);
    expect(c.edgesSampled).toBe(FIDELITY_EDGES_MAX);
    expect(Number.isFinite(c.fidelitySqEdgeMean)).toBe(true);
  });
});
