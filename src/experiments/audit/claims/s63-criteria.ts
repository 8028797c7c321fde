/** §6.1, §6.3: the success criteria against the hypotheses they are meant to test. */
import type { Claim } from "../claim.js";
import { below, sci } from "../compare.js";

export const s63Criteria: Claim<{ h3EnergyHypothesisJ: number; h3EnergyCriterionJ: number; h3LatencyHypothesisS: number; h3LatencyCriterionS: number; h1HypothesisW: number; h1CriterionW: number }> = {
  id: "s63-criteria",
  section: "§6.3",
  claim: "H₃: vetoed in <1 ns and dissipates <10⁻¹⁹ J … Success criterion: Latency <1.1 ns, dissipated energy <2×10⁻¹⁹ J [H₁: ≤ 5 W, criterion < 5.2 W]",
  inputs: { h3EnergyHypothesisJ: 1e-19, h3EnergyCriterionJ: 2e-19, h3LatencyHypothesisS: 1e-9, h3LatencyCriterionS: 1.1e-9, h1HypothesisW: 5, h1CriterionW: 5.2 },
  paperValue: 1,
  unit: "criterion ÷ hypothesis (loosest pair)",
  recompute(i) {
    const pairs = [
      ["H3 energy", i.h3EnergyCriterionJ / i.h3EnergyHypothesisJ],
      ["H3 latency", i.h3LatencyCriterionS / i.h3LatencyHypothesisS],
      ["H1 power", i.h1CriterionW / i.h1HypothesisW],
    ] as const;
    const loosest = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
    return {
      recomputed: loosest[1],
      // A criterion at most as loose as its hypothesis: ratio ≤ 1.
      comparison: below(1, loosest[1]),
      arithmetic: [...pairs.map(([n, r]) => `${n}: criterion / hypothesis = ${sci(r)}`), `loosest: ${loosest[0]}`],
      explanation: {
        holds: "Each criterion is at least as strict as its hypothesis.",
        fails: "Each criterion is looser than its hypothesis, so a system could pass the test while violating the claim (e.g. 1.5·10⁻¹⁹ J or 1.05 ns). A falsification test must be at least as strict as the hypothesis, with the measurement uncertainty inside it.",
      },
    };
  },
};
