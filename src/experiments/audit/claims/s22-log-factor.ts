/** §2.2 Corollary: ln(1/(1 − 0.997)) ≈ 5.8. */
import type { Claim } from "../claim.js";
import { rcfLogFactor } from "../../../model/energy/index.js";
import { sameValue } from "../compare.js";

export const s22LogFactor: Claim<{ rcf: number }> = {
  id: "s22-log-factor",
  section: "§2.2",
  claim: "For a target RCF̄ = 0.997, ln(1/(1−RCF̄)) ≈ 5.8",
  inputs: { rcf: 0.997 },
  paperValue: 5.8,
  unit: "dimensionless",
  recompute(i) {
    const r = rcfLogFactor(i.rcf);
    return {
      recomputed: r,
      comparison: sameValue(5.8, r, 0.01),
      arithmetic: [`ln(1/(1 − ${i.rcf})) = ln(1/${Number((1 - i.rcf).toPrecision(6))}) = ${r.toFixed(6)}`],
      explanation: { holds: "Correct to the two digits given.", fails: "The logarithm is misstated." },
    };
  },
};
