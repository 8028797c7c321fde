/**
 * numpy's legacy stream on two threads: a worker twists and tempers MT19937 blocks ahead into a
 * shared ring (mt19937-ring.ts) while this thread runs the polar method and glibc's
 * log on them. The draws are bit-identical to the in-thread `NumpyRandomState`.
 *
 * While attached the state must not be checkpointed across `close()`: `getState()` works (it reads
 * the block it holds), and `seed`/`setState` return the state to the in-thread twist.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { createMtRing, mtRingStartKey, RingMtBlocks, stopMtRing } from "./mt19937-ring.js";
import { startWorker } from "./start-worker.js";

/** A running producer attached to one state; `close()` returns the state to the in-thread twist and terminates the worker. */
export interface MtPipeline {
  close(): void;
}

/** Whether a second core exists to run the producer on (otherwise the pipeline can only lose). */
export function mtPipelineWorthwhile(): boolean {
  return availableParallelism() >= 2;
}

/**
 * Start a producer thread from `state`'s current key and make `state` read its blocks.
 * @param slots ring size in 624-word blocks (64 = 160 kB of tempered words, about a step of Appendix A at N = 1000).
 */
export function startMtPipeline(state: NumpyRandomState, slots = 64): MtPipeline {
  const ring = createMtRing(new Uint32Array(state.getState().key), slots);
  const worker: Worker = startWorker(import.meta.url, "./mt19937-ring-worker", { ring });
  worker.unref();
  worker.on("error", () => stopMtRing(ring)); // the consumer then throws instead of waiting
  state.useBlockSource(new RingMtBlocks(ring), mtRingStartKey(ring));
  let open = true;
  return {
    close(): void {
      if (!open) return;
      open = false;
      state.setState(state.getState()); // back to the in-thread twist from the block held
      stopMtRing(ring);
      void worker.terminate();
    },
  };
}
