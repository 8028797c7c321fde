/** §4.1: 1024 RPU cores × 256 neurons = 262 144 neurons per chip. */
import type { Claim } from "../claim.js";
import { sameValue } from "../compare.js";

export const s41Neurons: Claim<{ cores: number; neuronsPerCore: number }> = {
  id: "s41-neurons",
  section: "§4.1",
  claim: "1024-parallel RPU cores, each with 256 resonant neurons (total 262 144 neurons per chip)",
  inputs: { cores: 1024, neuronsPerCore: 256 },
  paperValue: 262_144,
  unit: "neurons",
  recompute(i) {
    const n = i.cores * i.neuronsPerCore;
    return {
      recomputed: n,
      comparison: sameValue(262_144, n, 0),
      arithmetic: [`${i.cores} × ${i.neuronsPerCore} = ${n}`],
      explanation: { holds: "The product is right.", fails: "The product is wrong." },
    };
  },
};
