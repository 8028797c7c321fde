/**
 * Sweeps in the run store: which runs belong to which sweep, at which point and seed.
 *
 * Tables (store/migrations.ts, migration 3), in the same SQLite file as the runs, so a sweep's
 * runs are ordinary runs that `pqms runs`/`pqms report` see:
 *   sweeps(id, name, input_json, points_json, seeds_json, executor, status, error, created_at,
 *          finished_at, spec_json, pid, host)
 *   sweep_runs(sweep_id, point, seed, run_id)  — PRIMARY KEY (sweep_id, point, seed)
 *
 * A run's rows appear with its first checkpoint (`commitSweepProgress`: run row, sweep_runs row,
 * samples, events and checkpoint in ONE transaction) or, without checkpoints, when it ends.
 * `recordRun` writes the rest of a finished run and marks it done in one transaction, and does
 * nothing if (sweep, point, seed) is already done: each result is recorded exactly once,
 * whatever the executor delivers. A killed sweep therefore leaves done runs, runs stored up to a
 * checkpoint, and nothing else: `runSweep` with `resumeId` continues from exactly there.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { NotFoundError, PqmsError } from "../../errors.js";
import type { RunCheckpoint, RunOutput } from "../../sim/executors/index.js";
import { runClock } from "../../sim/run.js";
import type { Scenario } from "../../sim/scenario/index.js";
import type { EncodedState } from "../../sim/state-codec.js";
import type { RunStore } from "../../store/run-store.js";
import type { Sweep, SweepPoint } from "./spec.js";

export type SweepStatus = "running" | "done" | "failed" | "interrupted";

/** A sweep as stored. */
export interface SweepRecord {
  readonly id: string;
  readonly name: string;
  readonly points: readonly SweepPoint[];
  readonly seeds: readonly number[];
  readonly executor: string;
  readonly status: SweepStatus;
  readonly error: string | null;
  readonly createdAt: string;
  /** The sweep with its base inlined (null for sweeps stored before migration 3). */
  readonly spec: Record<string, unknown> | null;
  /** The input as given. */
  readonly input: unknown;
  /** The coordinator process that last ran it (null before migration 3). */
  readonly pid: number | null;
  readonly host: string | null;
}

/** A done run of a sweep as stored. */
export interface SweepRunRecord {
  readonly point: number;
  readonly seed: number;
  readonly runId: string;
  readonly fingerprint: string;
}

/** Where one (point, seed) of a sweep stands in the store. */
export interface SweepRunState {
  /** Its run, once anything of it is stored. */
  readonly runId?: string;
  readonly done: boolean;
  /** Its latest checkpoint (sim/state-codec bytes as stored) if it is stored part way… */
  readonly resume?: EncodedState;
  /** … and the simulated time of that checkpoint, ns. */
  readonly resumeTNs?: number;
}

/** Identifies one run of a sweep and what its run row is created with. */
export interface SweepRunRef {
  readonly sweepId: string;
  readonly point: number;
  readonly seed: number;
  readonly scenario: Scenario;
  readonly codeVersion: string;
}

/** Register a sweep (status running) and return its id. */
export function createSweep(store: RunStore, sweep: Sweep, executor: string): string {
  const id = `sweep-${randomBytes(4).toString("hex")}`;
  store.db.prepare(`INSERT INTO sweeps (id, name, input_json, points_json, seeds_json, executor, status, created_at, spec_json, pid, host)
    VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`)
    .run(id, sweep.name, JSON.stringify(sweep.input), JSON.stringify(sweep.points), JSON.stringify(sweep.seeds), executor, new Date().toISOString(),
      JSON.stringify(sweep.spec), process.pid, hostname());
  return id;
}

