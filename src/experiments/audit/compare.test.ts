/** judge(): the one comparison every derived verdict comes from, flipping at its tolerance. */
import { describe, it, expect } from "vitest";
import { above, below, judge, lawBound, sameValue } from "./compare.js";
import { InputError } from "../../errors.js";

describe("judge", () => {
  it("equal within a relative tolerance: holds inside, fails outside with the factor", () => {
    expect(judge(sameValue(5.8, 5.809, 0.01))).toEqual({ holds: true, verdict: "consistent", factor: null });
    const j = judge(sameValue(5.8, 5.809, 0.001));
    expect(j.verdict).toBe("inconsistent");
    expect(j.factor).toBeCloseTo(5.809 / 5.8, 12);
  });
  it("bounds: below and above flip exactly at the bound", () => {
    expect(judge(below(1e-12, 1e-12)).holds).toBe(true);
    expect(judge(below(1e-12, 1.98e-10)).factor).toBeCloseTo(198, 9);
    expect(judge(above(50, 50)).holds).toBe(true);
    expect(judge(above(50, 25)).factor).toBeCloseTo(2, 12);
  });
  it("evidence sets the words: simulation → reproduced / contradicted, law → consistent / physically impossible", () => {
    expect(judge(above(0.995, 0.9999, "simulation")).verdict).toBe("reproduced by simulation");
    expect(judge(above(0.995, 0.9, "simulation")).verdict).toBe("contradicted by simulation");
    const sun = "energy conservation";
    expect(judge(lawBound(2000, 1088.64, "at most", sun)).verdict).toBe("physically impossible");
    expect(judge(lawBound(1000, 1088.64, "at most", sun)).verdict).toBe("consistent");
    expect(judge(lawBound(1e-3, 1.048, "at least", "relativity")).factor).toBeCloseTo(1048, 9);
  });
  it("texts compare as equal strings without a factor; zero or opposite signs give no factor", () => {
    expect(judge(sameValue("s^-1", "J^-2·s^-1"))).toEqual({ holds: false, verdict: "inconsistent", factor: null });
    expect(judge(lawBound(0.5, 0, "at most", "second law")).factor).toBeNull();
  });
  it("refuses a law comparison without its law, a negative tolerance and bounds on texts", () => {
    expect(() => judge({ paper: 1, recomputed: 2, relation: "below", relTol: 0, evidence: "law" })).toThrow(InputError);
    expect(() => judge(sameValue(1, 2, -1))).toThrow(InputError);
    expect(() => judge({ paper: "a", recomputed: "b", relation: "below", relTol: 0, evidence: "arithmetic" })).toThrow(InputError);
  });
});
