/**
 * End to end through the built executable (`node dist/cli/main.js`; built here if missing — run
 * `npm run build` after changing sources, `npm test` does): a run killed with SIGKILL mid-way and
 * resumed has the fingerprint, metrics and events of an uninterrupted run (ARCHITECTURE.md,
 * "Determinism"; and: kill -9 during a run then resume ⇒ identical fingerprint).
 */
import { describe, it, expect, beforeAll } from "vitest";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { inspectPng } from "../../report/png.js";
import { decodeStateBytes, encodeState, isStateBytes } from "../../sim/state-codec.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const MAIN = join(ROOT, "dist/cli/main.js");

// 300 ticks, a checkpoint every 30: long enough (seconds) to be killed in the middle.
const SCENARIO = `name: kill-test
run: { seed: 11, durationS: 3.0e-7, tickS: 1.0e-9, sampleEveryS: 5.0e-9, checkpointEveryS: 3.0e-8 }
mesh: { nodes: 400, clusterSize: 100, initialSpread: 0.3 }
`;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", env: { ...process.env, ...env }, cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = cli(args);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function dbRow(db: string, sql: string): Record<string, unknown> | undefined {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).get() as Record<string, unknown> | undefined;
  } finally {
    d.close();
  }
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Start a run in a child process and stop it with `signal` once two checkpoints are committed. */
async function startAndStop(dir: string, db: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [MAIN, "run", join(dir, "s.yaml"), "--db", db, "--json", "--no-report"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (b) => (stdout += b));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const committed = () => {
    try {
      return (dbRow(db, "SELECT MAX(sim_t_ns) AS t FROM runs")?.t as number) >= 60;
    } catch {
      return false; // the file exists before its tables do
    }
  };
  await waitFor(committed, "two checkpoints");
  child.kill(signal);
  return { code: await exited, stdout };
}

