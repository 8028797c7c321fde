/** §5.1: equal raw capacity, yet total power improves 10× and power per TFLOP 4000×. */
import type { Claim } from "../claim.js";
import { sameValue } from "../compare.js";

export const s51RowsAgree: Claim<{ totalPowerFactor: number; perTflopFactor: number }> = {
  id: "s51-rows-agree",
  section: "§5.1",
  claim: "We compare a V3000 cluster of 10⁵ nodes with a conventional GPU-based data centre of equivalent raw FLOP capacity (≈ 10¹⁵ ops/s) … 10× total power, 4 000× power / TFLOP",
  inputs: { totalPowerFactor: 10, perTflopFactor: 4000 },
  paperValue: 4000,
  unit: "× (per-TFLOP ratio implied by the total-power row)",
  recompute(i) {
    // At equal capacity C the per-TFLOP ratio is (P_legacy/C)/(P_V3000/C) = the total-power ratio, whatever C is.
    const implied = i.totalPowerFactor;
    return {
      recomputed: implied,
      comparison: sameValue(i.perTflopFactor, implied, 1e-9),
      arithmetic: [
        "at equal capacity C (≈ 10¹⁵ ops/s, it cancels): (P_legacy/C) / (P_V3000/C) = P_legacy / P_V3000",
        `total-power row: ${i.totalPowerFactor}; per-TFLOP row: ${i.perTflopFactor}; they must be equal`,
        `${i.perTflopFactor} / ${implied} = ${i.perTflopFactor / implied}`,
      ],
      explanation: { holds: "The rows agree.", fails: `Two rows of the same table contradict each other by a factor ${i.perTflopFactor / implied}: at equal capacity the two ratios are the same number.` },
    };
  },
};
