/** §6's hypotheses on the twin: hand-checked quantities, verdict logic and input errors. */
import { describe, it, expect } from "vitest";
import { runH1, runH2, runH3, runFalsify } from "./index.js";
import { InputError } from "../../errors.js";

describe("falsify (§6)", () => {
  it("H2: null of uncorrelated phases has per-pair mean ≈ 1/d (Σ|a|²|b|² for near-flat amplitudes); MST null higher; twin above 0.995", () => {
    const h = runH2({ replicates: 3, seed: 7 });
    expect(h.nullPairMean).toBeCloseTo(1 / 12, 2);
    expect(h.nullMean).toBeGreaterThan(h.nullPairMean);
    expect(h.measuredMean).toBeGreaterThan(0.995);
    expect(h.verdict).toBe("supported");
    expect(h.measured).toHaveLength(3);
  });
  it("H1: P = (1.602176634e-23 J)·ln(1/(1−RCF̄))·1e10/s per replicate (§2.2), far below 5.2 W", () => {
    const h = runH1({ replicates: 2, seed: 7 });
    h.measured.forEach((p, i) => expect(p).toBeCloseTo(1.602176634e-23 * Math.log(1 / (1 - h.rcf[i]!)) * 1e10, 25));
    expect(h.abstractFormulaW).toBeCloseTo(((1.602176634e-19) ** 2 / (6.62607015e-34 / (2 * Math.PI)) / 1e4) * Math.log(1000 / 3), 12);
  });
  it("H3: ΔE = 0.06 is vetoed; E_diss = h/(2e)·I_c within ±25 % of 2.068e-20 J; clocked latencies include the 100 MHz wait", () => {
    const h = runH3({ replicates: 5, seed: 3 });
    expect(h.vetoed).toBe(5);
    for (const e of h.energy.measured) expect(Math.abs(e / ((6.62607015e-34 / (2 * 1.602176634e-19)) * 10e-6) - 1)).toBeLessThan(0.25);
    h.clockedLatency.forEach((t, i) => { expect(t).toBeGreaterThan(h.latency.measured[i]!); expect(t - h.latency.measured[i]!).toBeLessThanOrEqual(1e-8); });
  });
  it("rejects fewer than 2 replicates and a negative seed", () => {
    expect(() => runFalsify(["H1"], { replicates: 1 })).toThrow(InputError);
    expect(() => runH3({ seed: -1 })).toThrow(InputError);
  });
});
