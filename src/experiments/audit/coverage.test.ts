/**
 * The audit covers every numbered section of the paper that states a number. The paper
 * is read from test/reference/paper.md (a copy of the input, not our output); headings inside
 * fenced code are ignored, and numbered headings inside an appendix belong to that appendix.
 */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CLAIMS } from "./claims/index.js";

const PAPER = fileURLToPath(new URL("../../../test/reference/paper.md", import.meta.url));

/** Section label → its text (headings excluded), for Abstract, §n, §n.m and App. X. */
export function paperSections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  let inCode = false;
  let inAppendix = false;
  for (const line of md.split("\n")) {
    if (line.trimStart().startsWith("```")) { inCode = !inCode; if (current) out.set(current, `${out.get(current) ?? ""}\n${line}`); continue; }
    const h = !inCode ? /^(#{1,4})\s+(.*)$/.exec(line) : null;
    if (h) {
      const title = h[2]!.trim();
      const app = /^appendix\s+([A-Z])\b/i.exec(title);
      const num = /^(\d+(?:\.\d+)?)[.\s]/.exec(title);
      if (app) { inAppendix = true; current = `App. ${app[1]!.toUpperCase()}`; }
      else if (/^abstract/i.test(title)) current = "Abstract";
      else if (num && !inAppendix) current = `§${num[1]!.replace(/\.$/, "")}`;
      else if (num && inAppendix) { /* a numbered part of the appendix: same section */ }
      else if (/^(references|links)/i.test(title)) { current = null; inAppendix = /links/i.test(title) ? false : inAppendix; }
      else if (!inAppendix) current = null;
      if (current && !out.has(current)) out.set(current, "");
      continue;
    }
    if (current) out.set(current, `${out.get(current) ?? ""}\n${line}`);
  }
  return out;
}

describe("audit coverage of the paper", () => {
  const sections = paperSections(readFileSync(PAPER, "utf8"));
  // Generation names (V1000, V3000, V1007-RAD) are names, not stated numbers.
  const statesNumber = (text: string) => /\d/.test(text.replace(/\bV\d+(?:\.\d+)?\b/g, ""));
  const withNumbers = [...sections].filter(([, text]) => statesNumber(text)).map(([k]) => k);

  it("finds the paper's numbered sections (parser sanity)", () => {
    for (const s of ["Abstract", "§1", "§2.1", "§2.2", "§2.3", "§3.1", "§3.2", "§4.1", "§4.2", "§5.1", "§5.2", "§6.1", "§6.2", "§6.3", "§7", "§8", "App. A", "App. B", "App. C", "App. D", "App. F"]) {
      expect(withNumbers).toContain(s);
    }
  });

  it("has at least one claim for every section that states a number", () => {
    const covered = new Set(CLAIMS.map((c) => c.section));
    const missing = withNumbers.filter((s) => !covered.has(s));
    expect(missing).toEqual([]);
  });

  it("has more than 40 claims with unique ids and known sections", () => {
    expect(CLAIMS.length).toBeGreaterThan(40);
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    for (const c of CLAIMS) expect(sections.has(c.section), `${c.id}: ${c.section}`).toBe(true);
  });
});
