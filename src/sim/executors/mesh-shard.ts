/**
 * One mesh tick shared by threads (docs/CLUSTER.md, "Sharding one large mesh"): the mesh's arrays
 * live on SharedArrayBuffers (`ResonanceMesh.init(…, { blocks, shared: true })`), its B node
 * blocks are dealt to T threads (block b → thread b mod T; the main thread is thread 0 and takes
 * part), and every phase of the tick ends at a barrier (`Atomics.wait/notify` on a control word),
 * so `ResonanceMesh.step` stays synchronous. Each block draws from its own stream and writes only
 * its own nodes and slots, and the mesh reduces in block order: states, metrics, events and
 * fingerprints are bit-identical for every T (mesh-shard.test.ts). The hierarchical coherence
 * sample runs the same way (`hierarchicalParts`: PHASE_SAMPLE, part t on thread t, into shared
 * scratch kept from sample to sample), and the mesh finishes it on this thread.
 *
 * This is the I/O edge (threads); the kernels are the pure ones of model/resonance/mesh-blocks.ts.
 */
import type { Worker } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { type HierarchicalWork, hierarchicalPart, hierarchicalWork, workFits } from "../../model/resonance/coherence-hierarchical.js";
import { type BlockExecutor, type MeshPhase, PHASE_SAMPLE, runBlockPhase } from "../../model/resonance/mesh-blocks.js";
import type { RandomStreamLike, ResonanceMesh } from "../../model/resonance/mesh.js";
import {
  CTRL_CUR, CTRL_ERROR, MESH_BARRIER, CTRL_EXTERNAL, CTRL_LENGTH, CTRL_PHASE, CTRL_READY, CTRL_RNG_GEN, CTRL_SAMPLE_CLUSTER, CTRL_SAMPLE_GEN,
  ERROR_BYTES, type MeshShardWorkerData, PHASE_WRITE_STREAMS, readStreamState, RNG_BYTES, type SampleScratchMessage, SPIN_MAX, type SharedMeshArrays, writeStreamState,
} from "./mesh-shard-protocol.js";
import { awaitValue, GenerationBarrier } from "./generation-barrier.js";
import { startWorker } from "./start-worker.js";

/** Most threads one mesh may use (as `run.threads`). */
export const MESH_THREADS_MAX = 64;
/** How long to wait for the worker threads to start, ms. */
const START_TIMEOUT_MS = 120_000;
/** How long `close` waits for the workers' last stream states (a worker that died never answers), ms. */
const CLOSE_TIMEOUT_MS = 5_000;

function onShared<T extends ArrayBufferView>(a: T, what: string): T {
  if (!(a.buffer instanceof SharedArrayBuffer)) throw InputError.of(what, "an array on a SharedArrayBuffer (ResonanceMesh.init with layout.shared)", a);
  return a;
}

/** A `BlockExecutor` running the blocks on `threads` threads (this one included). */
export class ThreadedBlocks implements BlockExecutor {
  private readonly ctrl: Int32Array;
  private readonly dt: Float64Array;
  private readonly rngBytes: Uint8Array;
  private readonly errorBytes: Uint8Array;
  private readonly workers: Worker[] = [];
  private readonly own: number[] = [];
  private readonly barrier: GenerationBarrier;
  private closed = false;
  private running = 0;
  /** The hierarchical sample's scratch, on SharedArrayBuffers the workers hold too. */
  private sampleWork: HierarchicalWork | undefined;

  private constructor(private readonly mesh: ResonanceMesh, private readonly threads: number) {
    this.ctrl = new Int32Array(new SharedArrayBuffer(4 * CTRL_LENGTH));
    this.dt = new Float64Array(new SharedArrayBuffer(8));
    this.rngBytes = new Uint8Array(new SharedArrayBuffer(RNG_BYTES * mesh.blocks));
    this.errorBytes = new Uint8Array(new SharedArrayBuffer(ERROR_BYTES));
    this.barrier = new GenerationBarrier(this.ctrl, MESH_BARRIER, threads - 1, SPIN_MAX);
    for (let b = 0; b < mesh.blocks; b += threads) this.own.push(b);
  }

