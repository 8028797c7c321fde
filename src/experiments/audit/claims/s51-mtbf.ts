/** §5.1: node MTBF 5 vs > 100 years, improvement > 20×. */
import type { Claim } from "../claim.js";
import { improvementFactor } from "../../../model/energy/index.js";
import { above } from "../compare.js";
import { footprintTable, row } from "./s51-table.js";

export const s51Mtbf: Claim<{ legacyYears: number; v3000YearsMin: number; statedFactor: number; nodes: number }> = {
  id: "s51-mtbf",
  section: "§5.1",
  claim: "Node MTBF (years): Legacy DC 5, V3000 Cluster >100, Improvement Factor >20×",
  inputs: { legacyYears: 5, v3000YearsMin: 100, statedFactor: 20, nodes: 1e5 },
  paperValue: 20,
  unit: "× (lower bound)",
  recompute(i) {
    const f = improvementFactor(row(footprintTable({ "node MTBF": { legacy: i.legacyYears, v3000: i.v3000YearsMin } }), "node MTBF"));
    const perYear = i.nodes / i.v3000YearsMin;
    return {
      recomputed: f,
      comparison: above(i.statedFactor, f),
      arithmetic: [`${i.v3000YearsMin} / ${i.legacyYears} = ${f}`, `even at MTBF ${i.v3000YearsMin} years, ${i.nodes} nodes lose ${perYear} nodes per year (≈ ${(perYear / 365).toFixed(1)} a day)`],
      explanation: { holds: "The factor follows from the row; the 100 years are asserted, not derived (no failure-rate model is given), and a 10⁵-node constellation still sees failures daily.", fails: "The row's own numbers do not give the stated lower bound." },
    };
  },
};
