/** App. C's FPGA utilisation rows: used / available against the printed percentage. */
import type { Claim } from "../claim.js";
import { compareValues } from "../compare.js";

/** A claim for one row of App. C's table; `used`, `available` as printed (k = 10³, M = 10⁶). */
export function fpgaRowClaim(resource: string, usedText: string, used: number, availText: string, available: number, percent: number): Claim {
  return {
    id: `c-${resource.toLowerCase()}`,
    section: "App. C",
    claim: `A V3000 node has been synthesised for the Xilinx Versal AI Core VC1902: ${resource} used ${usedText}, available ${availText}, utilisation ${percent}%`,
    inputs: { used, available },
    paperValue: percent,
    unit: "%",
    recompute() {
      const u = (100 * used) / available;
      return compareValues(percent, u, 0.0501 / percent, [`${used} / ${available} × 100 = ${u.toFixed(3)} %`], {
        consistent: "The printed utilisation matches its own used/available columns (to the 0.05-point rounding of one decimal).",
        inconsistent: "The printed utilisation does not match its columns.",
      });
    },
  };
}
