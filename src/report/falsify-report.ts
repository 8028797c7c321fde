/**
 * The falsification protocol's report: each hypothesis of §6 with its criterion, the replicate
 * values, the t-test, the verdict and its reason, and a plot of the measured quantity's
 * distribution (sorted replicates, i.e. the empirical quantile function) against the criterion.
 * Markdown (plots as SVG files beside it) and self-contained HTML (SVG inline). Each hypothesis
 * lists the assumptions its verdict hangs on with their flip points; H2's sensitivity sweep is
 * drawn as heatmaps (residual × κ/γ, one panel per coupling reading, veto and initial state).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderLineChart, type LineSeries } from "./plot.js";
import { escapeHtml } from "./html-escape.js";
import { renderHeatmaps, type HeatmapPanel } from "./heatmap.js";

/** One evaluation of a hypothesis' test in a flip search. */
export interface FalsifySearchStep {
  readonly value: number | string | boolean;
  /** The criterion was met at this value. */
  readonly holds: boolean;
}

/** What a verdict hangs on: one assumption and the value inside its range where the verdict flips (or null). */
export interface FalsifyAssumption {
  readonly name: string;
  readonly value: number | string | boolean;
  readonly unit: string;
  /** "paper §…" or "twin". */
  readonly source: string;
  readonly range: readonly [number | string | boolean, number | string | boolean];
  readonly flipsAt: number | string | boolean | null;
  readonly search: { readonly method: string; readonly steps: readonly FalsifySearchStep[]; readonly bracket?: readonly [number, number] };
  readonly description: string;
}

/** One hypothesis of the falsification protocol as reported (experiments/falsify narrows id and verdict). */
export interface FalsifyReportHypothesis {
  readonly id: string;
  readonly section: string;
  readonly hypothesis: string;
  readonly criterion: string;
  /** The replicate values of the primary measured quantity, in `unit` (absent where nothing is sampled: H1). */
  readonly measured?: readonly number[];
  readonly measuredMean: number;
  readonly unit: string;
  readonly ci95?: { readonly lower: number; readonly upper: number };
  /** The statistic named by the paper, with its value (absent where a test would measure nothing). */
  readonly statistic?: { readonly name: string; readonly value: number; readonly df: number };
  readonly pValue?: number;
  readonly replicates: number;
  readonly seed: number;
  readonly verdict: string;
  readonly reason: string;
  /** What would test the claim where software cannot. */
  readonly wouldTest: string;
  /** The threshold drawn in the plot. */
  readonly criterionValue: number;
  readonly arithmetic: readonly string[];
  /** What the verdict hangs on (absent in records written before assumptions were listed). */
  readonly assumptions?: readonly FalsifyAssumption[];
  /** Optional comparison sample drawn beside the measured one (H2's null). */
  readonly nullSample?: readonly number[];
  /** Optional second reading (H3's clocked latencies). */
  readonly clockedLatency?: readonly number[];
  /** Optional curve instead of replicates (H1: the formula against −log10(1 − RCF)). */
  readonly curve?: { readonly xLabel: string; readonly x: readonly number[]; readonly y: readonly number[]; readonly besides?: ReadonlyArray<{ readonly name: string; readonly y: number }> };
}

/** Sorted values against their plotting positions (i + ½)/n. */
function quantileSeries(name: string, xs: readonly number[]): LineSeries {
  const y = [...xs].sort((a, b) => a - b);
  return { name, x: y.map((_, i) => (i + 0.5) / y.length), y };
}

/** The line every falsify output opens with. */
export const FALSIFY_CAVEAT =
  "A simulation of a paper's own equations can refute a claim or show what it hangs on; it cannot support a claim about hardware.";

