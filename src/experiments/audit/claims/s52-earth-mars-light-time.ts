/** §5.2: Earth–Mars distance ≈ 20 light minutes. */
import type { Claim } from "../claim.js";
import { EARTH_MARS_MAX_M, EARTH_MARS_MIN_M, lightTimeS } from "../distances.js";
import { sameValue, sci } from "../compare.js";

export const s52EarthMarsLightTime: Claim<{ statedMin: number; earthMarsMinM: number; earthMarsMaxM: number }> = {
  id: "s52-earth-mars-light-time",
  section: "§5.2",
  claim: "UMT synchronisation over Earth–Mars distance (≈ 20 light minutes) requires predictive clock compensation",
  inputs: { statedMin: 20, earthMarsMinM: EARTH_MARS_MIN_M, earthMarsMaxM: EARTH_MARS_MAX_M },
  paperValue: 20,
  unit: "min",
  recompute(i) {
    const lo = lightTimeS(i.earthMarsMinM) / 60;
    const hi = lightTimeS(i.earthMarsMaxM) / 60;
    // The stated figure is consistent when it lies in the range the orbit sweeps: within the half-width of the range around its middle.
    const mid = (lo + hi) / 2;
    return {
      recomputed: `${lo.toFixed(2)}–${hi.toFixed(2)}`,
      comparison: sameValue(i.statedMin, mid, (hi - lo) / 2 / i.statedMin),
      arithmetic: [
        `closest: ${sci(i.earthMarsMinM)} m / c = ${sci(lightTimeS(i.earthMarsMinM))} s = ${lo.toFixed(2)} min`,
        `farthest: ${sci(i.earthMarsMaxM)} m / c = ${sci(lightTimeS(i.earthMarsMaxM))} s = ${hi.toFixed(2)} min`,
        `range ${lo.toFixed(2)}–${hi.toFixed(2)} min = ${mid.toFixed(2)} ± ${((hi - lo) / 2).toFixed(2)} min; stated ${i.statedMin} min`,
      ],
      explanation: { holds: "20 light minutes is near the largest separation (conjunction); the one-way light time varies from 3 to 22 minutes over the synodic period of 780 days.", fails: "The stated light time lies outside the range Earth–Mars distances allow." },
    };
  },
};
