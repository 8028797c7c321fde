/** §6.1, §6.3: the success criteria against the hypotheses they are meant to test. */
import type { Claim } from "../claim.js";

export const s63Criteria: Claim = {
  id: "s63-criteria",
  section: "§6.3",
  claim: "H₃: vetoed in <1 ns and dissipates <10⁻¹⁹ J … Success criterion: Latency <1.1 ns, dissipated energy <2×10⁻¹⁹ J [H₁: ≤ 5 W, criterion < 5.2 W]",
  inputs: { h3EnergyHypothesisJ: 1e-19, h3EnergyCriterionJ: 2e-19, h3LatencyHypothesisS: 1e-9, h3LatencyCriterionS: 1.1e-9, h1HypothesisW: 5, h1CriterionW: 5.2 },
  paperValue: 1e-19,
  unit: "J",
  recompute() {
    return {
      recomputed: 2e-19,
      verdict: "inconsistent",
      factor: 2,
      arithmetic: ["energy: 2·10⁻¹⁹ / 10⁻¹⁹ = 2", "latency: 1.1 ns / 1 ns = 1.1", "H1 power: 5.2 W / 5 W = 1.04"],
      explanation: "Each criterion is looser than its hypothesis, so a system could pass the test while violating the claim (e.g. 1.5·10⁻¹⁹ J or 1.05 ns). A falsification test must be at least as strict as the hypothesis, with the measurement uncertainty inside it.",
    };
  },
};
