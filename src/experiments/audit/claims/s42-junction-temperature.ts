/** §4.2: a Josephson junction array on each RPU's power rail, in a 7 nm chip operated at room temperature. */
import type { Claim } from "../claim.js";
import { sci } from "../compare.js";

/** Niobium's superconducting transition temperature, K (the usual junction metal). */
const NB_TC_K = 9.25;
/** Highest superconducting Tc at ambient pressure (HgBa₂Ca₂Cu₃O₈), K. */
const TC_AMBIENT_MAX_K = 133;

export const s42JunctionTemperature: Claim = {
  id: "s42-junction-temperature",
  section: "§4.2",
  claim: "The TER is implemented as a thin-film Josephson junction array (JJ) connected to each RPU's power rail [of the room-temperature chip, §4.1, §7]",
  inputs: { operatingK: 300, niobiumTcK: NB_TC_K, highestAmbientTcK: TC_AMBIENT_MAX_K },
  paperValue: 300,
  unit: "K",
  recompute() {
    return {
      recomputed: NB_TC_K,
      verdict: "physically impossible",
      law: "superconductivity (and with it the Josephson effect and I_c) exists only below the critical temperature T_c",
      arithmetic: [
        `Nb junctions: T_c = ${NB_TC_K} K; highest T_c of any material at ambient pressure ≈ ${TC_AMBIENT_MAX_K} K`,
        `300 K / ${TC_AMBIENT_MAX_K} K = ${sci(300 / TC_AMBIENT_MAX_K, 3)}: no junction superconducts on a room-temperature rail`,
      ],
      explanation: "§7 discusses room-temperature operation of the chip; a Josephson junction on its power rail would be a normal resistor. The TER needs the chip at cryogenic temperature, which the paper mentions only for the cavity.",
    };
  },
};
