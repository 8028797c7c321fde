/**
 * `log(x)` exactly as glibc ≥ 2.28 computes it on x86-64 CPUs with FMA (its `__log_fma`
 * variant, the one a Haswell-or-later machine runs), reproduced to the last bit.
 *
 * Why: numpy's legacy Gaussian (`np.random.randn`) calls the C library's `log`. V8's
 * `Math.log` (an fdlibm port) differs from glibc in about 6 % of results by one ulp, which
 * would make every later number of a numpy stream differ. This file re-implements glibc's
 * table-driven algorithm (Szabolcs Nagy, ARM optimized-routines) with the constants taken from
 * libm (`glibc-log-data.ts`), following the operation order of the compiled FMA variant: GCC
 * contracts `a*b + c` into fused multiply-adds there, so each contraction is emulated with an
 * exactly rounded FMA (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
 * proved algorithms using rounding to odd", IEEE TC 57(4), 2008).
 *
 * Only finite positive inputs take the emulated path; 0, negatives, NaN and ∞ give the IEEE
 * special values (−∞, NaN, NaN, ∞), as glibc does.
 */
import { LN2_HI, LN2_LO, POLY, POLY1, TAB } from "./glibc-log-data.js";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian word order is assumed below (every platform Node 20 ships for).
f64[0] = 1;
if (u32[1] !== 0x3ff00000) throw new Error("pqms internal assertion: glibc-log needs a little-endian platform");

const SPLIT = 134217729; // 2^27 + 1, Veltkamp splitter
const TWO27 = 134217728;

const A0 = POLY[0], A1 = POLY[1], A2 = POLY[2], A3 = POLY[3], A4 = POLY[4];
const B0 = POLY1[0], B1 = POLY1[1], B2 = POLY1[2], B3 = POLY1[3], B4 = POLY1[4], B5 = POLY1[5];
const B6 = POLY1[6], B7 = POLY1[7], B8 = POLY1[8], B9 = POLY1[9], B10 = POLY1[10];

/**
 * Correctly rounded `a*b + c` (one rounding), for operands whose product neither overflows
 * nor underflows (true for every use here).
 *
 * a*b = p + pl exactly (Veltkamp/Dekker), p + c = s + sl exactly (TwoSum), sl + pl = v + ve
 * exactly (TwoSum). Then a*b + c = s + v + ve with |ve| ≤ ulp(v)/2 far below ulp(s), so
 * RN(s + v) is already the correctly rounded result unless s + v is exactly a rounding tie;
 * then the sign of ve decides (the round-to-odd argument of Boldo & Melquiond).
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - p) + ah * bl + al * bh) + al * bl; // p + pl == a*b exactly
  const s = p + c;
  const sv = s - p;
  const sl = (p - (s - sv)) + (c - sv); // s + sl == p + c exactly
  const v = sl + pl;
  if (v === 0) return s; // exact (and keeps the sign of a zero result)
  const r = s + v;
  const vv = v - sl;
  const ve = (sl - (v - vv)) + (pl - vv); // v + ve == sl + pl exactly
  if (ve === 0) return r;
  const rv = r - s;
  const tail = (s - (r - rv)) + (v - rv); // r + tail == s + v exactly
  // s + v is a tie exactly when r + 2·tail is representable (the neighbour of r).
  if (tail === 0 || (r + 2 * tail) - r !== 2 * tail) return r;
  return (ve > 0) === (tail > 0) ? r + 2 * tail : r;
}

/** `fma(a, k, c)` for a constant k given with its Veltkamp split (kh, kl): saves one split. */
function fmaK(a: number, k: number, kh: number, kl: number, c: number): number {
  const p = a * k;
  const t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  const pl = ((ah * kh - p) + ah * kl + al * kh) + al * kl;
  const s = p + c;
  const sv = s - p;
  const sl = (p - (s - sv)) + (c - sv);
  const v = sl + pl;
  if (v === 0) return s; // exact (and keeps the sign of a zero result)
  const r = s + v;
  const vv = v - sl;
  const ve = (sl - (v - vv)) + (pl - vv);
  if (ve === 0) return r;
  const rv = r - s;
  const tail = (s - (r - rv)) + (v - rv);
  if (tail === 0 || (r + 2 * tail) - r !== 2 * tail) return r;
  return (ve > 0) === (tail > 0) ? r + 2 * tail : r;
}

const hiOf = (k: number): number => { const t = SPLIT * k; return t - (t - k); };
const A0H = hiOf(A0), A0L = A0 - A0H, A2H = hiOf(A2), A2L = A2 - A2H, A4H = hiOf(A4), A4L = A4 - A4H;
const LN2_LO_H = hiOf(LN2_LO), LN2_LO_L = LN2_LO - LN2_LO_H;
const B2H = hiOf(B2), B2L = B2 - B2H, B3H = hiOf(B3), B3L = B3 - B3H, B5H = hiOf(B5), B5L = B5 - B5H;
const B6H = hiOf(B6), B6L = B6 - B6H, B8H = hiOf(B8), B8L = B8 - B8H, B9H = hiOf(B9), B9L = B9 - B9H;
const B10H = hiOf(B10), B10L = B10 - B10H;

