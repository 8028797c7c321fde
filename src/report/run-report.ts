/**
 * The report of one run: plots (global coherence, ΔE, vetoes, veto energy over time) as SVG and
 * PNG, the run's parameters, its verdicts, written as a self-contained HTML page (SVGs inlined,
 * no script, no network) or Markdown (linking the PNGs).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Scenario } from "../sim/scenario/index.js";
import { failoverPanels } from "./failover-plot.js";
import { interplanetaryHtml, interplanetaryMarkdown, interplanetarySection, type InterplanetarySection } from "./interplanetary-report.js";
import { renderSubplots, svgToPng, type LinePanel } from "./plot.js";
import { verdictsFor, type Verdict } from "./verdicts.js";
import { compareMetricKeys, formatMetric, metricInfo, metricTitle } from "./metric-table.js";
import { mdCell } from "./html-escape.js";

/** What a report is made from (read from the run store by the caller). */
export interface RunReportInput {
  readonly runId: string;
  readonly status: string;
  readonly scenario: Scenario;
  readonly codeVersion: string;
  readonly fingerprint: string | null;
  readonly createdAt: string;
  readonly wallS: number;
  /** metric name → samples in time order. */
  readonly metrics: ReadonlyMap<string, { readonly tNs: readonly number[]; readonly value: readonly number[] }>;
  /** event kind → count. */
  readonly eventCounts: Readonly<Record<string, number>>;
  /** Events for the failover plot (kinds in FAILOVER_EVENT_KINDS are enough). */
  readonly events?: ReadonlyArray<{ readonly tNs: number; readonly kind: string; readonly data: Readonly<Record<string, number>> }>;
}

/** One plot of the report. */
export interface ReportPlot {
  readonly name: string;
  readonly title: string;
  readonly svg: string;
  readonly svgPath: string;
  readonly pngPath: string;
}

export interface RunReport {
  readonly path: string;
  readonly format: "html" | "md";
  readonly plots: readonly ReportPlot[];
  readonly verdicts: readonly Verdict[];
}

/** Plot size, px. */
export const REPORT_PLOT_WIDTH = 1000;
export const REPORT_PLOT_HEIGHT = 420;

/**
 * A plot's panels name metric keys only: each series is labelled, and each y axis unitised, from
 * the metric table (metric-table.ts), the same words the CLI and the dashboard use. `quantity`
 * is what the y axis measures; the unit is the panel's metrics' common unit.
 */
interface PlotSpec {
  name: string;
  title: string;
  panels: Array<{ title: string; quantity: string; metrics: string[]; yLog?: boolean }>;
}

const PLOTS: PlotSpec[] = [
  { name: "coherence", title: "Global coherence (§2.1)", panels: [
    // Density nodes: globalRcf is the all-pairs mean Tr(ρ_iρ_j) (sim/models/resonance-mesh.ts).
    { title: "Global RCF (MST mean)", quantity: "RCF", metrics: ["globalRcf", "rcfNeighbourMean"] },
    // mesh.coupling density only: both readings of pairwise RCF for mixed nodes, on the same sampled edges.
    { title: "Density nodes: Tr(ρ_iρ_j) and Uhlmann F² on sampled edges", quantity: "RCF", metrics: ["rcfNeighbourSampleMean", "fidelitySqNeighbourMean", "purityMean"] },
    { title: "UMT clock error (Theorem 1)", quantity: "RMS clock error", metrics: ["clockErrorRmsFs"] },
  ] },
  { name: "delta-e", title: "Ethical dissonance ΔE (§2.3)", panels: [
    { title: "ΔE over the nodes", quantity: "ΔE", metrics: ["deltaEMean", "deltaEMax"] },
  ] },
  { name: "vetoes", title: "TER vetoes and their energy (§2.3, §4.2)", panels: [
    { title: "Vetoes", quantity: "vetoes", metrics: ["vetoes", "vetoesTotal"] },
    { title: "Veto energy", quantity: "energy", metrics: ["vetoEnergyJ", "vetoEnergyTotalJ"] },
  ] },
];

/** "quantity [unit]" for a panel of `metrics`, which share one unit in the metric table. */
export function axisLabel(quantity: string, metrics: readonly string[]): string {
  const units = new Set(metrics.map((k) => metricInfo(k).unit));
  if (units.size !== 1) throw new Error(`axisLabel: one y axis for metrics of units ${[...units].join(", ")} (${metrics.join(", ")})`);
  const unit = [...units][0]!;
  return unit === "" ? quantity : `${quantity} [${unit}]`;
}

