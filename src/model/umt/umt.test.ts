/**
 * Unified time (Theorem 1, §5.2): the CSAC oscillator against its datasheet Allan
 * deviations and the exact deterministic solution, the light-time equation against hand-solved
 * motions, two-way transfer against exact offsets, and the hold-over law σ_y(τ)·τ.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { overlappingAdev } from "./allan.js";
import { linearEphemeris } from "./ephemeris.js";
import { solveLightTimeS } from "./light-time-equation.js";
import { CSAC_OSCILLATOR, ClockEnsemble, modelAdev, type OscillatorParams } from "./oscillator.js";
import { UmtNetwork, type SyncParams } from "./sync-network.js";
import { syncTree } from "./sync-tree.js";
import { twoWayOffsetS } from "./two-way.js";

const C = 299_792_458;
const QUIET: OscillatorParams = { whiteFmS: 0, randomWalkFmPerS: 0, frequencyOffsetStd: 0, driftStdPerS: 0 };
const NO_RNG = { normal: (): number => { throw new Error("no draws expected"); } };
const SYNC: SyncParams = { syncIntervalS: 1, timestampJitterS: 0, turnaroundS: 1e-6, frequencyGain: 0, lightTimeCompensation: true, staggerS: 0.02 };

describe("oscillator (SA.45s CSAC figures)", () => {
  it("zero noise: the time error is exactly x0 + y0·t + D·t²/2 after uneven steps", () => {
    const c = new ClockEnsemble(1, QUIET, NO_RNG);
    c.xS[0] = 2e-9; c.yDet[0] = 5e-11; c.driftPerS[0] = 3.47e-16;
    let tNs = 0;
    for (const dt of [1, 7, 1_000_003, 999_999_999, 123_456_789_012, 5e11]) {
      tNs += dt;
      const t = tNs * 1e-9;
      expect(c.at(0, tNs)).toBeCloseTo(2e-9 + 5e-11 * t + 0.5 * 3.47e-16 * t * t, 22);
    }
  });

  it("fit reproduces the datasheet: ADEV 3e-10 at 1 s, 1e-11 at 1000 s; aging 9e-10/month", () => {
    // At 1 s the RWFM term adds (q_rw/3)/(3e-10)² ≈ 1e-7 relative; at 1000 s the fit is exact.
    expect(modelAdev({ ...CSAC_OSCILLATOR, driftStdPerS: 0 }, 1) / 3e-10 - 1).toBeLessThan(1e-6);
    expect(modelAdev({ ...CSAC_OSCILLATOR, driftStdPerS: 0 }, 1000) / 1e-11 - 1).toBeLessThan(1e-12);
    expect(CSAC_OSCILLATOR.driftStdPerS * 30 * 86_400).toBeCloseTo(9e-10, 22);
  });

  it("simulated noise has the datasheet Allan deviation (overlapping ADEV, IEEE 1139)", () => {
    const rng = RandomStream.fromSeed(7, "adev");
    const c = new ClockEnsemble(1, { ...CSAC_OSCILLATOR, driftStdPerS: 0, frequencyOffsetStd: 0 }, rng);
    const n = 100_000;
    const x = new Float64Array(n);
    for (let k = 0; k < n; k++) x[k] = c.at(0, k * 10e9); // τ0 = 10 s, 10^6 s in all
    const at10 = overlappingAdev(x, 10, 1);
    const at1000 = overlappingAdev(x, 10, 100);
    expect(Math.abs(at10 / modelAdev(CSAC_OSCILLATOR, 10) - 1)).toBeLessThan(0.03);
    expect(Math.abs(at1000 / 1e-11 - 1)).toBeLessThan(0.15); // ~1000 effective degrees of freedom
  });
});

describe("light-time equation τ = |r_B(t+τ) − r_A(t)|/c", () => {
  const d = 1e6;
  const v = 7600;
  const a = new Float64Array([0, 0, 0]);
  it("B receding radially at v: τ = d/(c − v) (hand-solved)", () => {
    const posB = (t: number, out: Float64Array) => { out[0] = d + v * t; out[1] = 0; out[2] = 0; return out; };
    expect(solveLightTimeS(a, 0, posB)).toBeCloseTo(d / (C - v), 19);
  });
  it("B moving across the line of sight: τ = d/√(c² − v²) (hand-solved)", () => {
    const posB = (t: number, out: Float64Array) => { out[0] = d; out[1] = v * t; out[2] = 0; return out; };
    expect(solveLightTimeS(a, 0, posB)).toBeCloseTo(d / Math.sqrt(C * C - v * v), 19);
  });
});

/** Two nodes d apart on x; node 1 moves with `v` (m/s); clocks set by hand. */
function pair(d: number, v: [number, number, number], osc: OscillatorParams = QUIET, p: SyncParams = SYNC) {
  const eph = linearEphemeris(new Float64Array([0, 0, 0, d, 0, 0]), new Float64Array([0, 0, 0, ...v]));
  const clocks = new ClockEnsemble(2, osc, NO_RNG);
  const tree = syncTree(2, new Int32Array([0, 1]), new Uint8Array([1]), 0);
  return { clocks, net: new UmtNetwork(clocks, tree, eph, eph, p, NO_RNG) };
}