/** SVG of the hypothesis' distribution (or curve, H1) against its criterion. */
export function hypothesisPlot(h: FalsifyReportHypothesis): string {
  if (h.curve !== undefined) {
    const c = h.curve;
    const x0 = c.x[0]!;
    const x1 = c.x[c.x.length - 1]!;
    const series: LineSeries[] = [{ name: "§2.2 formula", x: c.x, y: c.y }, { name: `criterion ${h.criterionValue}`, x: [x0, x1], y: [h.criterionValue, h.criterionValue] }];
    for (const b of c.besides ?? []) series.push({ name: b.name, x: [x0, x1], y: [b.y, b.y] });
    return renderLineChart({ title: `${h.id} (${h.section}): ${h.criterion}`, xLabel: c.xLabel, yLabel: h.unit, series, yLog: true, width: 900, height: 420 }).svg;
  }
  const series: LineSeries[] = [quantileSeries(`measured (${h.replicates} replicates)`, h.measured ?? [])];
  if (h.nullSample) series.push(quantileSeries("null: uncorrelated phases", h.nullSample));
  if (h.clockedLatency) series.push(quantileSeries("clocked comparator, 100 MHz", h.clockedLatency));
  series.push({ name: `criterion ${h.criterionValue}`, x: [0, 1], y: [h.criterionValue, h.criterionValue] });
  const all = series.flatMap((s) => Array.from(s.y));
  const spread = Math.max(...all) / Math.min(...all);
  return renderLineChart({
    title: `${h.id} (${h.section}): ${h.criterion}`, xLabel: "fraction of replicates (sorted)", yLabel: h.unit,
    series, yLog: Math.min(...all) > 0 && spread > 100, width: 900, height: 420,
  }).svg;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return x !== 0 && (a >= 1e5 || a < 1e-3) ? x.toExponential(4) : String(Number(x.toPrecision(6)));
}

function fmtValue(v: number | string | boolean | null): string {
  return v === null ? "null" : typeof v === "number" ? fmt(v) : String(v);
}

/** The table row of a hypothesis: mean, CI, statistic and p where a test was made, "—" where none was. */
function rowCells(h: FalsifyReportHypothesis): string[] {
  return [
    h.id, h.criterion, `${fmt(h.measuredMean)} ${h.unit}`,
    h.ci95 ? `${fmt(h.ci95.lower)}–${fmt(h.ci95.upper)}` : "—",
    h.statistic ? `${h.statistic.name} = ${fmt(h.statistic.value)} (df ${fmt(h.statistic.df)})` : "— (no test: nothing is sampled)",
    h.pValue === undefined ? "—" : h.pValue.toExponential(2), String(h.replicates), h.verdict,
  ];
}

function assumptionRows(h: FalsifyReportHypothesis): string[][] {
  return (h.assumptions ?? []).map((a) => [
    a.name, `${fmtValue(a.value)} ${a.unit}`, a.source, `${fmtValue(a.range[0])} … ${fmtValue(a.range[1])}`, fmtValue(a.flipsAt),
    `${a.search.method}: ${a.search.steps.map((st) => `${fmtValue(st.value)}→${st.holds ? "met" : "not met"}`).join(", ") || "—"}`,
  ]);
}

const ASSUMPTION_HEAD = ["assumption", "value", "source", "range", "flipsAt", "search (value→criterion)"];
const TABLE_HEAD = ["id", "criterion", "value", "95 % CI", "statistic", "p", "n", "verdict"];

function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const esc = (c: string) => c.replace(/\|/g, "\\|");
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)];
}

function htmlTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><tr>${head.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n")}</table>`;
}

/** H2's sensitivity sweep as the report draws it. */
export interface FalsifySensitivity {
  readonly points: ReadonlyArray<{ readonly clockResidualS: number; readonly kappaOverGamma: number; readonly coupling: string; readonly veto: boolean; readonly initial: string; readonly rcfMean: number; readonly holds: boolean }>;
  readonly paperParameters: ReadonlyArray<{ readonly coupling: string; readonly rcfMean: number; readonly holds: boolean }>;
  readonly constellationResidualS: number;
  readonly nodes: number;
  readonly seeds: number;
}

/** A time in s with an SI prefix: 1e-14 → "10 fs". */
function fmtSeconds(x: number): string {
  const units: Array<[number, string]> = [[1, "s"], [1e-3, "ms"], [1e-6, "µs"], [1e-9, "ns"], [1e-12, "ps"], [1e-15, "fs"]];
  const [scale, unit] = units.find(([u]) => x >= u * 0.9995) ?? units[units.length - 1]!;
  return `${Number((x / scale).toPrecision(3))} ${unit}`;
}

