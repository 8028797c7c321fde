/** App. F: max_fpga_luts = 2 000 000 — against the VC1902's 899 840 LUTs (and App. C's 1.9 M "available"). */
import type { Claim } from "../claim.js";
import { below, sci } from "../compare.js";
import { VC1902, VC1902_SOURCE } from "../vc1902.js";

export const fLuts: Claim<{ maxLuts: number; datasheetLuts: number; appCAvailable: number }> = {
  id: "f-luts",
  section: "App. F",
  claim: "self.max_fpga_luts = 2_000_000 … allocation.active_fpga_luts = self.max_fpga_luts [App. C: LUTs available 1.9M, on the VC1902]",
  inputs: { maxLuts: 2_000_000, datasheetLuts: VC1902.luts, appCAvailable: 1_900_000 },
  paperValue: 2_000_000,
  unit: "LUTs",
  recompute(i) {
    return {
      recomputed: i.maxLuts,
      comparison: below(i.datasheetLuts, i.maxLuts),
      arithmetic: [
        `${sci(i.maxLuts)} / ${sci(i.datasheetLuts)} (datasheet) = ${sci(i.maxLuts / i.datasheetLuts, 4)}`,
        `${sci(i.maxLuts)} / ${sci(i.appCAvailable)} (App. C's own column) = ${sci(i.maxLuts / i.appCAvailable, 4)}`,
        VC1902_SOURCE,
      ],
      explanation: { holds: "Fits the FPGA.", fails: "The optimizer allocates more LUTs than the chip has: 2.2 times the VC1902's 899 840 (and 5 % more than even App. C's inflated 1.9 M)." },
    };
  },
};
