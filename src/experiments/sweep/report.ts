/**
 * The sweep's report: `summary.md` (one row per point: its parameters, runs, and mean [CI] of each
 * metric) and one plot per metric (SVG + PNG): mean and the confidence band against the varied
 * parameter (when exactly one numeric parameter varies) or against the point index.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderLineChart, svgToPng, type LineSeries } from "../../report/plot.js";
import { metricInfo, metricTitle } from "../../report/metric-table.js";
import { describePoint } from "./spec.js";
import type { PointSummary, SweepSummary } from "./summary.js";

export interface SweepReport {
  readonly dir: string;
  readonly markdown: string;
  readonly plots: ReadonlyArray<{ readonly metric: string; readonly svgPath: string; readonly pngPath: string }>;
}

function fmt(x: number | null): string {
  return x === null ? "–" : Number.isInteger(x) ? String(x) : x.toPrecision(5);
}

/** The x axis: the one numeric parameter that varies, else the point index. */
function xAxis(points: readonly PointSummary[]): { label: string; x: (p: PointSummary) => number } {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p.point.params)))];
  const varying = keys.filter((k) => new Set(points.map((p) => p.point.params[k])).size > 1);
  const k = varying[0];
  if (varying.length === 1 && k !== undefined && points.every((p) => typeof p.point.params[k] === "number")) {
    return { label: k, x: (p) => Number(p.point.params[k]) };
  }
  return { label: "point", x: (p) => p.point.index };
}

/** The summary as a Markdown table. */
export function sweepMarkdown(s: SweepSummary): string {
  const pct = `${Math.round(s.confidence * 1000) / 10} %`;
  const head = `| point | parameters | runs | ${s.metricNames.map((m) => `${m} mean [${pct} CI]`).join(" | ")} |`;
  const rule = `|${" --- |".repeat(3 + s.metricNames.length)}`;
  const rows = s.points.map((p) => {
    const cells = s.metricNames.map((m) => {
      const v = p.metrics[m];
      return v === undefined || v.mean === null ? "–" : `${fmt(v.mean)} [${fmt(v.lower)}, ${fmt(v.upper)}]`;
    });
    return `| ${p.point.index} | ${describePoint(p.point)} | ${p.runs} | ${cells.join(" | ")} |`;
  });
  return [`# Sweep ${s.name} (${s.sweepId})`, "", `Final value of each run; mean over seeds with its ${pct} Student-t confidence interval.`, "", head, rule, ...rows, ""].join("\n");
}

/** Write summary.md and the plots into `dir`. */
export function writeSweepReport(s: SweepSummary, dir: string): SweepReport {
  mkdirSync(dir, { recursive: true });
  const markdown = sweepMarkdown(s);
  writeFileSync(join(dir, "summary.md"), markdown);
  const axis = xAxis(s.points);
  const plots: Array<{ metric: string; svgPath: string; pngPath: string }> = [];
  for (const metric of s.metricNames) {
    const pts = s.points.filter((p) => p.metrics[metric]?.mean !== null && p.metrics[metric] !== undefined).sort((a, b) => axis.x(a) - axis.x(b));
    if (pts.length === 0) continue;
    const x = pts.map(axis.x);
    const series: LineSeries[] = [{ name: "mean", x, y: pts.map((p) => p.metrics[metric]?.mean as number) }];
    const banded = pts.filter((p) => p.metrics[metric]?.lower !== null);
    if (banded.length > 0) {
      const bx = banded.map(axis.x);
      series.push({ name: "CI lower", x: bx, y: banded.map((p) => p.metrics[metric]?.lower as number) });
      series.push({ name: "CI upper", x: bx, y: banded.map((p) => p.metrics[metric]?.upper as number) });
    }
    const { svg } = renderLineChart({ title: `${metricInfo(metric).label} across the sweep (${Math.round(s.confidence * 100)} % CI)`, xLabel: axis.label, yLabel: metricTitle(metric), series });
    const svgPath = join(dir, `${metric}.svg`);
    const pngPath = join(dir, `${metric}.png`);
    writeFileSync(svgPath, svg);
    writeFileSync(pngPath, svgToPng(svg));
    plots.push({ metric, svgPath, pngPath });
  }
  return { dir, markdown, plots };
}
