/**
 * The cluster executor, worker side (`pqms worker --queue …`): takes run jobs from the queue,
 * runs them on a local pool of threads (so this thread stays free to renew the job locks) and
 * returns each output as the job's result, for the coordinator to store.
 *
 * A job whose code version differs from this worker's fails at once without retries (results
 * must be identical whichever machine runs them). A scenario is re-validated on arrival.
 */
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { resolveScenario } from "../scenario/index.js";
import { LocalPool } from "./local-pool.js";
import { QUEUE_NAME, redisOptions, probeRedis } from "./queue-executor.js";
import type { RedisTarget } from "./redis-url.js";
import type { RunOutput, RunTask } from "./run-task.js";

/** Default lock on a job, ms: a worker silent this long is presumed dead and its run requeued. */
export const LOCK_MS_DEFAULT = 30_000;
/** Times a run may be requeued after its worker died before it is failed. */
export const STALLS_MAX = 3;

export interface QueueWorkerOptions {
  /** Runs at once (= threads), ≥ 1. */
  readonly concurrency: number;
  /** This worker's code version (jobs from another version are refused). */
  readonly codeVersion: string;
  /** Job lock, ms (default LOCK_MS_DEFAULT); the stalled check runs every half of it. */
  readonly lockMs?: number;
  /** Told when a job starts, ends or fails. */
  readonly onEvent?: (e: { kind: "start" | "done" | "failed"; key: string; detail?: string }) => void;
}

/** A running queue worker. */
export interface QueueWorkerHandle {
  /** Finish the runs in progress, then stop. */
  close(): Promise<void>;
}

/** Start processing runs from the queue on `target` (throws QueueUnavailableError if unreachable). */
export async function startQueueWorker(target: RedisTarget, opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  await probeRedis(target);
  const pool = new LocalPool(opts.concurrency);
  const lockMs = opts.lockMs ?? LOCK_MS_DEFAULT;
  const onEvent = opts.onEvent ?? (() => {});
  const processor = async (job: Job<RunTask>): Promise<RunOutput> => {
    const task = job.data;
    const key = job.id ?? task.key;
    if (task.codeVersion !== opts.codeVersion) {
      throw new UnrecoverableError(`run ${key} needs pqms ${task.codeVersion}; this worker runs ${opts.codeVersion}`);
    }
    const scenario = resolveScenario(task.scenario, `job ${key}`);
    onEvent({ kind: "start", key });
    return pool.run({ ...task, scenario });
  };
  const worker = new Worker<RunTask, RunOutput>(QUEUE_NAME, processor, {
    connection: redisOptions(target), concurrency: opts.concurrency, lockDuration: lockMs, stalledInterval: Math.max(500, Math.floor(lockMs / 2)), maxStalledCount: STALLS_MAX,
  });
  worker.on("completed", (job) => onEvent({ kind: "done", key: job.id ?? "?" }));
  worker.on("failed", (job, err) => onEvent({ kind: "failed", key: job?.id ?? "?", detail: err.message }));
  worker.on("error", () => {}); // connection trouble: ioredis reconnects; runs in progress keep going
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool.close();
    },
  };
}
