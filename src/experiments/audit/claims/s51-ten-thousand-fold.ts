/** §5.1 text: a 10⁴-fold reduction in power per operation — against the table's 4000×. */
import type { Claim } from "../claim.js";
import { sameValue } from "../compare.js";

export const s51TenThousandFold: Claim<{ textFactor: number; tableLegacyWPerTflops: number; tableV3000WPerTflops: number }> = {
  id: "s51-ten-thousand-fold",
  section: "§5.1",
  claim: "The 10⁴-fold reduction in power per operation stems from the resonant, non-dissipative nature of computation",
  inputs: { textFactor: 1e4, tableLegacyWPerTflops: 200, tableV3000WPerTflops: 0.05 },
  paperValue: 1e4,
  unit: "×",
  recompute(i) {
    const table = i.tableLegacyWPerTflops / i.tableV3000WPerTflops;
    return {
      recomputed: table,
      // "10⁴-fold": an order of magnitude stated as a power of ten, read to within 10 %.
      comparison: sameValue(i.textFactor, table, 0.1),
      arithmetic: [`the table just above: ${i.tableLegacyWPerTflops} W / ${i.tableV3000WPerTflops} W = ${table}`, `${i.textFactor} / ${table} = ${i.textFactor / table}`],
      explanation: { holds: "Text and table agree.", fails: "The sentence under the table states 10⁴, the table 4000× (and the total-power row 10×)." },
    };
  },
};
