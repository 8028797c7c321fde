/**
 * The mesh across the Earth–Mars gap (§5.2): each shell is the resonance mesh itself, and the
 * cross-gap coupling sees the other side one light-time late. Checked against the single-shell
 * mesh (bit for bit), independent all-pairs RCF sums, and closed forms for a pure delay and for
 * one exact coupling step.
 */
import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { decodeState, encodeState } from "../../sim/state-codec.js";
import { GapMesh, type GapMeshParams, type GapMeshSnapshot, type GapTickInput } from "./gap-mesh.js";
import { ResonanceMesh, type MeshRandom } from "./mesh.js";
import { rcfBetween, rcfPair } from "./rcf.js";

/** A reproducible MeshRandom whose state can be saved (numpy's legacy stream). */
function rng(seed: number): MeshRandom & { state: NumpyRandomState } {
  const state = new NumpyRandomState(seed);
  return { state, normal: () => state.randn(), uniform: () => state.randomSample() };
}

const D = 12;
const SPACING = 2 * Math.PI * 100e9;
/** All nodes exactly at ODOS, no noise, no veto: every phase comes from the clocks alone. */
const still = { dim: D, gammaPerS: 0, clockErrorStdS: 0, clockDriftStd: 0, initialSpread: 0, vetoEnabled: false, modeSpacingRadS: SPACING };

function params(over: Partial<GapMeshParams> = {}): GapMeshParams {
  return {
    earth: { nodes: 24, dim: D }, mars: { nodes: 16, dim: D },
    kappaGapPerS: 1e-3, settleSteps: 8, lightTimeMaxS: 1400, tickMinS: 60, ...over,
  };
}

/** |Σ_k e^{−ikΔω x}|²/d²: RCF between ODOS and ODOS with every mode k turned by ω_k x (Theorem 1's phase factor). */
function dirichlet(x: number): number {
  const a = SPACING * x;
  if (a === 0) return 1;
  return (Math.sin((D * a) / 2) / (D * Math.sin(a / 2))) ** 2;
}

/** Mean RCF over unordered pairs within a, and across a × b, by the plain double loop. */
function pairMeans(a: Float64Array, na: number, b: Float64Array, nb: number): { within: number; across: number } {
  let w = 0;
  for (let i = 0; i < na; i++) for (let j = i + 1; j < na; j++) w += rcfPair(a, D, i, j);
  let x = 0;
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) x += rcfBetween(a, i, b, j, D);
  return { within: w / ((na * (na - 1)) / 2), across: x / (na * nb) };
}

function tick(k: number, over: Partial<GapTickInput> = {}): GapTickInput {
  return { tS: 60 * k, lightTimeS: 300, linkUp: true, residualS: 0, ...over };
}

