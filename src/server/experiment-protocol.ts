/** Messages between the server and its experiment worker thread (experiment-worker.ts). */
import type { HypothesisId } from "../experiments/falsify/index.js";

export type ExperimentJob =
  | { readonly kind: "audit"; readonly quick: boolean }
  | { readonly kind: "falsify"; readonly hypotheses: readonly HypothesisId[] | undefined; readonly replicates: number | undefined; readonly seed: number | undefined }
  | { readonly kind: "sensitivity"; readonly nodes: number | undefined; readonly seeds: number | undefined; readonly seed: number | undefined };

export type ExperimentReply =
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string };
