/** The README's "What we found": a short plain summary generated from the audit. */
import type { AuditResult } from "./audit.js";
import type { ClaimResult, VerdictKind } from "./claim.js";

function fmtFactor(f: number | null): string {
  if (f === null) return "no ratio: units differ or one side is zero";
  return f >= 1e4 ? `×${f.toExponential(1)}` : `×${Number(f.toPrecision(3))}`;
}

function line(c: ClaimResult): string {
  let tail = "";
  if (c.verdict === "inconsistent" || c.verdict === "contradicted by simulation") tail = ` (${fmtFactor(c.factor)})`;
  else if (c.verdict === "physically impossible") tail = ` (${c.law?.split(":")[0]}${c.factor !== null ? `; ${fmtFactor(c.factor)}` : ""})`;
  return `- **${c.section}** ${c.explanation}${tail} \`${c.id}\``;
}

function simLine(c: ClaimResult): string {
  return `- **${c.section}** ${c.simulation ?? ""}. ${c.explanation}${c.factor !== null ? ` (${fmtFactor(c.factor)})` : ""} \`${c.id}\``;
}

/** Markdown from an audit: the tally, then each category with its claims. */
export function whatWeFound(a: AuditResult): string {
  const t = a.tally;
  const pick = (v: VerdictKind) => a.claims.filter((c) => c.verdict === v);
  const derived = a.claims.filter((c) => c.basis === "derived").length;
  const section = (title: string, v: VerdictKind, f: (c: ClaimResult) => string): string[] => {
    const cs = pick(v);
    return cs.length === 0 ? [] : [`**${title}** (${cs.length})`, "", ...cs.map(f), ""];
  };
  return [
    "## What we found",
    "",
    `We recomputed ${a.claims.length} quantitative claims of the paper from CODATA 2018 constants, its own formulas, vendor datasheets and runs of this twin (\`pqms audit\`). ` +
      `${derived} verdicts are derived by one comparison of the paper's value with the recomputed one under a stated tolerance; the others name the law a claim breaks or say why no software can test it. ` +
      `${t["physically impossible"]} are physically impossible, ${t.inconsistent} inconsistent, ${t["contradicted by simulation"]} contradicted by simulation, ` +
      `${t["reproduced by simulation"]} reproduced by simulation (under the assumptions named), ${t.consistent} consistent and ${t["untestable in software"]} untestable in software.`,
    "",
    ...section("Physically impossible", "physically impossible", line),
    ...section("Inconsistent", "inconsistent", line),
    ...section("Contradicted by simulation", "contradicted by simulation", simLine),
    ...section("Reproduced by simulation", "reproduced by simulation", simLine),
    ...section("Untestable in software", "untestable in software", (c) => `- **${c.section}** ${c.why ?? ""} \`${c.id}\``),
    ...section("Consistent", "consistent", line),
    "Every number above, with its inputs and arithmetic, is in `pqms audit --format md`.",
    "",
  ].join("\n");
}

export const WHAT_WE_FOUND_START = "<!-- what-we-found:start -->";
export const WHAT_WE_FOUND_END = "<!-- what-we-found:end -->";

/** `readme` with the text between the what-we-found markers replaced by `body`. */
export function replaceWhatWeFound(readme: string, body: string): string {
  const i = readme.indexOf(WHAT_WE_FOUND_START);
  const j = readme.indexOf(WHAT_WE_FOUND_END);
  if (i < 0 || j < i) throw new Error("README.md has no what-we-found markers");
  return `${readme.slice(0, i + WHAT_WE_FOUND_START.length)}\n${body.trimEnd()}\n${readme.slice(j)}`;
}