/** One heatmap panel per (coupling, veto, initial state): residual across, κ/γ up, cell = RCF̄, colour = holds. */
export function sensitivityPanels(s: FalsifySensitivity): HeatmapPanel[] {
  const residuals = [...new Set(s.points.map((p) => p.clockResidualS))].sort((a, b) => a - b);
  const ratios = [...new Set(s.points.map((p) => p.kappaOverGamma))].sort((a, b) => a - b);
  const groups = new Map<string, FalsifySensitivity["points"][number][]>();
  for (const p of s.points) {
    const k = `${p.coupling}, veto ${p.veto ? "on" : "off"}, ${p.initial === "odos" ? "ODOS + noise" : "Haar"}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups].map(([title, ps]) => ({
    title,
    xLabels: residuals.map((r) => (r === s.constellationResidualS ? `${fmtSeconds(r)} (UMT model)` : fmtSeconds(r))),
    yLabels: ratios.map(fmt),
    cells: ps.map((p) => ({ x: residuals.indexOf(p.clockResidualS), y: ratios.indexOf(p.kappaOverGamma), holds: p.holds, label: p.rcfMean.toFixed(4) })),
  }));
}

/** SVG heatmaps of the sweep. */
export function sensitivityPlot(s: FalsifySensitivity): string {
  return renderHeatmaps({
    title: `H2 (§6.2) on the twin, N = ${s.nodes}, ${s.seeds} seeds per cell: RCF̄ > 0.995 at p < 0.01 (green) or not (red)`,
    xLabel: "UMT clock residual, s", yLabel: "κ/γ", panels: sensitivityPanels(s), columns: 2,
  }).svg;
}

function sensitivityLines(s: FalsifySensitivity): string[] {
  const held = s.points.filter((p) => p.holds).length;
  return [
    `${held} of ${s.points.length} points hold (RCF̄ > 0.995 at p < 0.01); N = ${s.nodes}, ${s.seeds} seeds per point.`,
    `Our UMT model of a 100-satellite shell reaches ${fmtSeconds(s.constellationResidualS)} RMS just after a sync round (Theorem 1 assumes < 10 fs).`,
    `At the paper's stated parameters (N = 100, residual 10 fs, κ/γ = 10³, veto on, ODOS + noise): ${s.paperParameters.map((p) => `${p.coupling} RCF̄ = ${p.rcfMean.toFixed(6)} (${p.holds ? "holds" : "fails"})`).join("; ")}.`,
  ];
}

export function falsifyMarkdown(hs: readonly FalsifyReportHypothesis[], plotFile: (h: FalsifyReportHypothesis) => string, sensitivity?: { readonly data: FalsifySensitivity; readonly file: string }): string {
  const out = ["# PQMS-V3000 falsification protocol (§6) on the twin", "", `> ${FALSIFY_CAVEAT}`, ""];
  if (hs.length > 0) out.push(...mdTable(TABLE_HEAD, hs.map(rowCells)), "");
  for (const h of hs) {
    out.push(`## ${h.id} (${h.section})`, "", `> ${h.hypothesis}`, "", `**Criterion:** ${h.criterion}`, "", `**Verdict: ${h.verdict}.** ${h.reason}`, "",
      `**What would test it:** ${h.wouldTest}`, "");
    if ((h.assumptions ?? []).length > 0) out.push("**What the verdict hangs on:**", "", ...mdTable(ASSUMPTION_HEAD, assumptionRows(h)), "");
    out.push(`![${h.id}](${plotFile(h)})`, "", "```", ...h.arithmetic, "```", "", h.replicates > 0 ? `seed ${h.seed}, ${h.replicates} replicates` : "no replicates: a closed-form formula", "");
  }
  if (sensitivity) out.push("## H2 sensitivity", "", ...sensitivityLines(sensitivity.data), "", `![H2 sensitivity](${sensitivity.file})`, "");
  return out.join("\n");
}

