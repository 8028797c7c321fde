/**
 * App. C's FPGA utilisation rows: the printed percentage against used / capacity, where capacity is
 * the VC1902's datasheet figure (vc1902.ts), with the paper's own "Available" column beside it.
 */
import type { Claim } from "../claim.js";
import { sameValue, sci } from "../compare.js";
import { VC1902_SOURCE } from "../vc1902.js";

export type FpgaRowInputs = { used: number; paperAvailable: number; datasheetCapacity: number; printedPercent: number };

/** A claim for one row of App. C's table; `used`, `available` as printed (k = 10³, M = 10⁶). */
export function fpgaRowClaim(resource: string, usedText: string, used: number, availText: string, available: number, percent: number, datasheetCapacity: number): Claim<FpgaRowInputs> {
  return {
    id: `c-${resource.toLowerCase()}`,
    section: "App. C",
    claim: `A V3000 node has been synthesised for the Xilinx Versal AI Core VC1902: ${resource} used ${usedText}, available ${availText}, utilisation ${percent}%`,
    inputs: { used, paperAvailable: available, datasheetCapacity, printedPercent: percent },
    paperValue: percent,
    unit: "%",
    recompute(i) {
      const own = (100 * i.used) / i.paperAvailable;
      const real = (100 * i.used) / i.datasheetCapacity;
      return {
        recomputed: real,
        // One decimal printed: within 0.05 percentage points.
        comparison: sameValue(i.printedPercent, real, 0.0501 / i.printedPercent),
        arithmetic: [
          `against the paper's own column: ${sci(i.used)} / ${sci(i.paperAvailable)} × 100 = ${own.toFixed(3)} % (${Math.abs(own - i.printedPercent) <= 0.0501 ? "matches" : "does not match"} the printed ${i.printedPercent} %)`,
          `against the datasheet: ${sci(i.used)} / ${sci(i.datasheetCapacity)} × 100 = ${real.toFixed(3)} %`,
          `the paper's "Available" ${sci(i.paperAvailable)} is ${sci(i.paperAvailable / i.datasheetCapacity, 3)} × the device's ${sci(i.datasheetCapacity)} (${VC1902_SOURCE})`,
        ],
        explanation: {
          holds: "The printed utilisation matches the device's real capacity.",
          fails: `The percentage is right only against the paper's own "Available" column, which is not the VC1902's: the device has ${sci(i.datasheetCapacity)} ${resource}, so the design would use ${real.toFixed(1)} %, not ${i.printedPercent} %.`,
        },
      };
    },
  };
}
