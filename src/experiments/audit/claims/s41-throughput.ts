/** §4.1: latency per thought 0.85 ns, 1024 parallel cores — against H1's 10¹⁰ ops/s per node. */
import type { Claim } from "../claim.js";
import { above, sci } from "../compare.js";

export const s41Throughput: Claim<{ latencyS: number; cores: number; requiredOpsPerS: number }> = {
  id: "s41-throughput",
  section: "§4.1",
  claim: "Latency per thought 0.85 ns; 1024-parallel RPU cores [§6.1: 10¹⁰ ops/s per node]",
  inputs: { latencyS: 0.85e-9, cores: 1024, requiredOpsPerS: 1e10 },
  paperValue: 1e10,
  unit: "ops/s",
  recompute(i) {
    const perCore = 1 / i.latencyS;
    const chip = perCore * i.cores;
    return {
      recomputed: chip,
      comparison: above(i.requiredOpsPerS, chip),
      arithmetic: [
        `one core, one thought at a time: 1 / ${sci(i.latencyS)} s = ${sci(perCore)} /s`,
        `${i.cores} cores in parallel: ${sci(chip)} /s against ${sci(i.requiredOpsPerS)} /s (H1 needs ${sci(i.requiredOpsPerS / perCore, 3)} cores busy)`,
      ],
      explanation: {
        holds: "The stated latency and parallelism allow H1's rate (if latency is also the issue interval, which the paper does not say; at §4.1's own 100 MHz clock it is not: s41-clock-timing).",
        fails: "The stated latency and parallelism cannot deliver H1's rate.",
      },
    };
  },
};
