/** Shared-memory protocol between the parallel coherence driver and its workers. */

/** Generation counter: bumped by the main thread to start a relaxation round. */
export const CTRL_GEN = 0;
/** The vertex just added to the tree. */
export const CTRL_U = 1;
/** Workers that finished the current round. */
export const CTRL_DONE = 2;
/** Non-zero: workers exit at the next round. */
export const CTRL_QUIT = 3;
/** The barrier's words (generation-barrier.ts): rounds start on CTRL_GEN, finish on CTRL_DONE. */
export const COHERENCE_BARRIER = { gen: CTRL_GEN, done: CTRL_DONE, quit: CTRL_QUIT } as const;
/** Length of the control array (Int32). */
export const CTRL_LENGTH = 4;

/** Polls of a control word before falling back to Atomics.wait (a few microseconds of spinning). */
export const SPIN_MAX = 2000;

/** What each worker is started with. */
export interface CoherenceWorkerData {
  /** Node states, interleaved re/im, node-major (Float64). */
  readonly states: SharedArrayBuffer;
  /** Byte offset and length (doubles) of the state array within `states`. */
  readonly byteOffset: number;
  readonly length: number;
  readonly dim: number;
  /** The worker's vertex range [lo, hi). */
  readonly lo: number;
  readonly hi: number;
  /** Control words (Int32, CTRL_*). */
  readonly control: SharedArrayBuffer;
  /** Result slots (Float64, 3 per worker: key, vertex, parent). */
  readonly results: SharedArrayBuffer;
  /** This worker's result slot (0-based among workers). */
  readonly slot: number;
  /** Number of workers. */
  readonly workers: number;
}
