/**
 * +Grid inter-satellite links (§3.2: 100 Gbit/s optical links): each satellite links to its
 * in-plane predecessor and successor and to the same slot in the two neighbouring planes.
 * A link is usable only when the Earth (plus an atmosphere margin) does not block it.
 */
import { occulted, type Vec3 } from "./light-time.js";
import { EARTH_RADIUS_M } from "./walker.js";

/** Grazing margin above the surface for optical links, m (the dense atmosphere). */
export const OCCULTATION_MARGIN_M = 80_000;

/** Undirected +Grid links as pairs (a < b) in a flat Int32Array [a0, b0, a1, b1, …]. */
export function plusGridLinks(planes: number, perPlane: number): Int32Array {
  const out: number[] = [];
  const id = (p: number, s: number) => p * perPlane + s;
  for (let p = 0; p < planes; p++) {
    for (let s = 0; s < perPlane; s++) {
      if (perPlane > 1 && (perPlane > 2 || s === 0)) out.push(Math.min(id(p, s), id(p, (s + 1) % perPlane)), Math.max(id(p, s), id(p, (s + 1) % perPlane)));
      if (planes > 1 && (planes > 2 || p === 0)) out.push(Math.min(id(p, s), id((p + 1) % planes, s)), Math.max(id(p, s), id((p + 1) % planes, s)));
    }
  }
  return Int32Array.from(out);
}

function at(xyz: Float64Array, i: number): Vec3 {
  return [xyz[3 * i]!, xyz[3 * i + 1]!, xyz[3 * i + 2]!];
}

/** 1 where link k is clear of the Earth, 0 where occulted, into `out`. */
export function linkVisibility(links: Int32Array, xyz: Float64Array, out: Uint8Array): Uint8Array {
  const r = EARTH_RADIUS_M + OCCULTATION_MARGIN_M;
  for (let k = 0; k < links.length / 2; k++) out[k] = occulted(at(xyz, links[2 * k]!), at(xyz, links[2 * k + 1]!), r) ? 0 : 1;
  return out;
}

/**
 * Nearest visible SMC of every node (by light-time; a controller hidden by the Earth does not
 * count), into `out`; −1 when none is visible.
 */
export function nearestSmc(xyz: Float64Array, smcs: readonly Vec3[], out: Int32Array): Int32Array {
  const r = EARTH_RADIUS_M + OCCULTATION_MARGIN_M;
  for (let i = 0; i < out.length; i++) {
    const p = at(xyz, i);
    let best = -1;
    let bestD = Infinity;
    smcs.forEach((s, k) => {
      const d = Math.hypot(p[0] - s[0], p[1] - s[1], p[2] - s[2]);
      if (d < bestD && !occulted(p, s, r)) {
        bestD = d;
        best = k;
      }
    });
    out[i] = best;
  }
  return out;
}
