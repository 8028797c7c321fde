/** §5.1 table: power per TFLOP 200 W vs 0.05 W, improvement 4000×. */
import type { Claim } from "../claim.js";
import { improvementFactor, PAPER_FOOTPRINT } from "../../../model/energy/index.js";
import { compareValues } from "../compare.js";

export const s51PerTflopFactor: Claim = {
  id: "s51-per-tflop-factor",
  section: "§5.1",
  claim: "Power / TFLOP (W): Legacy DC 200, V3000 Cluster 0.05, Improvement Factor 4 000×",
  inputs: { legacyWPerTflops: 200, v3000WPerTflops: 0.05 },
  paperValue: 4000,
  unit: "×",
  recompute() {
    const f = improvementFactor(PAPER_FOOTPRINT[1]!);
    return compareValues(4000, f, 1e-9, [`200 / 0.05 = ${f}`], { consistent: "The row's own factor is right.", inconsistent: "The row's factor is wrong." });
  },
};
