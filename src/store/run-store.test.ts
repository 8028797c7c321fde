import { describe, it, expect, beforeEach, afterEach } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { NEW_STORE_PAGE_BYTES, RunStore } from "./run-store.js";
import { migrate, schemaVersion, SCHEMA_VERSION } from "./migrations.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { NotFoundError, PqmsError } from "../errors.js";

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "pqms-store-")); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const scenario = resolveScenario({ name: "t", run: { seed: 9 } });

describe("migrations", () => {
  it("bring an empty database to the latest version with every table", () => {
    const db = new Database(":memory:");
    expect(migrate(db)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(["artifacts", "checkpoints", "events", "metrics", "runs", "sweep_runs", "sweeps"]);
    expect(migrate(db)).toEqual([]); // idempotent
  });

  it("upgrade a v1 database keeping its runs", () => {
    const path = join(dir, "v1.db");
    const db = new Database(path);
    migrate(db, 1);
    db.prepare("INSERT INTO runs (id, name, scenario_json, seed, code_version, status, created_at) VALUES ('run-old', 'old', ?, 9, '0.0.1', 'done', '2025-01-01T00:00:00Z')").run(JSON.stringify(scenario));
    db.prepare("INSERT INTO metrics (run_id, name, t_ns, value) VALUES ('run-old', 'rcf', 5, 0.5)").run();
    db.close();
    const store = RunStore.open(path);
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    const r = store.getRun("run-old");
    expect(r).toMatchObject({ name: "old", status: "done", seed: 9, simTNs: 0, wallS: 0, pid: null });
    expect(store.metrics("run-old").get("rcf")).toEqual({ tNs: [5], value: [0.5] });
    store.close();
  });

  it("refuse a database from a newer pqms", () => {
    const path = join(dir, "new.db");
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => RunStore.open(path)).toThrow(PqmsError);
  });
});

