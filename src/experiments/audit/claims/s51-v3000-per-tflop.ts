/** §5.1: V3000 0.05 W per TFLOP — against its own 150 MW at 10¹⁵ ops/s. */
import type { Claim } from "../claim.js";
import { footprintImplied } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s51V3000PerTflop: Claim = {
  id: "s51-v3000-per-tflop",
  section: "§5.1",
  claim: "V3000 Cluster: Total power 150 MW; Power / TFLOP 0.05 W; capacity ≈ 10¹⁵ ops/s",
  inputs: { totalW: 150e6, capacityTflops: 1000 },
  paperValue: 0.05,
  unit: "W per TFLOP/s",
  recompute() {
    const f = footprintImplied();
    return compareValues(0.05, f.v3000WPerTflops, 0.5, [
      `10¹⁵ ops/s = ${f.capacityTflops} TFLOP/s`,
      `150·10⁶ W / ${f.capacityTflops} TFLOP/s = ${sci(f.v3000WPerTflops)} W per TFLOP/s`,
      `conversely 0.05 W/TFLOP × ${f.capacityTflops} TFLOP/s = ${sci(f.v3000PowerFromPerTflopsW)} W, not 150 MW`,
    ], { consistent: "The rows agree.", inconsistent: "150 MW for 1000 TFLOP/s is 150 kW per TFLOP/s, three million times the 0.05 W in the next row." });
  },
};
