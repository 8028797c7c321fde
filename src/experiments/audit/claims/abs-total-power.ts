/**
 * Abstract: 10⁵ nodes operate below 150 MW. The paper gives three figures for the same cluster
 * (§2.2's theorem, §4.1's measured node power, §5.1's table); the bound is checked against each,
 * and the claim is judged on whether the bound separates them: a bound that figures 10¹⁵ apart
 * all satisfy excludes nothing the paper says, so it is vacuous as a prediction.
 */
import type { Claim } from "../claim.js";
import { totalPowerW } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { below, sci } from "../compare.js";

export const absTotalPower: Claim<{ boundW: number; nodes: number; nodePowerW_s41: number; table51W: number; hbarOmega0Ev: number; finesse: number; opsPerNodePerS: number; rcf: number }> = {
  id: "abs-total-power",
  section: "Abstract",
  claim: "a planetary brain of 10⁵ nodes operates at a total power below 150 MW",
  inputs: { boundW: 150e6, nodes: 1e5, nodePowerW_s41: 4.8, table51W: 150e6, hbarOmega0Ev: 1, finesse: 1e4, opsPerNodePerS: 1e10, rcf: 0.997 },
  paperValue: 150e6,
  unit: "W",
  recompute(i) {
    const theorem = totalPowerW(i.nodes, i.hbarOmega0Ev * EV_J, i.finesse, i.opsPerNodePerS, i.rcf);
    const measured = i.nodes * i.nodePowerW_s41;
    const figures = [theorem, measured, i.table51W];
    const lo = Math.min(...figures);
    const hi = Math.max(...figures);
    const spread = hi / lo;
    const satisfy = figures.filter((f) => f <= i.boundW).length;
    return {
      recomputed: hi,
      // The bound as a statement about the cluster: the largest of the paper's own figures must be below it.
      comparison: below(i.boundW, hi, "arithmetic", 1e-9),
      arithmetic: [
        `§2.2 theorem: N·(ħω0/𝓕)·ν_ops·ln(1/(1−RCF̄)) = ${sci(theorem)} W`,
        `§4.1 measured: ${sci(i.nodes)} × ${i.nodePowerW_s41} W = ${sci(measured)} W`,
        `§5.1 table: ${sci(i.table51W)} W`,
        `${satisfy} of 3 figures are ≤ ${sci(i.boundW)} W; largest / smallest = ${sci(spread)} (10^${Math.log10(spread).toFixed(1)})`,
      ],
      explanation: {
        holds: `All three of the paper's figures for this cluster satisfy the bound while differing from each other by ${sci(spread, 2)}. A bound that is met equally by 93 nW and 150 MW excludes nothing the paper says about its own power: as a prediction it is vacuous (unfalsifiable by the paper's own numbers), and the equality of §5.1's 150 MW with the bound shows it was written to the table, not derived.`,
        fails: "At least one of the paper's own figures for the cluster exceeds the bound.",
      },
    };
  },
};
