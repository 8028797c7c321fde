/**
 * One checkpoint of the paper's planetary mesh (scenarios/planetary-1e5.yaml: 10^5 nodes, d = 12,
 * 16 node blocks on 2 threads) through the SQLite run store and back, as a run takes it: the
 * runner's checkpoint (model snapshot, streams, kernel) encoded, committed, read back, decoded and
 * restored into the model, in the text format stores used to hold (base64 in JSON, a store of
 * 4 KiB pages as before) and in the binary format written now (a new store, 64 KiB pages). The
 * restored state must fold to the fingerprint of the state saved.
 *
 * Anchor, measured in the same run: numpy writing the same arrays (same dtypes and lengths) to a
 * file with np.save and reading them back with np.load (no fsync on either side: a WAL commit with
 * synchronous = NORMAL does not sync either).
 *
 * Run: npx tsx bench/checkpoint.ts [--reps 3] [--warmup 1] [--nodes 100000] [--dim 12]
 * (d = 192 as in scenarios/planetary-192.yaml: --dim 192 --reps 1 --warmup 0)
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, numberArg as arg, runPython } from "./lib.js";
import { readCheckpoint } from "../src/sim/checkpoint.js";
import { Fingerprint } from "../src/sim/fingerprint.js";
import { modelFor } from "../src/sim/models/index.js";
import { Runner, type Checkpoint } from "../src/sim/run.js";
import { resolveScenario } from "../src/sim/scenario/index.js";
import { type EncodedState, encodeState, encodeStateBytes, foldState } from "../src/sim/state-codec.js";
import { migrate } from "../src/store/migrations.js";
import { RunStore } from "../src/store/run-store.js";
import { loadScenario } from "../src/store/scenario-file.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const reps = arg("--reps", 3);
/** Untimed round trips first (0 at d = 192, where one text round trip takes minutes). */
const warmup = arg("--warmup", 1);
const base = loadScenario(join(root, "scenarios/planetary-1e5.yaml")).scenario;
const sc = resolveScenario({ ...base, mesh: { ...base.mesh, nodes: arg("--nodes", base.mesh.nodes), dim: arg("--dim", base.mesh.dim) } });

interface Phase { wallMs: number; cpuMs: number }
const phase = (): { done: () => Phase } => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  return { done: () => { const c = process.cpuUsage(c0); return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }; } };
};
const med = (xs: Phase[]): Phase => ({ wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)) });
const fmt = (p: Phase) => `${p.wallMs.toFixed(0).padStart(6)} ms wall / ${p.cpuMs.toFixed(0).padStart(6)} ms CPU`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function fold(v: unknown): string {
  const f = new Fingerprint();
  foldState(f, v);
  return f.hex();
}

/** The typed arrays of a state, as numpy dtypes and lengths (the anchor writes the same). */
function arraySpecs(v: unknown, out: Array<[string, number]> = []): Array<[string, number]> {
  const dtypes: Record<string, string> = { Float64Array: "<f8", Float32Array: "<f4", Int32Array: "<i4", Uint32Array: "<u4", Uint8Array: "u1", Int8Array: "i1", Int16Array: "<i2", Uint16Array: "<u2" };
  if (ArrayBuffer.isView(v)) out.push([dtypes[v.constructor.name]!, (v as unknown as { length: number }).length]);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) arraySpecs(x, out);
  return out;
}

