/**
 * §3.1 "BOM for a V3000-Node (2026–2030)" and the constellation cost ("≈ 18.7 billion €" for 10⁵
 * nodes). The table's "Unit Price" column holds 40 000 € for 4 laser terminals: read as the line
 * total (the paper's ~187 000 € sum requires this) or as a true unit price (×4), both computed.
 */
import { requirePositive } from "./validate.js";

/** One BOM line as printed; `unitPriceEur` null where the table has "–". */
export interface BomLine {
  readonly component: string;
  readonly part: string;
  readonly quantity: number;
  readonly unitPriceEur: number | null;
}

/** §3.1's table. */
export const PAPER_BOM: readonly BomLine[] = Object.freeze([
  { component: "Photonic SoC", part: "V1007-RAD (custom)", quantity: 1, unitPriceEur: 80_000 },
  { component: "Kagome Cavity", part: "integrated in SoC", quantity: 0, unitPriceEur: null },
  { component: "Neuralink ASIC", part: "NIC-1 (custom)", quantity: 1, unitPriceEur: 15_000 },
  { component: "UMT CSAC", part: "Microchip SA.45s rad-hard", quantity: 1, unitPriceEur: 12_000 },
  { component: "Optical Laser Terminals", part: "4× TESAT SCU 100G", quantity: 4, unitPriceEur: 40_000 },
  { component: "ZPE Harvester", part: "Josephson-junction array", quantity: 1, unitPriceEur: 25_000 },
  { component: "Solar Panels", part: "0.8 m² (2 kW peak)", quantity: 1, unitPriceEur: 15_000 },
].map((l) => Object.freeze(l as BomLine)));

/** How to read the price column: as printed line totals, or as unit prices times quantity. */
export type BomReading = "line-total" | "unit-price";

/** Cost of one node in € under `reading`. */
export function nodeCostEur(lines: readonly BomLine[] = PAPER_BOM, reading: BomReading = "line-total"): number {
  let sum = 0;
  for (const l of lines) {
    if (l.unitPriceEur === null) continue;
    sum += reading === "line-total" ? l.unitPriceEur : l.unitPriceEur * l.quantity;
  }
  return sum;
}

/** Cost of `nodes` nodes in € (hardware only, no launch, as in the paper). */
export function constellationCostEur(nodes: number, perNodeEur: number): number {
  requirePositive(nodes, "nodes");
  requirePositive(perNodeEur, "perNodeEur");
  return nodes * perNodeEur;
}
