/** §3.2: five SMCs (L1, L2, Moon-South, GEO-180°, mobile reserve) run a RAFT variant with < 1 ms failover. */
import type { Claim } from "../claim.js";
import { EARTH_MOON_PERIGEE_M, GEO_RADIUS_M, EARTH_L1_M, lightTimeS } from "../distances.js";
import { sci } from "../compare.js";

export const s32Failover: Claim = {
  id: "s32-failover",
  section: "§3.2",
  claim: "Global backbone provided by 5 Satellite Mesh Controllers (SMC) placed at L1, L2, Moon-South, GEO-180°, and a mobile reserve. Each SMC runs a distributed consensus protocol (RAFT-variant) with <1 ms failover",
  inputs: { earthMoonPerigeeM: EARTH_MOON_PERIGEE_M, geoRadiusM: GEO_RADIUS_M, earthL1M: EARTH_L1_M, quorum: 3 },
  paperValue: 1e-3,
  unit: "s",
  recompute() {
    const geoMoon = EARTH_MOON_PERIGEE_M - GEO_RADIUS_M;
    const rtt = 2 * lightTimeS(geoMoon);
    return {
      recomputed: rtt,
      verdict: "physically impossible",
      law: "special relativity (no signal travels faster than light) together with Raft's quorum rule: a new leader needs votes from a majority (3 of 5)",
      arithmetic: [
        "most favourable case: the mobile reserve sits next to the candidate, so one more vote from another site completes the quorum",
        `closest pair of named sites: GEO and the Moon at perigee, ≥ 363 300 km − 42 164 km = ${sci(geoMoon / 1e3, 6)} km`,
        `vote round trip ≥ 2 × ${sci(geoMoon)} m / c = ${sci(rtt)} s = ${sci(rtt / 1e-3)} × 1 ms`,
        `L1 ↔ L2 ≈ 3·10⁹ m: ${sci(2 * lightTimeS(2 * EARTH_L1_M))} s round trip`,
      ],
      explanation: `Electing a new leader among controllers a light-second apart takes at least one round trip, ${rtt.toFixed(2)} s — over 2000 times the 1 ms claimed.`,
    };
  },
};
