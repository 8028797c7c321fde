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
 */
import { Queue, QueueEvents, type Job } from "bullmq";
import { Redis } from "ioredis";
import { PqmsError } from "../../errors.js";
import { RunFailedError } from "./local-pool.js";
import type { RedisTarget } from "./redis-url.js";
import type { RunExecutor, RunOutput, RunTask } from "./run-task.js";

/** The one queue all sweeps share (jobs carry their sweep in their id). */
export const QUEUE_NAME = "pqms-runs";
/** Attempts per run (the first plus retries). */
export const ATTEMPTS = 3;
/** First retry delay; doubled on each further attempt. */
export const BACKOFF_MS = 1000;
/** How long the coordinator keeps trying to reach a Redis that went away, ms. */
export const RECONNECT_GIVE_UP_MS = 10_000;

/** Something that happened to a queued run, for progress display. */
export interface QueueEvent {
  readonly kind: "active" | "stalled" | "retry";
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

export class QueueExecutor implements RunExecutor {
  private readonly waiters = new Set<Waiter>();
  private lost: Error | undefined;

  private constructor(
    private readonly target: RedisTarget,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly health: Redis,
  ) {}

  /** Connect to the queue (throws QueueUnavailableError if Redis does not answer). */
  static async connect(target: RedisTarget, onEvent: (e: QueueEvent) => void = () => {}): Promise<QueueExecutor> {
    await probeRedis(target);
    const health = new Redis(redisOptions(target, RECONNECT_GIVE_UP_MS));
    const queue = new Queue(QUEUE_NAME, { connection: redisOptions(target, RECONNECT_GIVE_UP_MS) });
    const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(target, RECONNECT_GIVE_UP_MS) });
    const ex = new QueueExecutor(target, queue, events, health);
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
    try {
      const job = await Promise.race([this.add(task), lost]);
      const out = (await Promise.race([job.waitUntilFinished(this.events), lost])) as RunOutput;
      await job.remove().catch(() => {}); // stored by the caller; a leftover completed job is harmless
      return out;
    } catch (e) {
      if (e instanceof PqmsError) throw e;
      throw new RunFailedError(task.key, (e as Error).message);
    } finally {
      if (waiter !== undefined) this.waiters.delete(waiter);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.health.disconnect();
  }

  private async add(task: RunTask): Promise<Job> {
    // Job data is JSON: the checkpoint callback stays here (a remote worker cannot call it).
    const { onCheckpoint: _local, ...data } = task;
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
    for (const w of this.waiters) w.reject(e);
    this.waiters.clear();
  }
}
