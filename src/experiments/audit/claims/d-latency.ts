/** App. D: PQMS inter-node latency 10 ns — against §5.2's < 1 ns. */
import type { Claim } from "../claim.js";
import { sameValue } from "../compare.js";

export const dLatency: Claim<{ appendixDNs: number; s52BoundNs: number }> = {
  id: "d-latency",
  section: "App. D",
  claim: "PQMS_INTER_NODE_LATENCY_NS: float = 10.0 # Nanoseconds (sub-nanosecond for RPU, but inter-node involves mesh) [§5.2: latency between any two nodes < 1 ns]",
  inputs: { appendixDNs: 10.0, s52BoundNs: 1 },
  paperValue: 1,
  unit: "ns",
  recompute(i) {
    return {
      recomputed: i.appendixDNs,
      comparison: sameValue(i.s52BoundNs, i.appendixDNs, 0),
      arithmetic: [`${i.appendixDNs} ns / ${i.s52BoundNs} ns = ${i.appendixDNs / i.s52BoundNs}`, `${i.appendixDNs} ns of light travel = ${(0.299792458 * i.appendixDNs).toFixed(2)} m: neither figure is a possible inter-satellite latency (s52-latency)`],
      explanation: { holds: "Same latency.", fails: "The optimizer assumes 10 ns between nodes where §5.2 promises < 1 ns; physically both are impossible beyond 3 m." },
    };
  },
};
