/**
 * The claims audit as a document a reader can follow without running anything: for each claim
 * the paper's words, the inputs, the arithmetic, the paper's value beside ours, and the verdict.
 * Markdown and self-contained HTML (no scripts, no external resources). Structural input types:
 * the report layer does not import the experiments that produce them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { escapeHtml, mdCell } from "./html-escape.js";

export interface AuditReportClaim {
  readonly id: string;
  readonly section: string;
  readonly claim: string;
  readonly inputs: Readonly<Record<string, number | string>>;
  readonly paperValue: number | string;
  readonly recomputed: number | string | null;
  readonly unit: string;
  readonly verdict: string;
  /** "derived" (from `comparison`) or "stated" (with its law or reason). */
  readonly basis: string;
  readonly comparison: { readonly paper: number | string; readonly recomputed: number | string; readonly relation: string; readonly relTol: number; readonly evidence: string } | null;
  readonly factor: number | null;
  readonly law: string | null;
  readonly why: string | null;
  readonly simulation: string | null;
  readonly arithmetic: readonly string[];
  readonly explanation: string;
  /** A run of the twin read beside the arithmetic (its own verdict), or null/absent. */
  readonly twin?: { readonly verdict: string; readonly factor: number | null; readonly simulation: string; readonly arithmetic: readonly string[] } | null;
}

export interface AuditReportInput {
  readonly claims: readonly AuditReportClaim[];
  readonly tally: Readonly<Record<string, number>>;
}

/** A number as a reader expects it: 6 significant digits, exponent form when very large or small. */
export function showValue(v: number | string | null): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  const a = Math.abs(v);
  if (v !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(4);
  return String(Number(v.toPrecision(6)));
}

/** The verdict with its qualifier: factor, law, reason or the run's numbers. */
export function verdictText(c: AuditReportClaim): string {
  const f = c.factor === null ? "" : ` (×${showValue(c.factor)})`;
  if (c.verdict === "inconsistent") return c.factor === null ? "inconsistent (no ratio: dimensions differ)" : `inconsistent${f}`;
  if (c.verdict === "physically impossible") return `physically impossible${f} — ${c.law ?? ""}`;
  if (c.verdict === "untestable in software") return `untestable in software — ${c.why ?? ""}`;
  if (c.verdict === "contradicted by simulation" || c.verdict === "reproduced by simulation") return `${c.verdict}${f} — ${c.simulation ?? ""}`;
  return c.verdict;
}

/** How the verdict came about: the comparison it was derived from, or "stated". */
export function basisText(c: AuditReportClaim): string {
  if (!c.comparison) return "stated (the law or reason above)";
  const k = c.comparison;
  const rel = k.relation === "equal" ? `= paper within ${showValue(k.relTol)} (relative)` : k.relation === "below" ? `≤ paper${k.relTol ? ` × (1 + ${showValue(k.relTol)})` : ""}` : `≥ paper${k.relTol ? ` × (1 − ${showValue(k.relTol)})` : ""}`;
  return `derived from ${k.evidence}: recomputed ${showValue(k.recomputed)} ${rel}, paper ${showValue(k.paper)}`;
}

/** The twin's verdict beside the arithmetic's, with its factor and the run's numbers; null when there is none. */
export function twinText(c: AuditReportClaim): string | null {
  if (!c.twin) return null;
  return `${c.twin.verdict}${c.twin.factor === null ? "" : ` (×${showValue(c.twin.factor)})`} — ${c.twin.simulation}`;
}

/** Short verdict for tables. */
function shortVerdict(c: AuditReportClaim): string {
  return c.factor !== null ? `${c.verdict} ×${showValue(c.factor)}` : c.verdict;
}

function inputsText(c: AuditReportClaim): string {
  const e = Object.entries(c.inputs);
  return e.length === 0 ? "—" : e.map(([k, v]) => `${k} = ${showValue(v)}`).join(", ");
}

