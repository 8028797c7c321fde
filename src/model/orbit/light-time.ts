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
  const dx = (xyz[3 * i] as number) - (xyz[3 * j] as number);
  const dy = (xyz[3 * i + 1] as number) - (xyz[3 * j + 1] as number);
  const dz = (xyz[3 * i + 2] as number) - (xyz[3 * j + 2] as number);
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
