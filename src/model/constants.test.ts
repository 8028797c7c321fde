import { describe, it, expect } from "vitest";
import { HBAR_JS, FLUX_QUANTUM_WB, EV_J, BOLTZMANN_J_PER_K, PLANCK_JS, ELEMENTARY_CHARGE_C } from "./constants.js";

// CODATA 2018 published (rounded) values, Rev. Mod. Phys. 93, 025010 (2021), Table XXXI.
describe("CODATA 2018 constants", () => {
  it("exact SI defining values", () => {
    expect(PLANCK_JS).toBe(6.62607015e-34);
    expect(ELEMENTARY_CHARGE_C).toBe(1.602176634e-19);
    expect(BOLTZMANN_J_PER_K).toBe(1.380649e-23);
    expect(EV_J).toBe(1.602176634e-19);
  });
  it("ħ matches the published (truncated) 1.054571817…e-34 J·s to its 10 digits", () => {
    expect(Math.abs(HBAR_JS - 1.054571817e-34) / 1.054571817e-34).toBeLessThan(1e-9);
  });
  it("Φ0 matches the published 2.067833848e-15 Wb to its 10 digits, and Φ0/2π = ħ/2e (§4.2)", () => {
    expect(Math.abs(FLUX_QUANTUM_WB - 2.067833848e-15) / 2.067833848e-15).toBeLessThan(5e-10);
    expect(FLUX_QUANTUM_WB / (2 * Math.PI)).toBeCloseTo(HBAR_JS / (2 * ELEMENTARY_CHARGE_C), 30);
  });
});
