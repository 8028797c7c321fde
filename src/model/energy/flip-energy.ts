/**
 * §2.2, the "Unified Energy-Efficiency Theorem": the energy to flip one resonant state,
 *
 *   E_flip = (ħω0 / 𝓕) · ln(1 / (1 − RCF)),
 *
 * with ħω0 the cavity photon energy, 𝓕 the cavity finesse and RCF the target fidelity.
 */
import { HBAR_JS } from "../constants.js";
import { requirePositive, requireRcf } from "./validate.js";

/** ln(1/(1 − RCF)), dimensionless; the corollary's "≈ 5.8" at RCF = 0.997. */
export function rcfLogFactor(rcf: number): number {
  requireRcf(rcf, "rcf");
  // -log1p(-x) keeps accuracy for RCF close to 0; for RCF near 1, 1 − RCF is exact in binary64 to ~1e-16.
  return -Math.log1p(-rcf);
}

/**
 * E_flip in J.
 * @param photonEnergyJ ħω0 in J (the paper's 1 eV = 1.602176634e-19 J)
 * @param finesse 𝓕, dimensionless (> 0)
 * @param rcf target fidelity in (0, 1)
 */
export function flipEnergyJ(photonEnergyJ: number, finesse: number, rcf: number): number {
  requirePositive(photonEnergyJ, "photonEnergyJ");
  requirePositive(finesse, "finesse");
  return (photonEnergyJ / finesse) * rcfLogFactor(rcf);
}

/** Angular frequency ω0 = E/ħ in rad/s of a photon of energy `photonEnergyJ`. */
export function angularFrequencyRadPerS(photonEnergyJ: number): number {
  requirePositive(photonEnergyJ, "photonEnergyJ");
  return photonEnergyJ / HBAR_JS;
}
