/** §5.1: cooling overhead 50 % vs < 1 %, improvement > 50×. */
import type { Claim } from "../claim.js";
import { improvementFactor, PAPER_FOOTPRINT } from "../../../model/energy/index.js";

export const s51Cooling: Claim = {
  id: "s51-cooling",
  section: "§5.1",
  claim: "Cooling overhead: Legacy DC 50%, V3000 Cluster <1%, Improvement Factor >50×",
  inputs: { legacy: 0.5, v3000Max: 0.01 },
  paperValue: 50,
  unit: "× (lower bound)",
  recompute() {
    const f = improvementFactor(PAPER_FOOTPRINT[2]!);
    return {
      recomputed: f,
      verdict: "consistent",
      arithmetic: [`50 % / 1 % = ${f}; with V3000 < 1 % the factor is > 50`],
      explanation: "The bound follows from the row. (Whether < 1 % is achievable is a separate matter: 4.8 W per chip in vacuum must be radiated away.)",
    };
  },
};
