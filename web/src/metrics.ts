/**
 * Which charts the run views draw: one per metric a run records, titled and unitised from the
 * shared metric table (src/report/metric-table.ts, the same labels the CLI and the reports use),
 * grouped as the table groups them and in the table's order.
 */
import { METRIC_GROUPS, METRICS, metricInfo, type MetricGroup } from "../../src/report/metric-table.js";

export interface ChartSpec {
  /** The metric key (the series name). */
  readonly key: string;
  /** Human label, without the unit. */
  readonly label: string;
  readonly unit: string;
}

export interface ChartGroup {
  readonly group: MetricGroup;
  readonly charts: readonly ChartSpec[];
}

export const COLORS = ["#3a86ff", "#ff006e", "#8338ec", "#fb5607", "#06d6a0"];

const ORDER = new Map(Object.keys(METRICS).map((k, i) => [k, i]));

/** The groups with at least one of `names`, in display order; within a group, the table's order. */
export function chartGroups(names: readonly string[]): ChartGroup[] {
  const sorted = [...new Set(names)].sort((a, b) => (ORDER.get(a) ?? Infinity) - (ORDER.get(b) ?? Infinity) || a.localeCompare(b));
  return METRIC_GROUPS.map((group) => ({
    group,
    charts: sorted.filter((k) => metricInfo(k).group === group).map((k) => ({ key: k, label: metricInfo(k).label, unit: metricInfo(k).unit })),
  })).filter((g) => g.charts.length > 0);
}
