/** Abstract: 10¹⁵ synthetic thoughts per second from 10⁵ nodes. */
import type { Claim } from "../claim.js";
import { compareValues, sci } from "../compare.js";

export const absThoughtsPerSecond: Claim = {
  id: "abs-thoughts-per-second",
  section: "Abstract",
  claim: "delivering 10¹⁵ synthetic thoughts per second",
  inputs: { nodes: 1e5, opsPerNodePerS_s61: 1e10 },
  paperValue: 1e15,
  unit: "thoughts/s",
  recompute() {
    const r = 1e5 * 1e10;
    return compareValues(1e15, r, 1e-9, [`N · ν_ops = 10⁵ × 10¹⁰ /s (H1's rate, §6.1) = ${sci(r)} /s`], {
      consistent: "Consistent with H1's 10¹⁰ operations per second per node (and §5.1's 10¹⁵ ops/s).",
      inconsistent: "Does not follow from H1's rate.",
    });
  },
};
