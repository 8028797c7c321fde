/** §1: V2000's mesh exhibited global oscillations with period ≈ 0.3 s. */
import type { Claim } from "../claim.js";
import { lightTimeS, LEO_ALTITUDE_M } from "../distances.js";
import { sci } from "../compare.js";

export const s1GlobalOscillation: Claim = {
  id: "s1-global-oscillation",
  section: "§1",
  claim: "The mesh exhibited emergent global oscillations (period ≈ 0.3 s) that hint at a collective “planetary self”",
  inputs: { earthRadiusM: 6_371e3, leoAltitudeM: LEO_ALTITUDE_M },
  paperValue: 0.3,
  unit: "s",
  recompute() {
    const loop = lightTimeS(2 * Math.PI * (6_371e3 + LEO_ALTITUDE_M));
    return {
      recomputed: null,
      verdict: "untestable in software",
      arithmetic: [`for scale: light around the 550 km shell takes 2π·6921 km / c = ${sci(loop)} s; 0.3 s ≈ ${sci(0.3 / loop, 3)} such loops`],
      explanation: "An observation of V2000 [2] with no data, model or spectrum given; the period matches a signal circling the constellation twice, which says nothing about a 'self'.",
    };
  },
};
