/** §2.3: the ODOS veto threshold ΔE > 0.05, against the thresholds the paper's text and code use elsewhere. */
import type { Claim } from "../claim.js";
import { PAPER_THRESHOLDS } from "../../../model/guardian/index.js";
import { sameValue } from "../compare.js";

export const s23Threshold: Claim<{ abstract: number; appendixA_DELTA_E_THRESH: number; appendixF_dissonanceLimit: number; twinDeltaEMax: number }> = {
  id: "s23-threshold",
  section: "§2.3",
  claim: "When an input violates the ODOS ethical invariants (ΔE > 0.05), the Guardian Neurons trigger a thermodynamic veto",
  inputs: { abstract: 0.05, appendixA_DELTA_E_THRESH: 0.05, appendixF_dissonanceLimit: 0.05, twinDeltaEMax: PAPER_THRESHOLDS.deltaEMax },
  paperValue: 0.05,
  unit: "ΔE (dimensionless)",
  recompute(i) {
    const all = [i.abstract, i.appendixA_DELTA_E_THRESH, i.appendixF_dissonanceLimit, i.twinDeltaEMax];
    const farthest = all.reduce((a, b) => (Math.abs(b - 0.05) > Math.abs(a - 0.05) ? b : a));
    return {
      recomputed: farthest,
      comparison: sameValue(0.05, farthest, 0),
      arithmetic: [
        `abstract: ΔE < ${i.abstract}; App. A: DELTA_E_THRESH = ${i.appendixA_DELTA_E_THRESH}; App. F: ethical_dissonance > ${i.appendixF_dissonanceLimit}; the twin's ODOS kernel: ${i.twinDeltaEMax}`,
        `the one farthest from §2.3's 0.05: ${farthest}`,
      ],
      explanation: { holds: "The threshold is the same everywhere in the paper.", fails: "The paper uses different thresholds." },
    };
  },
};
