/** §3.1: 10⁵ nodes cost ≈ 18.7 billion €. */
import type { Claim } from "../claim.js";
import { constellationCostEur } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s31ConstellationCost: Claim = {
  id: "s31-constellation-cost",
  section: "§3.1",
  claim: "For a constellation of 10⁵ nodes, the total hardware cost is ≈ 18.7 billion €",
  inputs: { nodes: 1e5, nodeCostEur: 187_000 },
  paperValue: 18.7e9,
  unit: "€",
  recompute() {
    const c = constellationCostEur(1e5, 187_000);
    return compareValues(18.7e9, c, 0.01, [`10⁵ × 187 000 € = ${sci(c)} €`], {
      consistent: "The multiplication is right (hardware only: no launch, which for 10⁵ satellites would dominate).",
      inconsistent: "The multiplication is wrong.",
    });
  },
};