/** A time unit that keeps axis numbers readable for a run of `durationNs`. */
export function timeUnit(durationNs: number): { label: string; perNs: number } {
  if (durationNs < 1e4) return { label: "ns", perNs: 1 };
  if (durationNs < 1e7) return { label: "µs", perNs: 1e-3 };
  if (durationNs < 1e10) return { label: "ms", perNs: 1e-6 };
  return { label: "s", perNs: 1e-9 };
}

function panelsFor(spec: PlotSpec, input: RunReportInput): LinePanel[] {
  const panels: LinePanel[] = [];
  const unit = timeUnit(Math.round(input.scenario.run.durationS * 1e9));
  for (const p of spec.panels) {
    const series = p.metrics.flatMap((key) => {
      const m = input.metrics.get(key);
      if (m === undefined || m.tNs.length === 0) return [];
      const keep = m.value.map((v) => Number.isFinite(v));
      return [{ name: metricInfo(key).label, x: m.tNs.filter((_, i) => keep[i]).map((t) => t * unit.perNs), y: m.value.filter((_, i) => keep[i]) }];
    }).filter((s) => s.x.length > 0);
    if (series.length > 0) panels.push({ title: p.title, xLabel: `simulated time [${unit.label}]`, yLabel: axisLabel(p.quantity, p.metrics), series, yLog: p.yLog });
  }
  return panels;
}

/** Flatten a scenario into `path = value` rows. */
export function flattenParams(value: unknown, prefix = ""): Array<[string, string]> {
  if (value === null || typeof value !== "object") return [[prefix, JSON.stringify(value)]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenParams(v, prefix === "" ? k : `${prefix}.${k}`));
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The last finite value of each metric: [key, "Label [unit]", "value unit"], in the table's group order. */
export function finalValues(metrics: RunReportInput["metrics"]): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const key of [...metrics.keys()].sort(compareMetricKeys)) {
    const v = metrics.get(key)!.value.filter((x) => Number.isFinite(x));
    if (v.length > 0) out.push([key, metricTitle(key), formatMetric(key, v[v.length - 1])]);
  }
  return out;
}

const isSectionPlot = (p: ReportPlot) => p.name.startsWith("interplanetary-");

function html(input: RunReportInput, plots: readonly ReportPlot[], verdicts: readonly Verdict[], ip: InterplanetarySection | null): string {
  const finals = finalValues(input.metrics);
  const rows = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `<tr><td><code>${esc(k)}</code></td><td>${esc(v)}</td></tr>`).join("\n");
  const summary: Array<[string, string]> = [
    ["run", input.runId], ["status", input.status], ["scenario", input.scenario.name], ["seed", String(input.scenario.run.seed)],
    ["fingerprint", input.fingerprint ?? "(not finished)"], ["code version", input.codeVersion], ["created", input.createdAt],
    ["wall time", `${input.wallS.toFixed(1)} s`], ["events", Object.entries(input.eventCounts).map(([k, n]) => `${k}: ${n}`).join(", ") || "none"],
  ];
  const vrows = verdicts.map((v) => `<tr class="${v.outcome.replace(/ /g, "-")}"><td>${esc(v.claim)}</td><td>${esc(v.section)}</td><td>${esc(v.expected)}</td><td>${esc(v.measured)}</td><td><b>${esc(v.outcome)}</b>${v.note ? `<br><small>${esc(v.note)}</small>` : ""}</td></tr>`).join("\n");
  // Inline SVGs share one id space: prefix ECharts' clip-path ids (zrN-cM) with the plot name.
  const inline = (p: ReportPlot) => p.svg.replace(/\b(zr\d+-)/g, `${p.name}-$1`);
  const fig = (p: ReportPlot) => `<figure id="plot-${p.name}">\n${inline(p)}\n<figcaption>${esc(p.title)} — <a href="${esc(p.name)}.png">PNG</a>, <a href="${esc(p.name)}.svg">SVG</a></figcaption>\n</figure>`;
  const figs = plots.filter((p) => !isSectionPlot(p)).map(fig).join("\n");
  const section = ip === null ? "" : interplanetaryHtml(ip, plots.filter(isSectionPlot).map(fig).join("\n"));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pqms run ${esc(input.runId)}: ${esc(input.scenario.name)}</title>
