/**
 * `mesh.coupling: density` — Appendix B's master equation on d×d density matrices
 * (density-mesh.ts). Checked against: the N-node `mesolve` of theorem2.ts's exact embedding
 * (independent integrator, ≤ 1e-8), the pure-state mesh (same seed, no coupling, no dephasing:
 * ρ_i = |ψ_i⟩⟨ψ_i| exactly), and the invariants a density matrix must keep (Hermitian, trace 1,
 * positive) under every part of the tick, vetoes and failures included.
 */
import { describe, expect, it } from "vitest";
import { eigvalsh } from "../../numeric/linalg/eigh.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { mesolve } from "../../quantum/mesolve.js";
import { Qobj } from "../../quantum/qobj.js";
import { densityDeltaE, densityNodeLength, densityOverlap, writeProjector } from "./density-mesh.js";
import { ResonanceMesh } from "./mesh.js";
import type { MeshParams } from "./mesh-params.js";
import { nodeBlock, theorem2Operators } from "./theorem2.js";

const quiet = { gammaPerS: 0, kappaPerS: 0, clockErrorStdS: 0, clockDriftStd: 0, vetoEnabled: false } as const;

/** Largest violation of Hermiticity, |Tr ρ − 1| and −λ_min over the mesh's live nodes. */
function invariants(m: ResonanceMesh): { herm: number; trace: number; negative: number } {
  const { dim, nodes } = m.params;
  let herm = 0;
  let trace = 0;
  let negative = 0;
  for (let i = 0; i < nodes; i++) {
    if (m.failedCount > 0 && m.isFailed(i)) continue;
    const r = m.nodeState(i);
    let tr = 0;
    for (let k = 0; k < dim; k++) {
      tr += r[2 * (k * dim + k)]!;
      herm = Math.max(herm, Math.abs(r[2 * (k * dim + k) + 1]!));
      for (let l = 0; l < dim; l++) {
        const a = 2 * (k * dim + l);
        const b = 2 * (l * dim + k);
        herm = Math.max(herm, Math.abs(r[a]! - r[b]!), Math.abs(r[a + 1]! + r[b + 1]!));
      }
    }
    trace = Math.max(trace, Math.abs(tr - 1));
    negative = Math.max(negative, -eigvalsh({ rows: dim, cols: dim, data: r })[0]!);
  }
  return { herm, trace, negative };
}

