/** §5.1's table rebuilt from a claim's inputs, so that the claims recompute from what they show. */
import { PAPER_FOOTPRINT, type FootprintRow } from "../../../model/energy/index.js";

/** The paper's table with the given cells replaced (metric → { legacy, v3000 }). */
export function footprintTable(cells: Readonly<Record<string, { legacy?: number; v3000?: number }>>): FootprintRow[] {
  return PAPER_FOOTPRINT.map((r) => ({ ...r, ...(cells[r.metric] ?? {}) }));
}

/** One row of the table by metric. */
export function row(table: readonly FootprintRow[], metric: string): FootprintRow {
  const r = table.find((x) => x.metric === metric);
  if (!r) throw new Error(`pqms internal assertion: §5.1 table has no row ${metric}`);
  return r;
}
