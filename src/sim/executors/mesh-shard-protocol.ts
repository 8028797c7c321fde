/**
 * Shared-memory protocol between a sharded mesh (mesh-shard.ts) and its worker threads
 * (mesh-shard-worker.ts): control words, and each block stream's state as 80 ASCII bytes.
 */
import type { MeshParams } from "../../model/resonance/mesh-params.js";
import type { BlockStreamState } from "../../model/resonance/mesh.js";
import type { MeshBuffers } from "../../model/resonance/mesh-blocks.js";
import type { HierarchicalWork } from "../../model/resonance/coherence-hierarchical.js";
import type { WasmMemory } from "../../numeric/wasm/kernel.js";

/** Phase generation: bumped by the main thread to start a phase. */
export const CTRL_GEN = 0;
/** The phase to run (mesh-blocks.ts PHASE_*). */
export const CTRL_PHASE = 1;
/** The current state buffer (0 or 1). */
export const CTRL_CUR = 2;
/** 1 when the clock errors come from outside (no built-in clock walk). */
export const CTRL_EXTERNAL = 3;
/** Workers done with the current phase. */
export const CTRL_DONE = 4;
/** Workers that have started. */
export const CTRL_READY = 5;
/** Non-zero: workers exit. */
export const CTRL_QUIT = 6;
/** Bumped when the main thread wrote new stream states (after a restore). */
export const CTRL_RNG_GEN = 7;
/** Non-zero: a worker failed (its message in the error bytes). */
export const CTRL_ERROR = 8;
/** PHASE_SAMPLE: the hierarchical sample's cluster size. */
export const CTRL_SAMPLE_CLUSTER = 9;
/** Bumped when the main thread posted new sample scratch (a `SampleScratchMessage`) to every worker. */
export const CTRL_SAMPLE_GEN = 10;
export const CTRL_LENGTH = 11;
/** The barrier's words (generation-barrier.ts): phases start on CTRL_GEN, finish on CTRL_DONE. */
export const MESH_BARRIER = { gen: CTRL_GEN, done: CTRL_DONE, quit: CTRL_QUIT } as const;

/**
 * Not a mesh phase: each worker writes its block streams' states into the shared bytes (`pull`
 * asks for them only when the main thread needs them, before a snapshot, instead of after every
 * drawing phase).
 */
export const PHASE_WRITE_STREAMS = -1;

/** Polls of a control word before sleeping on it. */
export const SPIN_MAX = 2000;
/** Bytes per block stream state: 16 hex digits of key, 64 of generator state. */
export const RNG_BYTES = 80;
/** Bytes for a worker's error message. */
export const ERROR_BYTES = 1024;

/**
 * The mesh's arrays (`MeshBuffers`) as views on shared memory — each on its own SharedArrayBuffer
 * or all in one shared WebAssembly memory (mesh-arena.ts); a view sent to a worker keeps its
 * buffer, offset and length.
 */
export type SharedMeshArrays = Pick<MeshBuffers, "states" | "deltaE" | "clockErrorS" | "appliedClockErrorS" | "clockRate" | "detuningRadS" | "failed" | "thresholds" | "partials" | "vetoRec" | "vetoCount" | "omegaRadS" | "streamWords" | "zigX" | "zigRatio" | "edgeMirror" | "edgeOverlaps">;

/** What each worker is started with. */
export interface MeshShardWorkerData {
  readonly params: MeshParams;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly bounds: Int32Array;
  readonly arrays: SharedMeshArrays;
  /** The arena memory the arrays live in, when they do: the worker binds its own kernels on it. */
  readonly memory: WasmMemory | undefined;
  /** Control words (Int32, CTRL_*), the tick length (one Float64), block stream states, error text. */
  readonly control: SharedArrayBuffer;
  readonly dtS: SharedArrayBuffer;
  readonly rng: SharedArrayBuffer;
  readonly error: SharedArrayBuffer;
  /** This thread's index (1..threads−1; the main thread is 0): it runs blocks b ≡ thread (mod threads). */
  readonly thread: number;
  readonly threads: number;
}

/**
 * Posted to each worker (read there with `receiveMessageOnPort`, before the PHASE_SAMPLE that
 * first needs it): the hierarchical sample's scratch on SharedArrayBuffers, for generation `gen`
 * of CTRL_SAMPLE_GEN. Kept by the workers until the next one (new N or cluster size).
 */
export interface SampleScratchMessage {
  readonly kind: "sampleScratch";
  readonly gen: number;
  readonly work: HierarchicalWork;
}

/** Write block b's stream state into the shared bytes. */
export function writeStreamState(bytes: Uint8Array, b: number, s: BlockStreamState): void {
  const text = s.key + s.s;
  for (let k = 0; k < RNG_BYTES; k++) bytes[RNG_BYTES * b + k] = text.charCodeAt(k);
}

/** Read block b's stream state from the shared bytes. */
export function readStreamState(bytes: Uint8Array, b: number): BlockStreamState {
  const text = String.fromCharCode(...bytes.subarray(RNG_BYTES * b, RNG_BYTES * (b + 1)));
  return { generator: "xoshiro256**", key: text.slice(0, 16), s: text.slice(16) };
}
