/**
 * glibc's `log`, bit for bit, faster: the same algorithm as `glibcLog` but with plain products
 * instead of emulated FMAs in the small correction term, and a proof-carrying check that the
 * final rounding `y + hi` cannot depend on the difference. When the check fails (about 1 % of
 * inputs), or x is near 1 (glibc's log1p-style branch), or x is not a positive normal number,
 * it returns `glibcLog(x)` itself. So `glibcLogFast(x) === glibcLog(x)` for every double.
 *
 * Why the check is sound: glibc returns round(y + hi) where y = r³·poly + r²·A₀ + lo₁ is a small
 * double computed with fused multiply-adds. Without fusion each of the five operations producing
 * y differs by at most a couple of units in the last place of its own magnitude, so
 * |y_fast − y| ≤ δ = 2⁻⁴⁸ · (|k·ln2_lo| + |t₀| + |r²A₀| + |r³·poly| + |y_fast|) (a 16× margin over
 * 2⁻⁵² per term). TwoSum gives s = round(hi + y_fast) and the exact residual e; if |e| + δ is
 * below half the spacing of doubles around s (the smaller side at a power of two), every y in
 * [y_fast − δ, y_fast + δ] rounds hi + y to the same s, strictly (no tie), so s is glibc's result.
 */
import { LN2_HI, LN2_LO, POLY, POLY1, TAB } from "./glibc-log-data.js";
import { glibcLog } from "./glibc-log.js";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const SPLIT = 134217729;
const A0 = POLY[0], A1 = POLY[1], A2 = POLY[2], A3 = POLY[3], A4 = POLY[4];
const B0 = POLY1[0], B1 = POLY1[1], B2 = POLY1[2], B3 = POLY1[3], B4 = POLY1[4], B5 = POLY1[5];
const B6 = POLY1[6], B7 = POLY1[7], B8 = POLY1[8], B9 = POLY1[9], B10 = POLY1[10];
const TWO_M48 = 2 ** -48;
const TWO27 = 134217728;

/** Natural logarithm, bit-identical to glibc's `log` (and to `glibcLog`) for every double. */
export function glibcLogFast(x: number): number {
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) return nearOne(x);
  // Subnormal, zero, negative, NaN, ∞: the reference implementation.
  if (hi < 0x00100000 || hi >= 0x7ff00000) return glibcLog(x);
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  u32[1] = (hi - (tmpHi & 0xfff00000)) >>> 0;
  u32[0] = lo;
  const z = f64[0]!;
  const invc = TAB[2 * i]!;
  const logc = TAB[2 * i + 1]!;
  // r = fma(z, invc, −1), exactly as glibcLog computes it.
  const ph = z * invc;
  let t = SPLIT * z;
  const zh = t - (t - z), zl = z - zh;
  t = SPLIT * invc;
  const ih = t - (t - invc), il = invc - ih;
  const r = (ph - 1.0) + (((zh * ih - ph) + zh * il + zl * ih) + zl * il);
  const w = k * LN2_HI + logc;
  const hiSum = w + r;
  const t0 = (w - hiSum) + r;
  const kl = k * LN2_LO;
  const r2 = r * r;
  const r3 = r * r2;
  const a0r2 = r2 * A0;
  const poly = (A1 + r * A2) + (A3 + r * A4) * r2;
  const rp = r3 * poly;
  const y = rp + (a0r2 + (kl + t0));
  // TwoSum: s + e = hiSum + y exactly.
  const s = hiSum + y;
  const bv = s - hiSum;
  const e = (hiSum - (s - bv)) + (y - bv);
  const delta = TWO_M48 * (Math.abs(kl) + Math.abs(t0) + Math.abs(a0r2) + Math.abs(rp) + Math.abs(y));
  return safelyRounded(s, e, delta) ? s : glibcLog(x);
}

/** glibc's branch for x in [1 − 2⁻⁴, 1 + 0x1.09p−4): log1p-style polynomial, same check. */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = (B1 + r * B2) + r2 * B3;
  const q2 = (B4 + r * B5) + r2 * B6;
  const q3 = ((B7 + r * B8) + r2 * B9) + r3 * B10;
  const poly = (q3 * r3 + q2) * r3 + q1;
  const rhi = (r * TWO27 + r) - r * TWO27;
  const rlo = r - rhi;
  const wq = rhi * rhi * B0;
  const hi = r + wq;
  const lo = (r - hi) + wq;
  const m = B0 * rlo * (r + rhi);
  const pr = poly * r3;
  const y = pr + (m + lo);
  const s = hi + y;
  const bv = s - hi;
  const e = (hi - (s - bv)) + (y - bv);
  const delta = TWO_M48 * (Math.abs(pr) + Math.abs(m) + Math.abs(lo) + Math.abs(y));
  return safelyRounded(s, e, delta) ? s : glibcLog(x);
}

/**
 * True when every real number within `delta` of s + e rounds to s strictly: |e| + δ is below half
 * the spacing of doubles at s (the smaller, lower side when |s| is a power of two).
 */
function safelyRounded(s: number, e: number, delta: number): boolean {
  f64[0] = s;
  const exp = (u32[1]! >>> 20) & 0x7ff;
  const pow2 = (u32[1]! & 0xfffff) === 0 && u32[0] === 0;
  if (exp <= 54 || exp === 0x7ff) return false;
  u32[0] = 0;
  u32[1] = ((exp - 53 - (pow2 ? 1 : 0)) << 20) >>> 0; // 2^(exp−1023−53): half an ulp, a quarter below a power of two
  return Math.abs(e) + delta < f64[0]!;
}
