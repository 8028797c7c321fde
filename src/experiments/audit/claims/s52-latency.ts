/** §5.2: the effective latency between any two nodes across the inner solar system is < 1 ns. */
import type { Claim } from "../claim.js";
import { EARTH_MARS_MIN_M, lightTimeS } from "../distances.js";
import { sci } from "../compare.js";

export const s52Latency: Claim = {
  id: "s52-latency",
  section: "§5.2",
  claim: "With 10⁵ nodes distributed across the inner solar system, the effective communication latency between any two nodes is only the local processing time (<1 ns)",
  inputs: { earthMarsMinM: EARTH_MARS_MIN_M },
  paperValue: 1e-9,
  unit: "s",
  recompute() {
    const t = lightTimeS(EARTH_MARS_MIN_M);
    return {
      recomputed: t,
      verdict: "physically impossible",
      law: "special relativity: information travels no faster than light (entanglement cannot carry signals: no-communication theorem)",
      arithmetic: [`Earth–Mars at closest: 54.6·10⁹ m / c = ${sci(t)} s = ${sci(t / 1e-9)} × 1 ns`, `in 1 ns light travels ${sci(0.299792458)} m`],
      explanation: "Two nodes 30 cm apart already need 1 ns; Earth and Mars need at least three minutes.",
    };
  },
};
