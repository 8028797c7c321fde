/** §4.1: ZPE harvester contribution up to 0.5 W. */
import type { Claim } from "../claim.js";
import { zeroPointHarvestPowerW } from "../../../model/energy/index.js";

export const s41ZpeContribution: Claim = {
  id: "s41-zpe-contribution",
  section: "§4.1",
  claim: "ZPE harvester contribution up to 0.5 W",
  inputs: { claimedW: 0.5, nodePowerW: 4.8 },
  paperValue: 0.5,
  unit: "W",
  recompute() {
    return {
      recomputed: zeroPointHarvestPowerW(0.5),
      verdict: "physically impossible",
      law: "second law of thermodynamics: no cyclic extraction of work from the vacuum (a ground state is passive)",
      arithmetic: ["booked net power: 0 W", "0.5 W would be 0.5 / 4.8 = 10.4 % of the node's measured power, from nothing"],
      explanation: "A perpetual-motion machine of the second kind; see s31-zpe-harvester.",
    };
  },
};
