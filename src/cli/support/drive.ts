/**
 * Drives a `Runner` to its end for `pqms run` and `pqms resume`: slices of ticks between which
 * the event loop runs (progress, Ctrl-C), progress commits at every checkpoint (samples, events
 * and checkpoint in one transaction), the final status, then the report.
 *
 * Ctrl-C (SIGINT) or SIGTERM: a checkpoint is taken at the current tick, committed, the run is
 * marked `interrupted` and the process exits with 130. A crash (kill -9, power loss) leaves the
 * last committed checkpoint; `pqms resume` continues from it to the same fingerprint.
 */
import { StoreError } from "../../errors.js";
import { dirname, join, resolve } from "node:path";
import { hostname } from "node:os";
import type { Runner, RunSink, Sample, Checkpoint } from "../../sim/run.js";
import type { ModelEvent } from "../../sim/model.js";
import { encodeStateBytes } from "../../sim/state-codec.js";
import type { RunStore, RunRecord } from "../../store/run-store.js";
import { writeRunReport, type RunReport } from "../../report/run-report.js";
import { FAILOVER_EVENT_KINDS } from "../../report/failover-plot.js";
import { compareMetricKeys, formatMetric, metricInfo } from "../../report/metric-table.js";
import { Progress } from "./progress.js";
import { interplanetarySummary, type InterplanetarySummary } from "../../experiments/interplanetary/run-summary.js";

/** Buffers samples and events and commits them with each checkpoint. */
class StoreSink implements RunSink {
  private samples: Sample[] = [];
  private events: ModelEvent[] = [];
  private lastWallS = 0;

  constructor(private readonly store: RunStore, private readonly runId: string, private readonly wallS: () => number) {}

  sample(s: Sample): void {
    this.samples.push(s);
  }

  event(e: ModelEvent): void {
    this.events.push(e);
  }

  checkpoint(cp: Checkpoint): void {
    const wall = this.wallS();
    this.store.commitProgress(this.runId, { samples: this.samples, events: this.events, checkpoint: encodeStateBytes(cp), simTNs: cp.tNs, wallS: wall - this.lastWallS });
    this.lastWallS = wall;
    this.samples = [];
    this.events = [];
  }
}

/** The sink a runner needs, bound to a store and a run. Create before the Runner. */
export function storeSink(store: RunStore, runId: string, progress: { elapsedS: number }): RunSink {
  return new StoreSink(store, runId, () => progress.elapsedS);
}

