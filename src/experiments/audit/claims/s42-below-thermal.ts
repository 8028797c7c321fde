/** §4.2: E_diss is well below the energy of a single thermal fluctuation at room temperature. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, thermalEnergyJ } from "../../../model/energy/index.js";
import { below, sci } from "../compare.js";

export const s42BelowThermal: Claim<{ criticalCurrentA: number; temperatureK: number }> = {
  id: "s42-below-thermal",
  section: "§4.2",
  claim: "E_diss ≈ 2×10⁻²⁰ J, well below the energy of a single thermal fluctuation at room temperature – the energy is effectively “annihilated”",
  inputs: { criticalCurrentA: 10e-6, temperatureK: 300 },
  paperValue: "E_diss < k_B·T",
  unit: "ratio E_diss / k_B·T",
  recompute(i) {
    const e = phaseSlipEnergyJ(i.criticalCurrentA, 2 * Math.PI);
    const kt = thermalEnergyJ(i.temperatureK);
    return {
      recomputed: e / kt,
      comparison: below(1, e / kt),
      arithmetic: [
        `E_diss = (ħ/2e)·I_c·2π = ${sci(e)} J at I_c = ${sci(i.criticalCurrentA)} A`,
        `k_B·T at ${i.temperatureK} K = 1.380649e-23 J/K × ${i.temperatureK} K = ${sci(kt)} J`,
        `E_diss / k_B·T = ${sci(e)} / ${sci(kt)} = ${sci(e / kt)}`,
      ],
      explanation: { holds: "Below k_BT as claimed (an energy below k_BT would still be heat, not 'annihilated').", fails: "E_diss is about 5 times k_BT — above, not 'well below'; and an energy below k_BT would still be heat, not 'annihilated'." },
    };
  },
};
