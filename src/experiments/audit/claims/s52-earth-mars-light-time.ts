/** §5.2: Earth–Mars distance ≈ 20 light minutes. */
import type { Claim } from "../claim.js";
import { EARTH_MARS_MAX_M, EARTH_MARS_MIN_M, lightTimeS } from "../distances.js";
import { sci } from "../compare.js";

export const s52EarthMarsLightTime: Claim = {
  id: "s52-earth-mars-light-time",
  section: "§5.2",
  claim: "UMT synchronisation over Earth–Mars distance (≈ 20 light minutes) requires predictive clock compensation",
  inputs: { earthMarsMinM: EARTH_MARS_MIN_M, earthMarsMaxM: EARTH_MARS_MAX_M },
  paperValue: 20,
  unit: "min",
  recompute() {
    const lo = lightTimeS(EARTH_MARS_MIN_M) / 60;
    const hi = lightTimeS(EARTH_MARS_MAX_M) / 60;
    const inRange = 20 >= lo && 20 <= hi;
    return {
      recomputed: `${lo.toFixed(2)}–${hi.toFixed(2)}`,
      verdict: inRange ? "consistent" : "inconsistent",
      factor: inRange ? undefined : 20 / hi,
      arithmetic: [
        `closest: 54.6·10⁹ m / c = ${sci(lightTimeS(EARTH_MARS_MIN_M))} s = ${lo.toFixed(2)} min`,
        `farthest: 401.4·10⁹ m / c = ${sci(lightTimeS(EARTH_MARS_MAX_M))} s = ${hi.toFixed(2)} min`,
      ],
      explanation: "20 light minutes is near the largest separation (conjunction); the one-way light time varies from 3 to 22 minutes over the synodic period of 780 days.",
    };
  },
};
