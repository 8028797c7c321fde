/**
 * The embedded run store: one SQLite file (better-sqlite3, WAL) holding every run's resolved
 * scenario, seed, code version, status, timings, fingerprint, metric series, events,
 * checkpoints and artifacts.
 *
 * Consistency: a run's progress (samples, events, checkpoint, simulated time reached) is written
 * in ONE transaction, so a reader on another connection sees a run either before or after a
 * checkpoint, never in between; a crash loses only what came after the last checkpoint, and a
 * resume continues from exactly there. The path is resolved by the caller (CLI: --db, PQMS_DB).
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { InputError, NotFoundError, PqmsError, StoreError } from "../errors.js";
import type { Scenario } from "../sim/scenario/index.js";
import type { Sample } from "../sim/run.js";
import type { ModelEvent } from "../sim/model.js";
import type { EncodedState } from "../sim/state-codec.js";
import { migrate, schemaVersion, SCHEMA_VERSION } from "./migrations.js";
import { asStoreError, guardConnection, storeProblemMessage } from "./store-guard.js";

/** The tables a pqms store may hold; a database with others and no schema version is someone else's. */
const STORE_TABLES = new Set(["runs", "metrics", "events", "checkpoints", "artifacts", "sweeps", "sweep_runs"]);

/** Refuse an SQLite database that is not ours (tables of its own, no pqms schema version). */
function checkIsPqmsStore(db: Database.Database, path: string, version: number): void {
  if (version > 0) return;
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name);
  const foreign = names.filter((n) => !STORE_TABLES.has(n));
  if (foreign.length > 0) throw new StoreError(path, "not-a-store", storeProblemMessage(path, "not-a-store", `an SQLite database with other tables: ${foreign.slice(0, 5).join(", ")}`));
}

/** Largest store read into memory when it cannot be opened in place, bytes. */
const IMAGE_MAX_BYTES = 1 << 30;

/** Does a write-ahead log with commits not yet in the main file lie beside `path`? */
function hasPendingWal(path: string): boolean {
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
}

/** The store file as bytes, marked as a rollback-journal database (the WAL flag, header bytes 18–19, needs files beside it). */
function readImage(path: string): Buffer {
  const size = statSync(path).size;
  if (size > IMAGE_MAX_BYTES) throw new StoreError(path, "not-writable", storeProblemMessage(path, "not-writable", `its directory cannot be written and it is too large (${size} bytes) to read into memory`));
  const image = readFileSync(path);
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
  return image;
}

/** Create the store's directory (level by level: a recursive mkdir never returns under /proc). */
function prepareDirectory(path: string): void {
  const dir = dirname(path);
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  try {
    for (const d of missing) mkdirSync(d);
    if (!statSync(dir).isDirectory()) throw new Error(`'${dir}' is not a directory`);
  } catch (e) {
    throw new StoreError(path, "not-writable", storeProblemMessage(path, "not-writable", `cannot create its directory: ${(e as Error).message}`));
  }
}

/** SQLite page size of a store created by this code, bytes (SQLite's largest). */
export const NEW_STORE_PAGE_BYTES = 65_536;

/** Where the store lives unless --db or PQMS_DB say otherwise. */
export const DEFAULT_DB_PATH = "./.pqms/runs.db";

export type RunStatus = "running" | "interrupted" | "failed" | "done";

/** One run as stored. */
export interface RunRecord {
  readonly id: string;
  readonly name: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly codeVersion: string;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly fingerprint: string | null;
  readonly error: string | null;
  /** Simulated time reached at the last commit, ns. */
  readonly simTNs: number;
  readonly durationNs: number;
  /** Wall-clock seconds spent running (summed over resumes). */
  readonly wallS: number;
  readonly pid: number | null;
  readonly host: string | null;
}

/** An event as stored, with its per-run sequence number. */
export interface StoredEvent extends ModelEvent {
  readonly seq: number;
}

/** A file produced from a run (plot, report). */
export interface Artifact {
  readonly name: string;
  readonly mediaType: string;
  readonly path: string | null;
  readonly createdAt: string;
}

