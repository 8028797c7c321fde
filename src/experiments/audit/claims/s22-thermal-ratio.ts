/** §2.2 Corollary: E_flip is about 10⁴ times lower than k_BT at room temperature. */
import type { Claim } from "../claim.js";
import { recomputeCorollary } from "../../../model/energy/index.js";
import { BOLTZMANN_J_PER_K, EV_J } from "../../../model/constants.js";
import { compareValues, sci } from "../compare.js";

export const s22ThermalRatio: Claim = {
  id: "s22-thermal-ratio",
  section: "§2.2",
  claim: "E_flip ≈ 5.8×10⁻⁴ eV – about 10⁴ times lower than the k_BT of a conventional CMOS gate at room temperature",
  inputs: { temperatureK: 300, flipEnergyEv: 5.809e-4 },
  paperValue: 1e4,
  unit: "ratio k_BT / E_flip",
  recompute() {
    const c = recomputeCorollary();
    return compareValues(1e4, c.thermalOverFlip, 0.5, [
      `k_B·T = ${BOLTZMANN_J_PER_K} J/K × 300 K = ${sci(c.thermalEnergyJ)} J = ${sci(c.thermalEnergyJ / EV_J)} eV`,
      `k_B·T / E_flip = ${sci(c.thermalEnergyEv)} eV / ${sci(c.flipEnergyEv)} eV = ${sci(c.thermalOverFlip)}`,
    ], {
      consistent: "The ratio matches.",
      inconsistent: `k_BT at 300 K is 0.0259 eV, only ${c.thermalOverFlip.toFixed(1)} times E_flip — the paper's 10⁴ is off by a factor ≈ ${(1e4 / c.thermalOverFlip).toFixed(0)}.`,
    });
  },
};
