/**
 * SQLite's complaints about the file become one StoreError naming it (store-guard.ts), wherever
 * they surface: at open, inside a query, inside a transaction; a constraint error (a bug) is left
 * alone; the dashboard answers a store that fails mid-request with 503 and the same message.
 */
import { describe, it, expect, afterAll } from "vitest";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../errors.js";
import { openStore } from "./run-store.js";
import { asStoreError } from "./store-guard.js";
import { checkStore } from "./check.js";
import { buildServer } from "../server/app.js";
import { resolveScenario } from "../sim/scenario/index.js";

const dir = mkdtempSync(join(tmpdir(), "pqms-store-guard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store with one run holding a few metric samples and a checkpoint. */
function storeWithRun(file: string): string {
  const s = openStore(file);
  const sc = resolveScenario({ name: "g", run: { seed: 1, durationS: 2e-8 }, mesh: { nodes: 20, clusterSize: 10 } });
  const id = s.createRun({ scenario: sc, codeVersion: "test", durationNs: 20 });
  const samples = Array.from({ length: 400 }, (_, i) => ({ tNs: i, metrics: { a: i, b: -i } }));
  s.commitProgress(id, { samples, events: [], checkpoint: "state", simTNs: 10, wallS: 0 });
  s.close();
  return id;
}

function damageTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const page = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?").get(table) as { rootpage: number }).rootpage;
  const size = db.pragma("page_size", { simple: true }) as number;
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(size, 0xde), 0, size, (page - 1) * size);
  closeSync(fd);
}

describe("StoreError from SQLite's codes", () => {
  it("maps the file's problems and leaves constraint errors (bugs) alone", () => {
    const sqlite = (code: string) => Object.assign(new Error("m"), { code });
    expect((asStoreError(sqlite("SQLITE_NOTADB"), "f.db") as StoreError).problem).toBe("not-a-store");
    expect((asStoreError(sqlite("SQLITE_CORRUPT_INDEX"), "f.db") as StoreError).problem).toBe("corrupt");
    expect((asStoreError(sqlite("SQLITE_READONLY_DIRECTORY"), "f.db") as StoreError).problem).toBe("not-writable");
    expect((asStoreError(sqlite("SQLITE_FULL"), "f.db") as StoreError).problem).toBe("not-writable");
    expect((asStoreError(sqlite("SQLITE_BUSY"), "f.db") as StoreError).problem).toBe("busy");
    const constraint = sqlite("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect(asStoreError(constraint, "f.db")).toBe(constraint);
    const e = asStoreError(sqlite("SQLITE_CORRUPT"), "f.db") as StoreError;
    expect(e.exitCode).toBe(6);
    expect(e.message).toMatch(/^run store 'f\.db' is corrupt \(m\); see what can be recovered with: pqms runs check --db f\.db/);
  });

  it("surfaces inside a query and a transaction of an open store", () => {
    const file = join(dir, "q.db");
    const id = storeWithRun(file);
    damageTable(file, "metrics");
    const s = openStore(file);
    try {
      expect(s.getRun(id).simTNs).toBe(10); // the runs table is intact
      expect(() => s.metrics(id)).toThrow(StoreError);
      expect(() => s.commitProgress(id, { samples: [{ tNs: 500, metrics: { a: 1 } }], events: [], simTNs: 11, wallS: 0 })).toThrow(/is corrupt/);
      const cp = s.latestCheckpoint(id);
      expect([cp?.tNs, Buffer.from(cp!.state).toString("utf8")]).toEqual([10, "state"]); // rolled back: the checkpoint stays
      expect(() => s.db.prepare("INSERT INTO runs (id) VALUES (NULL)").run()).toThrow(/NOT NULL/); // a bug stays a plain error
      expect(() => s.db.prepare("INSERT INTO runs (id) VALUES (NULL)").run()).not.toThrow(StoreError);
    } finally {
      s.close();
    }
    const h = checkStore(file);
    expect(h.ok).toBe(false);
    expect(h.runs?.[0]).toMatchObject({ id, readable: false, checkpointTNs: 10 });
  });

  it("the dashboard answers a failing store with 503 and the message naming the file", async () => {
    const file = join(dir, "srv.db");
    const id = storeWithRun(file);
    damageTable(file, "metrics");
    const store = openStore(file);
    const app = await buildServer({ store, webDir: join(dir, "no-web") });
    try {
      const r = await app.inject({ url: `/api/runs/${id}/metrics` });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ code: "E_STORE" });
      expect(r.json().error).toContain(`run store '${file}' is corrupt`);
      expect((await app.inject({ url: "/api/runs" })).statusCode).toBe(200);
    } finally {
      await app.close();
      store.close();
    }
  });
});
