/** §3.1 BOM: total per node ~187 000 €. */
import type { Claim } from "../claim.js";
import { nodeCostEur, PAPER_BOM } from "../../../model/energy/index.js";
import { compareValues, sci } from "../compare.js";

export const s31BomTotal: Claim = {
  id: "s31-bom-total",
  section: "§3.1",
  claim: "BOM for a V3000-Node (2026–2030) … Total per node ~187 000 €",
  inputs: Object.fromEntries(PAPER_BOM.filter((l) => l.unitPriceEur !== null).map((l) => [l.component, l.unitPriceEur!])),
  paperValue: 187_000,
  unit: "€",
  recompute() {
    const lineTotal = nodeCostEur(PAPER_BOM, "line-total");
    const unitPrice = nodeCostEur(PAPER_BOM, "unit-price");
    return compareValues(187_000, lineTotal, 0.01, [
      "80 000 + 15 000 + 12 000 + 40 000 + 25 000 + 15 000 = " + sci(lineTotal, 6) + " € (price column read as line totals)",
      `if 40 000 € is the unit price of each of the 4 terminals: ${sci(unitPrice, 6)} € (×${(unitPrice / 187_000).toFixed(2)})`,
    ], {
      consistent: "The sum is right if the 'Unit Price' of the laser terminals is really the price of all four.",
      inconsistent: "The sum is wrong.",
    });
  },
};
