/**
 * SQLite's complaints about the FILE (not a database, corrupt pages, read-only, disk full, locked)
 * turned into one typed StoreError that names the file and what to do, wherever they surface:
 * at open, or in the middle of a command when a query first touches a bad page. Every statement,
 * pragma, exec and transaction of a store's connection goes through `guardConnection`, so the
 * callers (run store, sweep tables) need no try/catch of their own. Other SQLite errors
 * (constraints: bugs) pass through unchanged.
 */
import type Database from "better-sqlite3";
import { StoreError } from "../errors.js";

/** The SQLite result codes (primary part) that describe the file rather than the program. */
function problemOf(code: string): StoreError["problem"] | undefined {
  if (code === "SQLITE_NOTADB") return "not-a-store";
  if (code.startsWith("SQLITE_CORRUPT")) return "corrupt";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_PERM" || code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) return "not-writable";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  return undefined;
}

/** The message for a problem with `file`: what is wrong and what to do. */
export function storeProblemMessage(file: string, problem: StoreError["problem"], detail: string): string {
  switch (problem) {
    case "not-a-store": return `run store '${file}' is not a pqms run store (${detail}); pass another --db (or PQMS_DB), or move that file away`;
    case "corrupt": return `run store '${file}' is corrupt (${detail}); see what can be recovered with: pqms runs check --db ${file} (keep a copy of the file before changing it)`;
    case "not-writable": return `run store '${file}' cannot be written (${detail}); check the permissions of the file and its directory and the free space, or use a read-only command (pqms runs list/show/export/diff/check)`;
    case "busy": return `run store '${file}' is locked by another process (${detail}); wait for it, or pass another --db`;
  }
}

/** A StoreError for `e` if SQLite blamed the file, else `e` unchanged. */
export function asStoreError(e: unknown, file: string): unknown {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return e;
  const problem = problemOf(code);
  return problem === undefined ? e : new StoreError(file, problem, storeProblemMessage(file, problem, (e as Error).message));
}

type Fn = (...args: never[]) => unknown;

function guarded<F extends Fn>(f: F, self: unknown, file: string): F {
  return function (this: unknown, ...args: Parameters<F>) {
    try {
      return f.apply(self ?? this, args);
    } catch (e) {
      throw asStoreError(e, file);
    }
  } as unknown as F;
}

/** Route every call on `db` that reaches the file through `asStoreError`. Returns `db`. */
export function guardConnection(db: Database.Database, file: string): Database.Database {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const st = guarded(prepare as Fn, undefined, file)(source as never) as Database.Statement;
    st.run = guarded(st.run.bind(st) as Fn, undefined, file) as typeof st.run;
    st.get = guarded(st.get.bind(st) as Fn, undefined, file) as typeof st.get;
    st.all = guarded(st.all.bind(st) as Fn, undefined, file) as typeof st.all;
    return st;
  }) as typeof db.prepare;
  db.exec = guarded(db.exec.bind(db) as Fn, undefined, file) as typeof db.exec;
  db.pragma = guarded(db.pragma.bind(db) as Fn, undefined, file) as typeof db.pragma;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: Fn) => {
    const t = transaction(fn);
    const wrapped = guarded(t as unknown as Fn, undefined, file) as unknown as typeof t;
    for (const mode of ["deferred", "immediate", "exclusive", "default"] as const) {
      Object.defineProperty(wrapped, mode, { value: guarded(t[mode] as unknown as Fn, undefined, file) });
    }
    return wrapped;
  }) as typeof db.transaction;
  return db;
}
