/**
 * Run a sweep: submit every (point, seed) to an executor, store each result as it arrives (the
 * coordinator is the store's only writer), report progress, and mark the sweep done or failed.
 *
 * Results are stored in completion order but identified by (point, seed), so the store's
 * content — and every fingerprint — is the same for any executor and any number of workers.
 * A run that fails (after the executor's retries) does not stop the others; the sweep is then
 * marked failed with the list, and every result already stored stays.
 */
import type { RunExecutor } from "../../sim/executors/index.js";
import type { RunStore } from "../../store/run-store.js";
import type { Sweep } from "./spec.js";
import { createSweep, recordRun, setSweepStatus, sweepRuns, type SweepRunRecord } from "./store.js";

/** Progress of a sweep, after each stored run. */
export interface SweepProgress {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly last?: { readonly point: number; readonly seed: number; readonly runId: string };
}

export interface SweepOutcome {
  readonly sweepId: string;
  readonly status: "done" | "failed";
  readonly runs: readonly SweepRunRecord[];
  readonly failures: ReadonlyArray<{ readonly point: number; readonly seed: number; readonly error: string }>;
}

export interface RunSweepOptions {
  readonly codeVersion: string;
  readonly onProgress?: (p: SweepProgress) => void;
  /** Told the sweep id as soon as it is registered (e.g. to mark it interrupted on Ctrl-C). */
  readonly onStart?: (sweepId: string) => void;
}

/** The executor's key of a run: unique across sweeps (a BullMQ job id: no ':'). */
export function runKey(sweepId: string, point: number, seed: number): string {
  return `${sweepId}-p${point}-s${seed}`;
}

/** Execute every run of `sweep` on `executor` and store the results in `store`. */
export async function runSweep(sweep: Sweep, store: RunStore, executor: RunExecutor, opts: RunSweepOptions): Promise<SweepOutcome> {
  const sweepId = createSweep(store, sweep, executor.description);
  opts.onStart?.(sweepId);
  const total = sweep.runs.length;
  let done = 0;
  const failures: Array<{ point: number; seed: number; error: string }> = [];
  await Promise.all(sweep.runs.map(async ({ point, seed, scenario }) => {
    try {
      const output = await executor.run({ key: runKey(sweepId, point, seed), scenario, codeVersion: opts.codeVersion });
      const { runId } = recordRun(store, { sweepId, point, seed, scenario, output, codeVersion: opts.codeVersion });
      done++;
      opts.onProgress?.({ done, failed: failures.length, total, last: { point, seed, runId } });
    } catch (e) {
      failures.push({ point, seed, error: e instanceof Error ? e.message : String(e) });
      opts.onProgress?.({ done, failed: failures.length, total });
    }
  }));
  failures.sort((a, b) => a.point - b.point || a.seed - b.seed);
  const status = failures.length === 0 ? "done" : "failed";
  setSweepStatus(store, sweepId, status, failures.length === 0 ? null : `${failures.length} of ${total} runs failed; first: point ${failures[0]?.point} seed ${failures[0]?.seed}: ${failures[0]?.error}`);
  return { sweepId, status, runs: sweepRuns(store, sweepId), failures };
}
