/**
 * The arithmetic of the inner-solar-system view, kept apart from the DOM so it can be tested:
 * heliocentric AU to pixels, the two shells drawn to one km scale with the Earth–Mars distance
 * compressed (and by how much), and a series' value at a time.
 */

/** Astronomical unit, km (IAU 2012 Resolution B2). */
export const KM_PER_AU = 149_597_870.7;

export interface Series { tNs: number[]; value: number[] }

/** The value of `s` at the last sample at or before `tNs` (NaN before the first or when absent). */
export function valueAt(s: Series | undefined, tNs: number): number {
  if (!s || s.tNs.length === 0 || tNs < s.tNs[0]!) return Number.NaN;
  let lo = 0;
  let hi = s.tNs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.tNs[mid]! <= tNs) lo = mid;
    else hi = mid - 1;
  }
  return s.value[lo]!;
}

/** Pixels per AU so that `maxAu` (with a margin) fits a radius of `radiusPx`. */
export function pxPerAu(maxAu: number, radiusPx: number): number {
  return radiusPx / (Math.max(maxAu, 1) * 1.08);
}

/** Where the two shells go in a box `widthPx` wide, and how much the distance between them is compressed. */
export interface ShellsToScale {
  readonly kmPerPx: number;
  readonly earthBodyPx: number;
  readonly earthShellPx: number;
  readonly marsBodyPx: number;
  readonly marsRingPx: number;
  /** Centre x of Earth and of Mars, px from the box's left edge. */
  readonly earthX: number;
  readonly marsX: number;
  /** Real centre-to-centre distance / drawn distance (both in km on the drawing's scale); ≥ 1. */
  readonly compression: number;
}

export interface ShellSizes { earthRadiusKm: number; earthShellKm: number; marsRadiusKm: number; marsRingKm: number }

/**
 * Earth and Mars with their shells at one scale: the larger shell gets `shellPx` of radius, the
 * two are placed `marginPx` from the box's edges, and the distance between the centres is drawn
 * as the space left, compressed by distanceKm / (drawn px × km per px).
 */
export function shellsToScale(s: ShellSizes, distanceKm: number, widthPx: number, shellPx: number, marginPx = 16): ShellsToScale {
  const kmPerPx = Math.max(s.earthShellKm, s.marsRingKm) / shellPx;
  const earthShellPx = s.earthShellKm / kmPerPx;
  const marsRingPx = s.marsRingKm / kmPerPx;
  const earthX = marginPx + earthShellPx;
  const marsX = widthPx - marginPx - marsRingPx;
  const drawnKm = (marsX - earthX) * kmPerPx;
  return {
    kmPerPx, earthBodyPx: s.earthRadiusKm / kmPerPx, earthShellPx, marsBodyPx: s.marsRadiusKm / kmPerPx, marsRingPx, earthX, marsX,
    compression: drawnKm > 0 ? Math.max(1, distanceKm / drawnKm) : Number.NaN,
  };
}

/** "1.2 × 10⁴" style, for labels. */
export function times(x: number): string {
  if (!Number.isFinite(x)) return "—";
  const e = Math.floor(Math.log10(x));
  if (e < 3) return x.toPrecision(3);
  const sup = String(e).split("").map((d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)]).join("");
  return `${(x / 10 ** e).toFixed(1)} × 10${sup}`;
}
