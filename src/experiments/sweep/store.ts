/**
 * Sweeps in the run store: which runs belong to which sweep, at which point and seed.
 *
 * Two tables beside the store's own (created here if missing, in the same SQLite file, so a
 * sweep's runs are ordinary runs that `pqms runs`/`pqms report` see):
 *   sweeps(id, name, input_json, points_json, seeds_json, executor, status, created_at, finished_at)
 *   sweep_runs(sweep_id, point, seed, run_id)  — PRIMARY KEY (sweep_id, point, seed)
 * `recordRun` writes a finished run (run row, samples, events, status, fingerprint) and its
 * sweep_runs row in ONE transaction, and does nothing if (sweep, point, seed) is already there:
 * each result is recorded exactly once, whatever the executor delivers.
 */
import { randomBytes } from "node:crypto";
import { NotFoundError } from "../../errors.js";
import type { RunOutput } from "../../sim/executors/index.js";
import type { Scenario } from "../../sim/scenario/index.js";
import type { RunStore } from "../../store/run-store.js";
import type { Sweep, SweepPoint } from "./spec.js";

export type SweepStatus = "running" | "done" | "failed" | "interrupted";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sweeps (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  input_json  TEXT NOT NULL,
  points_json TEXT NOT NULL,
  seeds_json  TEXT NOT NULL,
  executor    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  error       TEXT,
  created_at  TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE IF NOT EXISTS sweep_runs (
  sweep_id TEXT NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
  point    INTEGER NOT NULL,
  seed     INTEGER NOT NULL,
  run_id   TEXT NOT NULL UNIQUE REFERENCES runs(id) ON DELETE CASCADE,
  PRIMARY KEY (sweep_id, point, seed)
);`;

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
}

/** A run of a sweep as stored. */
export interface SweepRunRecord {
  readonly point: number;
  readonly seed: number;
  readonly runId: string;
  readonly fingerprint: string;
}

/** Create the sweep tables if this store has none yet. */
export function ensureSweepTables(store: RunStore): void {
  store.db.exec(SCHEMA);
}

/** Register a sweep (status running) and return its id. */
export function createSweep(store: RunStore, sweep: Sweep, executor: string): string {
  ensureSweepTables(store);
  const id = `sweep-${randomBytes(4).toString("hex")}`;
  store.db.prepare("INSERT INTO sweeps (id, name, input_json, points_json, seeds_json, executor, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)")
    .run(id, sweep.name, JSON.stringify(sweep.input), JSON.stringify(sweep.points), JSON.stringify(sweep.seeds), executor, new Date().toISOString());
  return id;
}

export function setSweepStatus(store: RunStore, id: string, status: SweepStatus, error: string | null = null): void {
  const finished = status === "running" ? null : new Date().toISOString();
  store.db.prepare("UPDATE sweeps SET status = ?, error = ?, finished_at = ? WHERE id = ?").run(status, error, finished, id);
}

/**
 * Store one finished run of a sweep, atomically and at most once.
 * @returns the run id, and whether it was already recorded (then nothing was written).
 */
export function recordRun(store: RunStore, a: { sweepId: string; point: number; seed: number; scenario: Scenario; output: RunOutput; codeVersion: string }): { runId: string; duplicate: boolean } {
  return store.db.transaction(() => {
    const prior = store.db.prepare("SELECT run_id FROM sweep_runs WHERE sweep_id = ? AND point = ? AND seed = ?").get(a.sweepId, a.point, a.seed) as { run_id: string } | undefined;
    if (prior !== undefined) return { runId: prior.run_id, duplicate: true };
    const runId = store.createRun({ scenario: a.scenario, codeVersion: a.codeVersion, durationNs: a.output.tNs });
    store.commitProgress(runId, { samples: a.output.samples, events: a.output.events, simTNs: a.output.tNs, wallS: a.output.wallS });
    store.setStatus(runId, "done", { fingerprint: a.output.fingerprint, pid: null });
    store.db.prepare("INSERT INTO sweep_runs (sweep_id, point, seed, run_id) VALUES (?, ?, ?, ?)").run(a.sweepId, a.point, a.seed, runId);
    return { runId, duplicate: false };
  }).immediate();
}

interface SweepRow {
  id: string; name: string; points_json: string; seeds_json: string; executor: string; status: SweepStatus; error: string | null; created_at: string;
}

/** A sweep by id. */
export function getSweep(store: RunStore, id: string): SweepRecord {
  ensureSweepTables(store);
  const r = store.db.prepare("SELECT * FROM sweeps WHERE id = ?").get(id) as SweepRow | undefined;
  if (r === undefined) throw new NotFoundError("sweep", id, `in ${store.path}`);
  return {
    id: r.id, name: r.name, points: JSON.parse(r.points_json) as SweepPoint[], seeds: JSON.parse(r.seeds_json) as number[],
    executor: r.executor, status: r.status, error: r.error, createdAt: r.created_at,
  };
}

/** The recorded runs of a sweep, by point then seed. */
export function sweepRuns(store: RunStore, id: string): SweepRunRecord[] {
  ensureSweepTables(store);
  return (store.db.prepare(`SELECT s.point, s.seed, s.run_id, r.fingerprint FROM sweep_runs s JOIN runs r ON r.id = s.run_id
    WHERE s.sweep_id = ? ORDER BY s.point, s.seed`).all(id) as Array<{ point: number; seed: number; run_id: string; fingerprint: string }>)
    .map((r) => ({ point: r.point, seed: r.seed, runId: r.run_id, fingerprint: r.fingerprint }));
}

/** Number of sweeps in the store (tests, diagnostics). */
export function sweepCount(store: RunStore): number {
  ensureSweepTables(store);
  return (store.db.prepare("SELECT COUNT(*) AS n FROM sweeps").get() as { n: number }).n;
}