/** Is a run marked `running` actually dead (its process gone on this host)? */
export function isStale(run: RunRecord): boolean {
  if (run.status !== "running" || run.pid === null || run.host !== hostname()) return false;
  try {
    process.kill(run.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export interface DriveOutcome {
  readonly status: "done" | "interrupted";
  readonly fingerprint?: string;
}

/** Run `runner` to the end (or to Ctrl-C), committing through `sink` and marking the run. */
export async function drive(store: RunStore, runId: string, runner: Runner, sink: RunSink, progress: Progress): Promise<DriveOutcome> {
  let stop = false;
  const onSignal = () => {
    if (stop) process.exit(130); // a second Ctrl-C: leave now, the last checkpoint stays
    stop = true;
    process.stderr.write("\npqms: interrupted, writing a checkpoint… (Ctrl-C again to quit at once)\n");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    while (!runner.advance(1)) {
      progress.update(runner.tNs);
      await new Promise<void>((r) => setImmediate(r));
      if (stop) {
        sink.checkpoint(runner.interrupt()); // also stops the model's threads (Model.dispose)
        store.setStatus(runId, "interrupted", { pid: null });
        progress.end();
        return { status: "interrupted" };
      }
    }
    progress.update(runner.tNs, true);
    progress.end();
    const fingerprint = runner.result?.fingerprint as string;
    store.setStatus(runId, "done", { fingerprint, pid: null });
    return { status: "done", fingerprint };
  } catch (e) {
    runner.close(); // the run has ended: stop the model's threads (already done if the run itself failed)
    progress.end();
    if (e instanceof StoreError) {
      // The store itself failed (corrupt, not writable): the last committed checkpoint is all
      // that is kept (each commit is one transaction); marking the run may fail too.
      try {
        store.setStatus(runId, "interrupted", { pid: null });
      } catch {
        // nothing more can be written; the run stays at its last checkpoint
      }
      throw new StoreError(e.file, e.problem, `${e.message}; run ${runId} stopped, its last checkpoint stays (pqms resume ${runId} once the store is fixed)`);
    }
    store.setStatus(runId, "failed", { error: e instanceof Error ? e.message : String(e), pid: null });
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Default report directory: `<store dir>/reports/<runId>`. */
export function defaultReportDir(store: RunStore, runId: string): string {
  return store.path === ":memory:" ? resolve("pqms-reports", runId) : join(dirname(resolve(store.path)), "reports", runId);
}

/** Write a run's report from the store and record its files as artifacts. */
export function reportRun(store: RunStore, runId: string, outDir: string | undefined, format: "html" | "md" = "html"): RunReport {
  const run = store.getRun(runId);
  const report = writeRunReport({
    runId: run.id, status: run.status, scenario: run.scenario, codeVersion: run.codeVersion, fingerprint: run.fingerprint,
    createdAt: run.createdAt, wallS: run.wallS, metrics: store.metrics(run.id), eventCounts: store.eventCounts(run.id),
    ...(run.scenario.faults ? { events: store.events(run.id).filter((e) => FAILOVER_EVENT_KINDS.includes(e.kind)) } : {}),
  }, outDir ?? defaultReportDir(store, run.id), format);
  store.addArtifact(run.id, { name: `report.${format}`, mediaType: format === "html" ? "text/html" : "text/markdown", path: report.path });
  for (const p of report.plots) {
    store.addArtifact(run.id, { name: `${p.name}.svg`, mediaType: "image/svg+xml", path: p.svgPath });
    store.addArtifact(run.id, { name: `${p.name}.png`, mediaType: "image/png", path: p.pngPath });
  }
  return report;
}

/** The last value of each metric of a run. */
export function finalMetrics(store: RunStore, runId: string): Record<string, number> {
  return lastValues(store.metrics(runId));
}

/** The last value of each series of a run's metrics already read from the store. */
function lastValues(metrics: ReturnType<RunStore["metrics"]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, s] of metrics) if (s.value.length > 0) out[name] = s.value[s.value.length - 1]!;
  return out;
}

/**
 * The final value of each metric, one per line, labelled and unitised from the metric table and
 * in its order (groups as the dashboard shows them): "Global RCF (mean over the MST)  0.9999286".
 */
export function finalLines(final: Readonly<Record<string, number>>): string[] {
  const keys = Object.keys(final).sort(compareMetricKeys);
  const width = Math.max(...keys.map((k) => metricInfo(k).label.length));
  return keys.map((k) => `${metricInfo(k).label.padEnd(width)}  ${formatMetric(k, final[k])}`);
}

/** Print the summary of a finished or interrupted run (stdout), human or JSON. */
export function printSummary(store: RunStore, runId: string, outcome: DriveOutcome, report: RunReport | undefined, json: boolean): void {
  const run = store.getRun(runId);
  const metrics = store.metrics(runId); // read once: the final values and the interplanetary figures both come from it
  const final = lastValues(metrics);
  const events = store.eventCounts(runId);
  const ip = run.scenario.model === "interplanetary" ? interplanetarySummary(run.scenario, metrics, store.events(runId)) : undefined;
  if (json) {
    process.stdout.write(`${JSON.stringify({
      runId, status: run.status, scenario: run.scenario.name, seed: run.seed, fingerprint: run.fingerprint, codeVersion: run.codeVersion,
      simulatedS: run.simTNs * 1e-9, durationS: run.durationNs * 1e-9, wallS: run.wallS, db: store.path, final, events,
      report: report?.path ?? null, verdicts: report?.verdicts ?? [], ...(ip ? { interplanetary: ip } : {}),
    }, null, 2)}\n`);
    return;
  }
  const lines = [
    `run ${runId} ${outcome.status === "done" ? "finished" : "interrupted"}: ${run.scenario.name} (seed ${run.seed}, ${nodesText(run.scenario)})`,
    `  simulated ${(run.simTNs * 1e-9).toExponential(3)} s of ${(run.durationNs * 1e-9).toExponential(3)} s, wall ${run.wallS.toFixed(1)} s`,
  ];
  if (outcome.status === "done") lines.push(`  fingerprint ${run.fingerprint}`);
  const m = finalLines(final);
  if (m.length > 0) lines.push("  at the end:", ...m.map((l) => `    ${l}`));
  if (ip !== undefined) lines.push(...interplanetaryLines(ip));
  if (Object.keys(events).length > 0) lines.push(`  events: ${Object.entries(events).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  if (report !== undefined) {
    for (const v of report.verdicts) lines.push(`  ${v.outcome.padEnd(14)} ${v.claim} (${v.section}): expected ${v.expected}, measured ${v.measured}`);
  }
  lines.push(`  store: ${store.path}`);
  if (outcome.status === "interrupted") lines.push(`  continue with: pqms resume ${runId}${store.path.endsWith(".pqms/runs.db") ? "" : ` --db ${store.path}`}`);
  if (report !== undefined) lines.push(`report: ${report.path}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** What a run's nodes are, for its summary line. */
function nodesText(sc: RunRecord["scenario"]): string {
  const ip = sc.model === "interplanetary" ? sc.interplanetary : undefined;
  if (ip === undefined) return `${sc.mesh.nodes} nodes, d = ${sc.mesh.dim}`;
  return `${ip.earth.nodes} Earth satellites, ${ip.mars.areostationary} Mars sites${ip.relays.length > 0 ? `, relays ${ip.relays.join(", ")}` : ""}, from ${ip.epoch}`;
}

/** The interplanetary run's figures, one per line, for the human summary. */
function interplanetaryLines(ip: InterplanetarySummary): string[] {
  const e = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? "n/a" : x.toExponential(2));
  const lat = ip.latencyS;
  return [
    `  light-time Earth–Mars ${e(ip.lightTimeS.min)} … ${e(ip.lightTimeS.max)} s; gap open ${(100 * ip.gapOpenFraction).toFixed(1)}% of samples`,
    ...ip.linkDown.map((p) => `  gap closed ${p.start} → ${p.end} (${p.days.toFixed(2)} days, ${p.cause}${p.open ? ", still closed at the end" : ""})`),
    `  Earth–Mars residual |r| median ${e(ip.umtResidualS.median)} s, p99 ${e(ip.umtResidualS.p99)} s (${ip.umtResidualS.mode}, ${ip.umtResidualS.clock}); in hold-over up to ${e(ip.residualGrowth.closedMaxAbsS)} s; §5.2 claims ${ip.paper.residualS} s`,
    `  routed latency median / p99: Earth ${e(lat.earth?.median)} / ${e(lat.earth?.p99)} s, Mars ${e(lat.mars?.median)} / ${e(lat.mars?.p99)} s, across ${e(lat.across?.median)} / ${e(lat.across?.p99)} s; §5.2 claims < ${ip.paper.latencyS} s`,
    `  ${ip.verdict.outcome.padEnd(14)} ${ip.verdict.text}`,
  ];
}