describe("RunStore", () => {
  it("reads an event recorded under a field's old name under today's name (leaderFailover seconds → failoverS)", () => {
    const s = RunStore.open(join(dir, "old.db"));
    const id = s.createRun({ scenario, codeVersion: "0.1.0", durationNs: 100 });
    // Written as a run recorded before the rename wrote it, straight into the table.
    s.db.prepare("INSERT INTO events (run_id, seq, t_ns, kind, data_json) VALUES (?, 0, 5, 'leaderFailover', ?)").run(id, JSON.stringify({ seconds: 0.4, boundS: 0.2 }));
    s.commitProgress(id, { samples: [], events: [{ tNs: 7, kind: "leaderFailover", data: { failoverS: 0.5, boundS: 0.2 } }, { tNs: 8, kind: "veto", data: { seconds: 1 } }], checkpoint: '{"tNs":8}', simTNs: 8, wallS: 0 });
    expect(s.events(id).map((e) => e.data)).toEqual([{ failoverS: 0.4, boundS: 0.2 }, { failoverS: 0.5, boundS: 0.2 }, { seconds: 1 }]); // other kinds untouched
    s.close();
  });

  it("creates new stores with 64 KiB pages and leaves an existing store's page size as it is; binary checkpoints come back byte for byte", () => {
    const fresh = RunStore.open(join(dir, "new.db"));
    expect(fresh.db.pragma("page_size", { simple: true })).toBe(NEW_STORE_PAGE_BYTES);
    const id = fresh.createRun({ scenario, codeVersion: "0.1.0", durationNs: 100 });
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) & 255);
    fresh.commitProgress(id, { samples: [], events: [], checkpoint: bytes, simTNs: 20, wallS: 0 });
    expect(Buffer.compare(Buffer.from(fresh.latestCheckpoint(id)!.state), Buffer.from(bytes))).toBe(0);
    fresh.close();
    const path = join(dir, "old.db");
    const db = new Database(path);
    db.pragma("page_size = 4096");
    migrate(db);
    db.close();
    const old = RunStore.open(path);
    expect(old.db.pragma("page_size", { simple: true })).toBe(4096);
    const id2 = old.createRun({ scenario, codeVersion: "0.1.0", durationNs: 100 });
    old.commitProgress(id2, { samples: [], events: [], checkpoint: bytes, simTNs: 20, wallS: 0 });
    old.close();
    const again = RunStore.open(path);
    expect(again.db.pragma("page_size", { simple: true })).toBe(4096);
    expect(Buffer.compare(Buffer.from(again.latestCheckpoint(id2)!.state), Buffer.from(bytes))).toBe(0);
    again.close();
  });

  it("round-trips a run: scenario, samples, events, checkpoints, artifacts, status", () => {
    const s = RunStore.open(join(dir, "a", "b", "runs.db")); // creates parent directories
    const id = s.createRun({ scenario, codeVersion: "0.1.0", durationNs: 100 });
    s.commitProgress(id, {
      samples: [{ tNs: 10, metrics: { rcf: 0.9, deltaE: 0.01 } }, { tNs: 20, metrics: { rcf: 0.8, deltaE: 0.02 } }],
      events: [{ tNs: 12, kind: "veto", data: { node: 3, deltaE: 0.07 } }], checkpoint: '{"tNs":20}', simTNs: 20, wallS: 0.5,
    });
    s.commitProgress(id, { samples: [], events: [{ tNs: 25, kind: "veto", data: { node: 4 } }, { tNs: 30, kind: "alert", data: {} }], checkpoint: '{"tNs":30}', simTNs: 30, wallS: 0.25 });
    s.commitProgress(id, { samples: [], events: [], checkpoint: '{"tNs":40}', simTNs: 40, wallS: 0 });
    s.addArtifact(id, { name: "report.html", mediaType: "text/html", path: "/x/report.html" });
    s.setStatus(id, "done", { fingerprint: "0123456789abcdef" });
    const r = s.getRun(id);
    expect(r).toMatchObject({ id, name: "t", seed: 9, codeVersion: "0.1.0", status: "done", fingerprint: "0123456789abcdef", simTNs: 40, wallS: 0.75, durationNs: 100 });
    expect(r.scenario).toEqual(scenario);
    expect(r.finishedAt).not.toBeNull();
    expect(s.metrics(id).get("rcf")).toEqual({ tNs: [10, 20], value: [0.9, 0.8] });
    expect(s.events(id).map((e) => [e.seq, e.tNs, e.kind])).toEqual([[0, 12, "veto"], [1, 25, "veto"], [2, 30, "alert"]]);
    expect(s.events(id)[0]?.data).toEqual({ node: 3, deltaE: 0.07 });
    expect(s.eventCounts(id)).toEqual({ alert: 1, veto: 2 });
    expect(s.latestCheckpoint(id)?.tNs).toBe(40);
    expect(Buffer.from(s.latestCheckpoint(id)!.state).toString("utf8")).toBe('{"tNs":40}'); // text checkpoints are stored as their UTF-8
    expect((s.db.prepare("SELECT COUNT(*) AS n FROM checkpoints").get() as { n: number }).n).toBe(2); // older ones dropped
    expect(s.artifacts(id)).toMatchObject([{ name: "report.html", mediaType: "text/html", path: "/x/report.html" }]);
    expect(s.getRun(id.slice(0, 7)).id).toBe(id); // unique prefix
    expect(s.listRuns().map((x) => x.id)).toEqual([id]);
    s.close();
  });

  it("rm deletes a run and everything recorded with it", () => {
    const s = RunStore.open(":memory:");
    const keep = s.createRun({ scenario, codeVersion: "0", durationNs: 1 });
    const id = s.createRun({ scenario, codeVersion: "0", durationNs: 1 });
    for (const r of [keep, id]) s.commitProgress(r, { samples: [{ tNs: 1, metrics: { a: 1 } }], events: [{ tNs: 1, kind: "k", data: {} }], checkpoint: "{}", simTNs: 1, wallS: 0 });
    s.addArtifact(id, { name: "x", mediaType: "image/png", path: null });
    expect(s.deleteRun(id)).toBe(id);
    expect(() => s.getRun(id)).toThrow(NotFoundError);
    for (const t of ["metrics", "events", "checkpoints", "artifacts"]) {
      expect((s.db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE run_id = ?`).get(id) as { n: number }).n).toBe(0);
    }
    expect(s.metrics(keep).size).toBe(1);
    s.close();
  });

  it("names a missing run and rejects malformed ids", () => {
    const s = RunStore.open(":memory:");
    expect(() => s.getRun("run-nothere")).toThrow(/run 'run-nothere' not found/);
    expect(() => s.getRun("'; DROP TABLE runs")).toThrow(/runId: expected a run id/);
    s.close();
  });

  it("a second connection never sees a torn progress commit (WAL, one transaction per commit)", () => {
    const path = join(dir, "c.db");
    const writer = RunStore.open(path);
    const reader = RunStore.open(path, { readonly: true });
    const id = writer.createRun({ scenario, codeVersion: "0", durationNs: 1000 });
    const samples = (t: number) => Array.from({ length: 50 }, (_, i) => ({ tNs: t + i, metrics: { a: i, b: -i } }));
    // A consistent view: 100 metric rows (50 samples × 2 metrics) per 50 ns of progress, one checkpoint at sim_t_ns.
    const consistent = () => {
      const r = reader.getRun(id);
      const n = (reader.db.prepare("SELECT COUNT(*) AS n FROM metrics WHERE run_id = ?").get(id) as { n: number }).n;
      expect(n).toBe((r.simTNs / 50) * 100);
      expect(reader.latestCheckpoint(id)?.tNs ?? 0).toBe(r.simTNs);
      return r.simTNs;
    };
    for (let k = 0; k < 10; k++) {
      const t = k * 50;
      // Hold a write transaction open halfway through the same statements commitProgress runs.
      writer.db.exec("BEGIN IMMEDIATE");
      writer.db.prepare("INSERT INTO metrics (run_id, name, t_ns, value) VALUES (?, 'a', ?, 1)").run(id, t + 1000);
      expect(consistent()).toBe(t); // the reader sees the last commit, not the half-written one
      writer.db.exec("ROLLBACK");
      writer.commitProgress(id, { samples: samples(t), events: [], checkpoint: `{"t":${t + 50}}`, simTNs: t + 50, wallS: 0 });
      expect(consistent()).toBe(t + 50);
    }
    reader.close();
    writer.close();
  });

  it("a reader in this process never sees a torn commit while another process writes", async () => {
    const path = join(dir, "p.db");
    const setup = RunStore.open(path);
    const id = setup.createRun({ scenario, codeVersion: "0", durationNs: 1e9 });
    setup.close();
    const writer = join(dir, "writer.ts");
    const storeUrl = new URL("./run-store.ts", import.meta.url).href;
    writeFileSync(writer, `import { RunStore } from ${JSON.stringify(storeUrl)};
const s = RunStore.open(${JSON.stringify(path)});
for (let k = 0; k < 300; k++) {
  const samples = Array.from({ length: 20 }, (_, i) => ({ tNs: k * 20 + i, metrics: { a: i, b: k } }));
  s.commitProgress(${JSON.stringify(id)}, { samples, events: [{ tNs: k * 20, kind: "e", data: { k } }], checkpoint: JSON.stringify({ k }), simTNs: (k + 1) * 20, wallS: 0 });
}
s.close();
`);
    const child = spawn(process.execPath, ["--import", "tsx", writer], { cwd: join(import.meta.dirname, "../.."), stdio: "inherit" });
    const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    let running = true;
    void exited.then(() => (running = false));
    const reader = RunStore.open(path, { readonly: true });
    let midway = 0;
    while (running) {
      // One read transaction: the run row, its metrics, events and checkpoint must agree.
      reader.db.transaction(() => {
        const r = reader.getRun(id);
        const n = (reader.db.prepare("SELECT COUNT(*) AS n FROM metrics WHERE run_id = ?").get(id) as { n: number }).n;
        const ev = (reader.db.prepare("SELECT COUNT(*) AS n FROM events WHERE run_id = ?").get(id) as { n: number }).n;
        expect(n).toBe((r.simTNs / 20) * 40);
        expect(ev).toBe(r.simTNs / 20);
        if (r.simTNs > 0) expect(Buffer.from(reader.latestCheckpoint(id)!.state).toString("utf8")).toBe(JSON.stringify({ k: r.simTNs / 20 - 1 }));
        if (r.simTNs > 0 && r.simTNs < 6000) midway += 1;
      })();
      await new Promise((res) => setImmediate(res));
    }
    expect(await exited).toBe(0);
    expect(reader.getRun(id).simTNs).toBe(6000);
    expect(midway).toBeGreaterThan(0); // the reads really overlapped the writes
    reader.close();
  });
});
