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
 * nor underflows (true for every use here). ExactMult + TwoSum, then the two tails are added
 * with rounding to odd, so that the final round-to-nearest is not a double rounding.
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
  let v = sl + pl;
  const vv = v - sl;
  const ve = (sl - (v - vv)) + (pl - vv); // v + ve == sl + pl exactly
  if (ve !== 0) v = roundToOdd(v, ve);
  return s + v;
}

/** v was rounded to nearest and the exact value is v + e (e ≠ 0): return it rounded to odd. */
function roundToOdd(v: number, e: number): number {
  f64[0] = v;
  let lo = u32[0]!;
  if ((lo & 1) === 1) return v;
  let hi = u32[1]!;
  // Step one ulp towards the exact value: away from zero when e has v's sign.
  if ((e > 0) === (v > 0)) {
    lo = lo + 1; // lo is even: no carry
  } else if (lo === 0) {
    lo = 0xffffffff;
    hi = hi - 1;
  } else {
    lo = lo - 1;
  }
  u32[0] = lo >>> 0;
  u32[1] = hi >>> 0;
  return f64[0]!;
}

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
  const lo1 = fma(kd, LN2_LO, (w - hiSum) + r);
  const r2 = r * r;
  const p12 = fma(r, A2, A1);
  const p34 = fma(r, A4, A3);
  const lo2 = fma(r2, A0, lo1);
  const poly = fma(p34, r2, p12);
  const y = fma(r * r2, poly, lo2);
  return y + hiSum;
}

function logNearOne(r: number): number {
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = fma(r2, B3, fma(r, B2, B1));
  const q2 = fma(r2, B6, fma(r, B5, B4));
  const q3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const poly = fma(fma(q3, r3, q2), r3, q1);
  // r = rhi + rlo with rhi holding 26 bits, so rhi*rhi is exact.
  const rhi = (r * TWO27 + r) - r * TWO27;
  const rlo = r - rhi;
  const wq = rhi * rhi * B0;
  const hi = r + wq;
  const lo = (r - hi) + wq;
  const lo2 = fma(B0 * rlo, r + rhi, lo);
  return hi + fma(poly, r3, lo2);
}
