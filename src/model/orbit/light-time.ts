/**
 * Light-time between two points: τ = |r_a − r_b| / c, with c from CODATA (constants.ts).
 * Positions are metres in one inertial frame (here the true equator and equinox of date, which
 * SGP4's TEME matches to ~1″). Retarded positions (the light-time equation) are in umt/.
 */
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";

/** A position, metres. */
export type Vec3 = readonly [number, number, number];

/** Distance between two points, metres. */
export function distanceM(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** One-way light-time between two points, seconds. */
export function lightTimeS(a: Vec3, b: Vec3): number {
  return distanceM(a, b) / SPEED_OF_LIGHT_M_PER_S;
}

/** Light-time between points i and j of a flat array of xyz triplets (metres), seconds. */
export function lightTimeFlatS(xyz: Float64Array, i: number, j: number): number {
  const dx = xyz[3 * i]! - xyz[3 * j]!;
  const dy = xyz[3 * i + 1]! - xyz[3 * j + 1]!;
  const dz = xyz[3 * i + 2]! - xyz[3 * j + 2]!;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) / SPEED_OF_LIGHT_M_PER_S;
}

/**
 * True when the segment a–b passes closer than `radiusM` to the origin (Earth's centre): the
 * Earth (plus an atmosphere margin) blocks the optical link.
 */
export function occulted(a: Vec3, b: Vec3, radiusM: number): boolean {
  const dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
  const len2 = dx * dx + dy * dy + dz * dz;
  // Parameter of the closest approach of the segment to the origin, clamped to the segment.
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(a[0] * dx + a[1] * dy + a[2] * dz) / len2));
  return Math.hypot(a[0] + t * dx, a[1] + t * dy, a[2] + t * dz) < radiusM;
}

/**
 * Length of the shortest path from a to b that stays outside the ball of `radiusM` about the
 * origin, metres: the straight segment when it is clear, otherwise the two tangent segments and
 * the great-circle arc between their touching points (the limit of a path through relays; a real
 * relay chain is longer). Both points must lie outside the ball.
 */
export function pathAroundM(a: Vec3, b: Vec3, radiusM: number): number {
  if (!occulted(a, b, radiusM)) return distanceM(a, b);
  const ra = Math.hypot(a[0], a[1], a[2]);
  const rb = Math.hypot(b[0], b[1], b[2]);
  const cosG = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (ra * rb);
  const gamma = Math.acos(Math.min(1, Math.max(-1, cosG)));
  const arc = gamma - Math.acos(radiusM / ra) - Math.acos(radiusM / rb);
  return Math.sqrt(ra * ra - radiusM * radiusM) + Math.sqrt(rb * rb - radiusM * radiusM) + radiusM * Math.max(0, arc);
}

/** One-way light time along `pathAroundM`: a link the Earth blocks goes round it by relay, s. */
export function relayedLightTimeS(a: Vec3, b: Vec3, radiusM: number): number {
  return pathAroundM(a, b, radiusM) / SPEED_OF_LIGHT_M_PER_S;
}
