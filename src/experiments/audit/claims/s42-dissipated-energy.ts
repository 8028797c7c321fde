/** §4.2: E_diss = (ħ/2e)·I_c·Δφ ≈ 2×10⁻²⁰ J for I_c = 10 µA, Δφ = 2π. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, REDUCED_FLUX_QUANTUM_WB } from "../../../model/energy/index.js";
import { sameValue, sci } from "../compare.js";

export const s42DissipatedEnergy: Claim<{ criticalCurrentA: number; phaseSlipRad: number }> = {
  id: "s42-dissipated-energy",
  section: "§4.2",
  claim: "E_diss = (ħ/2e)·I_c·Δφ … For I_c = 10 µA and Δφ = 2π, E_diss ≈ 2×10⁻²⁰ J",
  inputs: { criticalCurrentA: 10e-6, phaseSlipRad: 2 * Math.PI },
  paperValue: 2e-20,
  unit: "J",
  recompute(i) {
    const e = phaseSlipEnergyJ(i.criticalCurrentA, i.phaseSlipRad);
    return {
      recomputed: e,
      comparison: sameValue(2e-20, e, 0.05),
      arithmetic: [`ħ/2e = ${sci(REDUCED_FLUX_QUANTUM_WB)} Wb; × ${sci(i.criticalCurrentA)} A × ${sci(i.phaseSlipRad)} rad = ${sci(e)} J`],
      explanation: { holds: "The arithmetic is right.", fails: "The arithmetic is wrong." },
    };
  },
};
