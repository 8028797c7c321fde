/** App. B: γ ≈ 10⁻³ ns⁻¹, κ ≈ 1 ns⁻¹ give RCF = 1/(1 + γ/κ) ≈ 0.999. */
import type { Claim } from "../claim.js";
import { sameValue } from "../compare.js";

export const bRcfValue: Claim<{ gammaPerNs: number; kappaPerNs: number }> = {
  id: "b-rcf-value",
  section: "App. B",
  claim: "In V3000, γ ≈ 10⁻³ ns⁻¹, κ ≈ 1 ns⁻¹, giving RCF ≈ 0.999",
  inputs: { gammaPerNs: 1e-3, kappaPerNs: 1 },
  paperValue: 0.999,
  unit: "RCF (dimensionless)",
  recompute(i) {
    const r = 1 / (1 + i.gammaPerNs / i.kappaPerNs);
    return {
      recomputed: r,
      comparison: sameValue(0.999, r, 1e-4),
      arithmetic: [`1/(1 + ${i.gammaPerNs}/${i.kappaPerNs}) = ${r.toFixed(7)}`],
      explanation: { holds: "The arithmetic of the formula is right (whether the formula follows from the equation is b-theorem2).", fails: "The arithmetic is wrong." },
    };
  },
};
