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

/** Split (hi, lo) of each table 1/c, so the exact product z·(1/c) needs one Veltkamp split only. */
const INVC_HI = new Float64Array(128);
const INVC_LO = new Float64Array(128);
for (let j = 0; j < 128; j++) {
  const invc = TAB[2 * j]!;
  INVC_HI[j] = hiOf(invc);
  INVC_LO[j] = invc - INVC_HI[j]!;
}

/** 2^e for an integer e in [−1074, 1023], built exactly from its bits. */
function pow2(e: number): number {
  if (e < -1022) return pow2(e + 52) * 2.220446049250313e-16; // × 2^-52, exact
  u32[0] = 0;
  u32[1] = (e + 1023) << 20;
  return f64[0]!;
}
/** POW2_NEG[k + 1024] = 2^−k for the exponents k ∈ [−1024, 1024] of normal inputs: z = x·2^−k exactly. */
const POW2_NEG = new Float64Array(2049);
for (let k = -1024; k <= 1024; k++) POW2_NEG[k + 1024] = pow2(-k);

/**
 * Generous bound on the relative difference between the fused and unfused evaluations, doubled
 * so that the bracket's own roundings (y ± ε below) stay inside it.
 */
const EPS_REL2 = 2 ** -45;

/** Natural logarithm, bit-identical to glibc's `log` (FMA variant) for every double. */
export function glibcLog(x: number): number {
  f64[0] = x;
  const hi = u32[1]!;
  // x in [1 - 2^-4, 1 + 0x1.09p-4): log1p polynomial with an exactly split r.
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) return x === 1 ? 0 : logNearOne(x - 1.0);
  // Subnormal, zero, negative, NaN or ∞.
  if (hi < 0x00100000 || hi >= 0x7ff00000) return logSpecial(x);
  // x = 2^k z, z in [OFF, 2 OFF) with OFF = 0x3fe6000000000000; z = x·2^−k is exact.
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  return logTable(x * POW2_NEG[k + 1024]!, k, i);
}

/** log(2^k z) by the table entry i (glibc's main path). */
function logTable(z: number, k: number, i: number): number {
  const invc = TAB[2 * i]!;
  const logc = TAB[2 * i + 1]!;
  // r = fma(z, invc, -1): z*invc is near 1, so (ph - 1) is exact and one rounding remains.
  const ph = z * invc;
  const t = SPLIT * z;
  const zh = t - (t - z), zl = z - zh;
  const ih = INVC_HI[i]!, il = INVC_LO[i]!;
  const pl = ((zh * ih - ph) + zh * il + zl * ih) + zl * il;
  const r = (ph - 1.0) + pl;
  const w = k * LN2_HI + logc; // k*LN2_HI is exact, so the fma is a plain sum
  const hiSum = w + r;
  const lo0 = (w - hiSum) + r;
  const r2 = r * r;
  const rr2 = r * r2;
  // Fast path: the same sums with unfused products. They differ from the fused ones (glibc's y)
  // by far less than ε = EPS_REL2·(|lo2| + |t|)/2; RN(hiSum + ·) is monotone, so when both ends
  // of the bracket y ± ε round alike, glibc's RN(hiSum + y) is that value too.
  const lo2n = (k * LN2_LO + lo0) + r2 * A0;
  const tn = rr2 * ((A1 + r * A2) + r2 * (A3 + r * A4));
  const y = tn + lo2n;
  const eps = (Math.abs(lo2n) + Math.abs(tn)) * EPS_REL2;
  const below = hiSum + (y - eps);
  if (below === hiSum + (y + eps)) return below;
  const lo1 = fmaK(k, LN2_LO, LN2_LO_H, LN2_LO_L, lo0);
  const p12 = fmaK(r, A2, A2H, A2L, A1);
  const p34 = fmaK(r, A4, A4H, A4L, A3);
  const lo2 = fmaK(r2, A0, A0H, A0L, lo1);
  const poly = fma(p34, r2, p12);
  return fma(rr2, poly, lo2) + hiSum;
}

/** 0, negatives, NaN, ∞ (IEEE special values) and subnormals (normalised first). */
function logSpecial(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  f64[0] = x * 4503599627370496; // 2^52: normalise the subnormal
  const hi = (u32[1]! - (52 << 20)) >>> 0;
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  // x·2^52 = 2^(k+52) z: scale by 2^−(k+52) ∈ [2^−1022, 2^1022] exactly.
  return logTable(f64[0]! * POW2_NEG[k + 52 + 1024]!, k, i);
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
  const y = tn + lo2n;
  const eps = (Math.abs(lo2n) + Math.abs(tn)) * EPS_REL2;
  const below = hi + (y - eps);
  if (below === hi + (y + eps)) return below;
  const q1 = fmaK(r2, B3, B3H, B3L, fmaK(r, B2, B2H, B2L, B1));
  const q2 = fmaK(r2, B6, B6H, B6L, fmaK(r, B5, B5H, B5L, B4));
  const q3 = fmaK(r3, B10, B10H, B10L, fmaK(r2, B9, B9H, B9L, fmaK(r, B8, B8H, B8L, B7)));
  const poly = fma(fma(q3, r3, q2), r3, q1);
  const lo2 = fma(B0 * rlo, r + rhi, lo);
  return hi + fma(poly, r3, lo2);
}
