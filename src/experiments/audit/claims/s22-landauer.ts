/** §2.2: an energy per operation of 5.8×10⁻⁴ eV at room temperature, against Landauer's bound. */
import type { Claim } from "../claim.js";
import { landauerBoundJ } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { lawBound, sci } from "../compare.js";

export const s22Landauer: Claim<{ temperatureK: number; flipEnergyEv: number }> = {
  id: "s22-landauer",
  section: "§2.2",
  claim: "the energy per operation is E_flip ≈ 5.8×10⁻⁴ eV (a “thought”: flipping a resonant state) at room temperature",
  inputs: { temperatureK: 300, flipEnergyEv: 5.8e-4 },
  paperValue: 5.8e-4,
  unit: "eV per operation",
  recompute(i) {
    const bound = landauerBoundJ(i.temperatureK) / EV_J;
    return {
      recomputed: bound,
      comparison: lawBound(i.flipEnergyEv, bound, "at least", "Landauer's principle: erasing one bit at temperature T dissipates at least k_B·T·ln 2"),
      arithmetic: [
        `k_B·T·ln 2 at ${i.temperatureK} K = ${sci(bound * EV_J)} J = ${sci(bound)} eV`,
        `E_flip = ${sci(i.flipEnergyEv)} eV: the bound is ${(bound / i.flipEnergyEv).toFixed(1)} × E_flip`,
      ],
      explanation: {
        holds: "E_flip is above Landauer's bound at this temperature.",
        fails: "Any operation that overwrites a state (a flip whose outcome does not depend on the old state) erases information and costs at least k_BT·ln2 (0.018 eV at 300 K), more than the claimed E_flip. Only a logically reversible step could cost less; the paper's thoughts are not described as reversible.",
      },
    };
  },
};
