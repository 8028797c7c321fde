/** §5.1: V3000 0.05 W per TFLOP — against its own 150 MW at 10¹⁵ ops/s. */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";

export const s51V3000PerTflop: Claim<{ totalW: number; capacityOpsPerS: number }> = {
  id: "s51-v3000-per-tflop",
  section: "§5.1",
  claim: "V3000 Cluster: Total power 150 MW; Power / TFLOP 0.05 W; capacity ≈ 10¹⁵ ops/s",
  inputs: { totalW: 150e6, capacityOpsPerS: 1e15 },
  paperValue: 0.05,
  unit: "W per TFLOP/s",
  recompute(i) {
    const tflops = i.capacityOpsPerS / 1e12;
    const w = i.totalW / tflops;
    return {
      recomputed: w,
      comparison: sameValue(0.05, w, 0.5),
      arithmetic: [`${sci(i.capacityOpsPerS)} ops/s = ${tflops} TFLOP/s`, `${sci(i.totalW)} W / ${tflops} TFLOP/s = ${sci(w)} W per TFLOP/s`, `conversely 0.05 W/TFLOP × ${tflops} TFLOP/s = ${sci(0.05 * tflops)} W`],
      explanation: { holds: "The rows agree.", fails: `${sci(i.totalW / 1e6)} MW for ${tflops} TFLOP/s is ${sci(w)} W per TFLOP/s, ${sci(w / 0.05, 2)} times the 0.05 W in the next row.` },
    };
  },
};
