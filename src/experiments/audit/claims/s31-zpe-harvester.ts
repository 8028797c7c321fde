/** §3.1: a zero-point energy harvester extracts energy from vacuum fluctuations. */
import type { Claim } from "../claim.js";
import { ZERO_POINT_REASON, zeroPointHarvestPowerW } from "../../../model/energy/index.js";
import { lawBound, sci } from "../compare.js";

export const s31ZpeHarvester: Claim<{ claimedNetW: number }> = {
  id: "s31-zpe-harvester",
  section: "§3.1",
  claim: "a zero-point energy harvester that extracts energy from vacuum fluctuations during idle periods",
  // "net power > 0": §4.1 quotes up to 0.5 W for it.
  inputs: { claimedNetW: 0.5 },
  paperValue: "net power > 0",
  unit: "W",
  recompute(i) {
    const bound = zeroPointHarvestPowerW(i.claimedNetW);
    return {
      recomputed: bound,
      comparison: lawBound(i.claimedNetW, bound, "at most", "second law of thermodynamics (passivity of ground states, Pusz–Woronowicz 1978): no cyclic device extracts work from the vacuum"),
      arithmetic: [`work extractable cyclically from a ground state = ${sci(bound)} W; claimed ${sci(i.claimedNetW)} W`, "the twin books the harvester at 0 W and records the claimed figure beside it", ZERO_POINT_REASON],
      explanation: { holds: "No net power is claimed.", fails: "The vacuum is the field's ground state, and no cyclic device extracts work from a ground state: continuous power from it would be a perpetual-motion machine of the second kind." },
    };
  },
};
