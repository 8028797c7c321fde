/**
 * Josephson-junction energetics used by the thermodynamic entropy router (§2.3, §4.2).
 *
 *   E_diss = (ħ/2e) · I_c · Δφ      (§4.2; ħ/2e = Φ0/2π)
 *   E_J    = (ħ/2e) · I_c = Φ0·I_c/2π (Josephson coupling energy)
 *   τ_J    = (ħ/2e) / (I_c·R_N)      (characteristic switching time of an RCSJ junction)
 *
 * E_diss is the work I_c·V integrated over a phase slip (V = (ħ/2e)·dφ/dt at I = I_c).
 */
import { HBAR_JS, ELEMENTARY_CHARGE_C } from "../constants.js";
import { requirePositive, requireNonNegative } from "./validate.js";

/** ħ/(2e) in V·s (Wb): the reduced flux quantum Φ0/2π. */
export const REDUCED_FLUX_QUANTUM_WB = HBAR_JS / (2 * ELEMENTARY_CHARGE_C);

/** E_diss of §4.2 in J for critical current `criticalCurrentA` (A) and phase slip `phaseSlipRad` (rad). */
export function phaseSlipEnergyJ(criticalCurrentA: number, phaseSlipRad: number): number {
  requirePositive(criticalCurrentA, "criticalCurrentA");
  requireNonNegative(phaseSlipRad, "phaseSlipRad");
  return REDUCED_FLUX_QUANTUM_WB * criticalCurrentA * phaseSlipRad;
}

/** Josephson energy E_J in J of a junction with critical current `criticalCurrentA` (A). */
export function josephsonEnergyJ(criticalCurrentA: number): number {
  requirePositive(criticalCurrentA, "criticalCurrentA");
  return REDUCED_FLUX_QUANTUM_WB * criticalCurrentA;
}

/** Characteristic time τ_J = (ħ/2e)/(I_c·R_N) in s; `normalResistanceOhm` R_N in Ω. */
export function josephsonTimeS(criticalCurrentA: number, normalResistanceOhm: number): number {
  requirePositive(criticalCurrentA, "criticalCurrentA");
  requirePositive(normalResistanceOhm, "normalResistanceOhm");
  return REDUCED_FLUX_QUANTUM_WB / (criticalCurrentA * normalResistanceOhm);
}
