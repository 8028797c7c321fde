/**
 * Resumable sweeps (results are recorded exactly once; determinism, ARCHITECTURE.md):
 * a `pqms sweep` child process killed with SIGKILL while some runs are done and others are
 * stored up to a checkpoint is continued with `pqms sweep --resume <id>`; only the missing runs
 * execute, the part-way ones from their checkpoints, and every run ends with the fingerprint,
 * metric series and events of the same run executed uninterrupted on the main thread.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, it, expect, vi } from "vitest";
import { buildProgram } from "../program.js";
import { openStore } from "../../store/run-store.js";
import { executeRun } from "../../sim/executors/index.js";
import { loadSweep } from "../../experiments/sweep/index.js";

const ROOT = resolve(import.meta.dirname, "../../..");

// 2 points × 2 seeds; each run 300 ticks of a 300-node mesh with a checkpoint every 30 ticks
// (seconds per run on one core), so the child can be killed with runs done and runs part way.
const SWEEP = `name: resume-test
base:
  run: { durationS: 3.0e-7, tickS: 1.0e-9, sampleEveryS: 1.0e-8, checkpointEveryS: 3.0e-8 }
  mesh: { nodes: 300, clusterSize: 100, initialSpread: 0.3 }
grid:
  mesh.gammaPerS: [1.0e6, 1.0e8]
seeds: [3, 4]
metrics: [globalRcf]
`;

function dbRows(db: string, sql: string): Array<Record<string, unknown>> {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare(sql).all() as Array<Record<string, unknown>>;
    } finally {
      d.close();
    }
  } catch {
    return []; // the file exists before its tables do
  }
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Run the CLI in this process; returns stdout and stderr. */
async function pqms(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const spyOut = vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const spyErr = vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  try {
    await buildProgram().parseAsync(["node", "pqms", ...args]);
  } finally {
    spyOut.mockRestore();
    spyErr.mockRestore();
  }
  return { stdout: out.join(""), stderr: err.join("") };
}

describe("pqms sweep --resume", () => {
  const dir = mkdtempSync(join(tmpdir(), "pqms-sweep-resume-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "s.yaml");
  writeFileSync(file, SWEEP);
  const db = join(dir, "runs.db");

  it("SIGKILL mid-sweep, then --resume: only missing runs execute, part-way ones from checkpoints; same fingerprints, metrics and events", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "sweep", file, "--workers", "1", "--db", db, "--json", "--no-report"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += b));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_code, signal) => r(signal)));
    // Kill once a run is done and the next one is stored up to a checkpoint, before it ends.
    const midway = () => dbRows(db, "SELECT status, sim_t_ns FROM runs").some((r) => r.status === "done")
      && dbRows(db, "SELECT status, sim_t_ns FROM runs").some((r) => r.status === "running" && (r.sim_t_ns as number) >= 60 && (r.sim_t_ns as number) < 240);
    await waitFor(midway, `a done run and a run part way (child stderr: ${stderr})`);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const killed = dbRows(db, "SELECT r.id, r.status, r.sim_t_ns, s.point, s.seed FROM runs r JOIN sweep_runs s ON s.run_id = r.id");
    const done = killed.filter((r) => r.status === "done");
    const partway = killed.filter((r) => r.status === "running");
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(partway).toHaveLength(1);
    expect(done.length + partway.length).toBeLessThan(4);
    const sweepId = dbRows(db, "SELECT id, status FROM sweeps")[0]?.id as string;
    expect(dbRows(db, "SELECT status FROM sweeps")[0]?.status).toBe("running"); // nobody could mark it

    const resumed = await pqms(["sweep", "--resume", sweepId, "--workers", "2", "--db", db, "--json", "--no-report"]);
    expect(resumed.stderr).toContain(`resuming sweep ${sweepId}: ${done.length} runs done, 1 continue from their last checkpoint, ${3 - done.length} start`);
    const j = JSON.parse(resumed.stdout) as { sweepId: string; status: string; runs: Array<{ point: number; seed: number; runId: string; fingerprint: string }> };
    expect(j.sweepId).toBe(sweepId);
    expect(j.status).toBe("done");
    expect(j.runs.map((r) => [r.point, r.seed])).toEqual([[0, 3], [0, 4], [1, 3], [1, 4]]);
    // Runs done before the kill and the part-way one keep their rows: each (point, seed) once.
    for (const r of [...done, ...partway]) expect(j.runs.find((x) => x.point === r.point && x.seed === r.seed)?.runId).toBe(r.id);

    // The uninterrupted reference: every run executed from the start on this thread.
    const sweep = loadSweep(file);
    const store = openStore(db);
    try {
      expect(store.listRuns()).toHaveLength(4);
      for (const spec of sweep.runs) {
        const ref = executeRun(spec.scenario);
        const got = j.runs.find((r) => r.point === spec.point && r.seed === spec.seed);
        expect(got?.fingerprint).toBe(ref.fingerprint);
        const runId = got?.runId as string;
        expect(store.getRun(runId)).toMatchObject({ status: "done", simTNs: ref.tNs });
        const series = store.metrics(runId).get("globalRcf");
        expect(series?.tNs).toEqual(ref.samples.map((s) => s.tNs));
        expect(series?.value).toEqual(ref.samples.map((s) => s.metrics.globalRcf));
        expect(store.events(runId).map((e) => ({ tNs: e.tNs, kind: e.kind, data: e.data }))).toEqual(ref.events.map((e) => ({ tNs: e.tNs, kind: e.kind, data: e.data })));
      }
    } finally {
      store.close();
    }
    await expect(pqms(["sweep", "--resume", sweepId, "--db", db])).rejects.toThrow(/already done/);
  }, 180_000);

  it("refuses a sweep file that is not the stored sweep, and an unknown id", async () => {
    const other = join(dir, "other.yaml");
    writeFileSync(other, SWEEP.replace("seeds: [3, 4]", "seeds: [3, 5]"));
    const id = dbRows(db, "SELECT id FROM sweeps")[0]?.id as string;
    await expect(pqms(["sweep", other, "--resume", id, "--db", db])).rejects.toThrow(new RegExp(`sweep ${id} .* has other seeds than the sweep given`));
    await expect(pqms(["sweep", "--resume", "sweep-00000000", "--db", db])).rejects.toThrow(/sweep .*sweep-00000000.* not found/);
    await expect(pqms(["sweep", "--resume", "x", "--db", db])).rejects.toThrow(/--resume: expected a sweep id/);
    await expect(pqms(["sweep", "--db", db])).rejects.toThrow(/sweep: expected a sweep file, or --resume/);
  });
});
