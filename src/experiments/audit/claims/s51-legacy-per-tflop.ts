/** §5.1: legacy data centre 1500 MW and 200 W per TFLOP at 10¹⁵ ops/s. */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";

export const s51LegacyPerTflop: Claim<{ totalW: number; capacityOpsPerS: number }> = {
  id: "s51-legacy-per-tflop",
  section: "§5.1",
  claim: "Legacy DC: Total power 1 500 MW; Power / TFLOP 200 W; equivalent raw capacity ≈ 10¹⁵ ops/s",
  inputs: { totalW: 1500e6, capacityOpsPerS: 1e15 },
  paperValue: 200,
  unit: "W per TFLOP/s",
  recompute(i) {
    const tflops = i.capacityOpsPerS / 1e12;
    const w = i.totalW / tflops;
    return {
      recomputed: w,
      comparison: sameValue(200, w, 0.5),
      arithmetic: [`${sci(i.totalW)} W / ${tflops} TFLOP/s = ${sci(w)} W per TFLOP/s`, `200 W/TFLOP × ${tflops} TFLOP/s = ${sci(200 * tflops)} W, not ${sci(i.totalW)} W`],
      explanation: { holds: "The rows agree.", fails: "A data centre of 10¹⁵ ops/s at 200 W per TFLOP/s draws 0.2 MW; the table's 1500 MW is 7500 times that (and more than any data centre on Earth)." },
    };
  },
};
