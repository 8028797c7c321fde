/** App. D: PQMS 0.1–5 W/TFLOPS and legacy 100–500 W/TFLOPS, "derived from Table 1" — against §5.1's 0.05 and 200. */
import type { Claim } from "../claim.js";
import { PQMS_CONSTANTS as C } from "../../../model/scheduler/index.js";
import { above } from "../compare.js";

export const dPqmsRange: Claim<{ pqmsMin: number; pqmsMax: number; tableV3000: number }> = {
  id: "d-pqms-range",
  section: "App. D",
  claim: "PQMS_POWER_PER_TFLOPS_MIN = 0.1, PQMS_POWER_PER_TFLOPS_MAX = 5.0 W/TFLOPS … These values are derived from \"Table 1: Comparative Energy Footprint\"",
  inputs: { pqmsMin: C.PQMS_POWER_PER_TFLOPS_MIN, pqmsMax: C.PQMS_POWER_PER_TFLOPS_MAX, tableV3000: 0.05 },
  paperValue: 0.05,
  unit: "W/TFLOPS",
  recompute(i) {
    // "Derived from the table": the table's value must lie in the range, i.e. at or above its lower end.
    return {
      recomputed: i.pqmsMin,
      comparison: above(i.pqmsMin, i.tableV3000),
      arithmetic: [
        `§5.1's ${i.tableV3000} W/TFLOPS against App. D's range [${i.pqmsMin}, ${i.pqmsMax}]: ${i.pqmsMin} / ${i.tableV3000} = ${i.pqmsMin / i.tableV3000}`,
        `range midpoint ${(i.pqmsMin + i.pqmsMax) / 2} / ${i.tableV3000} = ${((i.pqmsMin + i.pqmsMax) / 2 / i.tableV3000).toFixed(0)}`,
      ],
      explanation: { holds: "The table's value lies in the optimizer's range.", fails: "The optimizer's constants claim to come from the comparison table but do not contain its value: 0.05 lies below the whole range." },
    };
  },
};
