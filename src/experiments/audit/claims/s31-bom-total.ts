/** §3.1 BOM: total per node ~187 000 €. */
import type { Claim } from "../claim.js";
import { nodeCostEur, PAPER_BOM } from "../../../model/energy/index.js";
import { sameValue, sci } from "../compare.js";

const PRICED = PAPER_BOM.filter((l) => l.unitPriceEur !== null);

export const s31BomTotal: Claim<Readonly<Record<string, number>>> = {
  id: "s31-bom-total",
  section: "§3.1",
  claim: "BOM for a V3000-Node (2026–2030) … Total per node ~187 000 €",
  inputs: Object.fromEntries(PRICED.map((l) => [l.component, l.unitPriceEur!])),
  paperValue: 187_000,
  unit: "€",
  recompute(i) {
    const bom = PRICED.map((l) => ({ ...l, unitPriceEur: i[l.component] ?? l.unitPriceEur }));
    const lineTotal = nodeCostEur(bom, "line-total");
    const unitPrice = nodeCostEur(bom, "unit-price");
    return {
      recomputed: lineTotal,
      comparison: sameValue(187_000, lineTotal, 0.01),
      arithmetic: [
        `${bom.map((l) => sci(l.unitPriceEur!, 6)).join(" + ")} = ${sci(lineTotal, 6)} € (price column read as line totals)`,
        `reading each price as a unit price × quantity (${bom.map((l) => l.quantity).join(", ")}): ${sci(unitPrice, 6)} € (×${(unitPrice / 187_000).toFixed(2)})`,
      ],
      explanation: { holds: "The sum is right if the 'Unit Price' of the laser terminals is really the price of all four.", fails: "The sum is wrong." },
    };
  },
};
