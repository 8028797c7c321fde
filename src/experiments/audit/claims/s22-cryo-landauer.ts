/** §2.2 and §7: E_flip at the cryogenic temperature the paper offers (4 K, §7) against Landauer's bound there. */
import type { Claim } from "../claim.js";
import { flipEnergyJ, landauerBoundJ } from "../../../model/energy/index.js";
import { BOLTZMANN_J_PER_K, EV_J } from "../../../model/constants.js";
import { lawBound, sci } from "../compare.js";

export const s22CryoLandauer: Claim<{ temperatureK: number; hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "s22-cryo-landauer",
  section: "§2.2",
  claim: "E_flip ≈ 5.8×10⁻⁴ eV per operation [§7: cryogenic operation (4 K) easily achieves 𝓕 > 10⁵]",
  inputs: { temperatureK: 4, hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 5.8e-4,
  unit: "eV per operation",
  recompute(i) {
    const e = flipEnergyJ(i.hbarOmega0Ev * EV_J, i.finesse, i.rcf);
    const bound = landauerBoundJ(i.temperatureK);
    const crossK = e / (BOLTZMANN_J_PER_K * Math.LN2);
    return {
      recomputed: bound / EV_J,
      comparison: lawBound(e / EV_J, bound / EV_J, "at least", "Landauer's principle: erasing one bit at temperature T dissipates at least k_B·T·ln 2"),
      arithmetic: [
        `k_B·T·ln 2 at ${i.temperatureK} K = ${sci(bound)} J = ${sci(bound / EV_J)} eV; E_flip = ${sci(e / EV_J)} eV`,
        `E_flip = k_B·T·ln 2 at T = E_flip / (k_B ln 2) = ${sci(crossK)} K: below that the bound no longer forbids it`,
        `with §7's 𝓕 > 10⁵ at 4 K, E_flip = ${sci(flipEnergyJ(i.hbarOmega0Ev * EV_J, 1e5, i.rcf) / EV_J)} eV`,
      ],
      explanation: {
        holds: `At ${i.temperatureK} K Landauer's bound is below E_flip: the claim is not impossible there — but only because the chip would be cryogenic, which contradicts the room-temperature comparison of §2.2 and the < 1 % cooling of §5.1 (f-mk-cooling).`,
        fails: `At ${i.temperatureK} K E_flip is still below Landauer's bound; it is allowed only below ${sci(crossK, 3)} K.`,
      },
    };
  },
};
