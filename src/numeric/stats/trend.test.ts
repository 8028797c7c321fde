/** linearTrend against scipy.stats.linregress and the t interval (values printed by scipy 1.x, see the comment). */
import { describe, it, expect } from "vitest";
import { linearTrend } from "./trend.js";
import { InputError } from "../../errors.js";

describe("linearTrend", () => {
  it("matches scipy.stats.linregress with t.ppf(0.975, n−2) on a noisy line", () => {
    // python3 -c "from scipy import stats; r = stats.linregress(x, y); t = stats.t.ppf(0.975, 5); print(r.slope, r.intercept, r.stderr, r.slope - t*r.stderr, r.slope + t*r.stderr)"
    const r = linearTrend([0, 1, 2, 3, 4, 5, 6], [1.0, 1.9, 3.2, 3.8, 5.1, 6.2, 6.8]);
    expect(r.slope).toBeCloseTo(0.9964285714285713, 12);
    expect(r.intercept).toBeCloseTo(1.0107142857142861, 12);
    expect(r.slopeStderr).toBeCloseTo(0.0358212683374853, 12);
    expect(r.lower).toBeCloseTo(0.904347069675729, 9);
    expect(r.upper).toBeCloseTo(1.0885100731814137, 9);
    expect(r.df).toBe(5);
  });
  it("an exact line has its slope and a zero-width interval", () => {
    const r = linearTrend([0, 1, 2, 3], [0.1, 0.14, 0.18, 0.22]);
    expect(r.slope).toBeCloseTo(0.04, 12);
    expect(r.upper - r.lower).toBeLessThan(1e-12);
  });
  it("refuses fewer than three points and x without spread", () => {
    expect(() => linearTrend([0, 1], [0, 1])).toThrow(InputError);
    expect(() => linearTrend([1, 1, 1], [0, 1, 2])).toThrow(InputError);
  });
});
