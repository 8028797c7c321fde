/**
 * Double-double arithmetic (a value is hi + lo, |lo| ≤ ulp(hi)/2, ~106 bits): just what the
 * incomplete beta's continued fraction needs to survive its cancellations (Dekker 1971;
 * Hida, Li & Bailey, "Library for double-double and quad-double arithmetic", 2007).
 *
 * Each operation returns the high part and leaves the low part in `ddLo` (no allocation).
 */
const SPLIT = 134217729; // 2^27 + 1

/** Low part of the last result. */
export let ddLo = 0;

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const bb = s - ah;
  let e = (ah - (s - bb)) + (bh - bb);
  e += al + bl;
  const h = s + e;
  ddLo = e - (h - s);
  return h;
}

/** (ah + al) · (bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  let t = SPLIT * ah;
  const ahh = t - (t - ah), ahl = ah - ahh;
  t = SPLIT * bh;
  const bhh = t - (t - bh), bhl = bh - bhh;
  let e = ((ahh * bhh - p) + ahh * bhl + ahl * bhh) + ahl * bhl;
  e += ah * bl + al * bh;
  const h = p + e;
  ddLo = e - (h - p);
  return h;
}

/** (ah + al) / (bh + bl), with one correction step (~104 bits). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  // r = a − q1·b
  const ph = ddMul(q1, 0, bh, bl);
  const pl = ddLo;
  const rh = ddAdd(ah, al, -ph, -pl);
  const rl = ddLo;
  const q2 = rh / bh;
  const ph2 = ddMul(q2, 0, bh, bl);
  const pl2 = ddLo;
  const r2h = ddAdd(rh, rl, -ph2, -pl2);
  const q3 = r2h / bh;
  const s = q1 + q2;
  const e = q2 - (s - q1) + q3;
  const h = s + e;
  ddLo = e - (h - s);
  return h;
}
