/** §2.3: the ODOS veto threshold ΔE > 0.05, against the threshold the paper's code uses. */
import type { Claim } from "../claim.js";
import { PAPER_THRESHOLDS } from "../../../model/guardian/index.js";
import { compareValues } from "../compare.js";

export const s23Threshold: Claim = {
  id: "s23-threshold",
  section: "§2.3",
  claim: "When an input violates the ODOS ethical invariants (ΔE > 0.05), the Guardian Neurons trigger a thermodynamic veto",
  inputs: { appendixA_DELTA_E_THRESH: 0.05, appendixF_dissonanceLimit: 0.05 },
  paperValue: 0.05,
  unit: "ΔE (dimensionless)",
  recompute() {
    return compareValues(0.05, PAPER_THRESHOLDS.deltaEMax, 0, [
      "abstract: ΔE < 0.05; §2.3: ΔE > 0.05 vetoed; App. A: DELTA_E_THRESH = 0.05; App. F: ethical_dissonance > 0.05",
      `the twin's ODOS kernel: deltaEMax = ${PAPER_THRESHOLDS.deltaEMax}`,
    ], { consistent: "The threshold is the same everywhere in the paper.", inconsistent: "The paper uses different thresholds." });
  },
};
