/**
 * Run a sweep: submit every (point, seed) to an executor, store each result as it arrives (the
 * coordinator is the store's only writer), report progress, and mark the sweep done or failed.
 *
 * Results are stored in completion order but identified by (point, seed), so the store's
 * content — and every fingerprint — is the same for any executor and any number of workers.
 * A run that fails (after the executor's retries) does not stop the others; the sweep is then
 * marked failed with the list, and every result already stored stays.
 *
 * Every checkpoint a run reports is committed at once (store.ts), so a sweep stopped in any way
 * (Ctrl-C, crash, SIGKILL) can be continued with `resumeId`: runs already done are skipped, runs
 * stored up to a checkpoint continue from it, the others start; since a resumed run ends with the
 * fingerprint of an uninterrupted one (sim/run.ts), so does the sweep.
 */
import type { RunExecutor } from "../../sim/executors/index.js";
import type { RunStore } from "../../store/run-store.js";
import type { Sweep } from "./spec.js";
import {
  commitSweepProgress, createSweep, recordRun, reopenSweep, setSweepStatus, sweepRunState, sweepRuns, type SweepRunRecord,
} from "./store.js";

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
  /** Continue this stored sweep (which must be `sweep`) instead of creating one. */
  readonly resumeId?: string;
  /** With `resumeId`: continue even if the sweep looks still run by a live process. */
  readonly force?: boolean;
  /** Told, before any run starts, how many runs are done, stored up to a checkpoint, and to start. */
  readonly onPlan?: (p: { readonly done: number; readonly fromCheckpoint: number; readonly fromStart: number }) => void;
}

/** The executor's key of a run: unique across sweeps (a BullMQ job id: no ':'). */
export function runKey(sweepId: string, point: number, seed: number): string {
  return `${sweepId}-p${point}-s${seed}`;
}

/** Execute every run of `sweep` not yet done on `executor` and store the results in `store`. */
export async function runSweep(sweep: Sweep, store: RunStore, executor: RunExecutor, opts: RunSweepOptions): Promise<SweepOutcome> {
  let sweepId: string;
  if (opts.resumeId === undefined) {
    sweepId = createSweep(store, sweep, executor.description);
  } else {
    sweepId = opts.resumeId;
    reopenSweep(store, sweepId, sweep, executor.description, opts.force === true);
  }
  opts.onStart?.(sweepId);
  const total = sweep.runs.length;
  let done = 0;
  const failures: Array<{ point: number; seed: number; error: string }> = [];
  const todo = sweep.runs.map((r) => ({ ...r, state: sweepRunState(store, sweepId, r.point, r.seed) })).filter((r) => {
    if (r.state.done) done++;
    return !r.state.done;
  });
  const fromCheckpoint = todo.filter((r) => r.state.resume !== undefined).length;
  opts.onPlan?.({ done, fromCheckpoint, fromStart: todo.length - fromCheckpoint });
  await Promise.all(todo.map(async ({ point, seed, scenario, state }) => {
    const ref = { sweepId, point, seed, scenario, codeVersion: opts.codeVersion };
    let previousTNs = state.resumeTNs ?? 0; // where the store stands for this run
    try {
      const output = await executor.run({
        key: runKey(sweepId, point, seed), scenario, codeVersion: opts.codeVersion,
        ...(state.resume === undefined ? {} : { resume: state.resume }),
        onCheckpoint: (p) => {
          commitSweepProgress(store, ref, p, previousTNs);
          previousTNs = p.tNs;
        },
      });
      const { runId } = recordRun(store, { ...ref, output });
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
