/**
 * log Γ and log B with the Stirling remainder kept separate, so that ratios of huge gamma
 * functions (t distribution with df = 10^6 and beyond) lose no digits to cancellation.
 *
 * ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + δ(x), δ(x) = Σ_k B_2k / (2k (2k−1) x^(2k−1))
 * (Abramowitz & Stegun 6.1.40). For x ≥ 10 the series to k = 8 is accurate to 2·10^-18;
 * below, Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)) lifts x above 10 first.
 */
import { InputError } from "../../errors.js";

const HALF_LN_2PI = 0.9189385332046728; // ½ ln 2π
const LN_PI = 1.1447298858494002;

/** Stirling series remainder δ(x) for x ≥ 10. */
function stirlingSeries(x: number): number {
  const z = 1 / (x * x);
  // B2/2, B4/12, B6/30, B8/56, B10/90, B12/132, B14/182, B16/240
  const s = 1 / 12 + z * (-1 / 360 + z * (1 / 1260 + z * (-1 / 1680 + z * (1 / 1188 + z * (-691 / 360360 + z * (1 / 156 + z * (-3617 / 122400)))))));
  return s / x;
}

/** (x − ½) ln x − x + ½ ln 2π: the leading Stirling terms. */
function stirlingMain(x: number): number {
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI;
}

/** ln of x (x+1) … (x+n−1), the shift that lifts x ≥ 10; returns [shift n, ln product]. */
function shiftUp(x: number): [number, number] {
  let n = 0;
  let prod = 1;
  while (x + n < 10) {
    prod *= x + n;
    n++;
  }
  return [n, Math.log(prod)];
}

/** δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x > 0 (absolute error ≲ 10^-15). */
export function stirlingCorrection(x: number): number {
  if (x >= 10) return stirlingSeries(x);
  const [n, lnProd] = shiftUp(x);
  return stirlingMain(x + n) + stirlingSeries(x + n) - lnProd - stirlingMain(x);
}

/**
 * ln |Γ(x)| (scipy's `gammaln`). +∞ at 0 and the negative integers; reflection
 * Γ(x) Γ(1−x) = π / sin(πx) below ½. Absolute error ≲ 10^-15 · max(1, |ln Γ(x)|).
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) throw InputError.of("x", "a number, not NaN", x);
  if (x === Infinity) return Infinity;
  if (x === -Infinity) throw InputError.of("x", "a finite number or +Infinity", x);
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity; // pole
    const s = Math.abs(Math.sin(Math.PI * (x - 2 * Math.floor(x / 2))));
    return LN_PI - Math.log(s) - logGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  if (x >= 10) return stirlingMain(x) + stirlingSeries(x);
  const [n, lnProd] = shiftUp(x);
  return stirlingMain(x + n) + stirlingSeries(x + n) - lnProd;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b) for a, b > 0, arranged without cancellation:
 * with a ≥ b, ln B = ½ ln 2π + (b − ½) ln b − (a − ½) log1p(b/a) − b ln(a+b) + δ(a) + δ(b) − δ(a+b).
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw InputError.of(a > 0 && Number.isFinite(a) ? "b" : "a", "a finite number > 0", a > 0 && Number.isFinite(a) ? b : a);
  }
  if (a < b) [a, b] = [b, a];
  return HALF_LN_2PI + (b - 0.5) * Math.log(b) - (a - 0.5) * Math.log1p(b / a) - b * Math.log(a + b)
    + stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b);
}
