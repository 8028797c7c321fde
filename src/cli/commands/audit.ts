/** `pqms audit`: every quantitative claim of the paper recomputed, with verdicts and reports. */
import type { Command } from "commander";
import { runAudit, type ClaimResult } from "../../experiments/audit/index.js";
import { auditHtml, auditMarkdown, showValue, writeAuditReport } from "../../report/audit-report.js";
import { choiceFlag } from "../options.js";
import { printJson } from "../output.js";

interface AuditFlags {
  format: "table" | "md" | "html" | "json";
  out: string;
  quick?: boolean;
}

function tableLine(c: ClaimResult): string {
  const twin = c.twin === null ? "" : `; twin: ${c.twin.verdict}${c.twin.factor !== null ? ` ×${showValue(c.twin.factor)}` : ""}`;
  const v = `${c.factor !== null ? `${c.verdict} ×${showValue(c.factor)}` : c.verdict}${twin}`;
  return `${c.id.padEnd(28)} ${c.section.padEnd(9)} ${showValue(c.paperValue).slice(0, 22).padEnd(23)} ${showValue(c.recomputed).slice(0, 22).padEnd(23)} ${v}`;
}

export function registerAudit(program: Command): void {
  program
    .command("audit")
    .description("recompute every quantitative claim of the paper (CODATA 2018, the paper's formulas, runs of the twin) and judge it")
    .option("--format <f>", "table | md | html | json (printed on stdout)", choiceFlag("--format", ["table", "md", "html", "json"] as const), "table")
    .option("--out <dir>", "directory for audit.md, audit.html and audit.json", "./pqms-out/audit")
    .option("--quick", "skip the claims that run the twin")
    .action((f: AuditFlags) => {
      const a = runAudit(undefined, { quick: f.quick === true });
      const paths = writeAuditReport(a, f.out);
      if (f.format === "json") return printJson({ claims: a.claims.map(({ id, section, claim, inputs, paperValue, recomputed, unit, verdict, basis, comparison, factor, law, why, simulation, arithmetic, explanation, twin }) => ({ id, section, claim, inputs, paperValue, recomputed, unit, verdict, basis, comparison, explanation, factor, law, why, simulation, arithmetic, twin })), tally: a.tally });
      if (f.format === "md") return void process.stdout.write(auditMarkdown(a));
      if (f.format === "html") return void process.stdout.write(auditHtml(a));
      process.stdout.write(`${"id".padEnd(28)} ${"section".padEnd(9)} ${"paper".padEnd(23)} ${"recomputed".padEnd(23)} verdict\n`);
      for (const c of a.claims) process.stdout.write(`${tableLine(c)}\n`);
      process.stdout.write(`\n${a.claims.length} claims: ${Object.entries(a.tally).map(([k, v]) => `${k} ${v}`).join(", ")}\nreport: ${paths.md}, ${paths.html}\n`);
    });
}