describe("mesh across the gap: reduction to the single-shell mesh", () => {
  it("with the link down each shell is the resonance mesh itself, bit for bit, and nothing crosses", () => {
    const g = GapMesh.init(params({ earth: { nodes: 24, dim: D, gammaPerS: 1e6 } }), rng(5), rng(6));
    const solo = ResonanceMesh.init({ nodes: 24, dim: D, gammaPerS: 1e6 }, rng(5));
    const base = solo.buffers.clockErrorS.slice();
    for (let k = 1; k <= 6; k++) {
      const m = g.step(tick(k, { linkUp: false, residualS: 1e-13 * k }));
      solo.setClockErrors(base);
      for (let s = 0; s < 8; s++) solo.step(g.settleDtS);
      expect(m.coherenceAcross).toBe(0);
      expect(m.gapDirectionsCoupled).toBe(0);
    }
    expect(g.earth.nodeStates.data).toEqual(solo.nodeStates.data);
  });

  it("coherence within, across and global equal the plain all-pairs RCF means (Haar states, §2.1)", () => {
    const g = GapMesh.init(params({ earth: { nodes: 20, dim: D, initialState: "haar", vetoEnabled: false }, mars: { nodes: 13, dim: D, initialState: "haar", vetoEnabled: false }, settleSteps: 1 }), rng(1), rng(2));
    const m = g.step(tick(1, { residualS: 3e-14 }));
    const e = g.earth.nodeStates.data;
    const ma = g.mars.nodeStates.data;
    const em = pairMeans(e, 20, ma, 13);
    const me = pairMeans(ma, 13, e, 20);
    // Sums of ~200 terms each below 1: agreement to 1e-13 relative is rounding only.
    expect(m.coherenceEarth).toBeCloseTo(em.within, 13);
    expect(m.coherenceMars).toBeCloseTo(me.within, 13);
    expect(m.coherenceAcrossInstant).toBeCloseTo(em.across, 13);
    const all = new Float64Array(e.length + ma.length);
    all.set(e);
    all.set(ma, e.length);
    expect(m.coherenceGlobal).toBeCloseTo(pairMeans(all, 33, all, 0).within, 13);
  });

  it("zero delay, zero residual, the same draw on both sides: the shells stay identical and cross coherence is the shell's own", () => {
    const p = params({ earth: { nodes: 16, dim: D, gammaPerS: 1e6 }, mars: { nodes: 16, dim: D, gammaPerS: 1e6 }, kappaGapPerS: 0.01 });
    const g = GapMesh.init(p, rng(9), rng(9));
    let m;
    for (let k = 1; k <= 5; k++) m = g.step(tick(k, { lightTimeS: 0 }));
    expect(g.mars.nodeStates.data).toEqual(g.earth.nodeStates.data);
    // Identical shells: every Earth–Mars pair is a within-shell pair or a node with itself.
    expect(m!.coherenceAcrossInstant).toBeCloseTo((15 * m!.coherenceEarth + 1) / 16, 13);
    expect(m!.gapDirectionsCoupled).toBe(2);
  });
});

