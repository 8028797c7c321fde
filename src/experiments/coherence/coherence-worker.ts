/**
 * Worker thread of the parallel exact coherence (coherence-parallel.ts): owns one vertex range of
 * Prim's algorithm over states held in a SharedArrayBuffer, relaxes it against each vertex the
 * main thread broadcasts, and writes its lightest vertex into its result slot.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PrimRange, type RangeMin } from "../../model/resonance/prim-range.js";
import { GenerationBarrier } from "../../sim/executors/generation-barrier.js";
import { COHERENCE_BARRIER, CTRL_U, SPIN_MAX, type CoherenceWorkerData } from "./coherence-protocol.js";

const w = workerData as CoherenceWorkerData;
const data = new Float64Array(w.states, w.byteOffset, w.length);
const ctrl = new Int32Array(w.control);
const results = new Float64Array(w.results);
const range = new PrimRange(data, w.dim, w.lo, w.hi);
const m: RangeMin = { key: 0, vertex: -1, parent: -1 };

const barrier = new GenerationBarrier(ctrl, COHERENCE_BARRIER, w.workers, SPIN_MAX);

parentPort?.postMessage("ready");
for (let gen: number | null = 0; (gen = barrier.nextRound(gen)) !== null;) {
  range.relax(Atomics.load(ctrl, CTRL_U), m);
  results[3 * w.slot] = m.key;
  results[3 * w.slot + 1] = m.vertex;
  results[3 * w.slot + 2] = m.parent;
  barrier.arrive();
}