export function auditMarkdown(a: AuditReportInput): string {
  const out: string[] = ["# PQMS-V3000 claims audit", "", "Every verdict except \"physically impossible\" and \"untestable in software\" is derived by one comparison of the paper's value with the recomputed one under the stated tolerance (the basis line of each claim).", "", `${a.claims.length} claims. ` + Object.entries(a.tally).map(([k, v]) => `${k}: ${v}`).join(", ") + ".", ""];
  out.push("| id | section | paper | recomputed | unit | verdict |", "| --- | --- | --- | --- | --- | --- |");
  for (const c of a.claims) out.push(`| ${c.id} | ${c.section} | ${mdCell(showValue(c.paperValue))} | ${mdCell(showValue(c.recomputed))} | ${mdCell(c.unit)} | ${mdCell(shortVerdict(c))} |`);
  out.push("");
  for (const c of a.claims) {
    out.push(`## ${c.id} (${c.section})`, "", `> ${c.claim}`, "", `- **inputs:** ${inputsText(c)}`, `- **paper:** ${showValue(c.paperValue)} ${c.unit}`,
      `- **recomputed:** ${showValue(c.recomputed)}`, `- **verdict:** ${verdictText(c)}`, `- **basis:** ${basisText(c)}`, ...(c.twin ? [`- **twin:** ${twinText(c)}`] : []), "", "Arithmetic:", "", "```", ...c.arithmetic, ...(c.twin ? ["— the twin:", ...c.twin.arithmetic] : []), "```", "", c.explanation, "");
  }
  return out.join("\n");
}

const CSS = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}blockquote{border-left:3px solid #999;margin-left:0;padding-left:1em;color:#444}.consistent{color:#185}.inconsistent{color:#b50}.physically{color:#c00;font-weight:bold}.reproduced{color:#15a}.contradicted{color:#b50}.untestable{color:#777}";

function verdictClass(v: string): string {
  return v.split(" ")[0] ?? "";
}

export function auditHtml(a: AuditReportInput): string {
  const rows = a.claims.map((c) => `<tr><td><a href="#${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td>${escapeHtml(c.section)}</td><td>${escapeHtml(showValue(c.paperValue))}</td><td>${escapeHtml(showValue(c.recomputed))}</td><td>${escapeHtml(c.unit)}</td><td class="${verdictClass(c.verdict)}">${escapeHtml(shortVerdict(c))}</td></tr>`).join("\n");
  const sections = a.claims.map((c) => `<section id="${escapeHtml(c.id)}"><h2>${escapeHtml(c.id)} <small>(${escapeHtml(c.section)})</small></h2>
<blockquote>${escapeHtml(c.claim)}</blockquote>
<p><b>Inputs:</b> ${escapeHtml(inputsText(c))}<br><b>Paper:</b> ${escapeHtml(showValue(c.paperValue))} ${escapeHtml(c.unit)}<br><b>Recomputed:</b> ${escapeHtml(showValue(c.recomputed))}<br><b>Verdict:</b> <span class="${verdictClass(c.verdict)}">${escapeHtml(verdictText(c))}</span><br><b>Basis:</b> ${escapeHtml(basisText(c))}${c.twin ? `<br><b>Twin:</b> <span class="${verdictClass(c.twin.verdict)}">${escapeHtml(twinText(c)!)}</span>` : ""}</p>
<pre>${escapeHtml([...c.arithmetic, ...(c.twin ? ["— the twin:", ...c.twin.arithmetic] : [])].join("\n"))}</pre><p>${escapeHtml(c.explanation)}</p></section>`).join("\n");
  const tally = Object.entries(a.tally).map(([k, v]) => `${escapeHtml(k)}: ${v}`).join(", ");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PQMS-V3000 claims audit</title><style>${CSS}</style></head><body>
<h1>PQMS-V3000 claims audit</h1><p>${a.claims.length} claims. ${tally}.</p>
<table><tr><th>id</th><th>section</th><th>paper</th><th>recomputed</th><th>unit</th><th>verdict</th></tr>
${rows}</table>
${sections}
</body></html>
`;
}

/** Write `audit.md`, `audit.html` and `audit.json` into `outDir`; returns their paths. */
export function writeAuditReport(a: AuditReportInput, outDir: string): { md: string; html: string; json: string } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const md = join(dir, "audit.md");
  const html = join(dir, "audit.html");
  const json = join(dir, "audit.json");
  writeFileSync(md, auditMarkdown(a));
  writeFileSync(html, auditHtml(a));
  writeFileSync(json, `${JSON.stringify({ claims: a.claims }, null, 2)}\n`);
  return { md, html, json };
}