describe("mesh across the gap: an honest light-time delay", () => {
  it("a pure delay with a clock frequency error y: coherence across = ½[D(y(t−τ)) + D(y t)], D the Dirichlet factor", () => {
    const y = 2e-15;
    const tau = 180;
    const g = GapMesh.init(params({ earth: { nodes: 6, ...still }, mars: { nodes: 5, ...still }, kappaGapPerS: 0 }), rng(1), rng(2));
    for (let k = 1; k <= 20; k++) {
      const t = 60 * k;
      const m = g.step(tick(k, { lightTimeS: tau, residualS: y * t }));
      // Mars emits from t = 60 s: its first state arrives on Earth once t − τ ≥ 60 s.
      const expected = t - tau >= 60 ? (dirichlet(y * (t - tau)) + dirichlet(y * t)) / 2 : 0;
      // Phases of ω₀·y·t ~ 1e3 rad wrap in float64 at ~1e-13 rad; 1e-10 covers it.
      expect(m.coherenceAcross).toBeCloseTo(expected, 10);
      expect(m.crossedEver).toBe(t - tau >= 60);
      expect(m.coherenceAcrossInstant).toBeCloseTo(dirichlet(y * t), 10);
    }
  });

  it("independent Gaussian clock errors σ per node: coherence within = (1/d²) Σ_kl exp(−(k−l)²Δω²σ²), the exp factor of Theorem 1's phases", () => {
    const sigma = 0.3e-12;
    let expected = 0;
    for (let k = 0; k < D; k++) for (let l = 0; l < D; l++) expected += Math.exp(-((k - l) ** 2) * SPACING * SPACING * sigma * sigma);
    expected /= D * D; // 0.589; reading the pair's phase spread as σ instead of √2σ would give 0.722
    const quiet = { ...still, kappaPerS: 0, clockErrorStdS: sigma };
    const g = GapMesh.init(params({ earth: { nodes: 1000, ...quiet }, mars: { nodes: 5, ...quiet }, kappaGapPerS: 0, settleSteps: 1 }), rng(11), rng(12));
    const m = g.step(tick(1));
    // A mean over the N(N−1)/2 pairs of N = 1000 nodes (a U-statistic): sd ≈ 0.3/√N ≈ 0.009
    // (20 seeds at N = 400 gave sd 0.014); 0.04 is over 4 sd and far below the 0.13 to the wrong reading.
    expect(Math.abs(m.coherenceEarth - expected)).toBeLessThan(0.04);
  });

  it("one exact coupling step: RCF after the pull is [(1−w)²c + 2w(1−w) + w²c]²/n⁴, w = 1 − e^{−κΔt}", () => {
    const r = 1.1e-12;
    const kappa = 2e-3;
    const g = GapMesh.init(params({ earth: { nodes: 6, ...still }, mars: { nodes: 5, ...still }, kappaGapPerS: kappa }), rng(1), rng(2));
    const c2 = dirichlet(r);
    for (let k = 1; k <= 3; k++) {
      const m = g.step(tick(k, { lightTimeS: 120, residualS: r }));
      // Nothing has crossed before the first states arrive (t − τ ≥ 60 s, at k = 3).
      if (k < 3) expect(m.coherenceAcrossInstant).toBeCloseTo(c2, 12);
      else {
        const w = -Math.expm1(-kappa * 60);
        const c = Math.sqrt(c2);
        const n2 = (1 - w) ** 2 + w ** 2 + 2 * w * (1 - w) * c;
        const ov = (1 - w) ** 2 * c + 2 * w * (1 - w) + w ** 2 * c;
        expect(m.coherenceAcrossInstant).toBeCloseTo((ov * ov) / (n2 * n2), 12);
      }
    }
  });

  it("causality: a change on Mars reaches Earth's states exactly one light-time later, not before", () => {
    const p = params({ earth: { nodes: 12, dim: D, gammaPerS: 1e6 }, mars: { nodes: 10, dim: D, gammaPerS: 1e6 }, kappaGapPerS: 5e-3 });
    const a = GapMesh.init(p, rng(3), rng(4));
    const b = GapMesh.init(p, rng(3), rng(4));
    const tau = 240; // four ticks
    for (let k = 1; k <= 14; k++) {
      a.step(tick(k, { lightTimeS: tau, residualS: 0 }));
      // b's Mars clock jumps by 0.5 ps at k = 6 (t = 360 s).
      b.step(tick(k, { lightTimeS: tau, residualS: k >= 6 ? 5e-13 : 0 }));
      const same = a.earth.nodeStates.data.every((v, x) => v === b.earth.nodeStates.data[x]);
      expect({ k, same }).toEqual({ k, same: 60 * k < 360 + tau });
    }
  });
});

describe("mesh across the gap: the guardian sees the residual (§2.3, Theorem 1)", () => {
  it("a residual step Δr vetoes every Mars node exactly when 1 − D(Δr) > 0.05, and no Earth node", () => {
    // 1 − D(Δr) crosses 0.05 between these: 0.1 ps gives ΔE = 0.046, 0.2 ps ΔE = 0.17.
    for (const dr of [1e-13, 2e-13]) {
      const g = GapMesh.init(params({ earth: { nodes: 6, ...still, vetoEnabled: true }, mars: { nodes: 5, ...still, vetoEnabled: true }, kappaGapPerS: 0 }), rng(1), rng(2));
      g.step(tick(1));
      const m = g.step(tick(2, { residualS: dr }));
      const vetoed = 1 - dirichlet(dr) > 0.05;
      expect(m.deltaEMarsMean).toBeCloseTo(1 - dirichlet(dr), 12);
      expect(m.deltaEEarthMean).toBeCloseTo(0, 12);
      expect({ dr, vetoesMars: m.vetoesMars, vetoesEarth: m.vetoesEarth }).toEqual({ dr, vetoesMars: vetoed ? 5 : 0, vetoesEarth: 0 });
    }
  });
});

