/** §5.1: 150 MW for 10⁵ nodes — per node, against H1's 5 W. */
import type { Claim } from "../claim.js";
import { footprintImplied } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s51NodePower: Claim = {
  id: "s51-node-power",
  section: "§5.1",
  claim: "V3000 cluster of 10⁵ nodes: total power 150 MW [§6.1 H1: a node consumes P_node ≤ 5 W]",
  inputs: { totalW: 150e6, nodes: 1e5, h1BoundW: 5 },
  paperValue: 5,
  unit: "W per node",
  recompute() {
    const f = footprintImplied();
    return compareValues(5, f.v3000PowerPerNodeW, 0.05, [`150·10⁶ W / 10⁵ nodes = ${sci(f.v3000PowerPerNodeW)} W per node`, `${sci(f.v3000PowerPerNodeW)} / 5 = ${sci(f.v3000PowerPerNodeW / 5)}`], {
      consistent: "Per-node power matches H1.",
      inconsistent: "The cluster's 150 MW is 1.5 kW per node, 300 times the 5 W that H1 says a node consumes.",
    });
  },
};
