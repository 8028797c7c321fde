/**
 * Ephemerides for UMT: where node i is at time t (s since the epoch), metres, in one inertial
 * frame. `linearEphemeris` (position + velocity·t) gives exact hand-checkable cases;
 * `walkerEphemeris` propagates generated TLEs by SGP4 (orbit/walker.ts).
 */
import { sgp4, type SatRec } from "satellite.js";
import { InputError } from "../../errors.js";

/** Position of node i at tS, written into `out` (m). */
export type Ephemeris = (i: number, tS: number, out: Float64Array) => Float64Array;

/** Nodes moving uniformly: r_i(t) = p_i + v_i·t (flat xyz arrays, m and m/s). */
export function linearEphemeris(positionM: Float64Array, velocityMPerS: Float64Array): Ephemeris {
  return (i, tS, out) => {
    for (let k = 0; k < 3; k++) out[k] = positionM[3 * i + k]! + velocityMPerS[3 * i + k]! * tS;
    return out;
  };
}

/** SGP4 positions (TEME, m) of satellites `recs`, t in s since their common epoch. */
export function walkerEphemeris(recs: readonly SatRec[]): Ephemeris {
  return (i, tS, out) => {
    const pv = sgp4(recs[i] as SatRec, tS / 60);
    if (!pv || typeof pv.position !== "object") throw InputError.of(`satellite ${i}`, "an SGP4 solution", `~a propagation error at t = ${tS} s`);
    out[0] = pv.position.x * 1000;
    out[1] = pv.position.y * 1000;
    out[2] = pv.position.z * 1000;
    return out;
  };
}

/** `eph` plus a constant per-node error vector (flat xyz, m): what a node's orbit determination predicts. */
export function perturbedEphemeris(eph: Ephemeris, errorM: Float64Array): Ephemeris {
  return (i, tS, out) => {
    eph(i, tS, out);
    for (let k = 0; k < 3; k++) out[k] = out[k]! + errorM[3 * i + k]!;
    return out;
  };
}
