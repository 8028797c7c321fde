import { describe, it, expect } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { ResonanceMesh, type MeshRandom } from "./mesh.js";
import { rcfPair } from "./rcf.js";

/** A reproducible MeshRandom over numpy's legacy stream (normal = randn, uniform = random_sample). */
function rng(seed: number): MeshRandom & { state: NumpyRandomState } {
  const state = new NumpyRandomState(seed);
  return { state, normal: () => state.randn(), uniform: () => state.randomSample() };
}

const quiet = { gammaPerS: 0, kappaPerS: 0, clockErrorStdS: 0, clockDriftStd: 0, initialSpread: 0 };

describe("resonance mesh, physical mode (App. B read for pure states)", () => {
  it("dephasing: one tick gives E[1 − ΔE] = 1/d + (d−1)/d · e^{−γt} (Lindblad L_k = √γ P_k, exact)", () => {
    const d = 12;
    const n = 4000;
    const gamma = 1e6;
    const t = 0.7 / gamma;
    const m = ResonanceMesh.init({ nodes: n, dim: d, ...quiet, gammaPerS: gamma, deltaEThreshold: 0.9999 }, rng(3));
    const r = m.step(t);
    const expected = 1 - (1 / d + ((d - 1) / d) * Math.exp(-gamma * t));
    // Per-node ΔE has a spread below 0.3 here; 4000 nodes put the mean within ±0.02 at > 4σ.
    expect(Math.abs(r.metrics.deltaEMean - expected)).toBeLessThan(0.02);
  });

  it("UMT clock error τ_i turns mode k by ω_k τ_i: RCF_ij = |Σ_k e^{−iΔω k (τ_j−τ_i)}/d|² (Theorem 1's phase factor)", () => {
    const d = 12;
    const spacing = 2 * Math.PI * 1e12;
    const m = ResonanceMesh.init({ nodes: 3, dim: d, degree: 2, ...quiet, modeSpacingRadS: spacing, deltaEThreshold: 0.9999 }, rng(1));
    const tau = Float64Array.from([0, 40e-15, -25e-15]);
    m.setClockErrors(tau);
    m.step(1e-12);
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
      const x = spacing * (tau[j]! - tau[i]!);
      const dirichlet = Math.sin((d * x) / 2) / (d * Math.sin(x / 2));
      expect(rcfPair(m.nodeStates.data, d, i, j)).toBeCloseTo(dirichlet ** 2, 12);
    }
  });

  it("mean-field coupling leaves a common state alone whatever the nodes' global phases", () => {
    const m = ResonanceMesh.init({ nodes: 5, dim: 4, degree: 2, ...quiet, kappaPerS: 1e9, omega0RadS: 1.3e15, clockErrorStdS: 3e-15, modeSpacingRadS: 0 }, rng(2));
    // ω0 ≠ 0 with clock errors gives each node a different global phase; Δω = 0 keeps the state common.
    for (let s = 0; s < 20; s++) m.step(1e-10);
    for (let j = 1; j < 5; j++) expect(rcfPair(m.nodeStates.data, 4, 0, j)).toBeCloseTo(1, 12);
  });

  it("mean-field coupling pulls spread states together (neighbour RCF rises towards 1)", () => {
    const m = ResonanceMesh.init({ nodes: 50, dim: 12, ...quiet, kappaPerS: 1e9, initialSpread: 0.05 }, rng(4));
    const first = m.step(1e-10).metrics.rcfNeighbourMean;
    let last = first;
    for (let s = 0; s < 200; s++) last = m.step(1e-10).metrics.rcfNeighbourMean;
    expect(last).toBeGreaterThan(first);
    expect(1 - last).toBeLessThan((1 - first) / 10);
  });

  it("jump coupling: a node takes a neighbour's state with probability 1 − e^{−κ·deg·Δt}", () => {
    const n = 5000;
    const m = ResonanceMesh.init({ nodes: n, dim: 4, ...quiet, coupling: "jump", kappaPerS: 1e9, initialSpread: 1, deltaEThreshold: 0.9999 }, rng(5));
    const before = m.nodeStates.data.slice();
    const dt = 1e-10;
    m.step(dt);
    const after = m.nodeStates.data;
    let jumped = 0;
    for (let i = 0; i < n; i++) if (after[8 * i] !== before[8 * i]) jumped++;
    const p = 1 - Math.exp(-1e9 * 4 * dt);
    expect(Math.abs(jumped / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it("ODOS veto (§2.3): a dissonant node is re-seeded from its healthiest neighbour; event energy per §4.2", () => {
    const m = ResonanceMesh.init({ nodes: 6, dim: 12, degree: 2, ...quiet, initialSpread: 0.03 }, rng(6));
    const snap = m.snapshot();
    // Make node 3 dissonant: all amplitude in mode 0 (ΔE = 1 − 1/12).
    snap.states.fill(0, 3 * 24, 4 * 24);
    snap.states[3 * 24] = 1;
    m.restore(snap);
    const r = m.step(1e-12);
    expect(r.events).toHaveLength(1);
    const e = r.events[0]!;
    expect(e.node).toBe(3);
    expect(e.deltaE).toBeCloseTo(1 - 1 / 12, 12);
    expect([2, 4]).toContain(e.source);
    // Φ₀·I_c = (h/2e)·10 µA = 2.067833848…e-15 Wb × 1e-5 A (CODATA 2018 exact constants).
    expect(e.energyJ).toBeCloseTo(2.067833848461929e-20, 30);
    expect(rcfPair(m.nodeStates.data, 12, 3, e.source)).toBeCloseTo(1, 14);
  });

  it("snapshot/restore continues the run exactly", () => {
    const r = rng(7);
    const m = ResonanceMesh.init({ nodes: 30, dim: 12, gammaPerS: 1e8 }, r);
    for (let s = 0; s < 5; s++) m.step(1e-10);
    const snap = m.snapshot();
    const rs = r.state.getState();
    const a: number[] = [];
    for (let s = 0; s < 5; s++) a.push(m.step(1e-10).metrics.rcfNeighbourMean);
    m.restore(snap);
    r.state.setState(rs);
    const b: number[] = [];
    for (let s = 0; s < 5; s++) b.push(m.step(1e-10).metrics.rcfNeighbourMean);
    expect(b).toEqual(a);
  });

  it("rejects bad sizes and unstable ticks before any work", () => {
    for (const nodes of [0, -5, 2.5, 2, 1e9]) expect(() => ResonanceMesh.init({ nodes }, rng(1))).toThrow(/mesh\.nodes/);
    expect(() => ResonanceMesh.init({ nodes: 10, dim: 1 }, rng(1))).toThrow(/mesh\.dim/);
    expect(() => ResonanceMesh.init({ nodes: 10_000_000, dim: 192 }, rng(1))).toThrow(/1 GiB/);
    expect(() => ResonanceMesh.init({ nodes: 10, gammaPerS: -1 }, rng(1))).toThrow(/gammaPerS/);
    const m = ResonanceMesh.init({ nodes: 10 }, rng(1));
    expect(() => m.step(1e-9)).toThrow(/κ·Δt·degree ≤ 1/);
    expect(() => m.step(0)).toThrow(/dtS/);
  });
});

describe("mesh topologies (§3.2 clusters, Appendix B connected graphs)", () => {
  it("clustered rings are symmetric, connected, and join clusters through their first nodes", async () => {
    const { clusteredRings, checkNeighbours } = await import("./topology.js");
    const nb = clusteredRings(454, 150, 4);
    checkNeighbours(nb, 454);
    // 150, 150, 154 (a 4-node remainder is too small for a degree-4 ring and joins the last cluster): heads 0, 150, 300.
    const row = (i: number) => Array.from(nb.colIdx.subarray(nb.rowPtr[i]!, nb.rowPtr[i + 1]!));
    expect(row(0)).toEqual([1, 2, 148, 149, 150, 300]);
    expect(row(453)).toEqual([300, 301, 451, 452]);
    const seen = new Uint8Array(454);
    const stack = [0];
    seen[0] = 1;
    while (stack.length) for (const j of row(stack.pop()!)) if (!seen[j]) { seen[j] = 1; stack.push(j); }
    expect(seen.every((x) => x === 1)).toBe(true);
  });
});
