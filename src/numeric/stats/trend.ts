/**
 * Least-squares straight line y = a + b·x with the Student-t confidence interval of the slope
 * (scipy `stats.linregress`: slope b, stderr = √(Σr²/(n−2) / Σ(x−x̄)²); interval b ± t_{(1+level)/2, n−2}·stderr).
 */
import { InputError } from "../../errors.js";
import { checkSample, type Sample } from "./descriptive.js";
import { tPpf } from "./student-t.js";

export interface LinearTrend {
  readonly slope: number;
  readonly intercept: number;
  readonly slopeStderr: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly df: number;
}

/** The slope of y against x with its confidence interval (at least 3 points). */
export function linearTrend(x: Sample, y: Sample, level = 0.95): LinearTrend {
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw InputError.of("level", "a confidence level in (0, 1)", level);
  checkSample(x, "x", 3, "a slope's confidence interval needs n − 2 ≥ 1 degrees of freedom");
  checkSample(y, "y", 3, "a slope's confidence interval needs n − 2 ≥ 1 degrees of freedom");
  if (x.length !== y.length) throw InputError.of("y", `as many values as x (${x.length})`, y.length);
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) { sxx += (x[i]! - mx) ** 2; sxy += (x[i]! - mx) * (y[i]! - my); }
  if (!(sxx > 0)) throw InputError.of("x", "at least two different values", x);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (y[i]! - intercept - slope * x[i]!) ** 2;
  const stderr = Math.sqrt(ssr / (n - 2) / sxx);
  const half = tPpf(0.5 + level / 2, n - 2) * stderr;
  return { slope, intercept, slopeStderr: stderr, lower: slope - half, upper: slope + half, level, df: n - 2 };
}
