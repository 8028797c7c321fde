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
  /**
   * The reserve's position searched numerically at the best placement (a coarse grid over the
   * plane spanning every site, then a fine one round its best point): the smallest quorum round
   * trip found with the reserve as candidate, and how many positions were tried. It can only
   * match or exceed the midpoint bound.
   */
  readonly reserveGrid: { readonly positions: number; readonly roundTripS: number };
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
  const reserveGrid = searchReserve(g, best.get("mobile reserve")!);
  return { placements: steps * steps, perCandidate, best: overall, reserveGrid };
}

function sitesAt(g: FailoverGeometry, moonDeg: number, geoDeg: number): Vec3[] {
  const tm = (moonDeg * Math.PI) / 180;
  const tg = (geoDeg * Math.PI) / 180;
  return [
    [g.earthL1M, 0, 0],
    [-g.earthL1M, 0, 0],
    [g.earthMoonMinM * Math.cos(tm), g.earthMoonMinM * Math.sin(tm), -g.moonRadiusM],
    [g.geoRadiusM * Math.cos(tg), g.geoRadiusM * Math.sin(tg), 0],
  ];
}

/** The reserve as candidate at point p: a round trip to its second-nearest named site (two votes). */
function reserveRoundTripS(p: Vec3, sites: readonly Vec3[], r: number): number {
  const d = sites.map((s) => pathAroundM(p, s, r)).sort((a, b) => a - b);
  return (2 * d[1]!) / SPEED_OF_LIGHT_M_PER_S;
}

/** Grid search of the reserve's position at the placement `at`: 201 × 201 over every site, then 201 × 201 round the best point. */
function searchReserve(g: FailoverGeometry, at: CandidateBest): { positions: number; roundTripS: number } {
  const sites = sitesAt(g, at.moonDeg, at.geoDeg);
  const r = g.earthRadiusM + g.grazingMarginM;
  const n = 201;
  let bestT = Infinity;
  let bx = 0;
  let by = 0;
  let positions = 0;
  const scan = (cx: number, cy: number, half: number) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const x = cx - half + (2 * half * i) / (n - 1);
      const y = cy - half + (2 * half * j) / (n - 1);
      if (Math.hypot(x, y) <= r) continue;
      positions++;
      const t = reserveRoundTripS([x, y, 0], sites, r);
      if (t < bestT) { bestT = t; bx = x; by = y; }
    }
  };
  const span = Math.max(...sites.map((s) => Math.hypot(s[0], s[1])));
  scan(0, 0, span);
  scan(bx, by, (4 * span) / (n - 1));
  scan(bx, by, (16 * span) / (n - 1) / (n - 1));
  return { positions, roundTripS: bestT };
}
