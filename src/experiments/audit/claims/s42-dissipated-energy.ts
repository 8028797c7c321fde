/** §4.2: E_diss = (ħ/2e)·I_c·Δφ ≈ 2×10⁻²⁰ J for I_c = 10 µA, Δφ = 2π. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, REDUCED_FLUX_QUANTUM_WB } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s42DissipatedEnergy: Claim = {
  id: "s42-dissipated-energy",
  section: "§4.2",
  claim: "E_diss = (ħ/2e)·I_c·Δφ … For I_c = 10 µA and Δφ = 2π, E_diss ≈ 2×10⁻²⁰ J",
  inputs: { criticalCurrentA: 10e-6, phaseSlipRad: 2 * Math.PI },
  paperValue: 2e-20,
  unit: "J",
  recompute() {
    const e = phaseSlipEnergyJ(10e-6, 2 * Math.PI);
    return compareValues(2e-20, e, 0.05, [
      `ħ/2e = ${sci(REDUCED_FLUX_QUANTUM_WB)} Wb; × 10⁻⁵ A × 2π = Φ0·I_c = 2.0678e-15 Wb × 10⁻⁵ A = ${sci(e)} J`,
    ], { consistent: "The arithmetic is right.", inconsistent: "The arithmetic is wrong." });
  },
};
