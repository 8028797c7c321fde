/**
 * `pqms sweep <sweep.yaml>`: run every point × seed of a sweep on the local thread pool
 * (`--workers n`, default: the cores) or through a BullMQ queue on Redis (`--queue redis://…`,
 * processed by `pqms worker` on any machine), store each run, and write the sweep's table and
 * plots. With `--queue` and `--workers n`, this process also works the queue with n threads.
 */
import type { Command } from "commander";
import { dirname, join, resolve } from "node:path";
import { PACKAGE_VERSION } from "../../version.js";
import { LocalPool, POOL_SIZE_MAX, QueueExecutor, parseRedisUrl, startQueueWorker, type QueueWorkerHandle, type RunExecutor } from "../../sim/executors/index.js";
import {
  loadStoredSweep, loadSweep, runSweep, setSweepStatus, summarizeSweep, sweepMarkdown, writeSweepReport, type Sweep, type SweepOutcome, type SweepProgress,
} from "../../experiments/sweep/index.js";
import type { RunStore } from "../../store/run-store.js";
import { InputError } from "../../errors.js";
import { intFlag } from "../options.js";
import { printJson } from "../output.js";
import { prepareOutDir } from "../support/out-path.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";

interface SweepOptions {
  resume?: string;
  force?: boolean;
  workers?: number;
  queue?: string;
  json?: boolean;
  db?: string;
  out?: string;
  report: boolean;
}

const PROGRESS_EVERY_MS = 2000;

/** Progress lines on stderr, at most every couple of seconds, and always the last one. */
function progressPrinter(label: () => string): (p: SweepProgress) => void {
  let lastMs = -Infinity;
  const t0 = performance.now();
  return (p) => {
    const now = performance.now();
    if (p.done + p.failed < p.total && now - lastMs < PROGRESS_EVERY_MS) return;
    lastMs = now;
    process.stderr.write(`pqms: ${label()}: ${p.done}/${p.total} runs stored${p.failed > 0 ? `, ${p.failed} failed` : ""}, ${((now - t0) / 1000).toFixed(1)} s\n`);
  };
}

async function openExecutor(opts: SweepOptions): Promise<{ executor: RunExecutor; localWorker?: QueueWorkerHandle }> {
  if (opts.queue === undefined) return { executor: new LocalPool(opts.workers) };
  const target = parseRedisUrl(opts.queue, "--queue");
  const executor = await QueueExecutor.connect(target, (e) => {
    if (e.kind !== "active") process.stderr.write(`pqms: queue: run ${e.key} ${e.detail ?? e.kind}\n`);
  });
  if (opts.workers === undefined) return { executor };
  const localWorker = await startQueueWorker(target, { concurrency: opts.workers, codeVersion: PACKAGE_VERSION });
  return { executor, localWorker };
}

function printHuman(outcome: SweepOutcome, markdown: string, reportDir: string | undefined, store: RunStore): void {
  const lines = [markdown.split("\n").slice(2).join("\n").trimEnd(), ""];
  lines.push(`sweep ${outcome.sweepId} ${outcome.status}: ${outcome.runs.length} runs stored in ${store.path}`);
  for (const f of outcome.failures.slice(0, 10)) lines.push(`  failed: point ${f.point}, seed ${f.seed}: ${f.error}`);
  if (reportDir !== undefined) lines.push(`report: ${join(reportDir, "summary.md")} (plots beside it)`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command("sweep")
    .description("run a parameter sweep (points × seeds) on local threads or a Redis queue; store every run; table and plots with confidence intervals")
    .argument("[sweep]", "sweep file (YAML/JSON), e.g. sweeps/example.yaml (optional with --resume)")
    .option("--resume <sweepId>", "continue a stopped sweep: only runs not done execute, interrupted ones from their last checkpoint")
    .option("--force", "with --resume: take over a sweep marked running whose process cannot be checked (another host)")
    .option("--workers <n>", "threads of the local pool (default: the cores); with --queue: also work the queue here with n threads", intFlag("--workers", 1, POOL_SIZE_MAX))
    .option("--queue <url>", "enqueue the runs on BullMQ at redis://host:port; `pqms worker --queue …` processes them")
    .option("--out <dir>", "report directory (default: <store dir>/reports/<sweepId>)")
    .option("--json", "print { sweepId, runs: [{ point, seed, runId, fingerprint }], … } as JSON")
    .option("--no-report", "skip the table and plots files");
  withDbOption(cmd).action(async (file: string | undefined, opts: SweepOptions) => {
    if (opts.out !== undefined) opts.out = prepareOutDir(opts.out); // a bad --out fails before the run
    if (file === undefined && opts.resume === undefined) throw InputError.of("sweep", "a sweep file, or --resume <sweepId>", "neither");
    if (opts.resume !== undefined && !/^sweep-[0-9a-f]{8}$/.test(opts.resume)) throw InputError.of("--resume", "a sweep id such as sweep-1a2b3c4d", opts.resume);
    const fromFile = file === undefined ? undefined : loadSweep(file);
    if (opts.queue !== undefined) parseRedisUrl(opts.queue, "--queue"); // a bad URL fails before anything starts
    const { executor, localWorker } = await openExecutor(opts); // Redis unreachable: fails here, the store untouched
    const store = openStoreFor(opts);
    let sweep: Sweep;
    try {
      sweep = fromFile ?? loadStoredSweep(store, opts.resume as string);
    } catch (e) {
      store.close();
      await localWorker?.close();
      await executor.close();
      throw e;
    }
    let sweepId = "";
    const onSignal = () => {
      if (sweepId !== "") setSweepStatus(store, sweepId, "interrupted", "interrupted by a signal");
      process.stderr.write(`\npqms: sweep ${sweepId} interrupted; the runs stored so far stay in ${store.path}; continue with: pqms sweep --resume ${sweepId} --db ${store.path}\n`);
      process.exit(130);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      process.stderr.write(`pqms: sweep ${sweep.name}: ${sweep.points.length} points × ${sweep.seeds.length} seeds = ${sweep.runs.length} runs on ${executor.description}\n`);
      const outcome = await runSweep(sweep, store, executor, {
        codeVersion: PACKAGE_VERSION,
        ...(opts.resume === undefined ? {} : { resumeId: opts.resume, force: opts.force === true }),
        onStart: (id) => (sweepId = id),
        onPlan: (p) => {
          if (opts.resume !== undefined) process.stderr.write(`pqms: resuming sweep ${opts.resume}: ${p.done} runs done, ${p.fromCheckpoint} continue from their last checkpoint, ${p.fromStart} start\n`);
        },
        onProgress: progressPrinter(() => `sweep ${sweepId}`),
      });
      const summary = summarizeSweep(store, outcome.sweepId, sweep.confidence, sweep.metrics);
      const dir = opts.out ?? (store.path === ":memory:" ? resolve("pqms-reports", outcome.sweepId) : join(dirname(resolve(store.path)), "reports", outcome.sweepId));
      const report = opts.report ? writeSweepReport(summary, dir) : undefined;
      if (opts.json === true) {
        printJson({
          sweepId: outcome.sweepId, status: outcome.status, name: sweep.name, executor: executor.description,
          points: sweep.points, runs: outcome.runs, failures: outcome.failures, summary: summary.points.map((p) => ({ point: p.point.index, metrics: p.metrics })),
          report: report?.dir ?? null, db: store.path,
        });
      } else {
        printHuman(outcome, sweepMarkdown(summary), report?.dir, store);
      }
      if (outcome.status !== "done") process.exitCode = 3;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await localWorker?.close();
      await executor.close();
      store.close();
    }
  });
}
