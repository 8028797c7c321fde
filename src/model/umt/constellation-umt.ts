/**
 * UMT over a Walker shell: CSAC clocks on every satellite, a BFS sync tree over the
 * +Grid ISLs clear of the Earth at the epoch, SGP4 truth, and an ephemeris with a constant
 * per-node orbit-determination error (σ per axis). Builds the network and runs sync rounds.
 */
import { InputError } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import { linkVisibility, plusGridLinks } from "../orbit/isl.js";
import { positionsAt, walkerSatrecs, type WalkerShell } from "../orbit/walker.js";
import { perturbedEphemeris, walkerEphemeris } from "./ephemeris.js";
import { ClockEnsemble, type NormalSource, type OscillatorParams } from "./oscillator.js";
import { UmtNetwork, type SyncParams } from "./sync-network.js";
import { syncTree } from "./sync-tree.js";

export interface ConstellationUmtOptions {
  readonly shell: WalkerShell;
  readonly epoch: Date;
  readonly oscillator: OscillatorParams;
  readonly sync: Omit<SyncParams, "staggerS">;
  /** Orbit-determination error per axis, m (constant per node). */
  readonly ephemerisErrorM: number;
}

/**
 * The network at the epoch (clocks' offsets and ephemeris errors drawn from `rng`, in that order).
 * The level stagger is 1.2 × the largest tree-link round trip + turnaround + 10 µs.
 */
export function constellationUmt(o: ConstellationUmtOptions, rng: NormalSource): UmtNetwork {
  const recs = walkerSatrecs(o.shell, o.epoch);
  const n = recs.length;
  const xyz = positionsAt(recs, 0, new Float64Array(3 * n));
  const links = plusGridLinks(o.shell.planes, n / o.shell.planes);
  const tree = syncTree(n, links, linkVisibility(links, xyz, new Uint8Array(links.length / 2)), 0);
  // A node starts once its parent's own exchange is surely over: parent's start + 1.2 × that
  // link's round trip + turnaround + 10 µs (BFS order visits parents first).
  const startS = new Float64Array(n);
  let roundS = 0;
  const rtt = (i: number, p: number) => (2 * Math.hypot(xyz[3 * i]! - xyz[3 * p]!, xyz[3 * i + 1]! - xyz[3 * p + 1]!, xyz[3 * i + 2]! - xyz[3 * p + 2]!)) / SPEED_OF_LIGHT_M_PER_S;
  for (const i of tree.order) {
    const p = tree.parent[i]!;
    if (p < 0) continue;
    const gp = tree.parent[p]!;
    startS[i] = gp < 0 ? 0 : startS[p]! + 1.2 * rtt(p, gp) + o.sync.turnaroundS + 1e-5;
    roundS = Math.max(roundS, startS[i]! + 1.2 * rtt(i, p) + o.sync.turnaroundS + 1e-5);
  }
  if (roundS >= o.sync.syncIntervalS) {
    throw InputError.of("umt.sync.syncIntervalS", `> ${roundS.toExponential(3)} s (one round down a tree of depth ${tree.maxDepth})`, o.sync.syncIntervalS);
  }
  const clocks = new ClockEnsemble(n, o.oscillator, rng).drawOffsets();
  const err = new Float64Array(3 * n);
  for (let k = 0; k < 3 * n; k++) err[k] = o.ephemerisErrorM * rng.normal();
  const truth = walkerEphemeris(recs);
  return new UmtNetwork(clocks, tree, truth, perturbedEphemeris(truth, err), { ...o.sync, staggerS: roundS / Math.max(1, tree.maxDepth) }, rng, startS);
}

/** Residual statistics, s. */
export interface ResidualStats {
  readonly rms: number;
  readonly p50Abs: number;
  readonly p99Abs: number;
  readonly maxAbs: number;
}

/** RMS and |r| quantiles over the synchronised nodes (root and free-running nodes excluded). */
export function residualStats(r: Float64Array, net: UmtNetwork): ResidualStats {
  const xs: number[] = [];
  for (let i = 0; i < r.length; i++) if (net.tree.depth[i]! > 0) xs.push(Math.abs(r[i]!));
  xs.sort((a, b) => a - b);
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  let s = 0;
  for (const x of xs) s += x * x;
  return { rms: Math.sqrt(s / xs.length), p50Abs: q(0.5), p99Abs: q(0.99), maxAbs: xs[xs.length - 1] ?? NaN };
}

/**
 * Run `rounds` sync rounds (one per interval from t = 0) and measure the residuals just after the
 * last round's deepest level finished and just before the next round (worst hold-over).
 */
export function runUmtRounds(net: UmtNetwork, rounds: number): { after: ResidualStats; before: ResidualStats; afterNs: number; beforeNs: number } {
  const T = Math.round(net.params.syncIntervalS * 1e9);
  for (let k = 0; k < rounds; k++) net.round(k * T);
  const last = (rounds - 1) * T;
  const afterNs = last + Math.ceil(net.params.staggerS * Math.max(1, net.tree.maxDepth) * 1e9);
  const beforeNs = rounds * T - 1;
  const r = new Float64Array(net.clocks.nodes);
  const after = residualStats(net.residualsAt(afterNs, r), net);
  const before = residualStats(net.residualsAt(beforeNs, r), net);
  return { after, before, afterNs, beforeNs };
}
