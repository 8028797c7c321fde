/** §1: V2000's mesh exhibited global oscillations with period ≈ 0.3 s. */
import type { Claim } from "../claim.js";
import { lightTimeS } from "../distances.js";
import { sci } from "../compare.js";

export const s1GlobalOscillation: Claim<{ earthRadiusM: number; leoAltitudeM: number }> = {
  id: "s1-global-oscillation",
  section: "§1",
  claim: "The mesh exhibited emergent global oscillations (period ≈ 0.3 s) that hint at a collective “planetary self”",
  inputs: { earthRadiusM: 6_371e3, leoAltitudeM: 550e3 },
  paperValue: 0.3,
  unit: "s",
  recompute(i) {
    const loop = lightTimeS(2 * Math.PI * (i.earthRadiusM + i.leoAltitudeM));
    return {
      recomputed: loop,
      stated: { verdict: "untestable in software", why: "an observation of the earlier V2000 system [2] with no data, model or spectrum given: only V2000's recordings could test it" },
      arithmetic: [`for scale: light around the ${sci(i.leoAltitudeM / 1e3)} km shell takes 2π·${sci((i.earthRadiusM + i.leoAltitudeM) / 1e3)} km / c = ${sci(loop)} s; 0.3 s ≈ ${sci(0.3 / loop, 3)} such loops`],
      explanation: "An observation of V2000 [2] with no data, model or spectrum given; the period matches a signal circling the constellation twice, which says nothing about a 'self'.",
    };
  },
};
