/**
 * Walker-delta shells i:T/P/F (Walker 1984): T satellites in P equally spaced planes of
 * inclination i, S = T/P per plane equally spaced in anomaly, neighbouring planes phased by
 * F·360°/T. V2000/§3.2 default: 10^4 nodes at 550 km; we use 80 planes × 125 (each plane one
 * cluster of 125, inside §3.2's "100–200 nodes within a single orbital plane"), i = 53°, F = 1.
 *
 * Elements are written as generated OMM/TLE mean elements (circular, B* = 0) and propagated by
 * SGP4 (satellite.js), which returns TEME positions in km; we store metres.
 */
import { json2satrec, sgp4, type SatRec } from "satellite.js";
import { InputError } from "../../errors.js";
import { GM_EARTH } from "./smc.js";

/** WGS-72 equatorial radius used by SGP4, m. */
export const EARTH_RADIUS_M = 6_378_135;

/** A Walker-delta shell. */
export interface WalkerShell {
  readonly total: number;
  readonly planes: number;
  readonly phasing: number;
  readonly inclinationDeg: number;
  readonly altitudeKm: number;
}

export const WALKER_DEFAULT: WalkerShell = { total: 10_000, planes: 80, phasing: 1, inclinationDeg: 53, altitudeKm: 550 };

/** Validate a shell; throws InputError naming the field. */
export function checkShell(s: WalkerShell, path = "constellation"): void {
  if (!Number.isInteger(s.total) || s.total < 1 || s.total > 100_000) throw InputError.of(`${path}.nodes`, "an integer in [1, 100000]", s.total);
  if (!Number.isInteger(s.planes) || s.planes < 1 || s.total % s.planes !== 0) throw InputError.of(`${path}.planes`, `a divisor of nodes = ${s.total}`, s.planes);
  if (!Number.isInteger(s.phasing) || s.phasing < 0 || s.phasing >= s.planes) throw InputError.of(`${path}.phasing`, `an integer in [0, planes)`, s.phasing);
  if (!(s.altitudeKm >= 160 && s.altitudeKm <= 40_000)) throw InputError.of(`${path}.altitudeKm`, "an altitude in [160, 40000] km", s.altitudeKm);
}

/** Mean motion of a circular orbit at `altitudeKm`, rev/day (Kepler). */
export function meanMotionRevPerDay(altitudeKm: number): number {
  const a = EARTH_RADIUS_M + altitudeKm * 1000;
  return (Math.sqrt(GM_EARTH / (a * a * a)) * 86_400) / (2 * Math.PI);
}

/** SGP4 records of every satellite of `shell`, epoch `epoch`; index = plane·S + slot. */
export function walkerSatrecs(shell: WalkerShell, epoch: Date): SatRec[] {
  checkShell(shell);
  const perPlane = shell.total / shell.planes;
  const n = meanMotionRevPerDay(shell.altitudeKm);
  const recs: SatRec[] = [];
  const epochText = epoch.toISOString().replace("Z", "");
  for (let p = 0; p < shell.planes; p++) {
    for (let s = 0; s < perPlane; s++) {
      const anomaly = (360 * s) / perPlane + (360 * shell.phasing * p) / shell.total;
      recs.push(json2satrec({
        OBJECT_NAME: `PQMS-${p}-${s}`, OBJECT_ID: `2026-000A`, EPOCH: epochText,
        MEAN_MOTION: n, ECCENTRICITY: 0, INCLINATION: shell.inclinationDeg, RA_OF_ASC_NODE: (360 * p) / shell.planes,
        ARG_OF_PERICENTER: 0, MEAN_ANOMALY: anomaly % 360, NORAD_CAT_ID: recs.length + 1, ELEMENT_SET_NO: 1,
        BSTAR: 0, MEAN_MOTION_DOT: 0, MEAN_MOTION_DDOT: 0,
      }));
    }
  }
  return recs;
}

/** Positions (TEME, m) of every satellite `minutes` after epoch, into `out` (length 3·T). */
export function positionsAt(recs: readonly SatRec[], minutes: number, out: Float64Array): Float64Array {
  for (let i = 0; i < recs.length; i++) {
    const pv = sgp4(recs[i] as SatRec, minutes);
    if (!pv || typeof pv.position !== "object") throw InputError.of(`satellite ${i}`, "an SGP4 solution", "~a propagation error (decayed orbit?)");
    out[3 * i] = pv.position.x * 1000;
    out[3 * i + 1] = pv.position.y * 1000;
    out[3 * i + 2] = pv.position.z * 1000;
  }
  return out;
}

/** Shells whose epoch positions are kept (a sweep over seeds reuses one; a few cover a comparison). */
const EPOCH_POSITIONS_KEPT = 4;
const epochPositions = new Map<string, Float64Array>();

/**
 * Positions (TEME, m) of every satellite of `shell` at `epoch` (SGP4 at t = 0): the same numbers
 * as `positionsAt(walkerSatrecs(shell, epoch), 0, …)`, computed once per (shell, epoch) and kept
 * for the last few, since building and initialising 10^4 SGP4 records costs more than a whole
 * failover run's events. Returns a fresh copy the caller may keep or change.
 */
export function shellPositionsAtEpoch(shell: WalkerShell, epoch: Date): Float64Array {
  const key = `${shell.total}/${shell.planes}/${shell.phasing}/${shell.inclinationDeg}/${shell.altitudeKm}@${epoch.getTime()}`;
  let xyz = epochPositions.get(key);
  if (xyz === undefined) {
    const recs = walkerSatrecs(shell, epoch);
    xyz = positionsAt(recs, 0, new Float64Array(3 * recs.length));
    if (epochPositions.size >= EPOCH_POSITIONS_KEPT) epochPositions.delete(epochPositions.keys().next().value!);
    epochPositions.set(key, xyz);
  }
  return xyz.slice();
}
