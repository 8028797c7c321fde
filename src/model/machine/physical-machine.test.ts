/** Appendix F physical mode: the two-mode cavity loop on mesolve. */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { runPhysicalMachine, thermalOccupation } from "./physical-machine.js";
import { destroy, entropyVn, mesolve, qeye, tensor, thermalDm } from "../../quantum/index.js";

const ref = JSON.parse(readFileSync(new URL("../../../test/reference/qutip-appendix-f-physical.json", import.meta.url), "utf8")) as {
  initialEntropy: number; steps: { entropy: number; dissonance: number }[];
};

describe("Appendix F physical mode", () => {
  it("n̄ = 1/(e^x − 1): 5 GHz at 100 mK, x = 6.62607015e-34·5e9/(1.380649e-23·0.1) = 2.39963 → 1/(11.0196 − 1) = 0.09981", () => {
    expect(thermalOccupation(6.62607015e-34 * 5e9, 0.1)).toBeCloseTo(0.09981, 5);
  });
  it("at ħω0 = 1 eV (§2.2) n̄ is exactly 0 at any mK temperature (x ≈ 1.16e6 at 10 mK): cooling cannot matter", () => {
    expect(thermalOccupation(1.602176634e-19, 15e-3)).toBe(0);
    expect(thermalOccupation(1.602176634e-19, 1e-3)).toBe(0);
  });
  it("the coupling g is unitary: with no baths S(ρ) does not change for any g (the paper's 'increase binding to shed entropy')", () => {
    const n = 5;
    const a = tensor(destroy(n), qeye(n));
    const b = tensor(qeye(n), destroy(n));
    const hop = a.dag().mul(b).add(a.mul(b.dag())).scale(2.5);
    const rho0 = tensor(thermalDm(n, 0.5), thermalDm(n, 0.2));
    const r = mesolve(hop, rho0, [0, 0.7, 3.1], [], { options: { atol: 1e-12, rtol: 1e-10, storeStates: true } });
    for (const s of r.states ?? []) expect(entropyVn(s)).toBeCloseTo(entropyVn(rho0), 8);
  });
  const run = runPhysicalMachine();
  it("first two control steps match QuTiP (test/reference/qutip-appendix-f-physical.json) to 1e-6", () => {
    expect(run.initialEntropy).toBeCloseTo(ref.initialEntropy, 10);
    ref.steps.forEach((s, i) => {
      expect(Math.abs(run.steps[i]!.entropy - s.entropy)).toBeLessThan(1e-6);
      expect(Math.abs(run.steps[i]!.dissonance - s.dissonance)).toBeLessThan(1e-6);
    });
    expect(run.steps[0]!.alerts).toEqual(["odos"]);
    expect(run.steps[1]!.errorCorrectionCycles).toBe(100);
  });
  it("the baths relax it to the vacuum: entropy falls monotonically, the loop stabilises (step 13 by default)", () => {
    for (let k = 1; k < run.steps.length; k++) expect(run.steps[k]!.entropy).toBeLessThan(run.steps[k - 1]!.entropy);
    expect(run.stabilised).toBe(true);
    expect(run.stabilisedAtStep).toBe(13);
  });
  it("rejects a cut-off too small or too large", () => {
    expect(() => runPhysicalMachine({ nMax: 1 })).toThrow(/nMax/);
    expect(() => runPhysicalMachine({ nMax: 40 })).toThrow(/nMax/);
  });
});
