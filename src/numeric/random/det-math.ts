/**
 * `exp` computed from IEEE-754 operations only (+, −, ×, ÷, rounding to integers), so the
 * result is the same on every platform and JavaScript engine. `Math.exp` is not specified
 * bit for bit by ECMAScript and has changed between V8 versions; random streams must not
 * depend on it. Accuracy: about 1 ulp, which is all a sampler's acceptance test needs.
 */
import { LN2_HI, LN2_LO } from "./glibc-log-data.js";

const INV_LN2 = 1.4426950408889634;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** 2^k for an integer k in [−1022, 1023], built from its bit pattern. */
function pow2(k: number): number {
  u32[0] = 0;
  u32[1] = (k + 1023) << 20;
  return f64[0]!;
}

/** e^x, deterministic across platforms; 0 below −745, ∞ above 709.78. */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  // k*LN2_HI is exact (LN2_HI has 11 trailing zero bits), so r carries x's full precision.
  const r = (x - k * LN2_HI) - k * LN2_LO;
  // Taylor series to r^13 / 13!: |r| ≤ 0.35, truncation error < 2^-60.
  let p = 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 0.5;
  p = p * r * r + r;
  const e = 1 + p;
  // Split the scaling so that subnormal results and k = 1024 stay exact.
  if (k > 1000) return e * pow2(k - 1000) * pow2(1000);
  if (k < -1000) return e * pow2(k + 1000) * pow2(-1000);
  return e * pow2(k);
}
