/**
 * The falsification protocol's report: each hypothesis of §6 with its criterion, the replicate
 * values, the t-test, the verdict and its reason, and a plot of the measured quantity's
 * distribution (sorted replicates, i.e. the empirical quantile function) against the criterion.
 * Markdown (plots as SVG files beside it) and self-contained HTML (SVG inline).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderLineChart, type LineSeries } from "./plot.js";
import { escapeHtml } from "./html-escape.js";

/** One hypothesis of the falsification protocol as reported (experiments/falsify narrows id and verdict). */
export interface FalsifyReportHypothesis {
  readonly id: string;
  readonly section: string;
  readonly hypothesis: string;
  readonly criterion: string;
  /** The replicate values of the primary measured quantity, in `unit`. */
  readonly measured: readonly number[];
  readonly measuredMean: number;
  readonly unit: string;
  readonly ci95: { readonly lower: number; readonly upper: number };
  /** The statistic named by the paper, with its value. */
  readonly statistic: { readonly name: string; readonly value: number; readonly df: number };
  readonly pValue: number;
  readonly replicates: number;
  readonly seed: number;
  readonly verdict: string;
  readonly reason: string;
  /** What would test the claim where software cannot. */
  readonly wouldTest: string;
  /** The threshold drawn in the plot. */
  readonly criterionValue: number;
  readonly arithmetic: readonly string[];
  /** Optional comparison sample drawn beside the measured one (H2's null). */
  readonly nullSample?: readonly number[];
  /** Optional second reading (H3's clocked latencies). */
  readonly clockedLatency?: readonly number[];
}

/** Sorted values against their plotting positions (i + ½)/n. */
function quantileSeries(name: string, xs: readonly number[]): LineSeries {
  const y = [...xs].sort((a, b) => a - b);
  return { name, x: y.map((_, i) => (i + 0.5) / y.length), y };
}

/** SVG of the hypothesis' distribution against its criterion. */
export function hypothesisPlot(h: FalsifyReportHypothesis): string {
  const series: LineSeries[] = [quantileSeries(`measured (${h.replicates} replicates)`, h.measured)];
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

export function falsifyMarkdown(hs: readonly FalsifyReportHypothesis[], plotFile: (h: FalsifyReportHypothesis) => string): string {
  const out = ["# PQMS-V3000 falsification protocol (§6) on the twin", "", "| id | criterion | mean | 95 % CI | statistic | p | n | verdict |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const h of hs) out.push(`| ${h.id} | ${h.criterion} | ${fmt(h.measuredMean)} ${h.unit} | ${fmt(h.ci95.lower)}–${fmt(h.ci95.upper)} | ${h.statistic.name} = ${fmt(h.statistic.value)} (df ${fmt(h.statistic.df)}) | ${h.pValue.toExponential(2)} | ${h.replicates} | ${h.verdict} |`);
  out.push("");
  for (const h of hs) {
    out.push(`## ${h.id} (${h.section})`, "", `> ${h.hypothesis}`, "", `**Criterion:** ${h.criterion}`, "", `**Verdict: ${h.verdict}.** ${h.reason}`, "",
      `**What would test it:** ${h.wouldTest}`, "", `![${h.id} distribution](${plotFile(h)})`, "", "```", ...h.arithmetic, "```", "", `seed ${h.seed}, ${h.replicates} replicates`, "");
  }
  return out.join("\n");
}

export function falsifyHtml(hs: readonly FalsifyReportHypothesis[], svgs: readonly string[]): string {
  const rows = hs.map((h) => `<tr><td>${h.id}</td><td>${escapeHtml(h.criterion)}</td><td>${escapeHtml(fmt(h.measuredMean))} ${escapeHtml(h.unit)}</td><td>${escapeHtml(`${fmt(h.ci95.lower)}–${fmt(h.ci95.upper)}`)}</td><td>${escapeHtml(`${h.statistic.name} = ${fmt(h.statistic.value)}`)}</td><td>${h.pValue.toExponential(2)}</td><td>${h.replicates}</td><td><b>${escapeHtml(h.verdict)}</b></td></tr>`).join("\n");
  const secs = hs.map((h, i) => `<section><h2>${h.id} <small>(${escapeHtml(h.section)})</small></h2><blockquote>${escapeHtml(h.hypothesis)}</blockquote>
<p><b>Criterion:</b> ${escapeHtml(h.criterion)}</p><p><b>Verdict: ${escapeHtml(h.verdict)}.</b> ${escapeHtml(h.reason)}</p><p><b>What would test it:</b> ${escapeHtml(h.wouldTest)}</p>
<figure>${svgs[i] ?? ""}</figure><pre>${escapeHtml(h.arithmetic.join("\n"))}</pre><p>seed ${h.seed}, ${h.replicates} replicates</p></section>`).join("\n");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PQMS-V3000 falsification protocol</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:.2em .5em}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}figure{margin:0}svg{max-width:100%;height:auto}</style></head><body>
<h1>PQMS-V3000 falsification protocol (§6) on the twin</h1>
<table><tr><th>id</th><th>criterion</th><th>mean</th><th>95 % CI</th><th>statistic</th><th>p</th><th>n</th><th>verdict</th></tr>
${rows}</table>
${secs}
</body></html>
`;
}

/** Write `falsify.md` (+ one SVG per hypothesis), `falsify.html` (SVG inline) and `falsify.json` into `outDir`. */
export function writeFalsifyReport(hs: readonly FalsifyReportHypothesis[], outDir: string): { md: string; html: string; json: string; plots: string[] } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const svgs = hs.map(hypothesisPlot);
  const plots = hs.map((h, i) => {
    const p = join(dir, `${h.id.toLowerCase()}.svg`);
    writeFileSync(p, svgs[i]!);
    return p;
  });
  const md = join(dir, "falsify.md");
  const html = join(dir, "falsify.html");
  const json = join(dir, "falsify.json");
  writeFileSync(md, falsifyMarkdown(hs, (h) => `${h.id.toLowerCase()}.svg`));
  writeFileSync(html, falsifyHtml(hs, svgs));
  writeFileSync(json, `${JSON.stringify({ hypotheses: hs }, null, 2)}\n`);
  return { md, html, json, plots };
}
