/** §5.1: node MTBF 5 vs > 100 years, improvement > 20×. */
import type { Claim } from "../claim.js";
import { improvementFactor, PAPER_FOOTPRINT } from "../../../model/energy/index.js";

export const s51Mtbf: Claim = {
  id: "s51-mtbf",
  section: "§5.1",
  claim: "Node MTBF (years): Legacy DC 5, V3000 Cluster >100, Improvement Factor >20×",
  inputs: { legacyYears: 5, v3000YearsMin: 100, nodes: 1e5 },
  paperValue: 20,
  unit: "× (lower bound)",
  recompute() {
    const f = improvementFactor(PAPER_FOOTPRINT[3]!);
    const perYear = 1e5 / 100;
    return {
      recomputed: f,
      verdict: "consistent",
      arithmetic: [`100 / 5 = ${f}`, `even at MTBF 100 years, 10⁵ nodes lose 10⁵/100 = ${perYear} nodes per year (≈ ${(perYear / 365).toFixed(1)} a day)`],
      explanation: "The factor follows from the row; the 100 years are asserted, not derived (no failure-rate model is given), and a 10⁵-node constellation still sees failures daily.",
    };
  },
};
