/** §4.2: a Josephson junction array on each RPU's power rail, in a 7 nm chip operated at room temperature. */
import type { Claim } from "../claim.js";
import { lawBound, sci } from "../compare.js";

/** Niobium's superconducting transition temperature, K (the usual junction metal). */
const NB_TC_K = 9.25;
/** Highest superconducting Tc at ambient pressure (HgBa₂Ca₂Cu₃O₈), K. */
const TC_AMBIENT_MAX_K = 133;

export const s42JunctionTemperature: Claim<{ operatingK: number; niobiumTcK: number; highestAmbientTcK: number }> = {
  id: "s42-junction-temperature",
  section: "§4.2",
  claim: "The TER is implemented as a thin-film Josephson junction array (JJ) connected to each RPU's power rail [of the room-temperature chip, §4.1, §7]",
  inputs: { operatingK: 300, niobiumTcK: NB_TC_K, highestAmbientTcK: TC_AMBIENT_MAX_K },
  paperValue: 300,
  unit: "K",
  recompute(i) {
    return {
      recomputed: i.highestAmbientTcK,
      comparison: lawBound(i.operatingK, i.highestAmbientTcK, "at most", "superconductivity (and with it the Josephson effect and I_c) exists only below the critical temperature T_c"),
      arithmetic: [
        `Nb junctions: T_c = ${i.niobiumTcK} K; highest T_c of any material at ambient pressure ≈ ${i.highestAmbientTcK} K`,
        `${i.operatingK} K / ${i.highestAmbientTcK} K = ${sci(i.operatingK / i.highestAmbientTcK, 3)}: no junction superconducts on a rail at ${i.operatingK} K`,
      ],
      explanation: { holds: "A junction can superconduct at this temperature.", fails: "§7 discusses room-temperature operation of the chip; a Josephson junction on its power rail would be a normal resistor. The TER needs the chip at cryogenic temperature, which the paper mentions only for the cavity." },
    };
  },
};
