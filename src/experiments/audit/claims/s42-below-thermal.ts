/** §4.2: E_diss is well below the energy of a single thermal fluctuation at room temperature. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, thermalEnergyJ } from "../../../model/energy/index.js";
import { compareBelow, sci } from "../compare.js";

export const s42BelowThermal: Claim = {
  id: "s42-below-thermal",
  section: "§4.2",
  claim: "E_diss ≈ 2×10⁻²⁰ J, well below the energy of a single thermal fluctuation at room temperature – the energy is effectively “annihilated”",
  inputs: { dissipatedJ: 2.07e-20, temperatureK: 300 },
  paperValue: "E_diss < k_B·T",
  unit: "ratio E_diss / k_B·T",
  recompute() {
    const e = phaseSlipEnergyJ(10e-6, 2 * Math.PI);
    const kt = thermalEnergyJ(300);
    return compareBelow(1, e / kt, [
      `k_B·T at 300 K = 1.380649e-23 J/K × 300 K = ${sci(kt)} J`,
      `E_diss / k_B·T = ${sci(e)} / ${sci(kt)} = ${sci(e / kt)}`,
    ], {
      consistent: "Below k_BT as claimed.",
      inconsistent: "E_diss is 5 times k_BT — above, not 'well below'; and an energy below k_BT would still be heat, not 'annihilated'.",
    });
  },
};