export function falsifyHtml(hs: readonly FalsifyReportHypothesis[], svgs: readonly string[], sensitivity?: { readonly data: FalsifySensitivity; readonly svg: string }): string {
  const secs = hs.map((h, i) => `<section><h2>${h.id} <small>(${escapeHtml(h.section)})</small></h2><blockquote>${escapeHtml(h.hypothesis)}</blockquote>
<p><b>Criterion:</b> ${escapeHtml(h.criterion)}</p><p><b>Verdict: ${escapeHtml(h.verdict)}.</b> ${escapeHtml(h.reason)}</p><p><b>What would test it:</b> ${escapeHtml(h.wouldTest)}</p>
${(h.assumptions ?? []).length > 0 ? `<p><b>What the verdict hangs on:</b></p>${htmlTable(ASSUMPTION_HEAD, assumptionRows(h))}` : ""}
<figure>${svgs[i] ?? ""}</figure><pre>${escapeHtml(h.arithmetic.join("\n"))}</pre><p>${h.replicates > 0 ? `seed ${h.seed}, ${h.replicates} replicates` : "no replicates: a closed-form formula"}</p></section>`).join("\n");
  const sens = sensitivity ? `<section><h2>H2 sensitivity</h2>${sensitivityLines(sensitivity.data).map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<figure>${sensitivity.svg}</figure></section>` : "";
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PQMS-V3000 falsification protocol</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:.2em .5em}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}figure{margin:0}svg{max-width:100%;height:auto}.caveat{font-weight:bold}</style></head><body>
<h1>PQMS-V3000 falsification protocol (§6) on the twin</h1>
<p class="caveat">${escapeHtml(FALSIFY_CAVEAT)}</p>
${hs.length > 0 ? htmlTable(TABLE_HEAD, hs.map(rowCells)) : ""}
${secs}
${sens}
</body></html>
`;
}

/** Write `falsify.md` (+ one SVG per hypothesis), `falsify.html` (SVG inline) and `falsify.json` into `outDir`. */
export function writeFalsifyReport(hs: readonly FalsifyReportHypothesis[], outDir: string, sensitivity?: FalsifySensitivity): { md: string; html: string; json: string; plots: string[] } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const svgs = hs.map(hypothesisPlot);
  const plots = hs.map((h, i) => {
    const p = join(dir, `${h.id.toLowerCase()}.svg`);
    writeFileSync(p, svgs[i]!);
    return p;
  });
  let sens: { data: FalsifySensitivity; svg: string; file: string } | undefined;
  if (sensitivity) {
    const svg = sensitivityPlot(sensitivity);
    const file = "h2-sensitivity.svg";
    writeFileSync(join(dir, file), svg);
    plots.push(join(dir, file));
    sens = { data: sensitivity, svg, file };
  }
  const md = join(dir, "falsify.md");
  const html = join(dir, "falsify.html");
  const json = join(dir, "falsify.json");
  writeFileSync(md, falsifyMarkdown(hs, (h) => `${h.id.toLowerCase()}.svg`, sens));
  writeFileSync(html, falsifyHtml(hs, svgs, sens));
  writeFileSync(json, `${JSON.stringify({ caveat: FALSIFY_CAVEAT, hypotheses: hs, ...(sensitivity ? { sensitivity } : {}) }, null, 2)}\n`);
  return { md, html, json, plots };
}

/** Write H2's sweep alone: `h2-sensitivity.{md,html,json,svg}` into `outDir`. */
export function writeSensitivityReport(s: FalsifySensitivity, outDir: string): { md: string; html: string; json: string; svg: string } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const svgText = sensitivityPlot(s);
  const svg = join(dir, "h2-sensitivity.svg");
  const md = join(dir, "h2-sensitivity.md");
  const html = join(dir, "h2-sensitivity.html");
  const json = join(dir, "h2-sensitivity.json");
  writeFileSync(svg, svgText);
  writeFileSync(md, falsifyMarkdown([], () => "", { data: s, file: "h2-sensitivity.svg" }));
  writeFileSync(html, falsifyHtml([], [], { data: s, svg: svgText }));
  writeFileSync(json, `${JSON.stringify({ caveat: FALSIFY_CAVEAT, ...s }, null, 2)}\n`);
  return { md, html, json, svg };
}
