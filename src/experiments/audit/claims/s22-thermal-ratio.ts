/** §2.2 Corollary: E_flip is about 10⁴ times lower than k_BT at room temperature. */
import type { Claim } from "../claim.js";
import { recomputeCorollary } from "../../../model/energy/index.js";
import { BOLTZMANN_J_PER_K, EV_J } from "../../../model/constants.js";
import { sameValue, sci } from "../compare.js";

export const s22ThermalRatio: Claim<{ temperatureK: number; hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "s22-thermal-ratio",
  section: "§2.2",
  claim: "E_flip ≈ 5.8×10⁻⁴ eV – about 10⁴ times lower than the k_BT of a conventional CMOS gate at room temperature",
  inputs: { temperatureK: 300, hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 1e4,
  unit: "ratio k_BT / E_flip",
  recompute(i) {
    const c = recomputeCorollary({ temperatureK: i.temperatureK, photonEnergyJ: i.hbarOmega0Ev * EV_J, finesse: i.finesse, rcf: i.rcf });
    return {
      recomputed: c.thermalOverFlip,
      // "about 10⁴": within a factor 2.
      comparison: sameValue(1e4, c.thermalOverFlip, 0.5),
      arithmetic: [
        `k_B·T = ${BOLTZMANN_J_PER_K} J/K × ${i.temperatureK} K = ${sci(c.thermalEnergyJ)} J = ${sci(c.thermalEnergyJ / EV_J)} eV`,
        `k_B·T / E_flip = ${sci(c.thermalEnergyEv)} eV / ${sci(c.flipEnergyEv)} eV = ${sci(c.thermalOverFlip)}`,
      ],
      explanation: {
        holds: "The ratio matches.",
        fails: `k_BT at ${i.temperatureK} K is ${sci(c.thermalEnergyEv, 3)} eV, only ${c.thermalOverFlip.toFixed(1)} times E_flip — the paper's 10⁴ is off by a factor ≈ ${(1e4 / c.thermalOverFlip).toFixed(0)}.`,
      },
    };
  },
};
