import { describe, it, expect } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { nodeBlock, theorem2Evolve, theorem2Initial, theorem2Measures, theorem2Steady, type Theorem2Options } from "./theorem2.js";
import { Qobj } from "../../quantum/qobj.js";
import { mesolve } from "../../quantum/mesolve.js";
import { theorem2Operators } from "./theorem2.js";

const base: Theorem2Options = { nodes: 3, dim: 3, gammaPerNs: 1e-3, kappaPerNs: 1, hoppingRadPerNs: 1, dissipator: "dephasing" };

describe("Appendix B, Theorem 2 on its own master equation", () => {
  it("the embedding is exact: coupling alone gives ρ_1(t) = ρ̄ + (ρ_1(0) − ρ̄)e^{−2κt} for two nodes", () => {
    const o = { ...base, nodes: 2, gammaPerNs: 0, hoppingRadPerNs: 0, kappaPerNs: 0.7 };
    const rho0 = theorem2Initial(o, new NumpyRandomState(5));
    const { H, cOps } = theorem2Operators(o);
    const t = 1.3;
    const r = mesolve(H, rho0, [0, t], cOps, { options: { atol: 1e-12, rtol: 1e-10 } });
    const a0 = nodeBlock(rho0, 2, 3, 0).dense().data;
    const b0 = nodeBlock(rho0, 2, 3, 1).dense().data;
    const a1 = nodeBlock(r.finalState, 2, 3, 0).dense().data;
    const f = Math.exp(-2 * 0.7 * t);
    for (let k = 0; k < a0.length; k++) {
      const mean = (a0[k]! + b0[k]!) / 2;
      expect(a1[k]!).toBeCloseTo(mean + (a0[k]! - mean) * f, 8);
    }
  });

  it("both readings of RCF reduce to |⟨ψ_i|ψ_j⟩|² for pure nodes (§2.1) and part for mixed ones: Tr(ρ_iρ_j) = 1/d, F² = 1 at ρ_i = ρ_j = 1/d", () => {
    // Two nodes, d = 3, embedded as ρ = Σ_i |i⟩⟨i| ⊗ ρ_i / 2 (real entries only).
    const embed = (r0: number[][], r1: number[][]): Qobj => {
      const data = new Float64Array(2 * 36);
      for (const [i, ri] of [r0, r1].entries()) {
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) data[2 * ((3 * i + a) * 6 + 3 * i + b)] = ri[a]![b]! / 2;
      }
      return new Qobj({ rows: 6, cols: 6, data });
    };
    const o = { ...base, nodes: 2 };
    const ket0 = [[1, 0, 0], [0, 0, 0], [0, 0, 0]];
    const plus = [[1, 1, 1], [1, 1, 1], [1, 1, 1]].map((row) => row.map((x) => x / 3)); // |+⟩ = (1,1,1)/√3
    const mixed = [[1, 0, 0], [0, 1, 0], [0, 0, 1]].map((row) => row.map((x) => x / 3));
    const pure = theorem2Measures(embed(ket0, plus), o); // |⟨0|+⟩|² = 1/3
    expect(pure.overlapMean).toBeCloseTo(1 / 3, 12);
    expect(pure.fidelitySqMean).toBeCloseTo(1 / 3, 10);
    const same = theorem2Measures(embed(mixed, mixed), o); // Tr((1/3)²) = 3·(1/9) = 1/3; F(ρ, ρ) = Tr ρ = 1
    expect(same.overlapMean).toBeCloseTo(1 / 3, 12);
    expect(same.purityMean).toBeCloseTo(1 / 3, 12);
    expect(same.fidelitySqMean).toBeCloseTo(1, 10);
  });

  for (const ratio of [1e-3, 1, 10]) {
    it(`dephasing, γ/κ = ${ratio}: every node ends in 1/d, so Tr ρ_iρ_j = 1/d and F² = 1 — not 1/(1+γ/κ)`, () => {
      const r = theorem2Steady({ ...base, gammaPerNs: ratio * base.kappaPerNs });
      expect(r.blockSpread).toBeLessThan(1e-9);
      expect(r.overlapMean).toBeCloseTo(1 / 3, 9);
      expect(r.purityMean).toBeCloseTo(1 / 3, 9);
      expect(r.fidelitySqMean).toBeCloseTo(1, 6);
      expect(Math.abs(r.overlapMean - r.rcfClaimed)).toBeGreaterThan(0.05);
    });
  }

  it("damping without hopping: every node ends in |0⟩, RCF = 1 for any γ/κ", () => {
    for (const ratio of [1e-2, 5]) {
      const r = theorem2Steady({ ...base, dissipator: "damping", hoppingRadPerNs: 0, gammaPerNs: ratio });
      expect(r.overlapMean).toBeCloseTo(1, 8);
      expect(r.purityMean).toBeCloseTo(1, 8);
    }
  });

  it("the steady-state RCF does not depend on κ at all, while the claim 1/(1+γ/κ) moves from 0.33 to 0.98", () => {
    const gamma = 0.2;
    const rs = [0.1, 1, 10].map((kappaPerNs) => theorem2Steady({ ...base, dissipator: "damping", gammaPerNs: gamma, kappaPerNs }));
    for (const r of rs) {
      expect(r.blockSpread).toBeLessThan(1e-9);
      expect(r.overlapMean).toBeCloseTo(rs[0]!.overlapMean, 8);
    }
    expect(rs[0]!.rcfClaimed).toBeCloseTo(1 / 3, 12);
    expect(rs[2]!.rcfClaimed).toBeCloseTo(1 / 1.02, 12);
  });

  it("mesolve from random pure states: nodes agree first (rate ~κ), then lose purity (rate ~γ)", () => {
    const o = { ...base, gammaPerNs: 0.05 };
    const rs = theorem2Evolve(o, new NumpyRandomState(8), [0, 5, 200]);
    expect(rs[0]!.purityMean).toBeCloseTo(1, 10);
    expect(rs[1]!.blockSpread).toBeLessThan(rs[0]!.blockSpread / 10);
    expect(rs[2]!.overlapMean).toBeCloseTo(1 / 3, 3);
  });

  it("rejects sizes beyond the small-N mode", () => {
    expect(() => theorem2Steady({ ...base, nodes: 50 })).toThrow(/theorem2\.nodes/);
    expect(() => theorem2Steady({ ...base, kappaPerNs: 0 })).toThrow(/κ > 0/);
  });
});
