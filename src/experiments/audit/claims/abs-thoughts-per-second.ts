/** Abstract: 10¹⁵ synthetic thoughts per second from 10⁵ nodes. */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";

export const absThoughtsPerSecond: Claim<{ nodes: number; opsPerNodePerS_s61: number }> = {
  id: "abs-thoughts-per-second",
  section: "Abstract",
  claim: "delivering 10¹⁵ synthetic thoughts per second",
  inputs: { nodes: 1e5, opsPerNodePerS_s61: 1e10 },
  paperValue: 1e15,
  unit: "thoughts/s",
  recompute(i) {
    const r = i.nodes * i.opsPerNodePerS_s61;
    return {
      recomputed: r,
      comparison: sameValue(1e15, r, 1e-9),
      arithmetic: [`N · ν_ops = ${sci(i.nodes)} × ${sci(i.opsPerNodePerS_s61)} /s (H1's rate, §6.1) = ${sci(r)} /s`],
      explanation: { holds: "Consistent with H1's 10¹⁰ operations per second per node (and §5.1's 10¹⁵ ops/s).", fails: "Does not follow from H1's rate." },
    };
  },
};