  /**
   * Start `threads` − 1 worker threads for `mesh` (built with `shared: true` and blocks ≥ threads)
   * and make it run its blocks on them; blocks until they are up. `close()` stops them.
   */
  static attach(mesh: ResonanceMesh, threads: number): ThreadedBlocks {
    if (!Number.isInteger(threads) || threads < 2 || threads > Math.min(MESH_THREADS_MAX, mesh.blocks)) {
      throw InputError.of("run.threads", `an integer in [2, min(${MESH_THREADS_MAX}, mesh.blocks = ${mesh.blocks})] for a threaded mesh`, threads);
    }
    const m = mesh.buffers;
    const arrays: SharedMeshArrays = {
      states: [onShared(m.states[0], "states"), onShared(m.states[1], "states")], deltaE: onShared(m.deltaE, "deltaE"),
      clockErrorS: onShared(m.clockErrorS, "clockErrorS"), appliedClockErrorS: onShared(m.appliedClockErrorS, "appliedClockErrorS"),
      clockRate: onShared(m.clockRate, "clockRate"), detuningRadS: onShared(m.detuningRadS, "detuningRadS"),
      failed: onShared(m.failed, "failed"), thresholds: onShared(m.thresholds, "thresholds"), partials: onShared(m.partials, "partials"),
      vetoRec: onShared(m.vetoRec, "vetoRec"), vetoCount: onShared(m.vetoCount, "vetoCount"), omegaRadS: m.omegaRadS,
      streamWords: m.streamWords, zigX: m.zigX, zigRatio: m.zigRatio, edgeMirror: m.edgeMirror, edgeOverlaps: m.edgeOverlaps,
    };
    const ex = new ThreadedBlocks(mesh, threads);
    ex.push();
    for (let t = 1; t < threads; t++) {
      const data: MeshShardWorkerData = {
        params: mesh.params, rowPtr: mesh.neighbours.rowPtr, colIdx: mesh.neighbours.colIdx, bounds: m.bounds, memory: mesh.arena?.memory,
        arrays, control: ex.ctrl.buffer as SharedArrayBuffer, dtS: ex.dt.buffer as SharedArrayBuffer, rng: ex.rngBytes.buffer as SharedArrayBuffer,
        error: ex.errorBytes.buffer as SharedArrayBuffer, thread: t, threads,
      };
      const worker = startWorker(import.meta.url, "./mesh-shard-worker", data);
      worker.unref();
      ex.running++;
      worker.once("exit", () => ex.running--);
      ex.workers.push(worker);
    }
    ex.awaitCount(CTRL_READY, threads - 1, START_TIMEOUT_MS, "start");
    mesh.setExecutor(ex);
    return ex;
  }

  run(phase: MeshPhase, dtS: number, cur: number, externalClock: boolean): void {
    if (this.closed) throw new Error("pqms internal assertion: sharded mesh stepped after close()");
    const c = this.ctrl;
    this.dt[0] = dtS;
    Atomics.store(c, CTRL_PHASE, phase);
    Atomics.store(c, CTRL_CUR, cur);
    Atomics.store(c, CTRL_EXTERNAL, externalClock ? 1 : 0);
    this.barrier.release();
    const rngs = this.mesh.blockRandom;
    for (const b of this.own) runBlockPhase(this.mesh.buffers, phase, b, rngs[b]!, dtS, cur, externalClock, this.mesh.blockKernels);
    this.finish();
  }

