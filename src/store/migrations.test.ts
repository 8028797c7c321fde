/**
 * Migration 3 (sweep tables) on the databases that exist in the field: a v2 store that
 * holds runs, and a v2 store in which the pre-migration code created `sweeps`/`sweep_runs` ad
 * hoc. Nothing stored may be lost, and the result must be the schema a fresh store gets.
 */
import Database from "better-sqlite3";
import { describe, it, expect } from "vitest";
import { migrate, schemaVersion } from "./migrations.js";

/** The tables exactly as experiments/sweep/store.ts created them before migration 3 (commit 01acdb4). */
const AD_HOC_SWEEP_SCHEMA = `
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

/** A v2 database with two runs, their metrics, events, a checkpoint and an artifact. */
function v2WithRuns(): Database.Database {
  const db = new Database(":memory:");
  expect(migrate(db, 2)).toEqual([1, 2]);
  const ins = db.prepare(`INSERT INTO runs (id, name, scenario_json, seed, code_version, status, created_at, fingerprint, sim_t_ns, duration_ns, wall_s)
    VALUES (?, 'x', '{"run":{"seed":1}}', ?, '0.1.0', ?, '2024-01-01T00:00:00.000Z', ?, ?, 300, 1.5)`);
  ins.run("run-00000001", 1, "done", "fp-1", 300);
  ins.run("run-00000002", 2, "interrupted", null, 60);
  db.prepare("INSERT INTO metrics VALUES ('run-00000001', 'globalRcf', 5, 0.5), ('run-00000001', 'globalRcf', 10, 0.75)").run();
  db.prepare(`INSERT INTO events VALUES ('run-00000001', 0, 7, 'veto', '{"node":3}')`).run();
  db.prepare("INSERT INTO checkpoints VALUES ('run-00000002', 60, '2024-01-01T00:00:01.000Z', x'7b7d')").run();
  db.prepare("INSERT INTO artifacts VALUES ('run-00000001', 'report.html', 'text/html', '/tmp/r.html', '2024-01-01T00:00:02.000Z')").run();
  return db;
}

function dump(db: Database.Database, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

const SWEEP_COLUMNS = ["id", "name", "input_json", "points_json", "seeds_json", "executor", "status", "error", "created_at", "finished_at", "spec_json", "pid", "host"];

describe("migration 3: sweep tables", () => {
  it("a v2 store with runs gains the sweep tables and keeps every run, metric, event, checkpoint and artifact", () => {
    const db = v2WithRuns();
    const before = ["runs", "metrics", "events", "checkpoints", "artifacts"].map((t) => dump(db, t));
    expect(migrate(db)).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(["runs", "metrics", "events", "checkpoints", "artifacts"].map((t) => dump(db, t))).toEqual(before);
    expect(columns(db, "sweeps")).toEqual(SWEEP_COLUMNS);
    expect(columns(db, "sweep_runs")).toEqual(["sweep_id", "point", "seed", "run_id"]);
    expect(migrate(db)).toEqual([]); // idempotent
  });

  it("a v2 store whose sweep tables the old code created ad hoc keeps its sweeps (new columns null)", () => {
    const db = v2WithRuns();
    db.exec(AD_HOC_SWEEP_SCHEMA);
    db.prepare(`INSERT INTO sweeps VALUES ('sweep-0000000a', 'old', '{"name":"old"}', '[{"index":0,"params":{}}]', '[1,2]', 'local pool of 2 threads', 'done', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:01:00.000Z')`).run();
    db.prepare("INSERT INTO sweep_runs VALUES ('sweep-0000000a', 0, 1, 'run-00000001'), ('sweep-0000000a', 0, 2, 'run-00000002')").run();
    const runs = dump(db, "runs");
    const links = dump(db, "sweep_runs");
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db)).toEqual([3]);
    expect(dump(db, "runs")).toEqual(runs);
    expect(dump(db, "sweep_runs")).toEqual(links);
    expect(columns(db, "sweeps")).toEqual(SWEEP_COLUMNS);
    expect(db.prepare("SELECT id, name, status, spec_json, pid, host FROM sweeps").all()).toEqual([
      { id: "sweep-0000000a", name: "old", status: "done", spec_json: null, pid: null, host: null },
    ]);
    // The constraints still hold after the migration.
    db.pragma("foreign_keys = ON");
    expect(() => db.prepare("INSERT INTO sweep_runs VALUES ('sweep-0000000a', 0, 1, 'run-00000002')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("INSERT INTO sweep_runs VALUES ('sweep-0000000a', 1, 1, 'run-missing')").run()).toThrow(/FOREIGN KEY/);
  });

  it("a fresh store gets the same sweep tables as a migrated one", () => {
    const fresh = new Database(":memory:");
    migrate(fresh);
    const migrated = v2WithRuns();
    migrated.exec(AD_HOC_SWEEP_SCHEMA);
    migrate(migrated);
    for (const t of ["sweeps", "sweep_runs"]) expect(columns(fresh, t)).toEqual(columns(migrated, t));
  });
});
