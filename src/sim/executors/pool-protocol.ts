/** Messages between the local pool (local-pool.ts) and its threads (run-worker.ts). */
import type { Scenario } from "../scenario/index.js";
import type { RunOutput } from "./run-task.js";

/** Main thread → worker: run this scenario; `id` pairs the reply. */
export interface PoolRequest {
  readonly id: number;
  readonly scenario: Scenario;
}

/** Worker → main thread. `id` −1 is the ready signal. */
export type PoolReply =
  | { readonly id: number; readonly ok: true; readonly output?: RunOutput; readonly ready?: true }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string };
