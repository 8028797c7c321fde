/**
 * The Black Sarcophagus (§3.2): each SMC keeps "the last 10 ms of every node's Frozen Now state"
 * in FRAM; when a node fails, "the nearest SMC can reload the state into a spare node within
 * 100 µs". A Frozen-Now snapshot is the node's 12-D complex state (12·2·8 = 192 B), its UMT
 * timestamp (8 B), RCF (8 B) and veto flag, padded to 256 B.
 *
 * Timeline of one failure, in the order physics allows it (all one-way light-times τ from the
 * geometry, node ↔ SMC and SMC ↔ spare):
 *   t_f            node fails; snapshots are streamed every `snapshotEveryS`, so the last one
 *                  was taken at t_s ≤ t_f: state lost = t_f − t_s (plus nothing in flight is lost:
 *                  snapshots already sent still arrive).
 *   t_f + τ_n + D  the SMC notices the silence (last heartbeat arrives at τ_n, then timeout D).
 *   … + R          FRAM read of the buffer (R: read latency of `bufferSnapshots` × 256 B).
 *   … + S + τ_s    serialisation S at the link rate and light-time to the spare: reloaded.
 * Reload time = t_reloaded − t_f. Its physical lower bound (perfect detector, D = R = S = 0) is
 * τ_n + τ_s: the news of the failure must reach the SMC and the state must come back.
 */
import { InputError } from "../../errors.js";

/** Bytes per Frozen-Now snapshot (~256 B each). */
export const SNAPSHOT_BYTES = 256;

/** Parameters of the buffer and the reload path. */
export interface SarcophagusParams {
  /** Interval between snapshots a node streams to its SMC, s. */
  readonly snapshotEveryS: number;
  /** History kept per node, s (§3.2: 10 ms). */
  readonly bufferS: number;
  /** Silence after the last expected heartbeat before the SMC declares a node failed, s. */
  readonly detectTimeoutS: number;
  /** FRAM read latency per 256-B snapshot, s. */
  readonly framReadPerSnapshotS: number;
  /** Link rate for the reload, bit/s (§3.2: 100 Gbit/s). */
  readonly linkRateBitPerS: number;
}

export const SARCOPHAGUS_DEFAULT: SarcophagusParams = {
  snapshotEveryS: 1e-3, bufferS: 10e-3, detectTimeoutS: 3e-3, framReadPerSnapshotS: 1e-7, linkRateBitPerS: 100e9,
};

/** Check the parameters; throws InputError naming the field. */
export function checkSarcophagus(p: SarcophagusParams, path = "sarcophagus"): void {
  for (const [k, v] of Object.entries(p)) if (!(Number.isFinite(v) && v >= 0)) throw InputError.of(`${path}.${k}`, "a finite number ≥ 0", v);
  if (!(p.snapshotEveryS > 0 && p.bufferS >= p.snapshotEveryS)) throw InputError.of(`${path}.bufferS`, `≥ snapshotEveryS = ${p.snapshotEveryS} s`, p.bufferS);
  if (!(p.linkRateBitPerS > 0)) throw InputError.of(`${path}.linkRateBitPerS`, "> 0", p.linkRateBitPerS);
}

/** Snapshots held per node: ⌊buffer / interval⌋. */
export function bufferSnapshots(p: SarcophagusParams): number {
  return Math.floor(p.bufferS / p.snapshotEveryS + 1e-9);
}

/** FRAM bytes an SMC needs for `nodes` nodes. */
export function bufferBytes(p: SarcophagusParams, nodes: number): number {
  return bufferSnapshots(p) * SNAPSHOT_BYTES * nodes;
}

/** One reload, seconds. */
export interface Reload {
  readonly stateLostS: number;
  readonly detectS: number;
  readonly reloadS: number;
  readonly lowerBoundS: number;
}

/**
 * The reload of a node failing at `failS` whose snapshots are phased by `phaseS` (each node
 * snapshots at phaseS + k·interval), τ_n = node→SMC and τ_s = SMC→spare light-times, s.
 */
export function reload(p: SarcophagusParams, failS: number, phaseS: number, tauNodeS: number, tauSpareS: number): Reload {
  const k = Math.floor((failS - phaseS) / p.snapshotEveryS);
  const stateLostS = failS - (phaseS + k * p.snapshotEveryS);
  const detectS = tauNodeS + p.detectTimeoutS;
  const n = bufferSnapshots(p);
  const readS = n * p.framReadPerSnapshotS;
  const serialS = (8 * SNAPSHOT_BYTES * n) / p.linkRateBitPerS;
  return { stateLostS, detectS, reloadS: detectS + readS + serialS + tauSpareS, lowerBoundS: tauNodeS + tauSpareS };
}
