/**
 * Sample summaries: mean, variance and standard deviation (numpy's `ddof` convention) and the
 * Student-t confidence interval of a mean. Two-pass formulas (mean first, then squared
 * deviations) for accuracy when the mean is large compared with the spread.
 */
import { InputError, describeValue } from "../../errors.js";
import { tPpf } from "./student-t.js";

/** A sample of finite numbers. */
export type Sample = ArrayLike<number>;

/** Validate a sample: array-like, at least `minLength` elements, all finite. */
export function checkSample(x: Sample, path: string, minLength: number, why: string): void {
  if (x === null || typeof x !== "object" || typeof x.length !== "number") throw InputError.of(path, "an array of finite numbers", x);
  if (x.length < minLength) throw InputError.of(path, `at least ${minLength} value${minLength === 1 ? "" : "s"} (${why})`, `~${x.length} value${x.length === 1 ? "" : "s"}`);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw InputError.of(`${path}[${i}]`, "a finite number", `~${describeValue(v)}`);
  }
}

function sum(x: Sample): number {
  // Neumaier-compensated summation: error independent of n.
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  return s + c;
}

function meanOf(x: Sample): number {
  return sum(x) / x.length;
}

/** Sum of squared deviations from the mean. */
function sumSquaredDeviations(x: Sample, m: number): number {
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - m;
    c += d;
    s += d * d;
  }
  // Correction for the rounding of m (the deviations sum to ~0 exactly).
  return s - (c * c) / x.length;
}

/** Arithmetic mean (numpy `mean`). */
export function mean(x: Sample): number {
  checkSample(x, "x", 1, "the mean of an empty sample is undefined");
  return meanOf(x);
}

/** Variance with `ddof` delta degrees of freedom: Σ(x−x̄)²/(n − ddof) (numpy `var`, default ddof = 0). */
export function variance(x: Sample, ddof = 0): number {
  if (!Number.isInteger(ddof) || ddof < 0) throw InputError.of("ddof", "a non-negative integer", ddof);
  checkSample(x, "x", ddof + 1, `n − ddof must be positive with ddof = ${ddof}`);
  return sumSquaredDeviations(x, meanOf(x)) / (x.length - ddof);
}

/** Standard deviation √variance(x, ddof) (numpy `std`; ddof = 1 for the sample estimate). */
export function std(x: Sample, ddof = 0): number {
  return Math.sqrt(variance(x, ddof));
}

/** A confidence interval for a mean. */
export interface MeanCi {
  mean: number;
  lower: number;
  upper: number;
  /** t quantile × standard error. */
  halfWidth: number;
  /** Standard error s/√n (s with ddof = 1). */
  standardError: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  df: number;
}

/**
 * Two-sided Student-t confidence interval of the mean: x̄ ± t_{(1+level)/2, n−1} · s/√n
 * (scipy `stats.t.interval(level, n−1, loc=x̄, scale=sem)`).
 */
export function meanCi(x: Sample, level = 0.95): MeanCi {
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw InputError.of("level", "a confidence level in (0, 1)", level);
  checkSample(x, "x", 2, "a confidence interval needs a sample standard deviation");
  const n = x.length;
  const m = meanOf(x);
  const se = Math.sqrt(sumSquaredDeviations(x, m) / (n - 1) / n);
  const halfWidth = tPpf(0.5 + level / 2, n - 1) * se;
  return { mean: m, lower: m - halfWidth, upper: m + halfWidth, halfWidth, standardError: se, level, df: n - 1 };
}