/** Natural logarithm, bit-identical to glibc's `log` (FMA variant) for every double. */
export function glibcLog(x: number): number {
  f64[0] = x;
  let hi = u32[1]!;
  let lo = u32[0]!;
  // x in [1 - 2^-4, 1 + 0x1.09p-4): log1p polynomial with an exactly split r.
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    if (hi === 0x3ff00000 && lo === 0) return 0;
    return logNearOne(x - 1.0);
  }
  const top = hi >>> 16;
  if (top < 0x0010 || top >= 0x7ff0) {
    // Subnormal, zero, negative, NaN or ∞.
    if (!(x > 0) || x === Infinity) return Math.log(x);
    f64[0] = x * 4503599627370496; // 2^52: normalise the subnormal
    hi = (u32[1]! - (52 << 20)) >>> 0;
    lo = u32[0]!;
  }
  // x = 2^k z, z in [OFF, 2 OFF) with OFF = 0x3fe6000000000000.
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  u32[1] = (hi - (tmpHi & 0xfff00000)) >>> 0;
  u32[0] = lo;
  const z = f64[0]!;
  const invc = TAB[2 * i]!;
  const logc = TAB[2 * i + 1]!;
  // r = fma(z, invc, -1): z*invc is near 1, so (ph - 1) is exact and one rounding remains.
  const ph = z * invc;
  let t = SPLIT * z;
  const zh = t - (t - z), zl = z - zh;
  t = SPLIT * invc;
  const ih = t - (t - invc), il = invc - ih;
  const pl = ((zh * ih - ph) + zh * il + zl * ih) + zl * il;
  const r = (ph - 1.0) + pl;
  const kd = k;
  const w = kd * LN2_HI + logc; // kd*LN2_HI is exact, so the fma is a plain sum
  const hiSum = w + r;
  const lo0 = (w - hiSum) + r;
  const r2 = r * r;
  const rr2 = r * r2;
  // Fast path: the same sums with unfused products. They differ from the fused ones by far
  // less than EPS_REL·(|lo2| + |t|); unless that uncertainty reaches a rounding boundary of
  // the final sum, its rounding is glibc's.
  const lo2n = (kd * LN2_LO + lo0) + r2 * A0;
  const tn = rr2 * ((A1 + r * A2) + r2 * (A3 + r * A4));
  const fast = roundedIfSafe(hiSum, tn + lo2n, (Math.abs(lo2n) + Math.abs(tn)) * EPS_REL);
  if (fast === fast) return fast; // not NaN: decided
  const lo1 = fmaK(kd, LN2_LO, LN2_LO_H, LN2_LO_L, lo0);
  const p12 = fmaK(r, A2, A2H, A2L, A1);
  const p34 = fmaK(r, A4, A4H, A4L, A3);
  const lo2 = fmaK(r2, A0, A0H, A0L, lo1);
  const poly = fma(p34, r2, p12);
  const y = fma(rr2, poly, lo2);
  return y + hiSum;
}

/** Generous bound on the relative difference between the fused and unfused evaluations. */
const EPS_REL = 2 ** -46;

/**
 * RN(hi + y) when every value within `eps` of y rounds the same way in hi + y, else NaN.
 * The exact hi + y = s + err (TwoSum); the nearest rounding boundaries are s ± ulp(s)/2
 * (ulp/4 below a power of two).
 */
function roundedIfSafe(hi: number, y: number, eps: number): number {
  const s = hi + y;
  const bb = s - hi;
  const err = (hi - (s - bb)) + (y - bb);
  f64[0] = s;
  const top = u32[1]!;
  const e = (top >>> 20) & 0x7ff;
  if (e <= 54 || e === 0x7ff) return NaN;
  const powerOfTwo = (top & 0xfffff) === 0 && u32[0] === 0;
  u32[1] = (e - (powerOfTwo ? 54 : 53)) << 20; // ulp(s)/2, or ulp(s)/4 at a power of two
  u32[0] = 0;
  return Math.abs(err) + eps < f64[0]! ? s : NaN;
}

function logNearOne(r: number): number {
  const r2 = r * r;
  const r3 = r * r2;
  // r = rhi + rlo with rhi holding 26 bits, so rhi*rhi is exact.
  const rhi = (r * TWO27 + r) - r * TWO27;
  const rlo = r - rhi;
  const wq = rhi * rhi * B0;
  const hi = r + wq;
  const lo = (r - hi) + wq;
  // Fast path with unfused products (see the table path).
  const polyN = (B1 + r * B2 + r2 * B3) + r3 * ((B4 + r * B5 + r2 * B6) + r3 * (B7 + r * B8 + r2 * B9 + r3 * B10));
  const tn = polyN * r3;
  const lo2n = lo + B0 * rlo * (r + rhi);
  const fast = roundedIfSafe(hi, tn + lo2n, (Math.abs(lo2n) + Math.abs(tn)) * EPS_REL);
  if (fast === fast) return fast;
  const q1 = fmaK(r2, B3, B3H, B3L, fmaK(r, B2, B2H, B2L, B1));
  const q2 = fmaK(r2, B6, B6H, B6L, fmaK(r, B5, B5H, B5L, B4));
  const q3 = fmaK(r3, B10, B10H, B10L, fmaK(r2, B9, B9H, B9L, fmaK(r, B8, B8H, B8L, B7)));
  const poly = fma(fma(q3, r3, q2), r3, q1);
  const lo2 = fma(B0 * rlo, r + rhi, lo);
  return hi + fma(poly, r3, lo2);
}
