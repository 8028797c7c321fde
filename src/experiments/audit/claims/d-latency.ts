/** App. D: PQMS inter-node latency 10 ns — against §5.2's < 1 ns. */
import type { Claim } from "../claim.js";
import { compareValues } from "../compare.js";

/** Appendix D, `PQMS_INTER_NODE_LATENCY_NS`, as printed. */
const PQMS_INTER_NODE_LATENCY_NS = 10.0;

export const dLatency: Claim = {
  id: "d-latency",
  section: "App. D",
  claim: "PQMS_INTER_NODE_LATENCY_NS: float = 10.0 # Nanoseconds (sub-nanosecond for RPU, but inter-node involves mesh) [§5.2: latency between any two nodes < 1 ns]",
  inputs: { appendixDNs: PQMS_INTER_NODE_LATENCY_NS, s52BoundNs: 1 },
  paperValue: 1,
  unit: "ns",
  recompute() {
    return compareValues(1, PQMS_INTER_NODE_LATENCY_NS, 0, ["10 ns / 1 ns = 10", "10 ns of light travel = 3 m: neither figure is a possible inter-satellite latency (s52-latency)"], {
      consistent: "Same latency.", inconsistent: "The optimizer assumes 10 ns between nodes where §5.2 promises < 1 ns; physically both are impossible beyond 3 m.",
    });
  },
};
