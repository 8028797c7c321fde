/** §3.2: five SMCs (L1, L2, Moon-South, GEO-180°, mobile reserve) run a RAFT variant with < 1 ms failover. */
import type { Claim } from "../claim.js";
import { EARTH_MOON_MIN_M, EARTH_RADIUS_M, GEO_RADIUS_M, EARTH_L1_M, LINK_GRAZING_MARGIN_M, MOON_RADIUS_M } from "../distances.js";
import { lawBound, sci } from "../compare.js";
import { searchFailover, type FailoverGeometry } from "./s32-failover-search.js";

export const s32Failover: Claim<FailoverGeometry & { failoverS: number }> = {
  id: "s32-failover",
  section: "§3.2",
  claim: "Global backbone provided by 5 Satellite Mesh Controllers (SMC) placed at L1, L2, Moon-South, GEO-180°, and a mobile reserve. Each SMC runs a distributed consensus protocol (RAFT-variant) with <1 ms failover",
  inputs: {
    failoverS: 1e-3, earthL1M: EARTH_L1_M, earthMoonMinM: EARTH_MOON_MIN_M, moonRadiusM: MOON_RADIUS_M, geoRadiusM: GEO_RADIUS_M,
    earthRadiusM: EARTH_RADIUS_M, grazingMarginM: LINK_GRAZING_MARGIN_M, gridDeg: 1,
  },
  paperValue: 1e-3,
  unit: "s",
  recompute(i) {
    const s = searchFailover(i);
    const b = s.best;
    return {
      recomputed: b.roundTripS,
      comparison: lawBound(i.failoverS, b.roundTripS, "at least", "special relativity (no signal travels faster than light) together with Raft's quorum rule: a new leader needs votes from a majority (3 of 5)"),
      arithmetic: [
        `searched ${s.placements} placements (Moon and GEO-180° angles in ${i.gridDeg}° steps; Moon at ${sci(i.earthMoonMinM / 1e3, 6)} km, L1/L2 at ${sci(i.earthL1M / 1e3)} km; links passing within ${sci((i.earthRadiusM + i.grazingMarginM) / 1e3)} km of Earth's centre go round it by relay)`,
        ...s.perCandidate.map((c) => `candidate ${c.candidate}: best quorum round trip ${sci(c.roundTripS)} s (Moon at ${c.moonDeg}°, GEO-180° at ${c.geoDeg}°; votes: ${c.voters})`),
        `the reserve as candidate halves the named sites' best: max(|pa|, |pb|) ≥ |ab|/2, reached midway between the two closest sites`,
        `numeric check at that placement: ${s.reserveGrid.positions} reserve positions (three nested grids) give at best ${sci(s.reserveGrid.roundTripS)} s, not below the midpoint bound`,
        `lower bound ${sci(b.roundTripS)} s = ${sci(b.roundTripS / i.failoverS)} × ${sci(i.failoverS)} s`,
      ],
      explanation: {
        holds: "A majority can be reached within the claimed failover time.",
        fails: `Even with the mobile reserve parked midway between the GEO controller and the Moon and standing as the candidate, a new leader needs at least ${b.roundTripS.toFixed(2)} s to collect a majority — about a thousand times the 1 ms claimed.`,
      },
    };
  },
};
