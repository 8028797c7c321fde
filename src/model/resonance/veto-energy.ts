/**
 * Energy dissipated by one thermodynamic veto in the Josephson-junction entropy router (§4.2):
 *
 *   E_diss = ħ/(2e) · I_c · Δφ
 *
 * with I_c the junction critical current and Δφ the phase slip. The paper's numbers, I_c = 10 µA
 * and Δφ = 2π, give Φ₀·I_c = 2.0678e-20 J (the paper: "≈ 2×10⁻²⁰ J"). Constants: CODATA 2018
 * exact values of e and h (ħ = h/2π).
 */
import { InputError } from "../../errors.js";
import { ELEMENTARY_CHARGE_C, HBAR_JS, PLANCK_JS } from "../constants.js";

export { ELEMENTARY_CHARGE_C, HBAR_JS, PLANCK_JS };

/** §4.2's junction critical current, A (10 µA). */
export const VETO_CRITICAL_CURRENT_A = 10e-6;
/** §4.2's phase slip per veto, rad (2π). */
export const VETO_PHASE_SLIP_RAD = 2 * Math.PI;

/** E_diss = ħ/(2e) · I_c · Δφ in J (§4.2). `criticalCurrentA` ≥ 0 in A, `phaseSlipRad` ≥ 0 in rad. */
export function vetoEnergyJ(criticalCurrentA = VETO_CRITICAL_CURRENT_A, phaseSlipRad = VETO_PHASE_SLIP_RAD): number {
  if (!Number.isFinite(criticalCurrentA) || criticalCurrentA < 0) throw InputError.of("criticalCurrentA", "a finite current ≥ 0 A", criticalCurrentA);
  if (!Number.isFinite(phaseSlipRad) || phaseSlipRad < 0) throw InputError.of("phaseSlipRad", "a finite phase ≥ 0 rad", phaseSlipRad);
  return (HBAR_JS / (2 * ELEMENTARY_CHARGE_C)) * criticalCurrentA * phaseSlipRad;
}
