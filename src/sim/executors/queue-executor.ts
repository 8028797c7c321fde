/**
 * The cluster executor, coordinator side: each run becomes a BullMQ job on Redis; `pqms worker`
 * processes (queue-worker.ts) on any machine take jobs, run them and return the output as the
 * job's result; the coordinator awaits each job and stores its output.
 *
 * - Job ids are the run keys (`<sweepId>-p<point>-s<seed>`): adding a key twice adds one job.
 * - Failed attempts are retried with exponential backoff; a worker that dies mid-run loses its
 *   lock and the job is moved back to the queue (BullMQ's stalled-job check) for another worker.
 * - Each key's promise settles once, so the coordinator stores each result once.
 * - Redis unreachable at the start: `connect` throws before anything is queued or stored.
 *   Redis lost later: every pending run is rejected with a clear error once reconnecting fails.
 * - Redis restarted (without persistence, its jobs gone): a watchdog looks up every awaited job
 *   each WATCH_MS; a job Redis no longer knows is queued again under the same id (its result is
 *   still stored once: the store keys it by sweep, point and seed), and a job found finished is
 *   settled from its stored result, so completion never hangs on an event lost in the restart.
 */
import { Job, Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { PqmsError } from "../../errors.js";
import { RunFailedError } from "./local-pool.js";
import type { RedisTarget } from "./redis-url.js";
import type { RunExecutor, RunOutput, RunTask } from "./run-task.js";
import { encodedStateText } from "../state-codec.js";

/** The one queue all sweeps share (jobs carry their sweep in their id). */
export const QUEUE_NAME = "pqms-runs";
/** Attempts per run (the first plus retries). */
export const ATTEMPTS = 3;
/** First retry delay; doubled on each further attempt. */
export const BACKOFF_MS = 1000;
/** How long the coordinator keeps trying to reach a Redis that went away, ms. */
export const RECONNECT_GIVE_UP_MS = 10_000;
/** How often the coordinator looks up the jobs it awaits, ms. */
export const WATCH_MS = 1000;

/** Something that happened to a queued run, for progress display. */
export interface QueueEvent {
  readonly kind: "active" | "stalled" | "retry" | "requeued";
  readonly key: string;
  readonly detail?: string;
}

/** Redis could not be reached or was lost. */
export class QueueUnavailableError extends PqmsError {
  constructor(target: RedisTarget, why: string) {
    super(`cannot reach Redis at ${target.display}: ${why} (is redis-server running there? without --queue the sweep runs on local threads)`, "E_QUEUE", 5);
  }
}

/** The connection options pqms uses (accepted by both ioredis and BullMQ). */
export interface ConnectionSettings {
  host: string;
  port: number;
  db: number;
  password?: string;
  maxRetriesPerRequest: number | null;
  connectTimeout: number;
  keepAlive: number;
  lazyConnect?: boolean;
  retryStrategy: (times: number) => number | null;
}

/** ioredis options for a target; `giveUpMs` bounds reconnecting (undefined: retry forever). */
export function redisOptions(t: RedisTarget, giveUpMs?: number): ConnectionSettings {
  return {
    host: t.host, port: t.port, db: t.db, ...(t.password === undefined ? {} : { password: t.password }),
    maxRetriesPerRequest: null, connectTimeout: 3000, keepAlive: 10_000,
    retryStrategy: (times: number) => {
      const delay = Math.min(200 * times, 2000);
      return giveUpMs !== undefined && times * 1000 > giveUpMs ? null : delay;
    },
  };
}

/** Ping Redis once, failing fast (no reconnect). */
export async function probeRedis(t: RedisTarget): Promise<void> {
  const c = new Redis({ ...redisOptions(t), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  let socketError: string | undefined; // ioredis rejects with "Connection is closed"; the cause comes as an event
  c.on("error", (e: Error) => (socketError ??= e.message));
  try {
    await c.connect();
    await c.ping();
  } catch (e) {
    throw new QueueUnavailableError(t, socketError ?? (e as Error).message);
  } finally {
    c.disconnect();
  }
}

interface Waiter {
  readonly reject: (e: Error) => void;
}

/** A job the coordinator awaits, as the watchdog sees it. */
interface Awaited {
  readonly task: RunTask;
  readonly resolve: (out: RunOutput) => void;
  readonly reject: (e: Error) => void;
}

/** A promise whose late rejection (after a race is decided) is not an unhandled one. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

export class QueueExecutor implements RunExecutor {
  private readonly waiters = new Set<Waiter>();
  private readonly awaited = new Map<string, Awaited>();
  private lost: Error | undefined;
  private watching = false;
  private readonly watchdog: NodeJS.Timeout;

  private constructor(
    private readonly target: RedisTarget,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly health: Redis,
    private readonly onEvent: (e: QueueEvent) => void,
  ) {
    // eslint-disable-next-line no-restricted-globals
    this.watchdog = setInterval(() => void this.watch(), WATCH_MS); // wall-clock-ok: paces the look-ups for jobs a restarted Redis lost; it decides when to re-queue, never what a run computes (results are keyed by sweep, point and seed)
    this.watchdog.unref();
  }

  /** Connect to the queue (throws QueueUnavailableError if Redis does not answer). */
  static async connect(target: RedisTarget, onEvent: (e: QueueEvent) => void = () => {}): Promise<QueueExecutor> {
    await probeRedis(target);
    const health = new Redis(redisOptions(target, RECONNECT_GIVE_UP_MS));
    const queue = new Queue(QUEUE_NAME, { connection: redisOptions(target, RECONNECT_GIVE_UP_MS) });
    const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(target, RECONNECT_GIVE_UP_MS) });
    const ex = new QueueExecutor(target, queue, events, health, onEvent);
    // Connection errors are retried by ioredis; a loss for good is detected by `end` below.
    health.on("error", () => {});
    queue.on("error", () => {});
    events.on("error", () => {});
    health.on("end", () => ex.fail(new QueueUnavailableError(target, `lost the connection and could not reconnect within ${RECONNECT_GIVE_UP_MS / 1000} s`)));
    events.setMaxListeners(0);
    queue.setMaxListeners(0); // one "closing" listener per awaited job
    events.on("active", ({ jobId }) => onEvent({ kind: "active", key: jobId }));
    events.on("stalled", ({ jobId }) => onEvent({ kind: "stalled", key: jobId, detail: "its worker stopped answering; queued again" }));
    events.on("retries-exhausted", ({ jobId }) => onEvent({ kind: "retry", key: jobId, detail: "no attempts left" }));
    try {
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    } catch (e) {
      await ex.close();
      throw new QueueUnavailableError(target, (e as Error).message);
    }
    return ex;
  }

  get description(): string {
    return `BullMQ queue '${QUEUE_NAME}' on ${this.target.display}`;
  }

  async run(task: RunTask): Promise<RunOutput> {
    if (this.lost !== undefined) throw this.lost;
    let waiter: Waiter | undefined;
    const lost = new Promise<never>((_, reject) => this.waiters.add((waiter = { reject })));
    quiet(lost);
    try {
      const job = await Promise.race([quiet(this.add(task)), lost]);
      const watched = quiet(new Promise<RunOutput>((resolve, reject) => this.awaited.set(task.key, { task, resolve, reject })));
      const out = (await Promise.race([quiet(job.waitUntilFinished(this.events)), watched, lost])) as RunOutput;
      this.awaited.delete(task.key); // before the removal: the watchdog must not see it gone and queue it again
      await job.remove().catch(() => {}); // stored by the caller; a leftover completed job is harmless
      return out;
    } catch (e) {
      if (e instanceof PqmsError) throw e;
      throw new RunFailedError(task.key, (e as Error).message);
    } finally {
      this.awaited.delete(task.key);
      if (waiter !== undefined) this.waiters.delete(waiter);
    }
  }

  /** One look at every awaited job (never two at once; commands wait while Redis reconnects). */
  private async watch(): Promise<void> {
    if (this.watching || this.lost !== undefined || this.awaited.size === 0) return;
    this.watching = true;
    try {
      for (const [key, a] of [...this.awaited]) {
        const state = await this.queue.getJobState(key);
        if (this.awaited.get(key) !== a) continue; // settled meanwhile
        if (state === "unknown") {
          this.onEvent({ kind: "requeued", key, detail: "was no longer in Redis (restarted?); queued again under the same id" });
          await this.add(a.task);
        } else if (state === "completed" || state === "failed") {
          const job = await Job.fromId(this.queue, key);
          if (job === undefined || this.awaited.get(key) !== a) continue;
          if (state === "completed") a.resolve(job.returnvalue as RunOutput);
          else a.reject(new Error(job.failedReason));
        }
      }
    } catch {
      // Redis away: the next look retries; a loss for good is reported through `health`'s end.
    } finally {
      this.watching = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.watchdog);
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.health.disconnect();
  }

  private async add(task: RunTask): Promise<Job> {
    // Job data is JSON: the checkpoint callback stays here (a remote worker cannot call it), and
    // a binary checkpoint to resume from travels as text (base64).
    const { onCheckpoint: _local, resume, ...rest } = task;
    const data: RunTask = resume === undefined ? rest : { ...rest, resume: encodedStateText(resume) };
    const opts = { jobId: task.key, attempts: ATTEMPTS, backoff: { type: "exponential" as const, delay: BACKOFF_MS }, removeOnComplete: false, removeOnFail: false };
    const job = await this.queue.add("run", data, opts);
    // Adding an existing key returns that job: a completed one gives its result (a resumed sweep
    // collects it), but one left failed by an earlier attempt of the sweep must run again.
    if (!(await job.isFailed())) return job;
    await job.remove();
    return this.queue.add("run", data, opts);
  }

  private fail(e: Error): void {
    this.lost = e;
    clearInterval(this.watchdog);
    for (const w of this.waiters) w.reject(e);
    this.waiters.clear();
  }
}
