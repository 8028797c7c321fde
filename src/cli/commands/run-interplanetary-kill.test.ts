/**
 * The Earth–Mars twin survives kill -9 like every other run: a run of the built CLI killed in the
 * middle, then `pqms resume`, ends at the uninterrupted run's fingerprint with the same recorded
 * series. The window (20 days from 2028-03-05) opens before the 2028 solar conjunction and closes
 * inside it, so the resumed part crosses the gap closing.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";

const ROOT = resolve(import.meta.dirname, "../../..");
const MAIN = join(ROOT, "dist/cli/main.js");
const SCENARIO = join(ROOT, "scenarios/interplanetary.yaml");
const DAY_S = 86_400;
const SETS = [
  "--set", "interplanetary.epoch=2028-03-05T00:00:00Z",
  "--set", `run.durationS=${20 * DAY_S}`,
  "--set", `run.checkpointEveryS=${DAY_S}`,
];

/**
 * The CLI in a child process, awaited (not spawnSync: a run of tens of seconds must not block the
 * test worker's event loop, which the test runner's own messages need).
 */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function json(args: string[]) {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function simTimeNs(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return ((d.prepare("SELECT MAX(sim_t_ns) AS t FROM runs").get() as { t: number | null }).t ?? 0);
    } finally {
      d.close();
    }
  } catch {
    return 0; // the file exists before its tables do
  }
}

describe("pqms run scenarios/interplanetary.yaml (built CLI), killed and resumed", () => {
  let dir: string;
  let reference: { runId: string; fingerprint: string; db: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pqms-ip-kill-"));
    const db = join(dir, "ref.db");
    const r = await json(["run", SCENARIO, ...SETS, "--db", db, "--json", "--no-report"]);
    reference = { runId: r.runId, fingerprint: r.fingerprint, db };
  }, 300_000);

  it("kill -9 after the third checkpoint, then resume ⇒ the uninterrupted fingerprint and series", async () => {
    const db = join(dir, "killed.db");
    const child = spawn(process.execPath, [MAIN, "run", SCENARIO, ...SETS, "--db", db, "--json", "--no-report"], { cwd: ROOT, stdio: ["ignore", "ignore", "ignore"] });
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const t0 = Date.now();
    while (simTimeNs(db) < 3 * DAY_S * 1e9) {
      if (Date.now() - t0 > 240_000) throw new Error("the run committed no third checkpoint within 240 s");
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    expect(await exited).toBeNull(); // killed, not exited
    const d = new Database(db, { readonly: true });
    const killed = d.prepare("SELECT id, status, sim_t_ns, duration_ns FROM runs").get() as { id: string; status: string; sim_t_ns: number; duration_ns: number };
    d.close();
    expect(killed.status).toBe("running");
    expect(killed.sim_t_ns).toBeLessThan(killed.duration_ns);
    const resumed = await json(["resume", killed.id, "--db", db, "--json", "--no-report"]);
    expect(resumed.status).toBe("done");
    expect(resumed.fingerprint).toBe(reference.fingerprint);
    const csv = async (file: string, id: string) => (await cli(["runs", "export", id, "--format", "csv", "--db", file])).stdout;
    expect(await csv(db, killed.id)).toBe(await csv(reference.db, reference.runId));
    // The resumed part crossed the gap closing (solar exclusion from 2028-03-12).
    expect(resumed.interplanetary.linkDown.length).toBeGreaterThan(0);
  }, 600_000);
});