  /**
   * `BlockExecutor.hierarchicalParts`: part t of T on thread t (this one runs part 0) over state
   * buffer `cur`, into the shared scratch (made, and posted to the workers, only when N or the
   * cluster size changes).
   */
  hierarchicalParts(cur: number, clusterSize: number): HierarchicalWork {
    if (this.closed) throw new Error("pqms internal assertion: sharded mesh sampled after close()");
    const c = this.ctrl;
    const { nodes, dim } = this.mesh.params;
    let work = this.sampleWork;
    if (!workFits(work, nodes, clusterSize)) {
      work = hierarchicalWork(nodes, clusterSize, true);
      this.sampleWork = work;
      const msg: SampleScratchMessage = { kind: "sampleScratch", gen: Atomics.load(c, CTRL_SAMPLE_GEN) + 1, work };
      // Queued on each worker's port before the phase below is released (it reads it synchronously).
      for (const worker of this.workers) worker.postMessage(msg);
      Atomics.store(c, CTRL_SAMPLE_GEN, msg.gen);
    }
    Atomics.store(c, CTRL_PHASE, PHASE_SAMPLE);
    Atomics.store(c, CTRL_CUR, cur);
    Atomics.store(c, CTRL_SAMPLE_CLUSTER, clusterSize);
    this.barrier.release();
    try {
      hierarchicalPart({ nodes, dim, data: this.mesh.buffers.states[cur]! }, clusterSize, 0, this.threads, work);
    } finally {
      this.finish();
    }
    return work;
  }

  /** Wait for the workers' part of a phase; a worker's error is thrown here. */
  private finish(): void {
    this.barrier.awaitArrivals();
    if (Atomics.load(this.ctrl, CTRL_ERROR) !== 0) {
      const text = new TextDecoder().decode(this.errorBytes.slice().filter((x) => x !== 0));
      throw new Error(`mesh shard worker failed: ${text}`);
    }
  }

  /** Copy the workers' block stream states into the mesh's streams (the workers write them into shared memory on this call's PHASE_WRITE_STREAMS). */
  pull(): void {
    if (!this.closed) {
      this.askForStreams();
      this.finish();
    }
    const rngs: readonly RandomStreamLike[] = this.mesh.blockRandom;
    for (let b = 0; b < rngs.length; b++) if (b % this.threads !== 0) rngs[b]!.setState(readStreamState(this.rngBytes, b));
  }

  /** Start the round in which each worker writes its block streams' states into the shared bytes. */
  private askForStreams(): void {
    Atomics.store(this.ctrl, CTRL_PHASE, PHASE_WRITE_STREAMS);
    this.barrier.release();
  }

  /** Hand the mesh's stream states to the workers (they reload them before their next phase). */
  push(): void {
    this.mesh.blockRandom.forEach((r, b) => writeStreamState(this.rngBytes, b, r.getState()));
    Atomics.add(this.ctrl, CTRL_RNG_GEN, 1);
  }

  /** Worker threads started and not yet exited (T − 1 while in use; 0 once `close()` has resolved). */
  get liveWorkers(): number {
    return this.running;
  }

  /** True once `close()` was called: the threads are told to quit and terminated. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Stop the worker threads (the mesh's arrays and streams stay readable: the workers write their
   * streams' states first, so a `pull` after this reads them as the last phase left them).
   */
  close(): Promise<number[]> {
    if (this.closed) return Promise.resolve([]);
    if (Atomics.load(this.ctrl, CTRL_ERROR) === 0) {
      this.askForStreams();
      this.barrier.awaitArrivals(CLOSE_TIMEOUT_MS);
    }
    this.closed = true;
    this.barrier.stop();
    return Promise.all(this.workers.map((w) => w.terminate()));
  }

  private awaitCount(word: number, n: number, timeoutMs: number, what: string): void {
    if (!awaitValue(this.ctrl, word, n, timeoutMs, SPIN_MAX)) {
      const v = Atomics.load(this.ctrl, word);
      void this.close();
      throw new Error(`mesh shard workers did not ${what} within ${timeoutMs / 1000} s (${v} of ${n})`);
    }
  }
}
