/**
 * `pqms falsify`: the caveat line opens every output, --json carries the three verdicts and the
 * assumptions, --set moves a verdict past its flip point, and a bad --set exits 2 naming it. The H2
 * sensitivity sweep on worker threads stores every point, and --resume on one thread ends with the
 * same result.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
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
  it("H2 --sensitivity --threads 2 stores every point; --resume --threads 1 runs none again and prints the same sweep; --threads 0 exits 2", async () => {
    const grid = ["H2", "--sensitivity", "--nodes", "5", "--seeds", "2", "--residuals", "1e-14,1e-9", "--kappa-over-gamma", "100", "--json"];
    const two = await pqms(...grid, "--threads", "2");
    expect(two.status, two.stderr).toBe(0);
    const a = JSON.parse(two.stdout);
    expect(a.resumed).toBe(0);
    const stored = readFileSync(join(out, "h2-sensitivity.points.jsonl"), "utf8").trim().split("\n");
    expect(stored).toHaveLength(a.points.length);
    const again = await pqms(...grid, "--threads", "1", "--resume");
    expect(again.status, again.stderr).toBe(0);
    const b = JSON.parse(again.stdout);
    expect(b.resumed).toBe(a.points.length);
    expect({ ...b, resumed: 0 }).toEqual(a);
    const bad = await pqms("H2", "--sensitivity", "--threads", "0");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--threads: expected an integer in \[1, 64\]/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