describe("pqms run / resume / runs / report (built CLI)", () => {
  let dir: string;
  let reference: { runId: string; fingerprint: string };
  const refDb = () => join(dir, "ref.db");

  beforeAll(() => {
    if (!existsSync(MAIN)) execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
    dir = mkdtempSync(join(tmpdir(), "pqms-cli-"));
    writeFileSync(join(dir, "s.yaml"), SCENARIO);
    reference = json(["run", join(dir, "s.yaml"), "--db", refDb(), "--json", "--out", join(dir, "ref-report")]);
  });

  it("a run prints its runId and fingerprint as JSON and saves a done run", () => {
    expect(reference.runId).toMatch(/^run-[0-9a-f]{8}$/);
    expect(reference.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const list = json(["runs", "list", "--json", "--db", refDb()]);
    expect(list.runs).toEqual([expect.objectContaining({ id: reference.runId, status: "done", scenario: "kill-test", seed: 11, fingerprint: reference.fingerprint })]);
  });

  it("the same scenario and seed give the same fingerprint; another seed a different one", () => {
    const db = join(dir, "again.db");
    expect(json(["run", join(dir, "s.yaml"), "--db", db, "--json", "--no-report"]).fingerprint).toBe(reference.fingerprint);
    expect(json(["run", join(dir, "s.yaml"), "--db", db, "--json", "--no-report", "--seed", "12"]).fingerprint).not.toBe(reference.fingerprint);
  });

  it("kill -9 mid-run, then resume ⇒ identical fingerprint, metrics and events", async () => {
    const db = join(dir, "killed.db");
    const { code } = await startAndStop(dir, db, "SIGKILL");
    expect(code).toBeNull(); // killed, not exited
    const killed = dbRow(db, "SELECT id, status, sim_t_ns, duration_ns FROM runs") as { id: string; status: string; sim_t_ns: number; duration_ns: number };
    expect(killed.status).toBe("running");
    expect(killed.sim_t_ns).toBeLessThan(killed.duration_ns); // really stopped in the middle
    expect(json(["runs", "show", killed.id, "--json", "--db", db]).status).toBe("crashed");
    const resumed = json(["resume", killed.id, "--db", db, "--json", "--no-report"]);
    expect(resumed.status).toBe("done");
    expect(resumed.fingerprint).toBe(reference.fingerprint);
    // Not only the hash: the recorded series and events are those of the uninterrupted run.
    expect(cli(["runs", "export", killed.id, "--format", "csv", "--db", db]).stdout).toBe(cli(["runs", "export", reference.runId, "--format", "csv", "--db", refDb()]).stdout);
    const ev = (d: string, id: string) => json(["runs", "export", id, "--format", "json", "--db", d]).events;
    expect(ev(db, killed.id)).toEqual(ev(refDb(), reference.runId));
  });

  it("Ctrl-C checkpoints, marks the run interrupted and exits 130; resume finishes it identically", async () => {
    const db = join(dir, "int.db");
    const { code } = await startAndStop(dir, db, "SIGINT");
    expect(code).toBe(130);
    const row = dbRow(db, "SELECT id, status FROM runs") as { id: string; status: string };
    expect(row.status).toBe("interrupted");
    expect(json(["resume", row.id.slice(0, 8), "--db", db, "--json", "--no-report"]).fingerprint).toBe(reference.fingerprint);
    expect(cli(["resume", row.id, "--db", db]).stderr).toMatch(/already done/);
  });

  it("a store whose checkpoint is in the text format written before binary checkpoints resumes identically; damaged checkpoint bytes are refused without a stack trace", async () => {
    const db = join(dir, "text.db");
    expect((await startAndStop(dir, db, "SIGINT")).code).toBe(130);
    const broken = join(dir, "broken.db");
    copyFileSync(db, broken);
    const rewrite = (file: string, edit: (blob: Buffer) => Buffer) => {
      const d = new Database(file);
      try {
        const row = d.prepare("SELECT run_id, t_ns, state FROM checkpoints ORDER BY t_ns DESC LIMIT 1").get() as { run_id: string; t_ns: number; state: Buffer };
        expect(isStateBytes(row.state)).toBe(true);
        d.prepare("UPDATE checkpoints SET state = ? WHERE run_id = ? AND t_ns = ?").run(edit(row.state), row.run_id, row.t_ns);
        return row.run_id;
      } finally {
        d.close();
      }
    };
    // The old encoder (kept for reading) writes what such a store holds: JSON text as UTF-8.
    const id = rewrite(db, (blob) => Buffer.from(encodeState(decodeStateBytes(blob)), "utf8"));
    expect(json(["resume", id, "--db", db, "--json", "--no-report"]).fingerprint).toBe(reference.fingerprint);
    const brokenId = rewrite(broken, (blob) => { const b = Buffer.from(blob); b[b.length - 100]! ^= 0x40; return b; });
    const r = cli(["resume", brokenId, "--db", broken, "--json", "--no-report"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/checkpoint bytes: checksum .*expected CRC-32 [0-9a-f]{8} \(as written\), got [0-9a-f]{8}/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("report writes PNGs of the expected size and an HTML page holding each plot", () => {
    const out = join(dir, "rep");
    const r = json(["report", reference.runId, "--db", refDb(), "--out", out, "--json"]);
    expect(r.report).toBe(join(out, "report.html"));
    const html = readFileSync(r.report, "utf8");
    for (const p of r.plots as Array<{ name: string; png: string }>) {
      expect(inspectPng(readFileSync(p.png))).toMatchObject({ width: 1000, height: 420 });
      expect(html).toContain(`<figure id="plot-${p.name}">`);
    }
    expect(r.plots.map((p: { name: string }) => p.name)).toEqual(["coherence", "delta-e", "vetoes"]);
    expect(cli(["report", reference.runId, "--db", refDb(), "--out", join(dir, "md"), "--format", "md"]).stdout).toMatch(/report: .*report\.md/);
  });

  it("runs show/diff/rm and PQMS_DB", () => {
    const db = join(dir, "two.db");
    const a = json(["run", join(dir, "s.yaml"), "--db", db, "--json", "--no-report"]);
    const c = JSON.parse(cli(["run", join(dir, "s.yaml"), "--json", "--no-report", "--seed", "5"], { PQMS_DB: db }).stdout);
    const d = json(["runs", "diff", a.runId, c.runId, "--json", "--db", db]);
    expect(d.sameFingerprint).toBe(false);
    expect(d.parameters).toEqual([{ path: "run.seed", a: "11", b: "5" }]);
    expect(json(["runs", "show", a.runId, "--json", "--db", db]).scenarioResolved.mesh.nodes).toBe(400);
    expect(json(["runs", "rm", c.runId, "--json", "--db", db]).removed).toEqual([c.runId]);
    expect(cli(["runs", "show", c.runId, "--db", db]).stderr).toMatch(/run '.*' not found/);
  });

  it("bad input never prints a stack trace", () => {
    for (const args of [["run", "no-such-scenario"], ["run", join(dir, "s.yaml"), "--seed", "-1"], ["runs", "show", "run-zzzz", "--db", refDb()], ["report", "x", "--format", "pdf"]]) {
      const r = cli(args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/^pqms: |error: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "mesh:\n  nodes: -5\n  colour: red\n");
    const r = cli(["run", bad, "--db", join(dir, "bad.db")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mesh.nodes: expected integer in [2, 10000000], got -5");
    expect(r.stderr).toContain("mesh.colour: expected no such key");
  });
});
