/** App. D: the optimizer's constants against §5.1's 4000× per-TFLOPS advantage. */
import type { Claim } from "../claim.js";
import { PQMS_CONSTANTS as C } from "../../../model/scheduler/index.js";
import { sameValue, sci } from "../compare.js";

export const dMidpointAdvantage: Claim<{ legacyMin: number; legacyMax: number; legacyCoolingMin: number; legacyCoolingMax: number; pqmsMin: number; pqmsMax: number; pqmsCooling: number; tableFactor: number }> = {
  id: "d-midpoint-advantage",
  section: "App. D",
  claim: "[the optimizer models] ultra-low power consumption per TeraFLOPS … LEGACY 100–500 W/TFLOPS, cooling 30–50 %; PQMS 0.1–5 W/TFLOPS, cooling < 1 % [§5.1: 4000×]",
  inputs: {
    legacyMin: C.LEGACY_POWER_PER_TFLOPS_MIN, legacyMax: C.LEGACY_POWER_PER_TFLOPS_MAX, legacyCoolingMin: C.LEGACY_COOLING_OVERHEAD_MIN, legacyCoolingMax: C.LEGACY_COOLING_OVERHEAD_MAX,
    pqmsMin: C.PQMS_POWER_PER_TFLOPS_MIN, pqmsMax: C.PQMS_POWER_PER_TFLOPS_MAX, pqmsCooling: C.PQMS_COOLING_OVERHEAD_MAX, tableFactor: 4000,
  },
  paperValue: 4000,
  unit: "× (legacy ÷ PQMS W/TFLOPS, cooling included)",
  recompute(i) {
    // The optimizer's own key (paper-allocator.ts): midpoint power × (1 + midpoint cooling).
    const legacy = ((i.legacyMin + i.legacyMax) / 2) * (1 + (i.legacyCoolingMin + i.legacyCoolingMax) / 2);
    const pqms = ((i.pqmsMin + i.pqmsMax) / 2) * (1 + i.pqmsCooling);
    const r = legacy / pqms;
    return {
      recomputed: r,
      comparison: sameValue(i.tableFactor, r, 0.1),
      arithmetic: [
        `legacy: (${i.legacyMin}+${i.legacyMax})/2 × (1 + (${i.legacyCoolingMin}+${i.legacyCoolingMax})/2) = ${sci(legacy)} W/TFLOPS`,
        `PQMS: (${i.pqmsMin}+${i.pqmsMax})/2 × (1 + ${i.pqmsCooling}) = ${sci(pqms)} W/TFLOPS`,
        `${sci(legacy)} / ${sci(pqms)} = ${sci(r)}; ${i.tableFactor} / ${sci(r)} = ${sci(i.tableFactor / r)}`,
      ],
      explanation: { holds: "The optimizer reproduces the table.", fails: `The optimizer the paper ships models a ${sci(r, 3)}× advantage, ${sci(i.tableFactor / r, 3)} times less than its own table.` },
    };
  },
};
