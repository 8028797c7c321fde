/** §4.1: ZPE harvester contribution up to 0.5 W. */
import type { Claim } from "../claim.js";
import { zeroPointHarvestPowerW } from "../../../model/energy/index.js";
import { lawBound, sci } from "../compare.js";

export const s41ZpeContribution: Claim<{ claimedW: number; nodePowerW: number }> = {
  id: "s41-zpe-contribution",
  section: "§4.1",
  claim: "ZPE harvester contribution up to 0.5 W",
  inputs: { claimedW: 0.5, nodePowerW: 4.8 },
  paperValue: 0.5,
  unit: "W",
  recompute(i) {
    const bound = zeroPointHarvestPowerW(i.claimedW);
    return {
      recomputed: bound,
      comparison: lawBound(i.claimedW, bound, "at most", "second law of thermodynamics: no cyclic extraction of work from the vacuum (a ground state is passive)"),
      arithmetic: [`booked net power: ${sci(bound)} W`, `${i.claimedW} W would be ${i.claimedW} / ${i.nodePowerW} = ${sci((100 * i.claimedW) / i.nodePowerW, 3)} % of the node's measured power, from nothing`],
      explanation: { holds: "No power is claimed from the vacuum.", fails: "A perpetual-motion machine of the second kind; see s31-zpe-harvester." },
    };
  },
};
