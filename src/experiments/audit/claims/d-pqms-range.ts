/** App. D: PQMS 0.1–5 W/TFLOPS and legacy 100–500 W/TFLOPS, "derived from Table 1" — against §5.1's 0.05 and 200. */
import type { Claim } from "../claim.js";
import { PQMS_CONSTANTS as C } from "../../../model/scheduler/index.js";

export const dPqmsRange: Claim = {
  id: "d-pqms-range",
  section: "App. D",
  claim: "PQMS_POWER_PER_TFLOPS_MIN = 0.1, PQMS_POWER_PER_TFLOPS_MAX = 5.0 W/TFLOPS … These values are derived from \"Table 1: Comparative Energy Footprint\"",
  inputs: { pqmsMin: C.PQMS_POWER_PER_TFLOPS_MIN, pqmsMax: C.PQMS_POWER_PER_TFLOPS_MAX, tableV3000: 0.05 },
  paperValue: 0.05,
  unit: "W/TFLOPS",
  recompute() {
    const lo = C.PQMS_POWER_PER_TFLOPS_MIN;
    return {
      recomputed: `${lo}–${C.PQMS_POWER_PER_TFLOPS_MAX}`,
      verdict: "inconsistent",
      factor: lo / 0.05,
      arithmetic: [
        `§5.1's 0.05 W/TFLOPS lies below App. D's whole range [${lo}, ${C.PQMS_POWER_PER_TFLOPS_MAX}]: ${lo} / 0.05 = ${lo / 0.05}`,
        `range midpoint ${(lo + C.PQMS_POWER_PER_TFLOPS_MAX) / 2} / 0.05 = ${((lo + C.PQMS_POWER_PER_TFLOPS_MAX) / 2 / 0.05).toFixed(0)}`,
      ],
      explanation: "The optimizer's constants claim to come from the comparison table but do not contain its value.",
    };
  },
};
