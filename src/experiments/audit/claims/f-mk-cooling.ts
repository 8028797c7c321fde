/**
 * App. F's millikelvin stage (10 mK, 50 mW of cooling at baseline) against Carnot, and against
 * §5.1's cooling overhead below 1 % of the node's power (§4.1: 4.8 W).
 */
import type { Claim } from "../claim.js";
import { PAPER_BASELINE_ALLOCATION } from "../../../model/machine/index.js";
import { lawBound, sci } from "../compare.js";

export const fMkCooling: Claim<{ coldK: number; coolingW: number; hotK: number; nodePowerW: number; coolingOverhead: number }> = {
  id: "f-mk-cooling",
  section: "App. F",
  claim: "self.temperature = 10.0 # in mK … HardwareAllocation(cooling_power_mw=50.0, # Baseline …) [§5.1: V3000 cooling overhead < 1 %; §4.1: 4.8 W per node]",
  inputs: { coldK: 10e-3, coolingW: PAPER_BASELINE_ALLOCATION.coolingPowerMw * 1e-3, hotK: 300, nodePowerW: 4.8, coolingOverhead: 0.01 },
  paperValue: 0.048,
  unit: "W (power the cooling may draw)",
  recompute(i) {
    const carnot = (i.coolingW * (i.hotK - i.coldK)) / i.coldK;
    const budget = i.nodePowerW * i.coolingOverhead;
    return {
      recomputed: carnot,
      comparison: lawBound(budget, carnot, "at least", "second law (Carnot): removing heat Q̇ at T_c into surroundings at T_h takes work ≥ Q̇·(T_h − T_c)/T_c"),
      arithmetic: [
        `Carnot: W ≥ Q̇·(T_h − T_c)/T_c = ${sci(i.coolingW)} W × (${i.hotK} − ${i.coldK}) K / ${i.coldK} K = ${sci(carnot)} W per node`,
        `§5.1's budget: ${i.coolingOverhead * 100} % × ${i.nodePowerW} W = ${sci(budget)} W`,
        `${sci(carnot)} / ${sci(budget)} = ${sci(carnot / budget)}; at App. F's 1 mK floor ${sci((i.coolingW * (i.hotK - 1e-3)) / 1e-3)} W`,
      ],
      explanation: {
        holds: "The mK stage's cooling fits the stated overhead.",
        fails: "Holding a millikelvin stage with 50 mW of cooling costs at least 1.5 kW per node even with a perfect (Carnot) refrigerator — 30 000 times the < 1 % of 4.8 W that §5.1 allows; real dilution refrigerators deliver microwatts, not milliwatts, at 10 mK.",
      },
    };
  },
};
