/**
 * The embedded executor: a pool of worker threads on this machine, each running one run at a
 * time (execute-run.ts). Tasks wait in a bounded FIFO and go to the first idle thread; a run's
 * output does not depend on which thread ran it or in what order, so a sweep gives the same
 * fingerprints for any pool size.
 *
 * A thread that dies (crash, out of memory) fails only the run it held, with a clear error, and
 * is replaced.
 *
 * The pool's size is a budget of threads, not only of runs: a run whose scenario shards its mesh
 * over `run.threads` = t threads (docs/CLUSTER.md) starts t − 1 threads of its own, so it takes
 * t of the pool's slots (one pool thread stays idle for each extra mesh thread), and a run asking
 * for more threads than the pool has gets the whole pool: it is run with `run.threads` = the pool
 * size. The thread count never changes a result (mesh-shard.test.ts), so neither does this.
 * Runs start in FIFO order: one that does not fit yet waits for slots, and those behind it wait too.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { InputError, PqmsError, assert } from "../../errors.js";
import type { PoolReply, PoolRequest } from "./pool-protocol.js";
import type { RunCheckpoint, RunExecutor, RunOutput, RunTask } from "./run-task.js";
import { startWorker } from "./start-worker.js";

/** Most threads one pool starts. */
export const POOL_SIZE_MAX = 256;
/** Most tasks waiting for a thread (a limit on everything). */
export const POOL_QUEUE_MAX = 1_000_000;

/** A run failed inside the executor (its message says why and where). */
export class RunFailedError extends PqmsError {
  constructor(readonly key: string, message: string) {
    super(`run ${key} failed: ${message}`, "E_RUN", 3);
  }
}

interface Pending {
  readonly id: number;
  readonly task: RunTask;
  /** Threads the run uses (its `run.threads`, at most the pool size): the slots it takes. */
  readonly threads: number;
  readonly resolve: (o: RunOutput) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | undefined;
}

/** Default pool size: the cores this process may use. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(POOL_SIZE_MAX, availableParallelism()));
}

/**
 * The pool slots a task takes: its scenario's `run.threads`, at most `size`. A task whose
 * scenario is malformed takes 1 and fails in its thread with the scenario's own error.
 */
function threadsOf(task: RunTask, size: number): number {
  const t = (task.scenario as { run?: { threads?: unknown } } | undefined)?.run?.threads;
  return typeof t === "number" && Number.isInteger(t) && t >= 1 ? Math.min(size, t) : 1;
}

export class LocalPool implements RunExecutor {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private closed = false;
  private busyMax = 0;

  /** @param size  threads, 1…POOL_SIZE_MAX (default: the available cores). */
  constructor(readonly size: number = defaultPoolSize()) {
    if (!Number.isInteger(size) || size < 1 || size > POOL_SIZE_MAX) throw InputError.of("workers", `an integer in [1, ${POOL_SIZE_MAX}]`, size);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Threads in use now: the sum of the running runs' threads (never more than `size`). */
  get threadsBusy(): number {
    let n = 0;
    for (const s of this.slots) n += s.busy?.threads ?? 0;
    return n;
  }

  /** The most threads ever in use at once since the pool started (never more than `size`). */
  get threadsBusyMax(): number {
    return this.busyMax;
  }

  get description(): string {
    return `local pool of ${this.size} thread${this.size === 1 ? "" : "s"}`;
  }

  run(task: RunTask): Promise<RunOutput> {
    if (this.closed) return Promise.reject(new PqmsError("the local pool is closed", "E_RUN", 3));
    if (this.waiting.length >= POOL_QUEUE_MAX) return Promise.reject(new PqmsError(`more than ${POOL_QUEUE_MAX} runs waiting in the local pool`, "E_RUN", 3));
    return new Promise<RunOutput>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, task, threads: threadsOf(task, this.size), resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const abandoned = [...this.waiting.splice(0), ...this.slots.flatMap((s) => (s.busy ? [s.busy] : []))];
    for (const p of abandoned) p.reject(new PqmsError(`run ${p.task.key} abandoned: the local pool was closed`, "E_RUN", 3));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(import.meta.url, "./run-worker", null), busy: undefined };
    slot.worker.on("message", (m: PoolReply) => this.onReply(slot, m));
    slot.worker.on("error", (e: Error) => this.onDeath(slot, e.message));
    slot.worker.on("exit", (code: number) => this.onDeath(slot, `thread exited with code ${code}`));
    return slot;
  }

  private dispatch(): void {
    let busy = this.threadsBusy;
    for (const slot of this.slots) {
      if (slot.busy !== undefined) continue;
      const next = this.waiting[0];
      if (next === undefined || busy + next.threads > this.size) return;
      this.waiting.shift();
      slot.busy = next;
      busy += next.threads;
      this.busyMax = Math.max(this.busyMax, busy);
      const t = next.task;
      // A run given fewer threads than it asked for (the whole pool) runs with that many: same result.
      const scenario = next.threads === threadsOf(t, Number.POSITIVE_INFINITY) ? t.scenario : { ...t.scenario, run: { ...t.scenario.run, threads: next.threads } };
      const req: PoolRequest = { id: next.id, scenario, ...(t.resume === undefined ? {} : { resume: t.resume }), reportCheckpoints: t.onCheckpoint !== undefined };
      slot.worker.postMessage(req);
    }
  }

  private onReply(slot: Slot, m: PoolReply): void {
    if (m.id === -1) return; // ready signal
    if (!this.slots.includes(slot)) return; // a thread stopped after a failed checkpoint: late messages
    const p = slot.busy;
    assert(p !== undefined && p.id === m.id, `pool reply for task ${m.id} from a thread holding ${p?.id}`);
    if (m.ok && m.progress !== undefined) {
      this.onProgress(slot, p, m.progress);
      return;
    }
    slot.busy = undefined;
    if (m.ok) p.resolve(m.output as RunOutput);
    else p.reject(new RunFailedError(p.task.key, `${m.message} (${m.code})`));
    this.dispatch();
  }

  /** A checkpoint of a run in progress: hand it to the task (a throwing callback fails the run). */
  private onProgress(slot: Slot, p: Pending, progress: RunCheckpoint): void {
    try {
      p.task.onCheckpoint?.(progress);
    } catch (e) {
      // The run cannot go on without its progress recorded: stop its thread (a fresh one replaces it).
      slot.busy = undefined;
      p.reject(new RunFailedError(p.task.key, `recording its checkpoint at ${progress.tNs} ns failed: ${(e as Error).message}`));
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      void slot.worker.terminate();
      this.dispatch();
    }
  }

  private onDeath(slot: Slot, why: string): void {
    if (this.closed) return;
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // "error" and "exit" both fire for one death
    const p = slot.busy;
    slot.busy = undefined;
    this.slots[i] = this.spawn();
    p?.reject(new RunFailedError(p.task.key, `worker thread died: ${why}`));
    this.dispatch();
  }
}