/** What one progress commit writes (all or nothing). */
export interface Progress {
  readonly samples: readonly Sample[];
  readonly events: readonly ModelEvent[];
  /**
   * Encoded checkpoint (sim/state-codec: binary bytes, stored as they are; a string of the text
   * format is stored as its UTF-8) at `simTNs`, if one is due.
   */
  readonly checkpoint?: EncodedState;
  readonly simTNs: number;
  /** Wall seconds to add to the run's total. */
  readonly wallS: number;
}

interface RunRow {
  id: string; name: string; scenario_json: string; seed: number; code_version: string; status: RunStatus;
  created_at: string; finished_at: string | null; fingerprint: string | null; error: string | null;
  sim_t_ns: number; duration_ns: number; wall_s: number; pid: number | null; host: string | null;
}

/**
 * Event fields by their old names, per kind: a leader failover's duration was `seconds` (a unit,
 * not a quantity) and is `failoverS`. Runs stored before keep their events readable.
 */
const EVENT_FIELD_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = { leaderFailover: { seconds: "failoverS" } };

/** A stored event's data with any old field name replaced by today's. */
export function eventData(kind: string, data: Record<string, number>): Record<string, number> {
  const aliases = EVENT_FIELD_ALIASES[kind];
  if (aliases === undefined) return data;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(data)) out[aliases[k] ?? k] = v;
  return out;
}

/** Checkpoints kept per run (older ones are dropped in the same transaction). */
const CHECKPOINTS_KEPT = 2;

/** A checkpoint as the BLOB it is stored as: bytes as they are (no copy), text as its UTF-8. */
function asBlob(e: EncodedState): Buffer {
  return typeof e === "string" ? Buffer.from(e, "utf8") : Buffer.from(e.buffer, e.byteOffset, e.byteLength);
}

function toRecord(r: RunRow): RunRecord {
  return {
    id: r.id, name: r.name, scenario: JSON.parse(r.scenario_json) as Scenario, seed: r.seed, codeVersion: r.code_version,
    status: r.status, createdAt: r.created_at, finishedAt: r.finished_at, fingerprint: r.fingerprint, error: r.error,
    simTNs: r.sim_t_ns, durationNs: r.duration_ns, wallS: r.wall_s, pid: r.pid, host: r.host,
  };
}

/** A handle on one store file. Close it when done. */
export class RunStore {
  private constructor(readonly db: Database.Database, readonly path: string) {}

  /**
   * Open (creating if needed, with its parent directory) and migrate a store.
   *
   * `readonly`: open the file as it is, without writing anything (no pragma that writes, no
   * migration), so a read-only file can be listed and exported; the file must exist. A store of an
   * older schema is migrated first if the file can be written.
   * Every problem with the file is a StoreError naming it (not a pqms store, corrupt, not writable).
   * @param path  file path, or ":memory:" for tests.
   */
  static open(path: string = DEFAULT_DB_PATH, opts: { readonly?: boolean } = {}): RunStore {
    const readonly = opts.readonly === true && path !== ":memory:";
    if (readonly && !existsSync(path)) throw new NotFoundError("run store", path, "start a run with `pqms run` first, or pass --db / PQMS_DB");
    if (path !== ":memory:" && !readonly) prepareDirectory(path);
    try {
      return RunStore.connect(path, readonly);
    } catch (e) {
      // A WAL store in a directory this user may not write: SQLite cannot create its shared-memory
      // file even to read. Read a copy of the file instead (nothing to lose: no -wal file pending).
      if (readonly && e instanceof StoreError && e.problem === "not-writable" && !hasPendingWal(path)) return RunStore.connect(path, true, readImage(path));
      throw e;
    }
  }

