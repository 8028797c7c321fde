/**
 * One worker thread for the dashboard's long experiments (the full audit, ~2 s; falsification,
 * about a second per hypothesis at n = 10), so the server's event loop keeps answering requests
 * and driving live runs meanwhile. Jobs run one at a time in arrival order; the thread starts on
 * the first job and is replaced if it dies (the jobs it held fail with a clear error).
 */
import type { Worker } from "node:worker_threads";
import { PqmsError } from "../errors.js";
import { startWorker } from "../sim/executors/start-worker.js";
import type { ExperimentJob, ExperimentReply } from "./experiment-protocol.js";
import { HttpError } from "./http-error.js";

interface Pending {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
}

export class ExperimentThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  /** Run `job` on the thread; resolves with its JSON answer. */
  run(job: ExperimentJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new HttpError(503, "experiments: the server is shutting down", "E_BUSY"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, job });
    });
  }

  /** Stop the thread; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    this.failAll("the server closed");
    if (w) await w.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker(import.meta.url, "./experiment-worker", null);
    w.unref();
    w.on("message", (r: ExperimentReply) => {
      const p = this.pending.get(r.id);
      if (p === undefined) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(JSON.parse(r.json) as unknown);
      else p.reject(new PqmsError(r.message, r.code, 3));
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.failAll(why);
    };
    w.on("error", (e) => lost(`the experiment thread failed: ${e.message}`));
    w.on("exit", (code) => lost(`the experiment thread exited (code ${code})`));
    return (this.worker = w);
  }

  private failAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new HttpError(503, `experiments: ${why}`, "E_WORKER"));
    this.pending.clear();
  }
}
