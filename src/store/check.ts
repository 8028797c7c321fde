/**
 * `pqms runs check`: SQLite's own integrity check of a store file, then, run by run, which parts
 * can still be read (the run row, its metrics, events and latest checkpoint), so the user knows
 * what `pqms runs export` can still save and which runs `pqms resume` can continue. Opens the file
 * read-only and writes nothing.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { NotFoundError, StoreError } from "../errors.js";
import { storeProblemMessage } from "./store-guard.js";

/** Problems listed at most (integrity_check stops there too). */
export const CHECK_PROBLEMS_MAX = 100;

/** What could be read of one run. */
export interface RunHealth {
  readonly id: string;
  /** Every part read without error. */
  readonly readable: boolean;
  readonly metrics: number | null;
  readonly events: number | null;
  /** Simulated time of the latest checkpoint, ns; null when none or unreadable. */
  readonly checkpointTNs: number | null;
  /** The parts that failed, with SQLite's message. */
  readonly errors: readonly string[];
}

export interface StoreHealth {
  readonly file: string;
  /** integrity_check said "ok". */
  readonly ok: boolean;
  /** integrity_check's findings (empty when ok). */
  readonly problems: readonly string[];
  /** Runs whose ids could be listed; null when not even the list of runs can be read. */
  readonly runs: readonly RunHealth[] | null;
}

function attempt<T>(errors: string[], what: string, f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    errors.push(`${what}: ${(e as Error).message}`);
    return null;
  }
}

function runHealth(db: Database.Database, id: string): RunHealth {
  const errors: string[] = [];
  attempt(errors, "run", () => db.prepare("SELECT * FROM runs WHERE id = ?").get(id));
  const metrics = attempt(errors, "metrics", () => (db.prepare("SELECT COUNT(*) AS n, SUM(value) AS s FROM metrics WHERE run_id = ?").get(id) as { n: number }).n);
  const events = attempt(errors, "events", () => (db.prepare("SELECT COUNT(*) AS n, MAX(length(data_json)) AS l FROM events WHERE run_id = ?").get(id) as { n: number }).n);
  const cp = attempt(errors, "checkpoint", () => db.prepare("SELECT t_ns, length(state) AS l FROM checkpoints WHERE run_id = ? ORDER BY t_ns DESC LIMIT 1").get(id) as { t_ns: number } | undefined);
  return { id, readable: errors.length === 0, metrics, events, checkpointTNs: cp?.t_ns ?? null, errors };
}

/** Check the store at `file` (read-only). Throws StoreError when the file is not a database at all. */
export function checkStore(file: string): StoreHealth {
  if (!existsSync(file)) throw new NotFoundError("run store", file, "pass --db or PQMS_DB");
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new StoreError(file, "not-writable", storeProblemMessage(file, "not-writable", (e as Error).message));
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma(`integrity_check(${CHECK_PROBLEMS_MAX})`) as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      if (code === "SQLITE_NOTADB") throw new StoreError(file, "not-a-store", storeProblemMessage(file, "not-a-store", (e as Error).message));
      problems = [(e as Error).message];
    }
    const ok = problems.length === 1 && problems[0] === "ok";
    let ids: string[] | null;
    try {
      ids = (db.prepare("SELECT id FROM runs ORDER BY created_at, id").all() as Array<{ id: string }>).map((r) => r.id);
    } catch {
      ids = null;
    }
    return { file, ok, problems: ok ? [] : problems, runs: ids === null ? null : ids.map((id) => runHealth(db, id)) };
  } finally {
    db.close();
  }
}

/** The report for a human: the verdict, the problems, and what can be saved. */
export function describeHealth(h: StoreHealth): string {
  const lines: string[] = [];
  lines.push(h.ok ? `${h.file}: ok (SQLite integrity check passed)` : `${h.file}: CORRUPT (${h.problems.length}${h.problems.length >= CHECK_PROBLEMS_MAX ? "+" : ""} problems found by SQLite's integrity check)`);
  for (const p of h.problems.slice(0, 10)) lines.push(`  ${p}`);
  if (h.problems.length > 10) lines.push(`  … ${h.problems.length - 10} more (--json lists them)`);
  if (h.runs === null) {
    lines.push("  the list of runs cannot be read: nothing can be saved through pqms; try: sqlite3 <file> .recover | sqlite3 recovered.db");
    return lines.join("\n");
  }
  const good = h.runs.filter((r) => r.readable);
  if (!h.ok || good.length < h.runs.length) lines.push(`  ${good.length} of ${h.runs.length} runs read in full${good.length > 0 && !h.ok ? " (save them with: pqms runs export <id> --out <file>)" : ""}`);
  for (const r of h.runs.filter((x) => !x.readable)) {
    const resumable = r.checkpointTNs !== null ? `, checkpoint at t = ${r.checkpointTNs} ns readable` : "";
    lines.push(`  ${r.id}: damaged (${r.errors.join("; ")})${resumable}`);
  }
  if (!h.ok) lines.push(`  keep a copy of ${h.file}; a new store (--db other.db) can be used meanwhile`);
  else if (h.runs.length > 0) lines.push(`  ${h.runs.length} runs, all readable`);
  return lines.join("\n");
}