  private static connect(path: string, readonly: boolean, image?: Buffer): RunStore {
    let db: Database.Database | undefined;
    try {
      db = guardConnection(image === undefined ? new Database(path, { readonly, fileMustExist: readonly }) : new Database(image, { readonly: true }), path);
      db.pragma("busy_timeout = 5000");
      const version = schemaVersion(db);
      checkIsPqmsStore(db, path, version);
      if (readonly && version < SCHEMA_VERSION) {
        db.close(); // an older store: bring it up to date once, then read it as asked
        RunStore.open(path).close();
        return RunStore.connect(path, readonly, image === undefined ? undefined : readImage(path));
      }
      if (readonly && version > SCHEMA_VERSION) migrate(db); // refuses with its own message
      if (!readonly) {
        // A new file only (the page size of a database with pages cannot change in WAL mode, and
        // is left as it is): large pages for checkpoints of many MiB (fewer overflow pages to
        // chain, write and walk back); set before the first write, which WAL mode is.
        if (version === 0 && (db.pragma("page_count", { simple: true }) as number) === 0) db.pragma(`page_size = ${NEW_STORE_PAGE_BYTES}`);
        db.pragma("journal_mode = WAL");
        db.pragma("synchronous = NORMAL");
        migrate(db);
      }
      db.pragma("foreign_keys = ON");
      return new RunStore(db, path);
    } catch (e) {
      db?.close();
      const err = asStoreError(e, path);
      if (err instanceof PqmsError) throw err;
      throw new StoreError(path, "not-writable", storeProblemMessage(path, "not-writable", (e as Error).message));
    }
  }

  close(): void {
    this.db.close();
  }

  /** Register a new run (status `running`) and return its id. */
  createRun(a: { scenario: Scenario; codeVersion: string; durationNs: number; now?: Date }): string {
    const id = `run-${randomBytes(4).toString("hex")}`;
    this.db.prepare(`INSERT INTO runs (id, name, scenario_json, seed, code_version, status, created_at, duration_ns, pid, host)
      VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`).run(
      id, a.scenario.name, JSON.stringify(a.scenario), a.scenario.run.seed, a.codeVersion, (a.now ?? new Date()).toISOString(), a.durationNs, process.pid, hostname());
    return id;
  }

  /** Write samples, events, a checkpoint and the time reached, atomically. */
  commitProgress(runId: string, p: Progress): void {
    const insMetric = this.db.prepare("INSERT INTO metrics (run_id, name, t_ns, value) VALUES (?, ?, ?, ?)");
    const insEvent = this.db.prepare("INSERT INTO events (run_id, seq, t_ns, kind, data_json) VALUES (?, ?, ?, ?, ?)");
    this.db.transaction(() => {
      const row = this.db.prepare("SELECT COALESCE(MAX(seq), -1) AS s FROM events WHERE run_id = ?").get(runId) as { s: number };
      let seq = row.s + 1;
      for (const s of p.samples) for (const [name, v] of Object.entries(s.metrics)) insMetric.run(runId, name, s.tNs, Number.isFinite(v) ? v : null);
      for (const e of p.events) insEvent.run(runId, seq++, e.tNs, e.kind, JSON.stringify(e.data));
      if (p.checkpoint !== undefined) {
        this.db.prepare("INSERT OR REPLACE INTO checkpoints (run_id, t_ns, created_at, state) VALUES (?, ?, ?, ?)").run(runId, p.simTNs, new Date().toISOString(), asBlob(p.checkpoint));
        this.db.prepare(`DELETE FROM checkpoints WHERE run_id = ? AND t_ns NOT IN
          (SELECT t_ns FROM checkpoints WHERE run_id = ? ORDER BY t_ns DESC LIMIT ${CHECKPOINTS_KEPT})`).run(runId, runId);
      }
      const u = this.db.prepare("UPDATE runs SET sim_t_ns = ?, wall_s = wall_s + ? WHERE id = ?").run(p.simTNs, p.wallS, runId);
      if (u.changes !== 1) throw new NotFoundError("run", runId);
    }).immediate();
  }

  /** Mark a run's status; `done` and `failed` also set finished_at (and the fingerprint/error). */
  setStatus(runId: string, status: RunStatus, extra: { fingerprint?: string; error?: string; pid?: number | null } = {}): void {
    const finished = status === "done" || status === "failed" ? new Date().toISOString() : null;
    this.db.prepare(`UPDATE runs SET status = ?, finished_at = ?, fingerprint = COALESCE(?, fingerprint), error = ?, pid = ? WHERE id = ?`)
      .run(status, finished, extra.fingerprint ?? null, extra.error ?? null, extra.pid === undefined ? (status === "running" ? process.pid : null) : extra.pid, runId);
  }

  /** A run by id or unique id prefix. */
  getRun(idOrPrefix: string): RunRecord {
    return toRecord(this.row(idOrPrefix));
  }

  /** All runs, newest first. */
  listRuns(): RunRecord[] {
    return (this.db.prepare("SELECT * FROM runs ORDER BY created_at DESC, id").all() as RunRow[]).map(toRecord);
  }

