/** §5.1: V3000 power per TFLOP 0.05 W — against the §2.2 theorem's energy per operation. */
import type { Claim } from "../claim.js";
import { flipEnergyJ } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { sameValue, sci } from "../compare.js";

export const s51PerTflopVsTheorem: Claim<{ tableWPerTflops: number; hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "s51-per-tflop-vs-theorem",
  section: "§5.1",
  claim: "Power / TFLOP (W): V3000 Cluster 0.05 [§2.2: E_flip = (ħω0/𝓕)·ln(1/(1−RCF̄)) per operation, the Unified Energy-Efficiency Theorem]",
  inputs: { tableWPerTflops: 0.05, hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 0.05,
  unit: "W per TFLOP/s",
  recompute(i) {
    const e = flipEnergyJ(i.hbarOmega0Ev * EV_J, i.finesse, i.rcf);
    const w = e * 1e12;
    return {
      recomputed: w,
      comparison: sameValue(i.tableWPerTflops, w, 0.5),
      arithmetic: [
        `1 TFLOP/s = 10¹² operations per second; at E_flip = ${sci(e)} J: ${sci(e)} × 10¹² = ${sci(w)} W per TFLOP/s`,
        `${i.tableWPerTflops} / ${sci(w)} = ${sci(i.tableWPerTflops / w)}`,
      ],
      explanation: { holds: "The table's row follows from the theorem.", fails: `The table's 0.05 W per TFLOP/s is ${sci(i.tableWPerTflops / w, 2)} times what the paper's own theorem gives: the row is not derived from the theorem it is presented as evidence for.` },
    };
  },
};
