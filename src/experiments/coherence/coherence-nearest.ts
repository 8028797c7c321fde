/**
 * Exact global coherence (§2.1) from the nodes' nearest lists, on worker threads.
 *
 * Every node's k lightest edges come from one pass over all pairs in tiles; the tile rows are
 * dealt to T threads round-robin, each writing its own lists, and the lists are merged in thread
 * order. The merged lists depend only on the (weight, index) order, so they, the tree and RCF̄
 * are bit-identical for any T. Borůvka on the lists (coherence-bounds.ts) then finds the MST
 * edges they certify, and scans the few components they cannot join against all nodes (at
 * N = 2·10^4, k = 8 on random states none are left; at 10^5 a handful of small groups).
 * Unlike Prim's N rounds, the pass needs no synchronisation between threads.
 */
import { Worker } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { emptyLists, exactMstFromLists, mergeLists, NEAREST_K_DEFAULT, nearestLists, type NearestLists } from "../../model/resonance/coherence-bounds.js";
import { type CoherenceResult, treeCoherence } from "../../model/resonance/coherence.js";
import type { NodeStates } from "../../model/resonance/node-states.js";
import { startWorker, THREADS_MAX } from "./coherence-parallel.js";

/** What each nearest-list worker is started with. */
export interface NearestWorkerData {
  readonly states: SharedArrayBuffer;
  readonly byteOffset: number;
  readonly length: number;
  readonly nodes: number;
  readonly dim: number;
  readonly k: number;
  /** This worker does tile rows r ≡ part (mod parts). */
  readonly part: number;
  readonly parts: number;
  /** Its lists: Float64 weights and Int32 neighbours, N·k each. */
  readonly weight: SharedArrayBuffer;
  readonly neighbour: SharedArrayBuffer;
}

/** The nodes' k nearest lists computed on `threads` threads (this one included). */
export async function nearestListsParallel(states: NodeStates, k: number, threads: number): Promise<NearestLists> {
  if (!Number.isInteger(threads) || threads < 1 || threads > THREADS_MAX) {
    throw InputError.of("threads", `an integer in [1, ${THREADS_MAX}]`, threads);
  }
  if (threads === 1) return nearestLists(states, k);
  if (!(states.data.buffer instanceof SharedArrayBuffer)) {
    throw InputError.of("states.data", "a Float64Array on a SharedArrayBuffer when threads > 1 (use allocSharedStates)", states.data);
  }
  const n = states.nodes;
  const parts: NearestLists[] = [];
  const workers: Worker[] = [];
  try {
    const done: Promise<void>[] = [];
    for (let p = 1; p < threads; p++) {
      const weight = new SharedArrayBuffer(8 * n * k);
      const neighbour = new SharedArrayBuffer(4 * n * k);
      const data: NearestWorkerData = {
        states: states.data.buffer, byteOffset: states.data.byteOffset, length: states.data.length, nodes: n, dim: states.dim, k, part: p, parts: threads, weight, neighbour,
      };
      const worker = startWorker(new URL(import.meta.url.endsWith(".ts") ? "./nearest-worker.ts" : "./nearest-worker.js", import.meta.url), data);
      workers.push(worker);
      parts.push(emptyLists(n, k, weight, neighbour));
      done.push(new Promise((resolve, reject) => {
        worker.once("message", () => resolve());
        worker.once("error", reject);
      }));
    }
    const own = nearestLists(states, k, 0, threads);
    await Promise.all(done);
    return mergeLists([own, ...parts]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Exact RCF̄ of `states` on `threads` threads: the MST certified from nearest lists of length `k`,
 * or Prim's when the lists cannot certify all of it. With threads > 1 the states must live on a
 * SharedArrayBuffer.
 */
export async function exactCoherenceNearest(states: NodeStates, threads: number, k = NEAREST_K_DEFAULT): Promise<CoherenceResult & { readonly scans: number }> {
  const lists = await nearestListsParallel(states, Math.min(k, states.nodes - 1), threads);
  const t = exactMstFromLists(states, lists);
  return { ...treeCoherence(states, t.from, t.to), scans: t.scans };
}