describe("density-matrix mesh (Appendix B's equation itself)", () => {
  it("states start as the pure mesh's |ψ_i⟩⟨ψ_i| (same seed, same draws), 2304 bytes a node at d = 12", () => {
    const p = { nodes: 20, dim: 12, initialSpread: 0.3 };
    const pure = ResonanceMesh.init({ ...p, coupling: "meanField" }, RandomStream.fromSeed(3, "mesh"));
    const mixed = ResonanceMesh.init({ ...p, coupling: "density" }, RandomStream.fromSeed(3, "mesh"));
    expect(8 * mixed.nodeLength).toBe(2304);
    const want = new Float64Array(densityNodeLength(12));
    for (let i = 0; i < 20; i++) {
      writeProjector(want, 0, pure.nodeState(i), 12);
      expect(mixed.nodeState(i)).toEqual(want);
    }
    expect(mixed.buffers.clockErrorS).toEqual(pure.buffers.clockErrorS);
  });

  it("without coupling and dephasing the tick is the pure mesh's (detuning H_i and UMT clock phases): ρ_i(t) = |ψ_i(t)⟩⟨ψ_i(t)| to 1e-12", () => {
    const p = { nodes: 12, dim: 6, ...quiet, detuningStdRadS: 3e9, clockErrorStdS: 20e-15, clockWalkSPerSqrtS: 1e-12, initialSpread: 0.4 };
    const pure = ResonanceMesh.init({ ...p, coupling: "meanField" }, RandomStream.fromSeed(9, "mesh"));
    const mixed = ResonanceMesh.init({ ...p, coupling: "density" }, RandomStream.fromSeed(9, "mesh"));
    for (let s = 0; s < 50; s++) {
      pure.step(1e-10);
      mixed.step(1e-10);
    }
    expect(mixed.buffers.clockErrorS).toEqual(pure.buffers.clockErrorS); // the clock walk draws the same
    const want = new Float64Array(densityNodeLength(6));
    for (let i = 0; i < 12; i++) {
      writeProjector(want, 0, pure.nodeState(i), 6);
      const got = mixed.nodeState(i);
      // 100 half steps of rounding in cos/sin of phases up to ~ω_k τ ≈ 30 rad: well below 1e-12.
      for (let e = 0; e < want.length; e++) expect(Math.abs(got[e]! - want[e]!)).toBeLessThan(1e-12);
    }
  });

  /** The mesh and theorem2.ts's N-node mesolve from the mesh's own initial states, at t. */
  function againstMesolve(dtS: number, tNs: number) {
    const N = 4;
    const d = 3;
    const gammaPerNs = 0.3;
    const kappaPerNs = 1;
    const p: Partial<MeshParams> & { nodes: number } = {
      nodes: N, dim: d, topology: "ring", degree: 2, coupling: "density", initialState: "haar", ...quiet,
      gammaPerS: gammaPerNs * 1e9, kappaPerS: kappaPerNs * 1e9, detuningStdRadS: 1e9,
    };
    const mesh = ResonanceMesh.init(p, RandomStream.fromSeed(21, "mesh"));
    // Reference: one Lindblad equation on C^N ⊗ C^d (theorem2.ts), H = Σ_i |i⟩⟨i| ⊗ diag(δ_i) in rad/ns.
    const { H: h0, cOps, size: n } = theorem2Operators({ nodes: N, dim: d, gammaPerNs, kappaPerNs, hoppingRadPerNs: 0, dissipator: "dephasing" });
    const h = h0.dense().data.slice();
    for (let x = 0; x < N * d; x++) h[2 * (x * n + x)] = mesh.buffers.detuningRadS[x]! * 1e-9;
    const rho0 = new Float64Array(2 * n * n);
    for (let i = 0; i < N; i++) {
      const r = mesh.nodeState(i);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
        rho0[2 * ((i * d + a) * n + i * d + b)] = r[2 * (a * d + b)]! / N;
        rho0[2 * ((i * d + a) * n + i * d + b) + 1] = r[2 * (a * d + b) + 1]! / N;
      }
    }
    const ref = mesolve(new Qobj({ rows: n, cols: n, data: h }), new Qobj({ rows: n, cols: n, data: rho0 }), [0, tNs], cOps, { options: { atol: 1e-13, rtol: 1e-11 } });
    const steps = Math.round((tNs * 1e-9) / dtS);
    for (let s = 0; s < steps; s++) mesh.step(dtS);
    let err = 0;
    for (let i = 0; i < N; i++) {
      const want = nodeBlock(ref.finalState, N, d, i).dense().data;
      const got = mesh.nodeState(i);
      for (let e = 0; e < got.length; e++) err = Math.max(err, Math.abs(got[e]! - want[e]!));
    }
    return { err, mesh };
  }

  it("matches the N-node mesolve of theorem2.ts (ring of 4, d = 3, detuning, dephasing γ/κ = 0.3) to ≤ 1e-8 at Δt = 1e-4/κ", () => {
    const { err } = againstMesolve(1e-13, 2);
    // Strang splitting, second order: error ≈ C·Δt² (C of order the commutator of local and coupling parts, ~1).
    expect(err).toBeLessThan(1e-8);
  }, 60_000);

  it("the tick is second order: halving Δt divides the error by ≈ 4", () => {
    const e1 = againstMesolve(4e-12, 2).err;
    const e2 = againstMesolve(2e-12, 2).err;
    expect(e1).toBeGreaterThan(1e-7); // large enough to sit far above mesolve's own 1e-11 tolerance
    expect(e1 / e2).toBeGreaterThan(3.6);
    expect(e1 / e2).toBeLessThan(4.4);
  }, 60_000);

  for (const seed of [1, 2, 3]) {
    it(`stays Hermitian, trace 1 and positive under coupling, dephasing, detuning, clock walk, vetoes and failures (seed ${seed})`, () => {
      const m = ResonanceMesh.init({
        nodes: 200, dim: 5, coupling: "density", topology: "ring", degree: 4, initialState: seed === 3 ? "haar" : "odos", initialSpread: 0.3,
        gammaPerS: 3e8, kappaPerS: 1e9, detuningStdRadS: 2e9, clockWalkSPerSqrtS: 1e-11, deltaEThreshold: 0.3,
      }, RandomStream.fromSeed(seed, "mesh"));
      let vetoes = 0;
      for (let s = 0; s < 120; s++) {
        if (s === 30) {
          m.failNode(7);
          m.failNode(8);
        }
        if (s === 60) m.restoreNode(7, m.nodeState(6));
        // κΔt·degree = 1: the largest tick the mesh accepts, the edge of the positivity argument.
        vetoes += m.step(s % 2 === 0 ? 2.5e-10 : 1e-10).events.length;
      }
      expect(vetoes).toBeGreaterThan(0);
      const v = invariants(m);
      expect(v.herm).toBe(0); // exact by construction: (k,l) and (l,k) see the same real arithmetic
      expect(v.trace).toBeLessThan(1e-12);
      expect(v.negative).toBeLessThan(1e-12);
    });
  }

  it("dephasing with the mesh's diagonal H_i keeps the populations: every node ends in diag(p̄), p̄ the initial mean, so Tr(ρ_iρ_j) = Σ_k p̄_k² and not Theorem 2's 1/(1 + γ/κ)", () => {
    const d = 4;
    const N = 30;
    const m = ResonanceMesh.init({ nodes: N, dim: d, coupling: "density", topology: "complete", ...quiet, gammaPerS: 1e9, kappaPerS: 1e8, detuningStdRadS: 1e9, initialSpread: 0.5 }, RandomStream.fromSeed(4, "mesh"));
    const pBar = new Float64Array(d);
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) pBar[k] = pBar[k]! + m.nodeState(i)[2 * (k * d + k)]! / N;
    const want = pBar.reduce((s, p) => s + p * p, 0);
    let last = m.step(2e-10);
    for (let s = 0; s < 600; s++) last = m.step(2e-10); // 120/γ; the complete graph mixes at rate κN = 3γ
    expect(Math.abs(want - 1 / d)).toBeGreaterThan(1e-3); // the initial populations are not uniform
    expect(last.metrics.rcfNeighbourMean).toBeCloseTo(want, 10);
    expect(last.metrics.deltaEMean).toBeCloseTo(1 - 1 / d, 10); // ⟨ODOS|diag(p)|ODOS⟩ = Σp/d = 1/d
    expect(densityOverlap(m.densityMatrices.data, 0, m.densityMatrices.data, 0, d)).toBeCloseTo(want, 10);
  });

  it("the veto re-seeds from the healthiest neighbour's matrix, or |ODOS⟩⟨ODOS| (ΔE = 0)", () => {
    const m = ResonanceMesh.init({ nodes: 10, dim: 3, coupling: "density", topology: "ring", degree: 2, ...quiet, vetoEnabled: true, initialState: "haar", reseed: "odos", deltaEThreshold: 0.01 }, RandomStream.fromSeed(5, "mesh"));
    const r = m.step(1e-10);
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) expect(densityDeltaE(m.densityMatrices.data, 3, e.node)).toBeCloseTo(0, 15);
  });

  it("setNodeState accepts a density matrix and names what is wrong with one that is not", () => {
    const m = ResonanceMesh.init({ nodes: 3, dim: 2, degree: 2, coupling: "density" }, RandomStream.fromSeed(1, "mesh"));
    m.setNodeState(1, Float64Array.from([0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0]));
    expect(m.nodeState(1)).toEqual(Float64Array.from([0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0]));
    expect(() => m.setNodeState(1, new Float64Array(4))).toThrow(/8 numbers/);
    expect(() => m.setNodeState(1, Float64Array.from([0.5, 0, 0.5, 0.1, 0.5, 0.1, 0.5, 0]))).toThrow(/Hermitian/);
    expect(() => m.setNodeState(1, Float64Array.from([0.6, 0, 0, 0, 0, 0, 0.5, 0]))).toThrow(/trace 1/);
    expect(() => m.setNodeState(1, Float64Array.from([1.5, 0, 0, 0, 0, 0, -0.5, 0]))).toThrow(/positive semidefinite/);
    // Code written for kets cannot read density matrices by mistake (nor the other way round).
    expect(() => m.nodeStates).toThrow(/densityMatrices/);
    expect(() => ResonanceMesh.init({ nodes: 3, dim: 2, degree: 2 }, RandomStream.fromSeed(1, "mesh")).densityMatrices).toThrow(/kets/);
  });

  it("rejects a density mesh whose matrices would not fit 1 GiB", () => {
    expect(() => ResonanceMesh.init({ nodes: 1_000_000, dim: 12, coupling: "density" }, RandomStream.fromSeed(1, "mesh"))).toThrow(/mesh\.nodes × dim²/);
  });
});
