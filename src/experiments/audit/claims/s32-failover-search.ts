/**
 * The search behind s32-failover: the smallest time in which any Raft candidate among the five
 * controllers can collect a majority (3 of 5), over every placement the paper allows.
 *
 * Placements: the Sun direction fixes L1 (sunward) and L2 (anti-sunward); the Moon's direction
 * and the GEO-180° controller's angle are free (both go round in a month and a day); the Moon is
 * at its closest perigee and the controller sits at the lunar south pole (a Moon radius below the
 * orbit plane). Everything else is put in one plane, which only brings the sites closer (a lower
 * bound). The mobile reserve may be anywhere:
 * - a named site as candidate: the reserve waits beside it (its vote is free), so the candidate
 *   needs one more vote, a round trip to the nearest other named site;
 * - the reserve as candidate: it needs two named sites; for any point p, max(|pa|, |pb|) ≥
 *   |ab|/2 along any path (triangle inequality), with equality at the midpoint of the shortest
 *   path, so its best round trip is the shortest path between two named sites, once.
 * Links the Earth blocks go round it by relay (the shortest path outside Earth + 80 km).
 */
import { pathAroundM, type Vec3 } from "../../../model/orbit/light-time.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../../../model/constants.js";

export type FailoverGeometry = {
  readonly earthL1M: number;
  readonly earthMoonMinM: number;
  readonly moonRadiusM: number;
  readonly geoRadiusM: number;
  readonly earthRadiusM: number;
  readonly grazingMarginM: number;
  /** Step of the search over the Moon's and GEO-180°'s angles, degrees. */
  readonly gridDeg: number;
};

export interface CandidateBest {
  readonly candidate: "L1" | "L2" | "Moon-South" | "GEO-180" | "mobile reserve";
  /** Smallest quorum round trip found, s. */
  readonly roundTripS: number;
  /** Where: the Moon's and GEO-180°'s angles from the Sun direction, degrees, and the voters. */
  readonly moonDeg: number;
  readonly geoDeg: number;
  readonly voters: string;
}

export interface FailoverSearch {
  readonly placements: number;
  readonly perCandidate: readonly CandidateBest[];
  readonly best: CandidateBest;
}

const NAMED = ["L1", "L2", "Moon-South", "GEO-180"] as const;

/** Search all placements on the grid. */
export function searchFailover(g: FailoverGeometry): FailoverSearch {
  const steps = Math.max(1, Math.round(360 / g.gridDeg));
  const r = g.earthRadiusM + g.grazingMarginM;
  const best = new Map<CandidateBest["candidate"], CandidateBest>();
  const keep = (c: CandidateBest) => {
    const b = best.get(c.candidate);
    if (!b || c.roundTripS < b.roundTripS) best.set(c.candidate, c);
  };
  for (let m = 0; m < steps; m++) {
    const tm = (2 * Math.PI * m) / steps;
    for (let k = 0; k < steps; k++) {
      const tg = (2 * Math.PI * k) / steps;
      const sites: Vec3[] = [
        [g.earthL1M, 0, 0],
        [-g.earthL1M, 0, 0],
        [g.earthMoonMinM * Math.cos(tm), g.earthMoonMinM * Math.sin(tm), -g.moonRadiusM],
        [g.geoRadiusM * Math.cos(tg), g.geoRadiusM * Math.sin(tg), 0],
      ];
      const moonDeg = (360 * m) / steps;
      const geoDeg = (360 * k) / steps;
      let pairBest = Infinity;
      let pairName = "";
      for (let a = 0; a < sites.length; a++) {
        let near = Infinity;
        let nearName = "";
        for (let b = 0; b < sites.length; b++) {
          if (a === b) continue;
          const d = pathAroundM(sites[a]!, sites[b]!, r);
          if (d < near) { near = d; nearName = NAMED[b]!; }
          if (b > a && d < pairBest) { pairBest = d; pairName = `${NAMED[a]!} and ${NAMED[b]!}`; }
        }
        keep({ candidate: NAMED[a]!, roundTripS: (2 * near) / SPEED_OF_LIGHT_M_PER_S, moonDeg, geoDeg, voters: `reserve beside it, ${nearName}` });
      }
      keep({ candidate: "mobile reserve", roundTripS: pairBest / SPEED_OF_LIGHT_M_PER_S, moonDeg, geoDeg, voters: `${pairName}, reserve midway` });
    }
  }
  const perCandidate = [...NAMED, "mobile reserve" as const].map((c) => best.get(c)!);
  const overall = perCandidate.reduce((a, b) => (b.roundTripS < a.roundTripS ? b : a));
  return { placements: steps * steps, perCandidate, best: overall };
}
