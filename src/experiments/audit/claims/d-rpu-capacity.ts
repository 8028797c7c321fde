/** App. D: RPU_BASE_TFLOPS_PER_UNIT = 1000 ("1 PFLOPS per RPU cluster") — against §5.1's cluster capacity. */
import type { Claim } from "../claim.js";
import { PQMS_CONSTANTS as C } from "../../../model/scheduler/index.js";
import { sameValue, sci } from "../compare.js";

export const dRpuCapacity: Claim<{ rpuTflops: number; clusterOpsPerS: number; nodes: number }> = {
  id: "d-rpu-capacity",
  section: "App. D",
  claim: "RPU_BASE_TFLOPS_PER_UNIT: float = 1000.0 # Example: 1 PFLOPS per RPU cluster [§5.1: 10⁵ nodes ≈ 10¹⁵ ops/s in total]",
  inputs: { rpuTflops: C.RPU_BASE_TFLOPS_PER_UNIT, clusterOpsPerS: 1e15, nodes: 1e5 },
  paperValue: 1000,
  unit: "TFLOP/s per unit",
  recompute(i) {
    const perNode = i.clusterOpsPerS / i.nodes / 1e12;
    return {
      recomputed: perNode,
      comparison: sameValue(i.rpuTflops, perNode, 0.5),
      arithmetic: [`§5.1: ${sci(i.clusterOpsPerS)} ops/s / ${sci(i.nodes)} nodes = ${sci(perNode)} TFLOP/s per node`, `${i.rpuTflops} / ${sci(perNode)} = ${sci(i.rpuTflops / perNode)}`],
      explanation: { holds: "Same capacity.", fails: "One Appendix D unit is as fast as the whole 10⁵-node cluster of §5.1." },
    };
  },
};
