/** §5.1 table: total power 1500 MW vs 150 MW, improvement 10×. */
import type { Claim } from "../claim.js";
import { improvementFactor, PAPER_FOOTPRINT } from "../../../model/energy/index.js";
import { compareValues } from "../compare.js";

export const s51PowerFactor: Claim = {
  id: "s51-power-factor",
  section: "§5.1",
  claim: "Total power (MW): Legacy DC 1 500, V3000 Cluster 150, Improvement Factor 10×",
  inputs: { legacyMW: 1500, v3000MW: 150 },
  paperValue: 10,
  unit: "×",
  recompute() {
    const f = improvementFactor(PAPER_FOOTPRINT[0]!);
    return compareValues(10, f, 0, [`1500 MW / 150 MW = ${f}`], { consistent: "The row's own factor is right.", inconsistent: "The row's factor is wrong." });
  },
};
