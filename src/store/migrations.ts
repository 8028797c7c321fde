/**
 * The run store's schema as numbered migrations. `PRAGMA user_version` holds the number of the
 * last one applied; `migrate` applies the rest in order, each in its own transaction, so a
 * database is always at exactly one version. Never edit a released migration: add one.
 */
import type Database from "better-sqlite3";
import { PqmsError } from "../errors.js";

/** Migration i (1-based) is `MIGRATIONS[i - 1]`. */
export const MIGRATIONS: readonly string[] = [
  // 1: runs, metric time series, events, checkpoints, artifacts.
  `
  CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    seed          INTEGER NOT NULL,
    code_version  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'failed', 'done')),
    created_at    TEXT NOT NULL,
    finished_at   TEXT,
    fingerprint   TEXT,
    error         TEXT
  );
  CREATE TABLE metrics (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    t_ns   INTEGER NOT NULL,
    value  REAL,
    PRIMARY KEY (run_id, name, t_ns)
  ) WITHOUT ROWID;
  CREATE TABLE events (
    run_id    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    t_ns      INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    data_json TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE checkpoints (
    run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    t_ns       INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    state      BLOB NOT NULL,
    PRIMARY KEY (run_id, t_ns)
  );
  CREATE TABLE artifacts (
    run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    path       TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, name)
  );
  `,
  // 2: progress and liveness of a run (simulated time reached, wall time, the process running it),
  //    and an index for event queries by kind.
  `
  ALTER TABLE runs ADD COLUMN sim_t_ns INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN duration_ns INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN wall_s REAL NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  ALTER TABLE runs ADD COLUMN host TEXT;
  CREATE INDEX events_by_kind ON events (run_id, kind, t_ns);
  `,
  // 3: sweeps: which runs belong to which sweep, at which point and seed. Before this
  //    migration experiments/sweep/store.ts created the two tables ad hoc in v2 databases, with
  //    exactly these columns, hence IF NOT EXISTS: such a database keeps its sweeps. New columns:
  //    the sweep as resolved (base scenario inlined, so `pqms sweep --resume <id>` needs no file)
  //    and the coordinator process (to refuse resuming a sweep that is still being run).
  `
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
  );
  ALTER TABLE sweeps ADD COLUMN spec_json TEXT;
  ALTER TABLE sweeps ADD COLUMN pid INTEGER;
  ALTER TABLE sweeps ADD COLUMN host TEXT;
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Current schema version of a database (0 for an empty one). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Bring `db` up to `target` (default: the latest). Refuses a database newer than this code.
 * @returns the versions applied.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number[] {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) {
    throw new PqmsError(`run store schema version ${from} is newer than this pqms (${SCHEMA_VERSION}); upgrade pqms or use another --db`, "E_STORE", 2);
  }
  const applied: number[] = [];
  for (let v = from + 1; v <= target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v - 1] as string);
      db.pragma(`user_version = ${v}`);
    }).immediate();
    applied.push(v);
  }
  return applied;
}
