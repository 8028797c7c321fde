/** §2.2 Corollary: E_flip ≈ 5.8×10⁻⁴ eV with ħω0 ≈ 1 eV, 𝓕 ≈ 10⁴. */
import type { Claim } from "../claim.js";
import { recomputeCorollary } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s22FlipEnergy: Claim = {
  id: "s22-flip-energy",
  section: "§2.2",
  claim: "With ħω0 ≈ 1 eV and 𝓕 ≈ 10⁴, the energy per operation is E_flip ≈ 5.8×10⁻⁴ eV",
  inputs: { hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 5.8e-4,
  unit: "eV",
  recompute() {
    const c = recomputeCorollary();
    return compareValues(5.8e-4, c.flipEnergyEv, 0.01, [
      `E_flip = (ħω0/𝓕)·ln(1/(1−RCF)) = (1 eV / 10⁴) × ${c.logFactor.toFixed(4)} = ${sci(c.flipEnergyEv)} eV = ${sci(c.flipEnergyJ)} J`,
    ], { consistent: "The arithmetic of the formula is right.", inconsistent: "The arithmetic is wrong." });
  },
};