describe("mesh across the gap: state and bad input", () => {
  it("snapshot → encode → decode → restore continues bit for bit, history included", () => {
    const p = params({ earth: { nodes: 10, dim: D, gammaPerS: 1e6 }, mars: { nodes: 8, dim: D, gammaPerS: 1e6 }, kappaGapPerS: 5e-3, lightTimeMaxS: 400 });
    const ra = rng(7);
    const rb = rng(8);
    const a = GapMesh.init(p, ra, rb);
    const input = (k: number) => tick(k, { lightTimeS: 200 + 7 * k, residualS: 1e-14 * Math.sin(k), linkUp: k % 5 !== 0 });
    for (let k = 1; k <= 12; k++) a.step(input(k));
    const saved = encodeState({ mesh: a.snapshot(), ea: ra.state.getState(), eb: rb.state.getState() });
    const tail = [];
    for (let k = 13; k <= 20; k++) tail.push(a.step(input(k)));
    const back = decodeState<{ mesh: GapMeshSnapshot; ea: ReturnType<NumpyRandomState["getState"]>; eb: ReturnType<NumpyRandomState["getState"]> }>(saved);
    const r2a = rng(7);
    const r2b = rng(8);
    const b = GapMesh.init(p, r2a, r2b);
    b.restore(back.mesh);
    r2a.state.setState(back.ea);
    r2b.state.setState(back.eb);
    // The ring holds ⌈400/60⌉ + 3 = 10 entries and has been overwriting since tick 11.
    expect(b.historyLength).toBe(10);
    for (let k = 13; k <= 20; k++) expect(b.step(input(k))).toEqual(tail[k - 13]);
    expect(b.earth.nodeStates.data).toEqual(a.earth.nodeStates.data);
    expect(b.mars.nodeStates.data).toEqual(a.mars.nodeStates.data);
  });

  it("bad input names the field and what was expected", () => {
    expect(() => GapMesh.init(params({ tickMinS: 0 }), rng(1), rng(2))).toThrow(/gapMesh.tickMinS/);
    expect(() => GapMesh.init(params({ tickMinS: 1e-3 }), rng(1), rng(2))).toThrow(/history entries/);
    expect(() => GapMesh.init(params({ mars: { nodes: 8, dim: 6 } }), rng(1), rng(2))).toThrow(/gapMesh.mars.dim/);
    expect(() => GapMesh.init(params({ earth: { nodes: 8, dim: D, coupling: "density" } }), rng(1), rng(2))).toThrow(/gapMesh.earth.coupling/);
    expect(() => GapMesh.init(params({ settleDtS: 1 }), rng(1), rng(2))).toThrow(/gapMesh.settleDtS/);
    const g = GapMesh.init(params(), rng(1), rng(2));
    expect(() => g.step(tick(1, { lightTimeS: 2000 }))).toThrow(/lightTimeS.*lightTimeMaxS/);
    expect(() => g.step(tick(1, { residualS: Number.NaN }))).toThrow(/residualS/);
    expect(() => g.step(tick(1, { linkUp: 1 as unknown as boolean }))).toThrow(/linkUp: expected true or false/);
    g.step(tick(2));
    expect(() => g.step(tick(2))).toThrow(/tS: expected a finite time > the previous tick's 120 s/);
  });

  it("a history too short for the light-time is a typed error, never a silent shorter delay", () => {
    // Sized for 120 s back at 60 s ticks; then ticks of 10 s overwrite what a 100 s delay needs.
    const g = GapMesh.init(params({ earth: { nodes: 5, ...still }, mars: { nodes: 5, ...still }, lightTimeMaxS: 120, tickMinS: 60 }), rng(1), rng(2));
    let t = 0;
    expect(() => {
      for (let k = 0; k < 40; k++) g.step({ tS: (t += 10), lightTimeS: 100, linkUp: true, residualS: 0 });
    }).toThrow(/gapMesh.lightTimeMaxS/);
  });
});
