/**
 * Unified Multiversal Time over the ISL mesh (§5.2, Theorem 1): every node's CSAC-class clock
 * (oscillator.ts) is steered, once per sync interval, to its parent in the sync tree
 * (sync-tree.ts) by a two-way exchange (two-way.ts) whose light-times are predicted from the
 * nodes' ephemerides by solving the light-time equation (light-time-equation.ts).
 *
 * A node's corrected clock error is e_i(t) = x_i(t) − c_i − f_i·(t − t_i), with phase correction
 * c_i, frequency correction f_i and last sync time t_i. The residual the mesh sees is
 * r_i(t) = e_i(t) − e_root(t): the root is the time reference, a common error is a global phase.
 *
 * One round starting at t₀ (integer ns): node i starts at t₀ + startS_i, after its parent's own
 * exchange has ended, so a parent is corrected before its children ask it. In each exchange the child A sends at t1, the
 * parent B receives at t2 = t1 + τ_AB, replies at t3 = t2 + turnaround, A receives at
 * t4 = t3 + τ_BA (true light-times from the true ephemeris); stamps carry white timestamp jitter;
 * the predicted τ̂ come from the perturbed ephemeris (orbit-determination error). At t4 A applies
 * c_A ← c_A − θ and, from its second sync on, f_A ← f_A − g·θ/(t4 − t_A) (a phase step plus a
 * frequency integrator of gain g). Within a round times are small offsets in s from t₀, so no
 * large absolute time ever meets a fs correction.
 */
import { assert, InputError } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import type { Ephemeris } from "./ephemeris.js";
import { solveLightTimeS } from "./light-time-equation.js";
import type { ClockEnsemble, NormalSource } from "./oscillator.js";
import type { SyncTree } from "./sync-tree.js";
import { twoWayOffsetS } from "./two-way.js";

/** How the network synchronises. */
export interface SyncParams {
  /** Interval between sync rounds, s. */
  readonly syncIntervalS: number;
  /** RMS jitter of one timestamp, s (event timer + detector). */
  readonly timestampJitterS: number;
  /** Reply delay at the parent, s. */
  readonly turnaroundS: number;
  /** Frequency-steering gain g in [0, 1] (0: phase steps only). */
  readonly frequencyGain: number;
  /** Solve the light-time equation from the ephemeris (true) or assume τ̂_AB = τ̂_BA = |r_B − r_A|/c at t1 (false). */
  readonly lightTimeCompensation: boolean;
  /** Gap between the starts of successive tree levels, s (must exceed every exchange's t4 − t1); ignored where `levelStartS` is given. */
  readonly staggerS: number;
}

export function checkSyncParams(p: SyncParams, path = "umt.sync"): void {
  for (const k of ["syncIntervalS", "timestampJitterS", "turnaroundS", "staggerS"] as const) {
    if (!(Number.isFinite(p[k]) && p[k] >= 0)) throw InputError.of(`${path}.${k}`, "a finite time ≥ 0 s", p[k]);
  }
  if (!(p.syncIntervalS > 0)) throw InputError.of(`${path}.syncIntervalS`, "> 0 s", p.syncIntervalS);
  if (!(p.frequencyGain >= 0 && p.frequencyGain <= 1)) throw InputError.of(`${path}.frequencyGain`, "a gain in [0, 1]", p.frequencyGain);
}

const ra = new Float64Array(3);
const rbuf = new Float64Array(3);

/** The clocks of a constellation and their steering. */
export class UmtNetwork {
  readonly corrS: Float64Array;
  readonly freqCorr: Float64Array;
  readonly syncNs: Float64Array;
  readonly syncRemS: Float64Array;
  readonly synced: Uint8Array;

  constructor(
    readonly clocks: ClockEnsemble,
    readonly tree: SyncTree,
    readonly truth: Ephemeris,
    readonly predicted: Ephemeris,
    readonly params: SyncParams,
    private readonly rng: NormalSource,
    /** When node i starts its exchange within a round, s (default (depth − 1)·staggerS); siblings share it and it must follow the parent's own t4. */
    readonly startS: Float64Array = Float64Array.from(tree.depth, (d) => Math.max(0, d - 1) * params.staggerS),
  ) {
    checkSyncParams(params);
    const n = clocks.nodes;
    assert(tree.parent.length === n, "sync tree and clock ensemble differ in size");
    this.corrS = new Float64Array(n);
    this.freqCorr = new Float64Array(n);
    this.syncNs = new Float64Array(n);
    this.syncRemS = new Float64Array(n);
    this.synced = new Uint8Array(n);
  }

  /** Corrected error e_i at t0Ns + offS, s (advances clock i there). */
  errorAt(i: number, t0Ns: number, offS: number): number {
    const x = this.clocks.at(i, t0Ns, offS);
    const since = (t0Ns - this.syncNs[i]!) * 1e-9 + (offS - this.syncRemS[i]!);
    return x - this.corrS[i]! - this.freqCorr[i]! * since;
  }

