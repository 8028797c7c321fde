/** Messages between the local pool (local-pool.ts) and its threads (run-worker.ts). */
import type { Scenario } from "../scenario/index.js";
import type { EncodedState } from "../state-codec.js";
import type { RunCheckpoint, RunOutput } from "./run-task.js";

/** Main thread → worker: run this scenario; `id` pairs the reply. */
export interface PoolRequest {
  readonly id: number;
  readonly scenario: Scenario;
  /** Continue from this checkpoint (sim/state-codec: binary bytes, or text of older stores). */
  readonly resume?: EncodedState;
  /** Post a `progress` message at each checkpoint but the final one. */
  readonly reportCheckpoints: boolean;
}

/** Worker → main thread. `id` −1 is the ready signal; `progress` messages precede the final reply. */
export type PoolReply =
  | { readonly id: number; readonly ok: true; readonly output?: RunOutput; readonly ready?: true; readonly progress?: undefined }
  | { readonly id: number; readonly ok: true; readonly progress: RunCheckpoint }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string };