describe("two-way time transfer (§5.2)", () => {
  it("the estimator returns e_B − e_A when the light-times are known", () => {
    const tau = 1.4e-3, eA = 3e-7, eB = -2e-7;
    // Exact up to the float64 spacing of ms-sized stamp differences (2.2e-19 s).
    expect(Math.abs(twoWayOffsetS(tau + eB - eA, tau + eA - eB, tau, tau) - (eB - eA))).toBeLessThan(1e-18);
  });

  it("symmetric static link, constant offsets: the offset is recovered exactly (residual 0)", () => {
    const { clocks, net } = pair(435_400, [0, 0, 0]);
    clocks.xS[0] = 1.234e-6; clocks.xS[1] = -4.2e-7;
    net.round(1e9);
    const r = net.residualsAt(2e9, new Float64Array(2));
    expect(Math.abs(r[1]!)).toBeLessThan(1e-18); // float64 floor of ms stamps, 1e-3 fs
  });

  it("frequency offsets: phase is matched at the exchange midpoint, then drifts at y_A − y_B (exact)", () => {
    const d = 435_400;
    const { clocks, net } = pair(d, [0, 0, 0]);
    clocks.yDet[0] = 2e-11; clocks.yDet[1] = -3e-11; clocks.xS[1] = 5e-9;
    net.round(0);
    const tau = d / C;
    const tMid = (2 * tau + SYNC.turnaroundS) / 2;
    const r = net.residualsAt(1e9, new Float64Array(2));
    expect(Math.abs(r[1]! - (-3e-11 - 2e-11) * (1 - tMid))).toBeLessThan(1e-18);
  });

  it("moving endpoints: naive symmetric light-time leaves ~ns, the light-time equation removes it", () => {
    // Relative speed of in-plane LEO neighbours ~480 m/s along the link.
    const naive = pair(435_400, [480, 0, 0], QUIET, { ...SYNC, lightTimeCompensation: false });
    naive.net.round(0);
    const eq = pair(435_400, [480, 0, 0]);
    eq.net.round(0);
    const rn = naive.net.residualsAt(1e8, new Float64Array(2))[1]!;
    const re = eq.net.residualsAt(1e8, new Float64Array(2))[1]!;
    // Hand: τ_AB − τ_BA ≈ 2·v·τ/c with τ = d/c ⇒ bias (τ_AB − τ_BA)/2 ≈ v·d/c² ≈ 2.3 ns (sign: B recedes).
    expect(Math.abs(Math.abs(rn) - (480 * 435_400) / (C * C))).toBeLessThan(0.01 * (480 * 435_400) / (C * C));
    expect(Math.abs(re)).toBeLessThan(1e-20);
  });
});

describe("hold-over: a node's residual T after a sync spreads by σ_y(T)·T (white FM)", () => {
  it("star of 2000 nodes around the reference, T = 1 s", () => {
    const n = 2001;
    const links = new Int32Array(2 * (n - 1));
    for (let k = 1; k < n; k++) { links[2 * k - 2] = 0; links[2 * k - 1] = k; }
    const pos = new Float64Array(3 * n);
    for (let k = 1; k < n; k++) pos[3 * k] = 1e5 + k;
    const eph = linearEphemeris(pos, new Float64Array(3 * n));
    const rng = RandomStream.fromSeed(3, "holdover");
    const osc: OscillatorParams = { ...QUIET, whiteFmS: CSAC_OSCILLATOR.whiteFmS };
    const clocks = new ClockEnsemble(n, osc, rng);
    const net = new UmtNetwork(clocks, syncTree(n, links, new Uint8Array(n - 1).fill(1)), eph, eph, SYNC, rng);
    net.round(0);
    const r = net.residualsAt(1e9, new Float64Array(n));
    // All children share the reference's own hold-over (one draw, the mean); their spread is each
    // child's: σ = √(q_wf·T) = σ_y(1 s)·1 s = 3e-10 s (the exchange's 1 ms adds √(q·1e-3) ≪).
    let m = 0;
    for (let k = 1; k < n; k++) m += r[k]! / (n - 1);
    let s = 0;
    for (let k = 1; k < n; k++) s += (r[k]! - m) ** 2;
    const sd = Math.sqrt(s / (n - 2));
    expect(Math.abs(sd / 3e-10 - 1)).toBeLessThan(0.05); // sd of an sd from 2000 draws: 1.6 %
  });
});

describe("sync tree", () => {
  it("BFS on a 2×3 grid from node 0 (hand-drawn): parents and depths", () => {
    // 0-1-2 / 3-4-5 with verticals 0-3, 1-4, 2-5; link 1-2 unusable.
    const links = new Int32Array([0, 1, 1, 2, 3, 4, 4, 5, 0, 3, 1, 4, 2, 5]);
    const t = syncTree(6, links, new Uint8Array([1, 0, 1, 1, 1, 1, 1]));
    expect([...t.parent]).toEqual([-1, 0, 5, 0, 1, 4]);
    expect([...t.depth]).toEqual([0, 1, 4, 1, 2, 3]);
  });
});
