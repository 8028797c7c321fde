/** Which charts the run views draw, from whichever metrics a run records. */
import { metricInfo } from "../../src/report/metric-table.js";

export interface ChartSpec { title: string; unit: string; metrics: string[] }

export const CHARTS: ChartSpec[] = [
  { title: "Global RCF", unit: "", metrics: ["globalRcf", "rcfNeighbourMean"] },
  // mesh.coupling density: the two readings of pairwise RCF for mixed nodes, on the same sampled edges.
  { title: "Pairwise RCF of density nodes: Tr(ρ_iρ_j) and Uhlmann F²", unit: "", metrics: ["rcfNeighbourSampleMean", "fidelitySqNeighbourMean", "purityMean"] },
  { title: "ΔE", unit: "", metrics: ["deltaEMean", "deltaEMax"] },
  { title: "Vetoes per sample", unit: "", metrics: ["vetoes"] },
  { title: "Vetoes, total", unit: "", metrics: ["vetoesTotal"] },
  { title: "Veto energy per sample", unit: "J", metrics: ["vetoEnergyJ"] },
  { title: "Veto energy, total", unit: "J", metrics: ["vetoEnergyTotalJ"] },
  { title: "Failovers", unit: "", metrics: ["failovers", "failoversTotal"] },
  { title: "UMT residual", unit: "fs", metrics: ["clockErrorRmsFs", "umtResidualFs"] },
];

export const COLORS = ["#3a86ff", "#ff006e", "#8338ec", "#fb5607", "#06d6a0"];

/** The chart specs with the metrics present, plus one chart per metric no spec names. */
export function chartsFor(names: string[]): ChartSpec[] {
  const have = new Set(names);
  const named = new Set(CHARTS.flatMap((c) => c.metrics));
  const out = CHARTS.map((c) => ({ ...c, metrics: c.metrics.filter((m) => have.has(m)) })).filter((c) => c.metrics.length > 0);
  // Metrics no spec names get the shared table's label and unit (src/report/metric-table.ts), never a raw key.
  for (const n of names) if (!named.has(n)) out.push({ title: metricInfo(n).label, unit: metricInfo(n).unit, metrics: [n] });
  return out;
}