const model = modelFor(sc);
const runner = Runner.start(sc, model, { sample() {}, event() {}, checkpoint() {} });
const dir = mkdtempSync(join(tmpdir(), "pqms-bench-checkpoint-"));
try {
  if (sc.mesh.dim <= 12) runner.advance(1); // a state a tick in (at d = 192 the tick alone takes minutes: the initial state)
  const saved = fold(runner.checkpoint().model);
  console.log(`Checkpoint of ${sc.name}: N = ${sc.mesh.nodes}, d = ${sc.mesh.dim}, mesh.blocks = ${sc.mesh.blocks} on ${sc.run.threads} thread(s); median of ${reps}`);
  const results: Record<string, { encode: Phase; commit: Phase; restore: Phase; bytes: number; disk: number }> = {};
  for (const format of ["text", "binary"] as const) {
    const path = join(dir, `${format}.db`);
    if (format === "text") {
      // A store as this code created them before: 4 KiB pages.
      const db = new Database(path);
      db.pragma("page_size = 4096");
      migrate(db);
      db.close();
    }
    const store = RunStore.open(path);
    const runId = store.createRun({ scenario: sc, codeVersion: "bench", durationNs: 1e9 });
    const enc: Phase[] = [];
    const com: Phase[] = [];
    const res: Phase[] = [];
    let bytes = 0;
    for (let k = 0; k < reps + warmup; k++) {
      const e = phase();
      const cp: Checkpoint = runner.checkpoint();
      const encoded: EncodedState = format === "text" ? encodeState(cp) : encodeStateBytes(cp);
      const pe = e.done();
      bytes = encoded.length;
      const c = phase();
      store.commitProgress(runId, { samples: [], events: [], checkpoint: encoded, simTNs: k + 1, wallS: 0 });
      const pc = c.done();
      const r = phase();
      const back = readCheckpoint(store.latestCheckpoint(runId)!.state, model.stateFormat, "bench checkpoint");
      model.restore(back.model);
      const pr = r.done();
      if (fold(back.model) !== saved || fold(runner.checkpoint().model) !== saved) throw new Error(`${format}: the restored state differs from the one saved`);
      if (k < warmup) continue;
      enc.push(pe);
      com.push(pc);
      res.push(pr);
    }
    store.close();
    results[format] = { encode: med(enc), commit: med(com), restore: med(res), bytes, disk: statSync(path).size };
  }
  const specs = arraySpecs(runner.checkpoint());
  const py = String.raw`
import json, os, sys, time
import numpy as np
specs, reps, path = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(1)
arrays = [rng.random(n).astype(dt) if dt.endswith(("f8", "f4")) else rng.integers(0, 100, n).astype(dt) for dt, n in specs]
def save():
    with open(path, "wb") as f:
        for a in arrays: np.save(f, a)
def load():
    with open(path, "rb") as f:
        return [np.load(f) for _ in arrays]
def med(fn):
    fn()
    ws, cs = [], []
    for _ in range(reps):
        c = time.process_time(); t = time.perf_counter(); fn(); ws.append(time.perf_counter() - t); cs.append(time.process_time() - c)
    return {"wallMs": 1e3 * sorted(ws)[len(ws) // 2], "cpuMs": 1e3 * sorted(cs)[len(cs) // 2]}
s = med(save); l = med(load)
back = load()
assert all(np.array_equal(a, b) for a, b in zip(arrays, back))
print(json.dumps({"numpy": np.__version__, "save": s, "load": l, "bytes": os.path.getsize(path)}))
`;
  const a = runPython<{ numpy: string; save: Phase; load: Phase; bytes: number }>(["-c", py, JSON.stringify(specs), String(reps), join(dir, "anchor.npy")]);
  for (const [format, r] of Object.entries(results)) {
    console.log(`  ${format === "text" ? "text (before)  " : "binary (now)   "} ${mib(r.bytes)} (store ${mib(r.disk)})`);
    console.log(`    snapshot+encode        ${fmt(r.encode)}`);
    console.log(`    SQLite commit          ${fmt(r.commit)}`);
    console.log(`    read+decode+restore    ${fmt(r.restore)}`);
  }
  const t = results.text!;
  const b = results.binary!;
  const sum = (x: Phase, y: Phase): Phase => ({ wallMs: x.wallMs + y.wallMs, cpuMs: x.cpuMs + y.cpuMs });
  console.log(`  binary vs text: encode ${(t.encode.wallMs / b.encode.wallMs).toFixed(1)}× faster, commit ${(t.commit.wallMs / b.commit.wallMs).toFixed(1)}×, read+decode+restore ${(t.restore.wallMs / b.restore.wallMs).toFixed(1)}× (wall)`);
  if (a.ok) {
    const v = a.value;
    console.log(`  numpy ${v.numpy} np.save of the same ${specs.length} arrays (${mib(v.bytes)}): ${fmt(v.save)}; np.load: ${fmt(v.load)}`);
    const save = sum(b.encode, b.commit);
    console.log(`  ratio pqms/numpy: encode+commit vs np.save ${(save.wallMs / v.save.wallMs).toFixed(2)} wall, ${(save.cpuMs / v.save.cpuMs).toFixed(2)} CPU; read+decode+restore vs np.load ${(b.restore.wallMs / v.load.wallMs).toFixed(2)} wall, ${(b.restore.cpuMs / v.load.cpuMs).toFixed(2)} CPU`);
  } else console.log(`  numpy anchor unavailable: ${a.why}`);
} finally {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
}
