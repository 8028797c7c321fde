/** App. F: max_fpga_luts = 2 000 000 — against App. C's 1.9 M LUTs available on the VC1902. */
import type { Claim } from "../claim.js";
import { compareBelow } from "../compare.js";

export const fLuts: Claim = {
  id: "f-luts",
  section: "App. F",
  claim: "self.max_fpga_luts = 2_000_000 … allocation.active_fpga_luts = self.max_fpga_luts [App. C: LUTs available 1.9M]",
  inputs: { maxLuts: 2_000_000, appCAvailable: 1_900_000 },
  paperValue: 2_000_000,
  unit: "LUTs",
  recompute() {
    return compareBelow(1_900_000, 2_000_000, ["2 000 000 / 1 900 000 = 1.053"], {
      consistent: "Fits the FPGA.",
      inconsistent: "The optimizer allocates 5 % more LUTs than App. C says the chip has.",
    });
  },
};
