// `pqms demo` (the first quick-start command): prints the reference cavity beside
// QuTiP's exact values (test/reference/qutip-cavity.json) and agrees with them; bad flags exit 2.
import { describe, it, expect } from "vitest";
import { buildProgram } from "../program.js";
import { reportError } from "../output.js";

async function runCli(args: string[]): Promise<{ out: string; code: number }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => { chunks.push(String(s)); return true; }) as typeof process.stdout.write;
  let code = 0;
  try {
    await buildProgram().parseAsync(["node", "pqms", ...args]);
  } catch (e) {
    code = reportError(e);
  } finally {
    process.stdout.write = write;
  }
  return { out: chunks.join(""), code };
}

describe("pqms demo", () => {
  it("matches QuTiP's exact cavity values (N = 5): mesolve to 1e-8, steady state to 1e-9", async () => {
    const { out, code } = await runCli(["demo", "--n", "5", "--json"]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { rows: Array<{ quantity: string; pqms: number; qutip: number | null }> };
    expect(r.rows).toHaveLength(11);
    for (const row of r.rows) {
      expect(row.qutip).not.toBeNull();
      expect(Math.abs(row.pqms - (row.qutip as number)), row.quantity).toBeLessThan(row.quantity.startsWith("steady") ? 1e-9 : 1e-8);
    }
  });

  it("prints a table and says when no reference exists for N", async () => {
    const { out, code } = await runCli(["demo", "--n", "3"]);
    expect(code).toBe(0);
    expect(out).toMatch(/<n_a>\(t=10\)/);
    expect(out).toMatch(/no reference/);
    expect(out).toMatch(/wall time: mesolve/);
  });

  it("rejects a bad --n with exit code 2", async () => {
    const err: string[] = [];
    const w = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => { err.push(String(s)); return true; }) as typeof process.stderr.write;
    try {
      const { code } = await runCli(["demo", "--n", "1"]);
      expect(code).toBe(2);
    } finally {
      process.stderr.write = w;
    }
    expect(err.join("")).toMatch(/--n/);
  });
});
