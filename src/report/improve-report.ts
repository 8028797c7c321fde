/**
 * "The paper's V3000 and the buildable one": the claim-by-claim comparison `pqms improve` derives,
 * §5.1's table redone, how the conclusion moves across each technology figure's range, and plots.
 * Plain data in, HTML out (this module knows nothing of how the figures were derived).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Change } from "../experiments/improve/improve.js";
import { escapeHtml } from "./html-escape.js";
import { renderLineChart, type LinePanel } from "./plot.js";

export interface ImproveReportRow {
  readonly cells: readonly string[];
}

export interface ImproveReportData {
  readonly changes: readonly Change[];
  /** §5.1's table: header and rows, already formatted. */
  readonly table51: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly note: string };
  /** Each technology figure's range and the conclusion at its ends. */
  readonly ranges: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly hypotheses: readonly { readonly id: string; readonly verdict: string; readonly reason: string }[];
  /** The audit's simulation claims rerun on the buildable parameters, formatted. */
  readonly simulations: readonly (readonly string[])[];
  readonly plots: readonly LinePanel[];
  readonly notes: readonly string[];
}

function show(x: number | string | null): string {
  if (x === null) return "—";
  if (typeof x === "string") return x;
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;
}

export function improveHtml(d: ImproveReportData, svgs: readonly string[]): string {
  const rows = d.changes.map((c) => [
    `${c.claim} (${c.section})`, c.verdict, show(c.paperValue), show(c.achievable), c.unit, show(c.ratio), c.basis,
    c.setBy.length > 0 ? c.setBy.map((s) => `${s.name} = ${typeof s.value === "number" ? show(s.value) : String(s.value)} [${s.source}]`).join("; ") : c.reason ?? "",
  ]);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The paper's V3000 and the buildable one</title><style>body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;font-size:85%}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}figure{margin:1em 0}svg{max-width:100%;height:auto}</style></head><body>
<h1>The paper's V3000 and the buildable one</h1>
${d.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("\n")}
<h2>Claim by claim</h2>
<p>ratio = achievable ÷ the paper's figure. basis: derived (from the technology figures named), zero (nothing physical supplies the term), audit (the law's bound or the paper's corrected arithmetic), none (no number).</p>
${table(["claim", "audit verdict", "paper", "achievable", "unit", "ratio", "basis", "set by / why"], rows)}
<h2>§5.1's table, redone for the buildable system</h2>
${table(d.table51.head, d.table51.rows)}
<p>${escapeHtml(d.table51.note)}</p>
<h2>How the conclusion moves across each technology figure's range</h2>
${table(d.ranges.head, d.ranges.rows)}
<h2>§6's hypotheses on the buildable parameters</h2>
${table(["hypothesis", "verdict", "why"], d.hypotheses.map((h) => [h.id, h.verdict, h.reason]))}
<h2>The audit's simulation claims on the buildable parameters</h2>
${table(["claim", "paper", "twin", "unit", "verdict"], d.simulations)}
<h2>Plots</h2>
${svgs.map((s) => `<figure>${s}</figure>`).join("\n")}
</body></html>
`;
}

/** Write improve.html (plots inline) and one SVG per plot into `outDir`. */
export function writeImproveReport(d: ImproveReportData, outDir: string): { html: string; plots: string[] } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const svgs = d.plots.map((p) => renderLineChart({ ...p, width: 900, height: 420 }).svg);
  const plots = svgs.map((s, i) => {
    const f = join(dir, `improve-plot-${i + 1}.svg`);
    writeFileSync(f, s);
    return f;
  });
  const html = join(dir, "improve.html");
  writeFileSync(html, improveHtml(d, svgs));
  return { html, plots };
}
