/**
 * What the user reads is what the code gives now: the README's "What we found" and the values
 * docs/MODEL.md quotes (`<!--v:key-->…<!--/v-->`) equal what `npm run readme` would write, and every
 * claim id cited in the docs, the README or the audit's own texts names a claim that exists.
 */
import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { docValues, fillDocValues, markedValues, replaceWhatWeFound, runAudit, whatWeFound, CLAIMS } from "./index.js";

const root = new URL("../../../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");
const audit = runAudit();

/** Claim-id-shaped tokens: abs-…, s<digits>-…, a-… … f-… (a word after the prefix; not file names). */
const ID = /(?<![\w./-])(?:abs|s\d{1,2}|[abcdf])-[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w.-]*\.(?:ts|md|json|py)\b)(?![\w-])/g;

/** Backticked spans of Markdown. */
function backticked(md: string): string[] {
  return [...md.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

describe("README and docs/MODEL.md quote the code's current output", () => {
  it("the README's What we found is what the generator writes now (npm run readme)", () => {
    const readme = read("README.md");
    expect(replaceWhatWeFound(readme, whatWeFound(audit))).toBe(readme);
  });
  it("every value docs/MODEL.md marks is the computed one, and it marks some", () => {
    const model = read("docs/MODEL.md");
    const values = docValues(audit);
    const marks = markedValues(model);
    expect(marks.length).toBeGreaterThan(10);
    for (const m of marks) expect(m.shown, m.key).toBe(values[m.key]);
    expect(fillDocValues(model, values)).toBe(model);
  });
});

describe("claim ids cited anywhere exist", () => {
  const ids = new Set(CLAIMS.map((c) => c.id));
  const cited = (text: string) => [...text.matchAll(ID)].map((m) => m[0]);
  it("the pattern finds ids and skips file names", () => {
    expect(cited("see s31-zpe-harvester and `s22-p-total`; c-row.ts is a file")).toEqual(["s31-zpe-harvester", "s22-p-total"]);
  });
  it("in the audit's own explanations, arithmetic, laws and reasons", () => {
    for (const c of audit.claims) {
      for (const ref of cited([c.explanation, ...c.arithmetic, c.law ?? "", c.why ?? "", c.simulation ?? ""].join("\n"))) expect(ids.has(ref), `${c.id} cites ${ref}`).toBe(true);
    }
  });
  it("in backticks in the README and docs/*.md", () => {
    const files = ["README.md", ...readdirSync(new URL("docs/", root)).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
    for (const f of files) {
      for (const span of backticked(read(f))) for (const ref of cited(span)) expect(ids.has(ref), `${f} cites ${ref}`).toBe(true);
    }
  });
  it("in the audit's source comments", () => {
    const dir = new URL("src/experiments/audit/claims/", root);
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts") && !x.endsWith(".test.ts"))) {
      const text = readFileSync(new URL(f, dir), "utf8");
      const comments = [...text.matchAll(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm)].map((m) => m[0]).join("\n");
      for (const ref of cited(comments)) expect(ids.has(ref), `${f} cites ${ref}`).toBe(true);
    }
  });
  it("anywhere in src/ and docs/: every abs-… and s<n>-… id (the unambiguous prefixes)", () => {
    const walk = (dir: URL): URL[] => readdirSync(dir).flatMap((f) => {
      const u = new URL(f, dir);
      return statSync(u).isDirectory() ? walk(new URL(`${f}/`, dir)) : /\.(ts|md)$/.test(f) && !f.endsWith("docs.test.ts") ? [u] : [];
    });
    for (const u of [...walk(new URL("src/", root)), ...walk(new URL("docs/", root)), new URL("README.md", root)]) {
      for (const ref of cited(readFileSync(u, "utf8")).filter((x) => /^(abs|s\d)/.test(x))) expect(ids.has(ref), `${u.pathname} cites ${ref}`).toBe(true);
    }
  });
});
