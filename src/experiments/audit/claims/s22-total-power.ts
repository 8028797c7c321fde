/** §2.2: P_total = N·(ħω0/𝓕)·ν_ops·ln(1/(1−RCF̄)) — evaluated for the abstract's cluster. */
import type { Claim } from "../claim.js";
import { totalPowerW } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { sameValue, sci } from "../compare.js";

export const s22TotalPower: Claim<{ nodes: number; hbarOmega0Ev: number; finesse: number; opsPerNodePerS: number; rcf: number; statedW: number }> = {
  id: "s22-total-power",
  section: "§2.2",
  claim: "Summing over all N nodes, the total power becomes P_total = N·(ħω0/𝓕)·ν_ops·ln(1/(1−RCF̄)) [abstract and §5.1: 150 MW for 10⁵ nodes]",
  inputs: { nodes: 1e5, hbarOmega0Ev: 1, finesse: 1e4, opsPerNodePerS: 1e10, rcf: 0.997, statedW: 150e6 },
  paperValue: 150e6,
  unit: "W",
  recompute(i) {
    const p = totalPowerW(i.nodes, i.hbarOmega0Ev * EV_J, i.finesse, i.opsPerNodePerS, i.rcf);
    return {
      recomputed: p,
      comparison: sameValue(i.statedW, p, 0.5),
      arithmetic: [
        `P_total = ${sci(i.nodes)} × (${sci(i.hbarOmega0Ev * EV_J)} J / ${sci(i.finesse)}) × ${sci(i.opsPerNodePerS)} /s × ${Math.log(1 / (1 - i.rcf)).toFixed(3)} = ${sci(p)} W`,
        `${sci(i.statedW)} W / ${sci(p)} W = ${sci(i.statedW / p)}`,
      ],
      explanation: {
        holds: "The formula reproduces the stated power.",
        fails: `The paper's own theorem gives ${sci(p, 2)} W for the whole cluster, ${sci(i.statedW / p, 2)} times less than the ${sci(i.statedW / 1e6)} MW it states: the theorem counts only the photon energy per flip, none of the lasers, detectors and electronics that §4.1's 4.8 W per chip consists of.`,
      },
    };
  },
};
