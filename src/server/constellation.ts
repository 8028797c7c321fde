/**
 * The constellation view's geometry for a mesh of N nodes: a Walker-delta shell (model/orbit,
 * SGP4) with one orbital plane per cluster where the node count allows (§3.2: clusters of
 * 100–200 nodes within one orbital plane), the five SMCs (L1, L2, lunar south pole, two GEO
 * slots) and the +Grid inter-satellite links. A run lasts microseconds, so positions are those at
 * the epoch; the dashboard turns the view, not the orbits.
 */
import { WALKER_DEFAULT, walkerSatrecs, positionsAt, plusGridLinks, smcSites, checkShell } from "../model/orbit/index.js";

/** Epoch of the dashboard's constellation (fixed, so the picture is reproducible). */
export const LAYOUT_EPOCH = new Date("2026-01-01T00:00:00Z");
const CACHE_MAX = 8;

export interface ConstellationLayout {
  readonly nodes: number;
  readonly planes: number;
  readonly perPlane: number;
  readonly altitudeKm: number;
  readonly inclinationDeg: number;
  readonly epoch: string;
  /** Node positions, km, TEME, flat [x0, y0, z0, x1, …] rounded to 0.1 km. */
  readonly positionsKm: number[];
  /** +Grid links as flat pairs [a0, b0, a1, b1, …]. */
  readonly links: number[];
  readonly smcs: ReadonlyArray<{ readonly name: string; readonly positionKm: readonly number[] }>;
}

/** The divisor of `n` closest to `n / clusterSize` (one plane per cluster when it divides). */
export function planesFor(n: number, clusterSize: number): number {
  const want = Math.max(1, n / Math.max(1, clusterSize));
  let best = 1;
  for (let d = 1; d <= n; d++) if (n % d === 0 && Math.abs(d - want) < Math.abs(best - want)) best = d;
  return best;
}

const cache = new Map<string, ConstellationLayout>();

/** Layout for `nodes` nodes in clusters of `clusterSize` (cached). */
export function constellationLayout(nodes: number, clusterSize: number): ConstellationLayout {
  const key = `${nodes}/${clusterSize}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const planes = planesFor(nodes, clusterSize);
  const shell = { ...WALKER_DEFAULT, total: nodes, planes, phasing: planes > 1 ? 1 : 0 };
  checkShell(shell, "mesh");
  const xyz = positionsAt(walkerSatrecs(shell, LAYOUT_EPOCH), 0, new Float64Array(3 * nodes));
  const positionsKm = Array.from(xyz, (m) => Math.round(m / 100) / 10);
  const layout: ConstellationLayout = {
    nodes, planes, perPlane: nodes / planes, altitudeKm: shell.altitudeKm, inclinationDeg: shell.inclinationDeg, epoch: LAYOUT_EPOCH.toISOString(),
    positionsKm, links: Array.from(plusGridLinks(planes, nodes / planes)),
    smcs: smcSites(LAYOUT_EPOCH).map((s) => ({ name: s.name, positionKm: s.positionM.map((m) => Math.round(m / 100) / 10) })),
  };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, layout);
  return layout;
}
