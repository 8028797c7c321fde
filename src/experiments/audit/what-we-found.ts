/** The README's "What we found": a short plain summary generated from the audit. */
import type { AuditResult } from "./audit.js";
import type { ClaimResult } from "./claim.js";

function fmtFactor(f: number | null): string {
  if (f === null) return "units differ";
  return f >= 1e4 ? `×${f.toExponential(1)}` : `×${Number(f.toPrecision(3))}`;
}

function line(c: ClaimResult): string {
  const tail = c.verdict === "inconsistent" ? ` (${fmtFactor(c.factor)})` : c.verdict === "physically impossible" ? ` (${c.law?.split(":")[0]})` : "";
  return `- **${c.section}** ${c.explanation}${tail} \`${c.id}\``;
}

/** Short Markdown from an audit: the tally, then the impossible and inconsistent claims, then the simulations. */
export function whatWeFound(a: AuditResult): string {
  const t = a.tally;
  const pick = (v: ClaimResult["verdict"]) => a.claims.filter((c) => c.verdict === v);
  return [
    "## What we found",
    "",
    `We recomputed ${a.claims.length} quantitative claims of the paper from CODATA 2018 constants, its own formulas and runs of this twin (\`pqms audit\`). ` +
      `${t.consistent} are consistent, ${t.inconsistent} inconsistent, ${t["physically impossible"]} physically impossible, ` +
      `${t["testable by simulation"]} were tested by simulation and ${t["untestable in software"]} cannot be tested in software.`,
    "",
    "**Physically impossible**",
    "",
    ...pick("physically impossible").map(line),
    "",
    "**Inconsistent** (factor between the paper and the recomputation)",
    "",
    ...pick("inconsistent").map(line),
    "",
    "**Tested by simulation**",
    "",
    ...pick("testable by simulation").map((c) => `- **${c.section}** ${c.simulation ?? ""} \`${c.id}\``),
    "",
    "Every number above, with its arithmetic, is in `pqms audit --format md`.",
    "",
  ].join("\n");
}