/** Is the process that last ran this sweep alive (on this host), or unknowable (another host)? */
function coordinatorMayBeAlive(s: SweepRecord): boolean {
  if (s.status !== "running" || s.pid === null || s.pid === process.pid) return false;
  if (s.host !== hostname()) return true;
  try {
    process.kill(s.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Take over a stored sweep to continue it: checks that `sweep` is the stored one (same points
 * and seeds, and the same resolved spec where one is stored) and that no live coordinator is
 * still running it (unless `force`), then marks it running by this process.
 */
export function reopenSweep(store: RunStore, id: string, sweep: Sweep, executor: string, force = false): void {
  const s = getSweep(store, id);
  const differs = (what: string) => new PqmsError(`sweep ${id} in ${store.path} has other ${what} than the sweep given; resume it without a file (pqms sweep --resume ${id}) or start a new sweep`, "E_INPUT", 2);
  if (JSON.stringify(s.points) !== JSON.stringify(sweep.points)) throw differs("points");
  if (JSON.stringify(s.seeds) !== JSON.stringify(sweep.seeds)) throw differs("seeds");
  if (s.spec !== null && JSON.stringify(s.spec) !== JSON.stringify(sweep.spec)) throw differs("settings (base scenario, set, metrics)");
  if (s.status === "done") throw new PqmsError(`sweep ${id} is already done; nothing to resume`, "E_STATE", 2);
  if (!force && coordinatorMayBeAlive(s)) {
    throw new PqmsError(`sweep ${id} is still running (pid ${s.pid} on ${s.host}); stop it first, or pass --force if that process is gone`, "E_STATE", 2);
  }
  store.db.prepare("UPDATE sweeps SET status = 'running', error = NULL, finished_at = NULL, executor = ?, pid = ?, host = ?, spec_json = COALESCE(spec_json, ?) WHERE id = ?")
    .run(executor, process.pid, hostname(), JSON.stringify(sweep.spec), id);
}

/** Set a sweep's status; a sweep that stops also marks its runs in progress `interrupted`. */
export function setSweepStatus(store: RunStore, id: string, status: SweepStatus, error: string | null = null): void {
  const finished = status === "running" ? null : new Date().toISOString();
  store.db.transaction(() => {
    store.db.prepare("UPDATE sweeps SET status = ?, error = ?, finished_at = ? WHERE id = ?").run(status, error, finished, id);
    if (status !== "running") {
      store.db.prepare("UPDATE runs SET status = 'interrupted', pid = NULL WHERE status = 'running' AND id IN (SELECT run_id FROM sweep_runs WHERE sweep_id = ?)").run(id);
    }
  }).immediate();
}

function runOf(store: RunStore, sweepId: string, point: number, seed: number): { runId: string; status: string; simTNs: number } | undefined {
  const r = store.db.prepare(`SELECT s.run_id, r.status, r.sim_t_ns FROM sweep_runs s JOIN runs r ON r.id = s.run_id
    WHERE s.sweep_id = ? AND s.point = ? AND s.seed = ?`).get(sweepId, point, seed) as { run_id: string; status: string; sim_t_ns: number } | undefined;
  return r === undefined ? undefined : { runId: r.run_id, status: r.status, simTNs: r.sim_t_ns };
}

/** Where (sweep, point, seed) stands: not started, stored up to a checkpoint, or done. */
export function sweepRunState(store: RunStore, sweepId: string, point: number, seed: number): SweepRunState {
  const r = runOf(store, sweepId, point, seed);
  if (r === undefined) return { done: false };
  if (r.status === "done") return { runId: r.runId, done: true };
  const cp = store.latestCheckpoint(r.runId);
  // Checkpoints are committed with the progress up to them, so the latest is where the run stands.
  return cp !== undefined && cp.tNs === r.simTNs ? { runId: r.runId, done: false, resume: cp.state, resumeTNs: cp.tNs } : { runId: r.runId, done: false };
}

/** The run of `ref`, creating its run row and sweep_runs row if there is none (inside a transaction). */
function ensureRun(store: RunStore, ref: SweepRunRef): { runId: string; status: string; simTNs: number } {
  const prior = runOf(store, ref.sweepId, ref.point, ref.seed);
  if (prior !== undefined) return prior;
  const runId = store.createRun({ scenario: ref.scenario, codeVersion: ref.codeVersion, durationNs: runClock(ref.scenario).durationNs });
  store.db.prepare("INSERT INTO sweep_runs (sweep_id, point, seed, run_id) VALUES (?, ?, ?, ?)").run(ref.sweepId, ref.point, ref.seed, runId);
  return { runId, status: "running", simTNs: 0 };
}

/** Drop what a run stored part way (it is being recorded again from its start). */
function clearProgress(store: RunStore, runId: string): void {
  for (const t of ["metrics", "events", "checkpoints"]) store.db.prepare(`DELETE FROM ${t} WHERE run_id = ?`).run(runId);
  store.db.prepare("UPDATE runs SET sim_t_ns = 0 WHERE id = ?").run(runId);
}

/**
 * Make what the stored run holds end at `fromTNs`, where the new output continues: from the
 * start (0) anything stored is dropped; otherwise the store must stand exactly there.
 */
function alignProgress(store: RunStore, run: { runId: string; simTNs: number }, fromTNs: number): void {
  if (fromTNs === 0) {
    if (run.simTNs !== 0 || store.latestCheckpoint(run.runId) !== undefined) clearProgress(store, run.runId);
    return;
  }
  if (run.simTNs !== fromTNs) {
    throw new PqmsError(`run ${run.runId} continues from t = ${fromTNs} ns but the store holds it up to ${run.simTNs} ns`, "E_STATE", 3);
  }
}

/**
 * Commit a checkpoint of a run in progress (and what it recorded since the previous one) in one
 * transaction, creating the run's rows with its first checkpoint.
 * @returns the run id.
 */
export function commitSweepProgress(store: RunStore, ref: SweepRunRef, p: RunCheckpoint, previousTNs: number): string {
  return store.db.transaction(() => {
    const run = ensureRun(store, ref);
    if (run.status === "done") return run.runId; // a late report of a run already recorded
    alignProgress(store, run, previousTNs);
    if (run.status !== "running") store.setStatus(run.runId, "running");
    store.commitProgress(run.runId, { samples: p.samples, events: p.events, checkpoint: p.checkpoint, simTNs: p.tNs, wallS: 0 });
    return run.runId;
  }).immediate();
}

/**
 * Store a finished run of a sweep (what came after `output.fromTNs`), atomically and at most once.
 * @returns the run id, and whether it was already recorded (then nothing was written).
 */
export function recordRun(store: RunStore, a: { sweepId: string; point: number; seed: number; scenario: Scenario; output: RunOutput; codeVersion: string }): { runId: string; duplicate: boolean } {
  return store.db.transaction(() => {
    const run = ensureRun(store, a);
    if (run.status === "done") return { runId: run.runId, duplicate: true };
    alignProgress(store, run, a.output.fromTNs);
    store.commitProgress(run.runId, { samples: a.output.samples, events: a.output.events, simTNs: a.output.tNs, wallS: a.output.wallS });
    store.setStatus(run.runId, "done", { fingerprint: a.output.fingerprint, pid: null });
    return { runId: run.runId, duplicate: false };
  }).immediate();
}

interface SweepRow {
  id: string; name: string; input_json: string; points_json: string; seeds_json: string; executor: string; status: SweepStatus; error: string | null;
  created_at: string; spec_json: string | null; pid: number | null; host: string | null;
}

/** A sweep by id. */
export function getSweep(store: RunStore, id: string): SweepRecord {
  const r = store.db.prepare("SELECT * FROM sweeps WHERE id = ?").get(id) as SweepRow | undefined;
  if (r === undefined) throw new NotFoundError("sweep", id, `in ${store.path}`);
  return {
    id: r.id, name: r.name, points: JSON.parse(r.points_json) as SweepPoint[], seeds: JSON.parse(r.seeds_json) as number[],
    executor: r.executor, status: r.status, error: r.error, createdAt: r.created_at,
    spec: r.spec_json === null ? null : JSON.parse(r.spec_json) as Record<string, unknown>, input: JSON.parse(r.input_json) as unknown, pid: r.pid, host: r.host,
  };
}

/** The done runs of a sweep, by point then seed. */
export function sweepRuns(store: RunStore, id: string): SweepRunRecord[] {
  return (store.db.prepare(`SELECT s.point, s.seed, s.run_id, r.fingerprint FROM sweep_runs s JOIN runs r ON r.id = s.run_id
    WHERE s.sweep_id = ? AND r.status = 'done' ORDER BY s.point, s.seed`).all(id) as Array<{ point: number; seed: number; run_id: string; fingerprint: string }>)
    .map((r) => ({ point: r.point, seed: r.seed, runId: r.run_id, fingerprint: r.fingerprint }));
}

/** Number of sweeps in the store (tests, diagnostics). */
export function sweepCount(store: RunStore): number {
  return (store.db.prepare("SELECT COUNT(*) AS n FROM sweeps").get() as { n: number }).n;
}
