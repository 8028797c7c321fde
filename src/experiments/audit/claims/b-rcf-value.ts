/** App. B: γ ≈ 10⁻³ ns⁻¹, κ ≈ 1 ns⁻¹ give RCF = 1/(1 + γ/κ) ≈ 0.999. */
import type { Claim } from "../claim.js";
import { compareValues } from "../compare.js";

export const bRcfValue: Claim = {
  id: "b-rcf-value",
  section: "App. B",
  claim: "In V3000, γ ≈ 10⁻³ ns⁻¹, κ ≈ 1 ns⁻¹, giving RCF ≈ 0.999",
  inputs: { gammaPerNs: 1e-3, kappaPerNs: 1 },
  paperValue: 0.999,
  unit: "RCF (dimensionless)",
  recompute() {
    const r = 1 / (1 + 1e-3 / 1);
    return compareValues(0.999, r, 1e-4, [`1/(1 + 10⁻³/1) = 1/1.001 = ${r.toFixed(7)}`], {
      consistent: "The arithmetic of the formula is right (whether the formula follows from the equation is b-theorem2).",
      inconsistent: "The arithmetic is wrong.",
    });
  },
};