  /** The metric series of a run: name → { tNs[], value[] } in time order. */
  metrics(runId: string): Map<string, { tNs: number[]; value: number[] }> {
    const out = new Map<string, { tNs: number[]; value: number[] }>();
    const rows = this.db.prepare("SELECT name, t_ns, value FROM metrics WHERE run_id = ? ORDER BY name, t_ns").all(runId) as Array<{ name: string; t_ns: number; value: number | null }>;
    for (const r of rows) {
      let s = out.get(r.name);
      if (s === undefined) out.set(r.name, (s = { tNs: [], value: [] }));
      s.tNs.push(r.t_ns);
      s.value.push(r.value ?? Number.NaN);
    }
    return out;
  }

  /** The events of a run in order (fields renamed since a run was recorded read under today's names). */
  events(runId: string): StoredEvent[] {
    return (this.db.prepare("SELECT seq, t_ns, kind, data_json FROM events WHERE run_id = ? ORDER BY seq").all(runId) as Array<{ seq: number; t_ns: number; kind: string; data_json: string }>)
      .map((r) => ({ seq: r.seq, tNs: r.t_ns, kind: r.kind, data: eventData(r.kind, JSON.parse(r.data_json) as Record<string, number>) }));
  }

  /** Event counts by kind. */
  eventCounts(runId: string): Record<string, number> {
    const rows = this.db.prepare("SELECT kind, COUNT(*) AS n FROM events WHERE run_id = ? GROUP BY kind ORDER BY kind").all(runId) as Array<{ kind: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /**
   * The latest checkpoint of a run or undefined: its encoded bytes as stored (binary state, or the
   * UTF-8 text of a checkpoint stored before binary ones; `readCheckpoint` reads both).
   */
  latestCheckpoint(runId: string): { tNs: number; state: Uint8Array } | undefined {
    const r = this.db.prepare("SELECT t_ns, state FROM checkpoints WHERE run_id = ? ORDER BY t_ns DESC LIMIT 1").get(runId) as { t_ns: number; state: Buffer } | undefined;
    return r === undefined ? undefined : { tNs: r.t_ns, state: r.state };
  }

  /** Record (or replace) an artifact of a run. */
  addArtifact(runId: string, a: { name: string; mediaType: string; path: string | null }): void {
    this.db.prepare("INSERT OR REPLACE INTO artifacts (run_id, name, media_type, path, created_at) VALUES (?, ?, ?, ?, ?)").run(runId, a.name, a.mediaType, a.path, new Date().toISOString());
  }

  artifacts(runId: string): Artifact[] {
    return (this.db.prepare("SELECT name, media_type, path, created_at FROM artifacts WHERE run_id = ? ORDER BY name").all(runId) as Array<{ name: string; media_type: string; path: string | null; created_at: string }>)
      .map((r) => ({ name: r.name, mediaType: r.media_type, path: r.path, createdAt: r.created_at }));
  }

  /** Delete a run and everything recorded with it. */
  deleteRun(idOrPrefix: string): string {
    const id = this.row(idOrPrefix).id;
    this.db.prepare("DELETE FROM runs WHERE id = ?").run(id);
    return id;
  }

  private row(idOrPrefix: string): RunRow {
    if (!/^[\w-]{1,64}$/.test(idOrPrefix)) throw InputError.of("runId", "a run id such as run-1a2b3c4d (or a unique prefix)", idOrPrefix);
    const exact = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(idOrPrefix) as RunRow | undefined;
    if (exact) return exact;
    const rows = this.db.prepare("SELECT * FROM runs WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 3").all(idOrPrefix.replace(/_/g, "\\_")) as RunRow[];
    if (rows.length === 1) return rows[0] as RunRow;
    if (rows.length > 1) throw InputError.of("runId", "a unique run id prefix", `~'${idOrPrefix}' matches ${rows.map((r) => r.id).join(", ")}…`);
    throw new NotFoundError("run", idOrPrefix, `in ${this.path}; see \`pqms runs list\``);
  }
}

/** Shorthand for `RunStore.open`. */
export function openStore(path: string = DEFAULT_DB_PATH, opts: { readonly?: boolean } = {}): RunStore {
  return RunStore.open(path, opts);
}
