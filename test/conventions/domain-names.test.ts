/**
 * A reader has the paper and the code, not the history of how they were built: names, comments,
 * schema text and docs say what a thing is, never which work item added it. This walks the same
 * trees as `grep -rniE '\bissue ?#?[0-9]+|project brief' src docs scenarios README.md` and fails on
 * any match, naming file and line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PROCESS_WORDS = /\bissue ?#?[0-9]+|project brief/i;

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** Every `file:line: text` in `paths` (relative to the repository) that matches `pattern`. */
function matches(paths: readonly string[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of paths.flatMap((p) => files(join(root, p)))) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (pattern.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe("domain names, not work history", () => {
  it("src, docs, scenarios and README.md name no work item", () => {
    expect(matches(["src", "docs", "scenarios", "README.md"], PROCESS_WORDS)).toEqual([]);
  });

  it("nor do the web client, benches, scripts and tests (this file aside)", () => {
    const found = matches(["web/src", "bench", "scripts", "test"], PROCESS_WORDS).filter((m) => !m.startsWith("test/conventions/"));
    expect(found).toEqual([]);
  });

  it("the scan finds a match where there is one (the check can fail)", () => {
    expect(PROCESS_WORDS.test("sections of Issue #5")).toBe(true);
    expect(PROCESS_WORDS.test("from the Project Brief")).toBe(true);
    expect(PROCESS_WORDS.test("the veto issues a reload")).toBe(false);
    expect(matches(["test/conventions"], PROCESS_WORDS).length).toBeGreaterThan(0);
  });
});
