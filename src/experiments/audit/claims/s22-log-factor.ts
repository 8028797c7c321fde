/** §2.2 Corollary: ln(1/(1 − 0.997)) ≈ 5.8. */
import type { Claim } from "../claim.js";
import { rcfLogFactor } from "../../../model/energy/index.js";
import { compareValues } from "../compare.js";

export const s22LogFactor: Claim = {
  id: "s22-log-factor",
  section: "§2.2",
  claim: "For a target RCF̄ = 0.997, ln(1/(1−RCF̄)) ≈ 5.8",
  inputs: { rcf: 0.997 },
  paperValue: 5.8,
  unit: "dimensionless",
  recompute() {
    const r = rcfLogFactor(0.997);
    return compareValues(5.8, r, 0.01, [`ln(1/(1 − 0.997)) = ln(1/0.003) = ln(333.33) = ${r.toFixed(6)}`], {
      consistent: "Correct to the two digits given.", inconsistent: "The logarithm is misstated.",
    });
  },
};
