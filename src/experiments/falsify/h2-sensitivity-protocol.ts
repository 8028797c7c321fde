/** Messages between the H2 sensitivity sweep (h2-sensitivity.ts) and its worker threads. */
import type { H2Setup } from "./h2.js";
import type { SensitivitySummary } from "./h2-sensitivity.js";

/** Run one point: its task number (echoed back), setup, replicates and seed. */
export interface SensitivityRequest {
  readonly task: number;
  readonly setup: H2Setup;
  readonly seeds: number;
  readonly seed: number;
}

export type SensitivityReply =
  | { readonly task: number; readonly ok: true; readonly summary: SensitivitySummary }
  | { readonly task: number; readonly ok: false; readonly message: string };
