/**
 * Thermal energy scales the paper compares against (§2.2 corollary, §4.2) and the Landauer
 * bound: erasing one bit in a bath at temperature T dissipates at least k_B·T·ln 2
 * (Landauer 1961; Bérut et al., Nature 483, 187 (2012)). Reversible (non-erasing) operations
 * have no such lower bound, so the bound applies to the irreversible part of a computation.
 */
import { BOLTZMANN_J_PER_K } from "../constants.js";
import { requirePositive } from "./validate.js";

/** k_B·T in J at temperature `temperatureK` (K, > 0). */
export function thermalEnergyJ(temperatureK: number): number {
  requirePositive(temperatureK, "temperatureK");
  return BOLTZMANN_J_PER_K * temperatureK;
}

/** Landauer bound k_B·T·ln 2 in J per erased bit at `temperatureK`. */
export function landauerBoundJ(temperatureK: number): number {
  return thermalEnergyJ(temperatureK) * Math.LN2;
}