<style>body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:1060px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
tr.holds td:last-child{background:#e6f4e6}tr.fails td:last-child{background:#fbe3e3}figure{margin:1.5em 0}svg{max-width:100%;height:auto}</style>
</head><body>
<h1>pqms run <code>${esc(input.runId)}</code>: ${esc(input.scenario.name)}</h1>
${input.scenario.description ? `<p>${esc(input.scenario.description)}</p>` : ""}
<table>${rows(summary)}</table>
<h2>Verdicts</h2>
<table><tr><th>claim</th><th>paper</th><th>expected</th><th>measured</th><th>outcome</th></tr>
${vrows}</table>
${finals.length === 0 ? "" : `<h2>Final values</h2>
<table><tr><th>metric</th><th>at the end</th><th>key</th></tr>
${finals.map(([k, t, v]) => `<tr><td>${esc(t)}</td><td>${esc(v)}</td><td><code>${esc(k)}</code></td></tr>`).join("\n")}</table>`}
${section}
${figs === "" ? "" : `<h2>Plots</h2>\n${figs}`}
<h2>Parameters (resolved scenario)</h2>
<table>${rows(flattenParams(input.scenario))}</table>
</body></html>
`;
}

function markdown(input: RunReportInput, plots: readonly ReportPlot[], verdicts: readonly Verdict[], ip: InterplanetarySection | null): string {
  const finals = finalValues(input.metrics);
  const lines = [
    `# pqms run \`${input.runId}\`: ${input.scenario.name}`, "",
    `status ${input.status} · seed ${input.scenario.run.seed} · fingerprint \`${input.fingerprint ?? "(not finished)"}\` · code ${input.codeVersion} · wall ${input.wallS.toFixed(1)} s`, "",
    "## Verdicts", "", "| claim | paper | expected | measured | outcome |", "| --- | --- | --- | --- | --- |",
    ...verdicts.map((v) => `| ${mdCell(v.claim)} | ${v.section} | ${mdCell(v.expected)} | ${mdCell(v.measured)} | **${v.outcome}**${v.note ? ` (${mdCell(v.note)})` : ""} |`), "",
    ...(finals.length === 0 ? [] : ["## Final values", "", "| metric | at the end | key |", "| --- | --- | --- |", ...finals.map(([k, t, v]) => `| ${mdCell(t)} | ${v} | \`${k}\` |`), ""]),
    ...(ip === null ? [] : interplanetaryMarkdown(ip)),
    "## Plots", "", ...plots.filter((p) => !isSectionPlot(p)).flatMap((p) => [`![${p.title}](${p.name}.png)`, ""]),
    "## Parameters", "", "| parameter | value |", "| --- | --- |", ...flattenParams(input.scenario).map(([k, v]) => `| \`${k}\` | ${v} |`), "",
  ];
  return lines.join("\n");
}

/** Render panels to `<name>.svg` and `<name>.png` in `dir`. */
function writePlot(dir: string, name: string, title: string, panels: readonly LinePanel[], columns: number, height: number): ReportPlot {
  const { svg } = renderSubplots({ title, panels, columns, width: REPORT_PLOT_WIDTH, height });
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  writeFileSync(svgPath, svg);
  writeFileSync(pngPath, svgToPng(svg));
  return { name, title, svg, svgPath, pngPath };
}

/**
 * Write the report of a run into `outDir` (created if needed): `<plot>.svg`, `<plot>.png` for each
 * plot and `report.html` or `report.md`. Returns the paths and the verdicts.
 */
export function writeRunReport(input: RunReportInput, outDir: string, format: "html" | "md" = "html"): RunReport {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const plots: ReportPlot[] = [];
  for (const spec of PLOTS) {
    const panels = panelsFor(spec, input);
    if (panels.length > 0) plots.push(writePlot(dir, spec.name, spec.title, panels, panels.length, REPORT_PLOT_HEIGHT));
  }
  const fo = failoverPanels(input.scenario, input.metrics, input.events);
  if (fo.length > 0) plots.push(writePlot(dir, "failover", "Failover (§3.2): failures, reloads, coherence dip; measured vs paper vs light-time", fo, 1, 300 * fo.length));
  const ip = interplanetarySection(input.metrics);
  for (const f of ip?.figures ?? []) plots.push(writePlot(dir, f.name, f.title, f.panels, 1, 330 * f.panels.length + 40));
  const series = new Map([...input.metrics].map(([k, v]) => [k, v.value] as const));
  // An interplanetary run records none of the single-mesh figures: its verdicts are §5.2's.
  const verdicts = ip === null ? verdictsFor(input.scenario, series) : [...ip.verdicts];
  const path = join(dir, format === "html" ? "report.html" : "report.md");
  writeFileSync(path, format === "html" ? html(input, plots, verdicts, ip) : markdown(input, plots, verdicts, ip));
  return { path, format, plots, verdicts };
}
