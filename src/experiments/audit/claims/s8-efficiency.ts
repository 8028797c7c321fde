/** §8: proven 10⁴ times more energy-efficient than conventional processors — per operation, from the paper's own figures. */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";

export const s8Efficiency: Claim<{ statedFactor: number; h1NodeW: number; h1OpsPerS: number; legacyWPerTflops: number }> = {
  id: "s8-efficiency",
  section: "§8",
  claim: "The system is mathematically proven to be 10⁴ times more energy-efficient than conventional processors",
  inputs: { statedFactor: 1e4, h1NodeW: 5, h1OpsPerS: 1e10, legacyWPerTflops: 200 },
  paperValue: 1e4,
  unit: "× (legacy J/op ÷ V3000 J/op)",
  recompute(i) {
    const v3000 = i.h1NodeW / i.h1OpsPerS;
    const legacy = i.legacyWPerTflops / 1e12;
    const ratio = legacy / v3000;
    return {
      recomputed: ratio,
      comparison: sameValue(i.statedFactor, ratio, 0.1),
      arithmetic: [
        `V3000 (H1, §6.1): ${i.h1NodeW} W / ${sci(i.h1OpsPerS)} ops/s = ${sci(v3000)} J per op (§4.1: 4.8 W, the same)`,
        `legacy (§5.1): ${i.legacyWPerTflops} W per TFLOP/s = ${sci(legacy)} J per op`,
        `legacy / V3000 = ${sci(ratio)}${ratio < 1 ? `: by its own figures the V3000 node uses ${sci(1 / ratio, 3)} × MORE energy per operation` : ""}`,
      ],
      explanation: { holds: "The paper's own per-operation figures give the stated factor.", fails: "No proof is given (the theorem of §2.2 is asserted, and the corollary's 10⁴ is off by 225, s22-thermal-ratio). The paper's own node figures make V3000 2.5 times less efficient per operation than its legacy baseline." },
    };
  },
};
