/** §1: V1000's thermodynamic inverter achieved 82 % energy savings. */
import type { Claim } from "../claim.js";

export const s1V1000Savings: Claim<Record<string, never>> = {
  id: "s1-v1000-savings",
  section: "§1",
  claim: "Its thermodynamic inverter achieved 82% energy savings by blocking high-entropy inputs",
  inputs: {},
  paperValue: 0.82,
  unit: "fraction",
  recompute() {
    return {
      recomputed: null,
      stated: { verdict: "untestable in software", why: "a measurement reported for an earlier system [1] whose workload and baseline are not stated; the fraction depends entirely on them" },
      arithmetic: ["the figure is a measurement reported for an earlier system [1]; neither its workload nor its baseline is stated here"],
      explanation: "A savings fraction depends entirely on the share of inputs blocked in a workload the paper does not give; only the V1000 measurement data could test it.",
    };
  },
};
