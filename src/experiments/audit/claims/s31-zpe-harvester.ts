/** §3.1: a zero-point energy harvester extracts energy from vacuum fluctuations. */
import type { Claim } from "../claim.js";
import { ZERO_POINT_REASON, zeroPointHarvestPowerW } from "../../../model/energy/index.js";

export const s31ZpeHarvester: Claim = {
  id: "s31-zpe-harvester",
  section: "§3.1",
  claim: "a zero-point energy harvester that extracts energy from vacuum fluctuations during idle periods",
  inputs: {},
  paperValue: "net power > 0",
  unit: "W",
  recompute() {
    return {
      recomputed: zeroPointHarvestPowerW(0.5),
      verdict: "physically impossible",
      law: "second law of thermodynamics (passivity of ground states, Pusz–Woronowicz 1978): no cyclic device extracts work from the vacuum",
      arithmetic: ["work extractable cyclically from a ground state = 0 W", "the twin books the harvester at 0 W and records the claimed figure beside it", ZERO_POINT_REASON],
      explanation: "The vacuum is the field's ground state, and no cyclic device extracts work from a ground state: continuous power from it would be a perpetual-motion machine of the second kind.",
    };
  },
};
