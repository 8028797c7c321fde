/** §5.1 table: power per TFLOP 200 W vs 0.05 W, improvement 4000×. */
import type { Claim } from "../claim.js";
import { improvementFactor } from "../../../model/energy/index.js";
import { sameValue } from "../compare.js";
import { footprintTable, row } from "./s51-table.js";

export const s51PerTflopFactor: Claim<{ legacyWPerTflops: number; v3000WPerTflops: number }> = {
  id: "s51-per-tflop-factor",
  section: "§5.1",
  claim: "Power / TFLOP (W): Legacy DC 200, V3000 Cluster 0.05, Improvement Factor 4 000×",
  inputs: { legacyWPerTflops: 200, v3000WPerTflops: 0.05 },
  paperValue: 4000,
  unit: "×",
  recompute(i) {
    const f = improvementFactor(row(footprintTable({ "power per TFLOP": { legacy: i.legacyWPerTflops, v3000: i.v3000WPerTflops } }), "power per TFLOP"));
    return { recomputed: f, comparison: sameValue(4000, f, 1e-9), arithmetic: [`${i.legacyWPerTflops} / ${i.v3000WPerTflops} = ${f}`], explanation: { holds: "The row's own factor is right.", fails: "The row's factor is wrong." } };
  },
};
