/** §2.2 Corollary: E_flip ≈ 5.8×10⁻⁴ eV with ħω0 ≈ 1 eV, 𝓕 ≈ 10⁴. */
import type { Claim } from "../claim.js";
import { flipEnergyJ, rcfLogFactor } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { sameValue, sci } from "../compare.js";

export const s22FlipEnergy: Claim<{ hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "s22-flip-energy",
  section: "§2.2",
  claim: "With ħω0 ≈ 1 eV and 𝓕 ≈ 10⁴, the energy per operation is E_flip ≈ 5.8×10⁻⁴ eV",
  inputs: { hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 5.8e-4,
  unit: "eV",
  recompute(i) {
    const e = flipEnergyJ(i.hbarOmega0Ev * EV_J, i.finesse, i.rcf);
    return {
      recomputed: e / EV_J,
      comparison: sameValue(5.8e-4, e / EV_J, 0.01),
      arithmetic: [`E_flip = (ħω0/𝓕)·ln(1/(1−RCF)) = (${sci(i.hbarOmega0Ev)} eV / ${sci(i.finesse)}) × ${rcfLogFactor(i.rcf).toFixed(4)} = ${sci(e / EV_J)} eV = ${sci(e)} J`],
      explanation: { holds: "The arithmetic of the formula is right.", fails: "The arithmetic is wrong." },
    };
  },
};
