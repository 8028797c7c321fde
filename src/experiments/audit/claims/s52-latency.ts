/** §5.2: the effective latency between any two nodes across the inner solar system is < 1 ns. */
import type { Claim } from "../claim.js";
import { EARTH_MARS_MIN_M, lightTimeS } from "../distances.js";
import { lawBound, sci } from "../compare.js";

export const s52Latency: Claim<{ latencyS: number; earthMarsMinM: number }> = {
  id: "s52-latency",
  section: "§5.2",
  claim: "With 10⁵ nodes distributed across the inner solar system, the effective communication latency between any two nodes is only the local processing time (<1 ns)",
  inputs: { latencyS: 1e-9, earthMarsMinM: EARTH_MARS_MIN_M },
  paperValue: 1e-9,
  unit: "s",
  recompute(i) {
    const t = lightTimeS(i.earthMarsMinM);
    return {
      recomputed: t,
      comparison: lawBound(i.latencyS, t, "at least", "special relativity: information travels no faster than light (entanglement cannot carry signals: no-communication theorem)"),
      arithmetic: [`Earth–Mars at closest: ${sci(i.earthMarsMinM)} m / c = ${sci(t)} s = ${sci(t / i.latencyS)} × ${sci(i.latencyS)} s`, `in ${sci(i.latencyS)} s light travels ${sci(299_792_458 * i.latencyS)} m`],
      explanation: { holds: "The latency is possible at this distance.", fails: "Two nodes 30 cm apart already need 1 ns; Earth and Mars need at least three minutes." },
    };
  },
};
