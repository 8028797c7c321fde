/** App. A expected output: Total veto events: 12. */
import type { Claim } from "../claim.js";
import { appendixARun, APPENDIX_A_AUDIT_RUN, type AppendixARunInputs } from "./a-run.js";
import { below, sci } from "../compare.js";

export const aVetoCount: Claim<AppendixARunInputs> = {
  id: "a-veto-count",
  section: "App. A",
  claim: "Expected output: Total veto events: 12",
  inputs: { ...APPENDIX_A_AUDIT_RUN },
  paperValue: 12,
  unit: "events",
  cost: "simulation",
  recompute(i) {
    const r = appendixARun(i);
    return {
      recomputed: r.totalVetoEvents,
      // The total over the whole run can be no less than the count in its first steps.
      comparison: below(12, r.totalVetoEvents, "simulation"),
      simulation: `the script run literally for ${r.steps} steps: ${r.totalVetoEvents} vetoes (${sci(r.totalVetoEvents / r.steps)} per step)`,
      arithmetic: [
        `ΔE = 1 − |⟨ψ|ODOS⟩|² of a random ${i.dim}-dim ket has mean 1 − 1/d = ${sci(1 - 1 / i.dim)} ≫ 0.05, so nearly every node is vetoed every step`,
        `upper bound N·steps = ${r.analysis.vetoesIfAll}`,
        "a vetoed state is replaced by random_ket(DIM) × 0.1 (norm 0.1, again random), so vetoes never stop",
      ],
      explanation: { holds: "The run's count is within the printed total.", fails: "Twelve vetoes over 10¹² steps is impossible for this code: it vetoes about a thousand nodes in the very first step." },
    };
  },
};
