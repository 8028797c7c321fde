/** §3.1: 10⁵ nodes cost ≈ 18.7 billion €. */
import type { Claim } from "../claim.js";
import { constellationCostEur } from "../../../model/energy/index.js";
import { sameValue, sci } from "../compare.js";

export const s31ConstellationCost: Claim<{ nodes: number; nodeCostEur: number }> = {
  id: "s31-constellation-cost",
  section: "§3.1",
  claim: "For a constellation of 10⁵ nodes, the total hardware cost is ≈ 18.7 billion €",
  inputs: { nodes: 1e5, nodeCostEur: 187_000 },
  paperValue: 18.7e9,
  unit: "€",
  recompute(i) {
    const c = constellationCostEur(i.nodes, i.nodeCostEur);
    return {
      recomputed: c,
      comparison: sameValue(18.7e9, c, 0.01),
      arithmetic: [`${sci(i.nodes)} × ${sci(i.nodeCostEur, 6)} € = ${sci(c)} €`],
      explanation: { holds: "The multiplication is right (hardware only: no launch, which for 10⁵ satellites would dominate).", fails: "The multiplication is wrong." },
    };
  },
};
