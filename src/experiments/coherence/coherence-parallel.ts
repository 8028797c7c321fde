/**
 * Exact global coherence (§2.1) split over worker threads on a SharedArrayBuffer.
 *
 * Prim's vertex set is split into T contiguous ranges; the main thread owns range 0, worker w owns
 * range w+1. Each round the main thread broadcasts the vertex just added, everyone relaxes their
 * range, and the main thread picks the lightest answer by (key, vertex) in range order. That
 * reduction does not depend on the split, so the tree and RCF̄ are bit-identical for any T.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { type CoherenceResult, exactCoherence, primEdges, type PrimRelaxer, treeCoherence } from "../../model/resonance/coherence.js";
import type { NodeStates } from "../../model/resonance/node-states.js";
import { lighter, PrimRange, splitRanges, type RangeMin } from "../../model/resonance/prim-range.js";
import { GenerationBarrier } from "../../sim/executors/generation-barrier.js";
import { COHERENCE_BARRIER, CTRL_LENGTH, CTRL_U, SPIN_MAX, type CoherenceWorkerData } from "./coherence-protocol.js";

/** Most threads we start (a worker per range; more than the machine has cores only adds waiting). */
export const THREADS_MAX = 64;

/**
 * Start the worker: the compiled .js in dist; under tsx or vitest (this file is .ts) a small
 * bootstrap registers tsx's loader in the worker, then imports the .ts worker source.
 */
export function startWorker(url: URL, workerData: unknown): Worker {
  const ts = url.href.endsWith(".ts");
  if (!ts) return new Worker(url, { workerData });
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const api = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

class ThreadedRelaxer implements PrimRelaxer {
  private readonly own: PrimRange;
  private readonly ctrl: Int32Array;
  private readonly results: Float64Array;
  private readonly workers: number;
  private readonly tmp: RangeMin = { key: 0, vertex: -1, parent: -1 };
  private readonly barrier: GenerationBarrier;

  constructor(own: PrimRange, ctrl: Int32Array, results: Float64Array, workers: number) {
    this.own = own;
    this.ctrl = ctrl;
    this.results = results;
    this.workers = workers;
    this.barrier = new GenerationBarrier(ctrl, COHERENCE_BARRIER, workers, SPIN_MAX);
  }

  relaxAll(u: number, out: RangeMin): RangeMin {
    Atomics.store(this.ctrl, CTRL_U, u);
    this.barrier.release();
    this.own.relax(u, out);
    this.barrier.awaitArrivals();
    // Fixed reduction order: range 0 (ours), then workers 1..T-1.
    for (let w = 0; w < this.workers; w++) {
      this.tmp.key = this.results[3 * w]!;
      this.tmp.vertex = this.results[3 * w + 1]!;
      this.tmp.parent = this.results[3 * w + 2]!;
      if (lighter(out, this.tmp)) Object.assign(out, this.tmp);
    }
    return out;
  }
}

/**
 * Exact RCF̄ of `states` with `threads` threads (1 runs on this thread). With more than one, the
 * states must live on a SharedArrayBuffer (`allocSharedStates`).
 */
export async function exactCoherenceParallel(states: NodeStates, threads: number): Promise<CoherenceResult> {
  if (!Number.isInteger(threads) || threads < 1 || threads > THREADS_MAX) {
    throw InputError.of("threads", `an integer in [1, ${THREADS_MAX}]`, threads);
  }
  const t = Math.min(threads, Math.max(1, Math.floor(states.nodes / 2)));
  if (t === 1) return exactCoherence(states);
  if (!(states.data.buffer instanceof SharedArrayBuffer)) {
    throw InputError.of("states.data", "a Float64Array on a SharedArrayBuffer when threads > 1 (use allocSharedStates)", states.data);
  }
  const b = splitRanges(states.nodes, t);
  const control = new SharedArrayBuffer(4 * CTRL_LENGTH);
  const results = new SharedArrayBuffer(8 * 3 * (t - 1));
  const ctrl = new Int32Array(control);
  const workers: Worker[] = [];
  try {
    const ready: Promise<void>[] = [];
    for (let w = 1; w < t; w++) {
      const data: CoherenceWorkerData = {
        states: states.data.buffer, byteOffset: states.data.byteOffset, length: states.data.length, dim: states.dim, lo: b[w]!, hi: b[w + 1]!, control, results, slot: w - 1, workers: t - 1,
      };
      const worker = startWorker(new URL(import.meta.url.endsWith(".ts") ? "./coherence-worker.ts" : "./coherence-worker.js", import.meta.url), data);
      workers.push(worker);
      ready.push(new Promise((resolve, reject) => {
        worker.once("message", () => resolve());
        worker.once("error", reject);
      }));
    }
    await Promise.all(ready);
    const own = new PrimRange(states.data, states.dim, b[0]!, b[1]!);
    const relaxer = new ThreadedRelaxer(own, ctrl, new Float64Array(results), t - 1);
    const { from, to } = primEdges(states.nodes, relaxer);
    return treeCoherence(states, from, to);
  } finally {
    new GenerationBarrier(ctrl, COHERENCE_BARRIER, t - 1).stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
