/** §5.1: 150 MW for 10⁵ nodes — per node, against H1's 5 W. */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";

export const s51NodePower: Claim<{ totalW: number; nodes: number; h1BoundW: number }> = {
  id: "s51-node-power",
  section: "§5.1",
  claim: "V3000 cluster of 10⁵ nodes: total power 150 MW [§6.1 H1: a node consumes P_node ≤ 5 W]",
  inputs: { totalW: 150e6, nodes: 1e5, h1BoundW: 5 },
  paperValue: 5,
  unit: "W per node",
  recompute(i) {
    const w = i.totalW / i.nodes;
    return {
      recomputed: w,
      comparison: sameValue(i.h1BoundW, w, 0.05),
      arithmetic: [`${sci(i.totalW)} W / ${sci(i.nodes)} nodes = ${sci(w)} W per node`, `${sci(w)} / ${i.h1BoundW} = ${sci(w / i.h1BoundW)}`],
      explanation: { holds: "Per-node power matches H1.", fails: `The cluster's ${sci(i.totalW / 1e6)} MW is ${sci(w)} W per node, ${sci(w / i.h1BoundW)} times the ${i.h1BoundW} W that H1 says a node consumes.` },
    };
  },
};
