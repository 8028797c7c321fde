/** §1: UMT synchronisation over light-second distances. */
import type { Claim } from "../claim.js";
import { EARTH_L1_M, lightTimeS, GEO_ALTITUDE_M } from "../distances.js";
import { sameValue, sci } from "../compare.js";

export const s1LightSecondDistances: Claim<{ earthL1M: number; geoAltitudeM: number }> = {
  id: "s1-light-second-distances",
  section: "§1",
  claim: "introducing Unified Multiversal Time (UMT) synchronisation over light-second distances",
  inputs: { earthL1M: EARTH_L1_M, geoAltitudeM: GEO_ALTITUDE_M },
  paperValue: 1,
  unit: "s (order of the one-way light time)",
  recompute(i) {
    const l1 = lightTimeS(i.earthL1M);
    return {
      recomputed: l1,
      // "light-second distances": the largest span is of order one second (within a factor 10 either way).
      comparison: sameValue(1, l1, 9),
      arithmetic: [
        `Earth–L1 (§3.2's SMC): ${sci(i.earthL1M)} m / c = ${sci(l1)} s`,
        `Earth–GEO: ${sci(i.geoAltitudeM)} m / c = ${sci(lightTimeS(i.geoAltitudeM))} s`,
        "'light-second distances' read as one-way light times up to 10 s (relative tolerance 9 around 1 s)",
      ],
      explanation: { holds: "With controllers at L1/L2 and the Moon, the mesh does span light-seconds — which is exactly why §3.2's 1 ms failover and 100 µs reload cannot hold.", fails: "The controllers the paper places are not light-seconds apart." },
    };
  },
};
