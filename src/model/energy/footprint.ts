/**
 * §5.1 "Comparative Energy Footprint": a V3000 cluster of 10⁵ nodes against a GPU data centre
 * of equal raw capacity (≈ 10¹⁵ ops/s). The table's stated values are inputs; every factor and
 * every figure one row implies about another is recomputed.
 */
import { requirePositive } from "./validate.js";

/** One row of the table as printed: legacy value, V3000 value, stated improvement factor. */
export interface FootprintRow {
  readonly metric: string;
  readonly unit: string;
  readonly legacy: number;
  readonly v3000: number;
  /** The improvement factor as printed (">50×" is recorded as 50 with `bound: "lower"`). */
  readonly statedFactor: number;
  readonly bound: "equal" | "lower";
}

/** The table as printed in §5.1 (system RCF has no legacy value and no factor: omitted). */
export const PAPER_FOOTPRINT: readonly FootprintRow[] = Object.freeze([
  { metric: "total power", unit: "MW", legacy: 1500, v3000: 150, statedFactor: 10, bound: "equal" },
  { metric: "power per TFLOP", unit: "W/TFLOPS", legacy: 200, v3000: 0.05, statedFactor: 4000, bound: "equal" },
  { metric: "cooling overhead", unit: "fraction of compute power", legacy: 0.5, v3000: 0.01, statedFactor: 50, bound: "lower" },
  { metric: "node MTBF", unit: "years", legacy: 5, v3000: 100, statedFactor: 20, bound: "lower" },
].map((r) => Object.freeze(r as FootprintRow)));

/** Ratio legacy / V3000 for power-like rows, V3000 / legacy for MTBF (bigger is better). */
export function improvementFactor(row: FootprintRow): number {
  requirePositive(row.legacy, `${row.metric}.legacy`);
  requirePositive(row.v3000, `${row.metric}.v3000`);
  return row.metric === "node MTBF" ? row.v3000 / row.legacy : row.legacy / row.v3000;
}

/** What the total-power row implies per TFLOPS at the stated capacity, and the cross-row checks. */
export interface FootprintImplied {
  readonly capacityTflops: number;
  readonly legacyWPerTflops: number;
  readonly v3000WPerTflops: number;
  /** For equal capacity the two power ratios must be the same number. */
  readonly totalPowerRatio: number;
  readonly perTflopsRatio: number;
  /** V3000 total power per node in W (150 MW over 10⁵ nodes). */
  readonly v3000PowerPerNodeW: number;
  /** Total power 10⁵ nodes would draw at the per-TFLOPS figure and the stated capacity, W. */
  readonly v3000PowerFromPerTflopsW: number;
}

/**
 * Cross-check the rows: at capacity `opsPerS` (10¹⁵ ops/s = 1000 TFLOPS), total power / capacity
 * gives W/TFLOPS; the per-TFLOPS row times the capacity gives the total.
 */
export function footprintImplied(opsPerS = 1e15, nodes = 1e5, table: readonly FootprintRow[] = PAPER_FOOTPRINT): FootprintImplied {
  requirePositive(opsPerS, "opsPerS");
  requirePositive(nodes, "nodes");
  const total = table.find((r) => r.metric === "total power");
  const perT = table.find((r) => r.metric === "power per TFLOP");
  if (!total || !perT) throw new Error("pqms internal assertion: footprint table lacks its power rows");
  const tflops = opsPerS / 1e12;
  return {
    capacityTflops: tflops,
    legacyWPerTflops: (total.legacy * 1e6) / tflops,
    v3000WPerTflops: (total.v3000 * 1e6) / tflops,
    totalPowerRatio: total.legacy / total.v3000,
    perTflopsRatio: perT.legacy / perT.v3000,
    v3000PowerPerNodeW: (total.v3000 * 1e6) / nodes,
    v3000PowerFromPerTflopsW: perT.v3000 * tflops,
  };
}
