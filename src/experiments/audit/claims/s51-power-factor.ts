/** §5.1 table: total power 1500 MW vs 150 MW, improvement 10×. */
import type { Claim } from "../claim.js";
import { improvementFactor } from "../../../model/energy/index.js";
import { sameValue } from "../compare.js";
import { footprintTable, row } from "./s51-table.js";

export const s51PowerFactor: Claim<{ legacyMW: number; v3000MW: number }> = {
  id: "s51-power-factor",
  section: "§5.1",
  claim: "Total power (MW): Legacy DC 1 500, V3000 Cluster 150, Improvement Factor 10×",
  inputs: { legacyMW: 1500, v3000MW: 150 },
  paperValue: 10,
  unit: "×",
  recompute(i) {
    const f = improvementFactor(row(footprintTable({ "total power": { legacy: i.legacyMW, v3000: i.v3000MW } }), "total power"));
    return { recomputed: f, comparison: sameValue(10, f, 0), arithmetic: [`${i.legacyMW} MW / ${i.v3000MW} MW = ${f}`], explanation: { holds: "The row's own factor is right.", fails: "The row's factor is wrong." } };
  },
};
