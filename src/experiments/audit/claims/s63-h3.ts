/** §6.3 H3: ΔE > 0.05 is vetoed in < 1 ns and dissipates < 10⁻¹⁹ J (criteria 1.1 ns, 2·10⁻¹⁹ J). */
import type { Claim } from "../claim.js";
import { runH3 } from "../../falsify/h3.js";
import { sci } from "../compare.js";

export const s63H3: Claim = {
  id: "s63-h3",
  section: "§6.3",
  claim: "Hypothesis H₃: Any input with ΔE > 0.05 is vetoed in <1 ns and dissipates <10⁻¹⁹ J into the TER. Success criterion: Latency <1.1 ns, dissipated energy <2×10⁻¹⁹ J",
  inputs: { deltaE: 0.06, latencyCriterionS: 1.1e-9, energyCriterionJ: 2e-19, replicates: 10, seed: 1 },
  paperValue: 1.1e-9,
  unit: "s",
  cost: "simulation",
  recompute() {
    const h = runH3({ replicates: 10, seed: 1, searchFlips: false });
    return {
      recomputed: h.latency.measuredMean,
      verdict: "testable by simulation",
      simulation: `Guardian array + veto path, 10 replicates: latency ${sci(h.latency.measuredMean * 1e12)} ps (p = ${sci(h.latency.pValue)}), energy ${sci(h.energy.measuredMean)} J (p = ${sci(h.energy.pValue)}): ${h.verdict}`,
      arithmetic: h.arithmetic,
      explanation: h.reason,
    };
  },
};
