/** §4.1: latency per thought 0.85 ns, 1024 parallel cores — against H1's 10¹⁰ ops/s per node. */
import type { Claim } from "../claim.js";
import { sci } from "../compare.js";

export const s41Throughput: Claim = {
  id: "s41-throughput",
  section: "§4.1",
  claim: "Latency per thought 0.85 ns; 1024-parallel RPU cores [§6.1: 10¹⁰ ops/s per node]",
  inputs: { latencyS: 0.85e-9, cores: 1024, requiredOpsPerS: 1e10 },
  paperValue: 1e10,
  unit: "ops/s",
  recompute() {
    const perCore = 1 / 0.85e-9;
    const chip = perCore * 1024;
    return {
      recomputed: chip,
      verdict: chip >= 1e10 ? "consistent" : "inconsistent",
      factor: chip >= 1e10 ? undefined : 1e10 / chip,
      arithmetic: [
        `one core, one thought at a time: 1 / 0.85 ns = ${sci(perCore)} /s`,
        `1024 cores in parallel: ${sci(chip)} /s ≥ 10¹⁰ /s (H1 needs ${sci(1e10 / perCore, 3)} cores busy)`,
      ],
      explanation: "The stated latency and parallelism allow H1's rate (if latency is also the issue interval, which the paper does not say).",
    };
  },
};
