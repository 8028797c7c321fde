/** §5.1 text: a 10⁴-fold reduction in power per operation — against the table's 4000×. */
import type { Claim } from "../claim.js";
import { compareValues } from "../compare.js";

export const s51TenThousandFold: Claim = {
  id: "s51-ten-thousand-fold",
  section: "§5.1",
  claim: "The 10⁴-fold reduction in power per operation stems from the resonant, non-dissipative nature of computation",
  inputs: { tablePerTflopFactor: 4000 },
  paperValue: 1e4,
  unit: "×",
  recompute() {
    return compareValues(1e4, 4000, 0.1, ["the table just above: 200 W / 0.05 W = 4000", "10⁴ / 4000 = 2.5"], {
      consistent: "Text and table agree.",
      inconsistent: "The sentence under the table states 10⁴, the table 4000× (and the total-power row 10×).",
    });
  },
};
