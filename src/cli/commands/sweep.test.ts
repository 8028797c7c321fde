import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it, expect, vi } from "vitest";
import { buildProgram } from "../program.js";
import { openStore } from "../../store/run-store.js";

describe("pqms sweep", () => {
  const dir = mkdtempSync(join(tmpdir(), "pqms-sweep-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs sweeps/example.yaml on 2 threads; --json lists every point × seed with its stored run", async () => {
    const db = join(dir, "runs.db");
    const out: string[] = [];
    const spyOut = vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
    const spyErr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await buildProgram().parseAsync(["node", "pqms", "sweep", "sweeps/example.yaml", "--workers", "2", "--json", "--db", db, "--out", join(dir, "report")]);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }
    const j = JSON.parse(out.join("")) as { sweepId: string; status: string; runs: Array<{ point: number; seed: number; runId: string; fingerprint: string }> };
    expect(j.sweepId).toMatch(/^sweep-[0-9a-f]{8}$/);
    expect(j.status).toBe("done");
    expect(j.runs.map((r) => [r.point, r.seed])).toEqual([[0, 1], [0, 2], [0, 3], [1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3]]);
    const store = openStore(db);
    for (const r of j.runs) expect(store.getRun(r.runId)).toMatchObject({ status: "done", fingerprint: r.fingerprint, seed: r.seed });
    store.close();
    for (const f of ["summary.md", "globalRcf.svg", "globalRcf.png"]) expect(existsSync(join(dir, "report", f))).toBe(true);
  });

  it("rejects a bad flag or file before anything runs", async () => {
    await expect(buildProgram().parseAsync(["node", "pqms", "sweep", "sweeps/example.yaml", "--workers", "0"])).rejects.toThrow(/--workers: expected an integer in \[1, 256\]/);
    await expect(buildProgram().parseAsync(["node", "pqms", "sweep", "sweeps/example.yaml", "--queue", "localhost:6379", "--db", join(dir, "x.db")])).rejects.toThrow(/--queue: expected a URL redis:\/\/host:port/);
    await expect(buildProgram().parseAsync(["node", "pqms", "sweep", join(dir, "missing.yaml")])).rejects.toThrow(/sweep file .* not found/);
    expect(existsSync(join(dir, "x.db"))).toBe(false);
  });
});
