/** §5.1: equal raw capacity, yet total power improves 10× and power per TFLOP 4000×. */
import type { Claim } from "../claim.js";
import { footprintImplied } from "../../../model/energy/index.js";
import { compareValues } from "../compare.js";

export const s51RowsAgree: Claim = {
  id: "s51-rows-agree",
  section: "§5.1",
  claim: "We compare a V3000 cluster of 10⁵ nodes with a conventional GPU-based data centre of equivalent raw FLOP capacity (≈ 10¹⁵ ops/s) … 10× total power, 4 000× power / TFLOP",
  inputs: { capacityOpsPerS: 1e15, totalPowerFactor: 10, perTflopFactor: 4000 },
  paperValue: 4000,
  unit: "× (per-TFLOP ratio implied by the total-power row)",
  recompute() {
    const f = footprintImplied();
    return compareValues(4000, f.totalPowerRatio, 1e-9, [
      "at equal capacity C: (P_legacy/C) / (P_V3000/C) = P_legacy / P_V3000",
      `total-power row: ${f.totalPowerRatio}; per-TFLOP row: ${f.perTflopsRatio}; they must be equal`,
      `${f.perTflopsRatio} / ${f.totalPowerRatio} = ${f.perTflopsRatio / f.totalPowerRatio}`,
    ], { consistent: "The rows agree.", inconsistent: "Two rows of the same table contradict each other by a factor 400: at equal capacity the two ratios are the same number." });
  },
};
