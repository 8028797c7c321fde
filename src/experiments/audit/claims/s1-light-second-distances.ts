/** §1: UMT synchronisation over light-second distances. */
import type { Claim } from "../claim.js";
import { EARTH_L1_M, lightTimeS, GEO_ALTITUDE_M } from "../distances.js";
import { sci } from "../compare.js";

export const s1LightSecondDistances: Claim = {
  id: "s1-light-second-distances",
  section: "§1",
  claim: "introducing Unified Multiversal Time (UMT) synchronisation over light-second distances",
  inputs: { earthL1M: EARTH_L1_M, geoAltitudeM: GEO_ALTITUDE_M },
  paperValue: 1,
  unit: "s (order of the one-way light time)",
  recompute() {
    const l1 = lightTimeS(EARTH_L1_M);
    return {
      recomputed: l1,
      verdict: "consistent",
      arithmetic: [
        `Earth–L1 (§3.2's SMC): 1.5·10⁹ m / c = ${sci(l1)} s`,
        `Earth–GEO: 3.5786·10⁷ m / c = ${sci(lightTimeS(GEO_ALTITUDE_M))} s`,
      ],
      explanation: "With controllers at L1/L2 and the Moon, the mesh does span light-seconds — which is exactly why §3.2's 1 ms failover and 100 µs reload cannot hold.",
    };
  },
};