  /** Residuals r_i = e_i − e_root at tNs into `out`, s (free-running nodes included). */
  residualsAt(tNs: number, out: Float64Array): Float64Array {
    const eRoot = this.errorAt(this.tree.root, tNs, 0);
    for (let i = 0; i < this.clocks.nodes; i++) out[i] = i === this.tree.root ? 0 : this.errorAt(i, tNs, 0) - eRoot;
    return out;
  }

  /** One sync round starting at t0Ns: every reachable node exchanges with its parent, level by level. */
  round(t0Ns: number): void {
    const { order, parent } = this.tree;
    let k = 1;
    while (k < order.length) {
      const b = parent[order[k]!]!;
      let end = k;
      while (end < order.length && parent[order[end]!] === b) end++;
      this.exchangeGroup(t0Ns, b, order.subarray(k, end), this.startS[order[k]!]!);
      k = end;
    }
  }

  /** The parent `b` answers all its children `kids`, which all send at t1 = startS. */
  private exchangeGroup(t0Ns: number, b: number, kids: Int32Array, startS: number): void {
    const n = kids.length;
    const t0S = t0Ns * 1e-9;
    const j = this.params.timestampJitterS;
    const tau = new Float64Array(4 * n); // per kid: τ_AB, τ_BA, τ̂_AB, τ̂_BA
    const eA1 = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const a = kids[c]!;
      eA1[c] = this.errorAt(a, t0Ns, startS);
      this.lightTimes(a, b, t0S + startS, tau, 4 * c);
    }
    // The parent stamps arrivals (t2) and replies (t3) in time order.
    const times: Array<[number, number, number]> = [];
    for (let c = 0; c < n; c++) {
      times.push([startS + tau[4 * c]!, c, 0], [startS + tau[4 * c]! + this.params.turnaroundS, c, 1]);
    }
    times.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    const eB = new Float64Array(2 * n);
    for (const [t, c, w] of times) eB[2 * c + w] = this.errorAt(b, t0Ns, t);
    for (let c = 0; c < n; c++) {
      const a = kids[c]!;
      const t4 = startS + tau[4 * c]! + this.params.turnaroundS + tau[4 * c + 1]!;
      const eA4 = this.errorAt(a, t0Ns, t4);
      const d21 = tau[4 * c]! + eB[2 * c]! - eA1[c]! + (j > 0 ? j * (this.rng.normal() - this.rng.normal()) : 0);
      const d43 = tau[4 * c + 1]! + eA4 - eB[2 * c + 1]! + (j > 0 ? j * (this.rng.normal() - this.rng.normal()) : 0);
      const theta = twoWayOffsetS(d21, d43, tau[4 * c + 2]!, tau[4 * c + 3]!);
      this.apply(a, t0Ns, t4, theta);
    }
  }

  /** True and predicted τ_AB (A at t1 → B) and τ_BA (B at t3 → A) into out[o..o+3]. */
  private lightTimes(a: number, b: number, t1S: number, out: Float64Array, o: number): void {
    const { truth, predicted } = this;
    const turn = this.params.turnaroundS;
    const tauAb = solveLightTimeS(truth(a, t1S, ra), t1S, (t, r) => truth(b, t, r));
    const tauBa = solveLightTimeS(truth(b, t1S + tauAb + turn, rbuf), t1S + tauAb + turn, (t, r) => truth(a, t, r));
    out[o] = tauAb;
    out[o + 1] = tauBa;
    if (this.params.lightTimeCompensation) {
      const pAb = solveLightTimeS(predicted(a, t1S, ra), t1S, (t, r) => predicted(b, t, r));
      out[o + 2] = pAb;
      out[o + 3] = solveLightTimeS(predicted(b, t1S + pAb + turn, rbuf), t1S + pAb + turn, (t, r) => predicted(a, t, r));
    } else {
      predicted(a, t1S, ra);
      predicted(b, t1S, rbuf);
      const d = Math.hypot(rbuf[0]! - ra[0]!, rbuf[1]! - ra[1]!, rbuf[2]! - ra[2]!) / SPEED_OF_LIGHT_M_PER_S;
      out[o + 2] = d;
      out[o + 3] = d;
    }
  }

  /** Steer node a at t0Ns + tS by the measured offset θ = e_parent − e_a. */
  private apply(a: number, t0Ns: number, tS: number, theta: number): void {
    const since = (t0Ns - this.syncNs[a]!) * 1e-9 + (tS - this.syncRemS[a]!);
    this.corrS[a] = this.corrS[a]! + this.freqCorr[a]! * since - theta;
    if (this.synced[a] && since > 0) this.freqCorr[a] = this.freqCorr[a]! - (this.params.frequencyGain * theta) / since;
    this.synced[a] = 1;
    this.syncNs[a] = t0Ns;
    this.syncRemS[a] = tS;
  }
}
