/** §4.1: 1024 RPU cores × 256 neurons = 262 144 neurons per chip. */
import type { Claim } from "../claim.js";
import { compareValues } from "../compare.js";

export const s41Neurons: Claim = {
  id: "s41-neurons",
  section: "§4.1",
  claim: "1024-parallel RPU cores, each with 256 resonant neurons (total 262 144 neurons per chip)",
  inputs: { cores: 1024, neuronsPerCore: 256 },
  paperValue: 262_144,
  unit: "neurons",
  recompute() {
    const n = 1024 * 256;
    return compareValues(262_144, n, 0, [`1024 × 256 = ${n} (= 2¹⁰ × 2⁸ = 2¹⁸)`], {
      consistent: "The product is right.", inconsistent: "The product is wrong.",
    });
  },
};
