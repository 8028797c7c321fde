/** §2.2: an energy per operation of 5.8×10⁻⁴ eV at room temperature, against Landauer's bound. */
import type { Claim } from "../claim.js";
import { recomputeCorollary } from "../../../model/energy/index.js";
import { sci } from "../compare.js";

export const s22Landauer: Claim = {
  id: "s22-landauer",
  section: "§2.2",
  claim: "the energy per operation is E_flip ≈ 5.8×10⁻⁴ eV (a “thought”: flipping a resonant state) at room temperature",
  inputs: { temperatureK: 300, flipEnergyEv: 5.809e-4 },
  paperValue: 5.8e-4,
  unit: "eV per operation",
  recompute() {
    const c = recomputeCorollary();
    return {
      recomputed: c.landauerJ / 1.602176634e-19,
      verdict: "physically impossible",
      law: "Landauer's principle: erasing one bit at temperature T dissipates at least k_B·T·ln 2",
      arithmetic: [
        `k_B·T·ln 2 at 300 K = ${sci(c.landauerJ)} J = ${sci(c.landauerJ / 1.602176634e-19)} eV`,
        `E_flip = ${sci(c.flipEnergyJ)} J: the bound is ${c.landauerOverFlip.toFixed(1)} × E_flip`,
      ],
      explanation: "Any operation that overwrites a state (a flip whose outcome does not depend on the old state) erases information and costs at least k_BT·ln2 = 0.018 eV at 300 K, 31 times the claimed E_flip. Only a logically reversible step could cost less; the paper's thoughts are not described as reversible.",
    };
  },
};
