/**
 * Worker thread of the parallel exact coherence (coherence-parallel.ts): owns one vertex range of
 * Prim's algorithm over states held in a SharedArrayBuffer, relaxes it against each vertex the
 * main thread broadcasts, and writes its lightest vertex into its result slot.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PrimRange, type RangeMin } from "../../model/resonance/prim-range.js";
import { CTRL_DONE, CTRL_GEN, CTRL_QUIT, CTRL_U, SPIN_MAX, type CoherenceWorkerData } from "./coherence-protocol.js";

const w = workerData as CoherenceWorkerData;
const data = new Float64Array(w.states, w.byteOffset, w.length);
const ctrl = new Int32Array(w.control);
const results = new Float64Array(w.results);
const range = new PrimRange(data, w.dim, w.lo, w.hi);
const m: RangeMin = { key: 0, vertex: -1, parent: -1 };

parentPort?.postMessage("ready");
let gen = 0;
for (;;) {
  // Spin briefly (a round takes microseconds on an idle machine), then sleep on the futex.
  for (let spin = 0; spin < SPIN_MAX && Atomics.load(ctrl, CTRL_GEN) === gen; spin++);
  // Atomics.wait can return without the word having changed (a wake-up meant for an earlier
  // round): sleep again until the generation really moved, or a round would run twice.
  while (Atomics.load(ctrl, CTRL_GEN) === gen) Atomics.wait(ctrl, CTRL_GEN, gen);
  gen = Atomics.load(ctrl, CTRL_GEN);
  if (Atomics.load(ctrl, CTRL_QUIT) !== 0) break;
  range.relax(Atomics.load(ctrl, CTRL_U), m);
  results[3 * w.slot] = m.key;
  results[3 * w.slot + 1] = m.vertex;
  results[3 * w.slot + 2] = m.parent;
  if (Atomics.add(ctrl, CTRL_DONE, 1) + 1 === w.workers) Atomics.notify(ctrl, CTRL_DONE);
}
