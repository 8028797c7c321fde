/**
 * `pqms falsify`: the caveat line opens every output, --json carries the three verdicts and the
 * assumptions, --set moves a verdict past its flip point, and a bad --set exits 2 naming it.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(join(tmpdir(), "pqms-falsify-"));
/** Run the CLI without blocking the test worker's event loop (a blocked loop times out vitest's RPC). */
const pqms = (...args: string[]) => new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
  execFile("npx", ["tsx", "src/cli/main.ts", "falsify", ...args, "--out", out], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
    done({ status: err === null ? 0 : typeof err.code === "number" ? err.code : -1, stdout, stderr });
  });
});

describe("pqms falsify", () => {
  it("all --json: caveat, verdicts from the three, assumptions with flipsAt; --set kappaPerS=0 refutes H2, comparatorClockHz=1e8 refutes H3", async () => {
    const r = await pqms("all", "--json", "--replicates", "3", "--no-search", "--set", "comparatorClockHz=1e8", "--set", "kappaPerS=0");
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.caveat).toMatch(/cannot support a claim about hardware/);
    expect(j.hypotheses.map((h: { id: string; verdict: string }) => [h.id, h.verdict])).toEqual([["H1", "not testable in software"], ["H2", "refuted"], ["H3", "refuted"]]);
    for (const h of j.hypotheses) for (const a of h.assumptions) expect(Object.keys(a)).toEqual(expect.arrayContaining(["name", "value", "unit", "source", "range", "flipsAt"]));
  }, 120_000);
  it("text output opens with the caveat; an unknown --set exits 2 with a one-line message", async () => {
    const t = await pqms("H3", "--replicates", "3", "--no-search");
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout.split("\n")[0]).toMatch(/^A simulation of a paper's own equations/);
    expect(t.stdout).toContain("CONDITIONAL");
    const bad = await pqms("H2", "--set", "kappa=1");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--set kappa: expected an assumption of H2/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
