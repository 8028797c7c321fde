/** §6.1 H1: a node consumes ≤ 5 W at 10¹⁰ ops/s (criterion < 5.2 W, n = 10). Run by `pqms falsify H1`. */
import type { Claim } from "../claim.js";
import { runH1 } from "../../falsify/h1.js";
import { sci } from "../compare.js";

export const s61H1: Claim = {
  id: "s61-h1",
  section: "§6.1",
  claim: "Hypothesis H₁: A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s. Success criterion: P_node < 5.2 W for n = 10 independent measurements",
  inputs: { opsPerS: 1e10, criterionW: 5.2, replicates: 10, seed: 1 },
  paperValue: 5.2,
  unit: "W",
  cost: "simulation",
  recompute() {
    const h = runH1({ replicates: 10, seed: 1, searchFlips: false });
    return {
      recomputed: h.measuredMean,
      verdict: "testable by simulation",
      simulation: `energy model, 10 replicates: mean ${sci(h.measuredMean)} W, formula maximum for any RCF < 1 ${sci(h.formulaMaxW)} W: ${h.verdict}`,
      arithmetic: [`P_node = (ħω0/𝓕)·ln(1/(1−RCF̄))·10¹⁰ /s with RCF̄ from the twin`, ...h.arithmetic],
      explanation: h.reason,
    };
  },
};
