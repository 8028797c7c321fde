/** App. D: RPU_BASE_TFLOPS_PER_UNIT = 1000 ("1 PFLOPS per RPU cluster") — against §5.1's cluster capacity. */
import type { Claim } from "../claim.js";
import { PQMS_CONSTANTS as C } from "../../../model/scheduler/index.js";
import { compareValues, sci } from "../compare.js";

export const dRpuCapacity: Claim = {
  id: "d-rpu-capacity",
  section: "App. D",
  claim: "RPU_BASE_TFLOPS_PER_UNIT: float = 1000.0 # Example: 1 PFLOPS per RPU cluster [§5.1: 10⁵ nodes ≈ 10¹⁵ ops/s in total]",
  inputs: { rpuTflops: C.RPU_BASE_TFLOPS_PER_UNIT, clusterOpsPerS: 1e15, nodes: 1e5 },
  paperValue: 1000,
  unit: "TFLOP/s per unit",
  recompute() {
    const perNode = 1e15 / 1e5 / 1e12;
    return compareValues(C.RPU_BASE_TFLOPS_PER_UNIT, perNode, 0.5, [`§5.1: 10¹⁵ ops/s / 10⁵ nodes = 10¹⁰ ops/s = ${sci(perNode)} TFLOP/s per node`, `1000 / ${perNode} = ${sci(1000 / perNode)}`], {
      consistent: "Same capacity.", inconsistent: "One Appendix D unit is as fast as the whole 10⁵-node cluster of §5.1.",
    });
  },
};
