/** §5.1: legacy data centre 1500 MW and 200 W per TFLOP at 10¹⁵ ops/s. */
import type { Claim } from "../claim.js";
import { footprintImplied } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s51LegacyPerTflop: Claim = {
  id: "s51-legacy-per-tflop",
  section: "§5.1",
  claim: "Legacy DC: Total power 1 500 MW; Power / TFLOP 200 W; equivalent raw capacity ≈ 10¹⁵ ops/s",
  inputs: { totalW: 1500e6, capacityTflops: 1000 },
  paperValue: 200,
  unit: "W per TFLOP/s",
  recompute() {
    const f = footprintImplied();
    return compareValues(200, f.legacyWPerTflops, 0.5, [
      `1500·10⁶ W / ${f.capacityTflops} TFLOP/s = ${sci(f.legacyWPerTflops)} W per TFLOP/s`,
      `200 W/TFLOP × 1000 TFLOP/s = ${sci(200 * 1000)} W = 0.2 MW, not 1500 MW`,
    ], { consistent: "The rows agree.", inconsistent: "A data centre of 10¹⁵ ops/s at 200 W per TFLOP/s draws 0.2 MW; the table's 1500 MW is 7500 times that (and more than any data centre on Earth)." });
  },
};
