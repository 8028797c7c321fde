/**
 * Student's t-tests with scipy.stats' definitions (`ttest_1samp`, `ttest_ind`, `ttest_rel`).
 *
 * One sample: t = (x̄ − μ)/(s/√n), ν = n − 1. Paired: the one-sample test on x − y.
 * Two samples, pooled (equalVar): s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2),
 * t = (x̄ − ȳ)/(s_p √(1/n₁ + 1/n₂)), ν = n₁ + n₂ − 2. Welch: t = (x̄ − ȳ)/√(s₁²/n₁ + s₂²/n₂),
 * ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)) (Welch–Satterthwaite).
 * p-values from the t distribution's tails (tSf), so tiny p-values keep full precision.
 *
 * A sample with zero spread gives t = ±∞ and p = 0 or 1 when the means differ; when they do
 * not, t would be 0/0 and an InputError says so (no NaN is returned).
 */
import { InputError } from "../../errors.js";
import { checkSample, type Sample } from "./descriptive.js";
import { tSf } from "./student-t.js";

/** Which alternative hypothesis the p-value is for (scipy's `alternative`). */
export type Alternative = "two-sided" | "less" | "greater";

export interface TTestResult {
  /** The t statistic. */
  t: number;
  /** Degrees of freedom (real for Welch). */
  df: number;
  pValue: number;
  alternative: Alternative;
}

export interface TTestOptions {
  alternative?: Alternative;
}

function checkAlternative(a: unknown): Alternative {
  if (a === undefined) return "two-sided";
  if (a === "two-sided" || a === "less" || a === "greater") return a;
  throw InputError.of("alternative", `"two-sided", "less" or "greater"`, a);
}

function meanAndSs(x: Sample): [number, number] {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  // Refine the mean once (accurate even when |mean| ≫ spread).
  let m = s / x.length;
  let c = 0;
  for (let i = 0; i < x.length; i++) c += x[i]! - m;
  m += c / x.length;
  let ss = 0;
  c = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - m;
    c += d;
    ss += d * d;
  }
  return [m, Math.max(0, ss - (c * c) / x.length)];
}

function result(diff: number, se: number, df: number, alternative: Alternative, what: string): TTestResult {
  if (se === 0 && diff === 0) {
    throw InputError.of(what, "samples whose difference or spread is non-zero (t is 0/0 otherwise)", "~identical constant samples");
  }
  const t = diff / se;
  let pValue: number;
  if (alternative === "greater") pValue = tSf(t, df);
  else if (alternative === "less") pValue = tSf(-t, df);
  else pValue = Math.min(1, 2 * tSf(Math.abs(t), df));
  return { t, df, pValue, alternative };
}

/** One-sample t-test of H0: mean(x) = mu (scipy `ttest_1samp(x, mu)`). */
export function ttest1samp(x: Sample, mu: number, options: TTestOptions = {}): TTestResult {
  const alternative = checkAlternative(options.alternative);
  checkSample(x, "x", 2, "a t-test needs n ≥ 2 (df = n − 1 > 0)");
  if (typeof mu !== "number" || !Number.isFinite(mu)) throw InputError.of("mu", "a finite number", mu);
  const n = x.length;
  const [m, ss] = meanAndSs(x);
  return result(m - mu, Math.sqrt(ss / (n - 1) / n), n - 1, alternative, "x");
}

/** Two-sample t-test of H0: mean(x) = mean(y), pooled (equalVar, scipy's default) or Welch. */
export function ttestInd(x: Sample, y: Sample, options: TTestOptions & { equalVar?: boolean } = {}): TTestResult {
  const alternative = checkAlternative(options.alternative);
  const equalVar = options.equalVar ?? true;
  if (typeof equalVar !== "boolean") throw InputError.of("equalVar", "true or false", equalVar);
  checkSample(x, "x", 2, "each sample of a two-sample t-test needs n ≥ 2");
  checkSample(y, "y", 2, "each sample of a two-sample t-test needs n ≥ 2");
  const n1 = x.length, n2 = y.length;
  const [m1, ss1] = meanAndSs(x);
  const [m2, ss2] = meanAndSs(y);
  if (equalVar) {
    const df = n1 + n2 - 2;
    const sp2 = (ss1 + ss2) / df;
    return result(m1 - m2, Math.sqrt(sp2 * (1 / n1 + 1 / n2)), df, alternative, "x, y");
  }
  const v1 = ss1 / (n1 - 1) / n1, v2 = ss2 / (n2 - 1) / n2;
  const se2 = v1 + v2;
  if (se2 === 0) return result(m1 - m2, 0, n1 + n2 - 2, alternative, "x, y");
  const df = (se2 * se2) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
  return result(m1 - m2, Math.sqrt(se2), df, alternative, "x, y");
}

/** Paired t-test of H0: mean(x − y) = 0 (scipy `ttest_rel(x, y)`); x and y of equal length. */
export function ttestRel(x: Sample, y: Sample, options: TTestOptions = {}): TTestResult {
  const alternative = checkAlternative(options.alternative);
  checkSample(x, "x", 2, "a paired t-test needs n ≥ 2 pairs");
  checkSample(y, "y", 2, "a paired t-test needs n ≥ 2 pairs");
  if (x.length !== y.length) throw InputError.of("y", `a sample paired with x (length ${x.length})`, `~length ${y.length}`);
  const d = new Float64Array(x.length);
  for (let i = 0; i < d.length; i++) d[i] = x[i]! - y[i]!;
  return ttest1samp(d, 0, { alternative });
}
