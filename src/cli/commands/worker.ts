/**
 * `pqms worker --queue redis://host:port`: process sweep runs from the BullMQ queue on this
 * machine (a pool of `--concurrency` threads) and return each result to the coordinator, which
 * stores it. Runs until Ctrl-C/SIGTERM, which lets the runs in progress finish (a second one quits
 * at once; those runs are then retried elsewhere once their lock expires).
 */
import type { Command } from "commander";
import { hostname } from "node:os";
import { PACKAGE_VERSION } from "../../version.js";
import { LOCK_MS_DEFAULT, POOL_SIZE_MAX, defaultPoolSize, parseRedisUrl, startQueueWorker } from "../../sim/executors/index.js";
import { intFlag } from "../options.js";

interface WorkerOptions {
  queue: string;
  concurrency?: number;
  lockMs: number;
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("process sweep runs from a BullMQ queue on Redis (start one on every machine of the cluster)")
    .requiredOption("--queue <url>", "the coordinator's queue, redis://host:port")
    .option("--concurrency <n>", "runs at once, one thread each (default: the cores)", intFlag("--concurrency", 1, POOL_SIZE_MAX))
    .option("--lock-ms <ms>", "job lock: a worker silent this long is presumed dead and its run requeued", intFlag("--lock-ms", 1000, 3_600_000), LOCK_MS_DEFAULT)
    .action(async (opts: WorkerOptions) => {
      const target = parseRedisUrl(opts.queue, "--queue");
      const concurrency = opts.concurrency ?? defaultPoolSize();
      const t0 = new Map<string, number>();
      const handle = await startQueueWorker(target, {
        concurrency, codeVersion: PACKAGE_VERSION, lockMs: opts.lockMs,
        onEvent: (e) => {
          if (e.kind === "start") t0.set(e.key, performance.now());
          const s = e.kind === "start" ? "" : ` (${(((performance.now() - (t0.get(e.key) ?? performance.now())) / 1000)).toFixed(1)} s)`;
          if (e.kind !== "start") t0.delete(e.key);
          process.stderr.write(`pqms worker: ${e.kind === "start" ? "started" : e.kind} ${e.key}${s}${e.detail ? `: ${e.detail}` : ""}\n`);
        },
      });
      process.stderr.write(`pqms worker: ${hostname()} pid ${process.pid}, pqms ${PACKAGE_VERSION}, ${concurrency} thread${concurrency === 1 ? "" : "s"}, waiting for runs on ${target.display}\n`);
      await new Promise<void>((resolveStop) => {
        let stopping = false;
        const stop = () => {
          if (stopping) process.exit(130);
          stopping = true;
          process.stderr.write("pqms worker: stopping after the runs in progress (Ctrl-C again to quit now)\n");
          resolveStop();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await handle.close();
    });
}
