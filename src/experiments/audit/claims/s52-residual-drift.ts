/** §5.2: with ephemeris-predicted light time, the residual drift over Earth–Mars is kept below 100 fs. */
import type { Claim } from "../claim.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../../../model/constants.js";
import { EARTH_MARS_MAX_M } from "../distances.js";
import { sci } from "../compare.js";

/** Order of the Earth–Mars range accuracy of modern planetary ephemerides (lander/orbiter ranging), m. */
const EPHEMERIS_RANGE_ERROR_M = 1;

export const s52ResidualDrift: Claim = {
  id: "s52-residual-drift",
  section: "§5.2",
  claim: "Using the known ephemeris, each node calculates the expected one-way light time and adds it to the received UMT timestamp. The residual drift is kept below 100 fs by active optical phase locking",
  inputs: { residualS: 100e-15, ephemerisRangeErrorM: EPHEMERIS_RANGE_ERROR_M, earthMarsMaxM: EARTH_MARS_MAX_M },
  paperValue: 100e-15,
  unit: "s",
  recompute() {
    const ephemS = EPHEMERIS_RANGE_ERROR_M / SPEED_OF_LIGHT_M_PER_S;
    const lengthM = SPEED_OF_LIGHT_M_PER_S * 100e-15;
    return {
      recomputed: ephemS,
      verdict: "inconsistent",
      factor: ephemS / 100e-15,
      arithmetic: [
        `100 fs × c = ${sci(lengthM * 1e6)} µm of path length`,
        `relative precision needed over 401.4·10⁹ m: ${sci(lengthM / EARTH_MARS_MAX_M)}`,
        `ephemeris range error ~${EPHEMERIS_RANGE_ERROR_M} m (order of magnitude of Mars ranging residuals) ⇒ light-time error ${sci(ephemS)} s = ${sci(ephemS / 100e-15)} × 100 fs`,
        "a two-way optical phase lock cannot remove it: its loop delay is the 6–45 min round trip",
      ],
      explanation: "Predicting the one-way light time to 100 fs means knowing the Earth–Mars distance to 30 µm; the best ephemerides know it to about a metre, 3·10⁴ times worse. (The range accuracy is an order-of-magnitude figure, not a CODATA constant.)",
    };
  },
};
