/** `pqms runs list | show | export | diff | rm`: the run store from the command line. */
import type { Command } from "commander";
import { NotFoundError, PqmsError, StoreError } from "../../errors.js";
import { checkStore, describeHealth } from "../../store/check.js";
import { checkOutFile, writeOutFile } from "../support/out-path.js";
import { choiceFlag } from "../options.js";
import { printJson } from "../output.js";
import type { RunRecord, RunStore } from "../../store/run-store.js";
import { flattenParams } from "../../report/run-report.js";
import { existsSync } from "node:fs";
import { openStoreFor, resolveDbPath, withDbOption } from "../support/store-option.js";
import { finalLines, finalMetrics, isStale } from "../support/drive.js";
import { formatMetric, metricInfo } from "../../report/metric-table.js";

interface Common {
  db?: string;
  json?: boolean;
}

function statusOf(r: RunRecord): string {
  return isStale(r) ? "crashed" : r.status;
}

function runSummary(r: RunRecord) {
  return {
    id: r.id, status: statusOf(r), scenario: r.scenario.name, seed: r.seed, fingerprint: r.fingerprint, codeVersion: r.codeVersion,
    createdAt: r.createdAt, finishedAt: r.finishedAt, simulatedS: r.simTNs * 1e-9, durationS: r.durationNs * 1e-9, wallS: r.wallS,
    nodes: r.scenario.mesh.nodes,
  };
}

/** Open the store (read-only unless `write`: then a read-only file can still be read), run `fn`, close. */
function withStore<T>(opts: Common, fn: (s: RunStore) => T, write = false): T {
  const s = openStoreFor(opts, !write);
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd()).join("\n");
}

function list(opts: Common): void {
  if (!existsSync(resolveDbPath(opts.db))) { // no store yet: nothing to list, and nothing created
    if (opts.json) return printJson({ runs: [] });
    return void process.stdout.write(`no runs in ${resolveDbPath(opts.db)} (no store there yet)\n`);
  }
  withStore(opts, (s) => {
    const runs = s.listRuns().map(runSummary);
    if (opts.json) return printJson({ runs });
    if (runs.length === 0) return void process.stdout.write(`no runs in ${s.path}\n`);
    const rows = [["ID", "STATUS", "SCENARIO", "SEED", "NODES", "PROGRESS", "FINGERPRINT", "CREATED"]];
    for (const r of runs) rows.push([r.id, r.status, r.scenario, String(r.seed), String(r.nodes), `${((100 * r.simulatedS) / r.durationS || 0).toFixed(0)}%`, r.fingerprint ?? "-", r.createdAt]);
    process.stdout.write(`${table(rows)}\n`);
  });
}

function show(id: string, opts: Common): void {
  withStore(opts, (s) => {
    const r = s.getRun(id);
    const detail = { ...runSummary(r), pid: r.pid, host: r.host, error: r.error, events: s.eventCounts(r.id), final: finalMetrics(s, r.id), artifacts: s.artifacts(r.id), scenarioResolved: r.scenario };
    if (opts.json) return printJson(detail);
    const lines = [
      `run ${r.id}: ${r.scenario.name} (${statusOf(r)})`,
      `  seed ${r.seed}, code ${r.codeVersion}, fingerprint ${r.fingerprint ?? "-"}`,
      `  created ${r.createdAt}, finished ${r.finishedAt ?? "-"}, wall ${r.wallS.toFixed(1)} s`,
      `  simulated ${(r.simTNs * 1e-9).toExponential(3)} s of ${(r.durationNs * 1e-9).toExponential(3)} s`,
      ...(r.error ? [`  error: ${r.error}`] : []),
      `  events: ${Object.entries(detail.events).map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`,
      ...(Object.keys(detail.final).length === 0 ? ["  final metrics: none"] : ["  final metrics:", ...finalLines(detail.final).map((l) => `    ${l}`)]),
      ...detail.artifacts.map((a) => `  artifact ${a.name}: ${a.path ?? "(in store)"}`),
      "  parameters:",
      ...flattenParams(r.scenario).map(([k, v]) => `    ${k} = ${v}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  });
}

/** Metric series as a wide CSV: tNs, tS, one column per metric. */
export function metricsCsv(metrics: Map<string, { tNs: number[]; value: number[] }>): string {
  const names = [...metrics.keys()].sort();
  const times = [...new Set(names.flatMap((n) => metrics.get(n)?.tNs ?? []))].sort((a, b) => a - b);
  const at = new Map(names.map((n) => {
    const m = metrics.get(n) as { tNs: number[]; value: number[] };
    return [n, new Map(m.tNs.map((t, i) => [t, m.value[i]!]))] as const;
  }));
  const lines = [["tNs", "tS", ...names].join(",")];
  for (const t of times) lines.push([String(t), String(t * 1e-9), ...names.map((n) => { const v = at.get(n)?.get(t); return v === undefined || Number.isNaN(v) ? "" : String(v); })].join(","));
  return `${lines.join("\n")}\n`;
}

function exportRun(id: string, opts: Common & { format: "csv" | "json"; out?: string }): void {
  const out = opts.out === undefined ? undefined : checkOutFile(opts.out); // before any work
  withStore(opts, (s) => {
    const r = s.getRun(id);
    const metrics = s.metrics(r.id);
    const text = opts.format === "csv"
      ? metricsCsv(metrics)
      : `${JSON.stringify({ run: { ...runSummary(r), scenarioResolved: r.scenario }, metrics: Object.fromEntries(metrics), events: s.events(r.id) }, null, 2)}\n`;
    if (out === undefined) process.stdout.write(text);
    else {
      writeOutFile(out, text);
      process.stderr.write(`pqms: wrote ${opts.out}\n`);
    }
  });
}

function diff(a: string, b: string, opts: Common): void {
  withStore(opts, (s) => {
    const ra = s.getRun(a);
    const rb = s.getRun(b);
    const pa = new Map(flattenParams(ra.scenario));
    const pb = new Map(flattenParams(rb.scenario));
    const keys = [...new Set([...pa.keys(), ...pb.keys()])].sort();
    const parameters = keys.filter((k) => pa.get(k) !== pb.get(k)).map((k) => ({ path: k, a: pa.get(k) ?? null, b: pb.get(k) ?? null }));
    const fa = finalMetrics(s, ra.id);
    const fb = finalMetrics(s, rb.id);
    const metrics = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort().map((k) => ({ name: k, a: fa[k] ?? null, b: fb[k] ?? null, delta: fa[k] !== undefined && fb[k] !== undefined ? fb[k] - fa[k] : null }));
    const result = { a: ra.id, b: rb.id, sameFingerprint: ra.fingerprint !== null && ra.fingerprint === rb.fingerprint, fingerprints: { a: ra.fingerprint, b: rb.fingerprint }, codeVersions: { a: ra.codeVersion, b: rb.codeVersion }, parameters, finalMetrics: metrics };
    if (opts.json) return printJson(result);
    const lines = [`${ra.id} vs ${rb.id}: fingerprints ${result.sameFingerprint ? "identical" : "differ"} (${ra.fingerprint ?? "-"} / ${rb.fingerprint ?? "-"})`];
    if (ra.codeVersion !== rb.codeVersion) lines.push(`  code versions differ: ${ra.codeVersion} / ${rb.codeVersion}`);
    lines.push(parameters.length === 0 ? "  parameters: identical" : "  parameters that differ:");
    for (const p of parameters) lines.push(`    ${p.path}: ${p.a ?? "(absent)"} → ${p.b ?? "(absent)"}`);
    lines.push("  final metrics:");
    for (const m of metrics) lines.push(`    ${metricInfo(m.name).label}: ${formatMetric(m.name, m.a ?? undefined)} → ${formatMetric(m.name, m.b ?? undefined)}${m.delta !== null && m.delta !== 0 ? ` (Δ ${formatMetric(m.name, m.delta)})` : ""}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  });
}

/** Why one id of `runs rm` cannot be removed, or undefined when it can. */
function refusal(s: RunStore, id: string, force: boolean): { id: string; error: PqmsError } | { id: string; runId: string } {
  try {
    const r = s.getRun(id);
    if (r.status === "running" && !isStale(r) && !force) return { id, error: new PqmsError(`run ${r.id} is running (pid ${r.pid}); stop it first or pass --force`, "E_STATE", 2) };
    return { id, runId: r.id };
  } catch (e) {
    if (e instanceof PqmsError) return { id, error: e };
    throw e;
  }
}

/**
 * All or nothing: every id is checked first; if any is unknown, ambiguous or running, nothing is
 * removed and each refused id is named (exit code of the first refusal: 4 not found, 2 otherwise).
 */
function rm(ids: string[], opts: Common & { force?: boolean }): void {
  withStore(opts, (s) => {
    const checked = ids.map((id) => refusal(s, id, opts.force === true));
    const refused = checked.filter((c): c is { id: string; error: PqmsError } => "error" in c);
    if (refused.length > 0) {
      const why = refused.map((c) => c.error.message).join("; ");
      const first = refused[0]!.error;
      throw new PqmsError(`nothing removed: ${why}`, first.code, first instanceof NotFoundError ? 4 : first.exitCode);
    }
    const removed = [...new Set(checked.map((c) => (c as { runId: string }).runId))];
    s.db.transaction(() => {
      for (const id of removed) s.deleteRun(id);
    }).immediate();
    if (opts.json) printJson({ removed });
    else process.stdout.write(`removed ${removed.join(", ")}\n`);
  }, true);
}

/** SQLite's integrity check and what can still be read; exit code 6 when the store is damaged. */
function check(opts: Common): void {
  const h = checkStore(resolveDbPath(opts.db));
  if (opts.json) printJson(h);
  else process.stdout.write(`${describeHealth(h)}\n`);
  if (!h.ok) process.exitCode = new StoreError(h.file, "corrupt", "").exitCode;
}

export function registerRuns(program: Command): void {
  const runs = program.command("runs").description("list, show, export, compare, remove and check saved runs");
  withDbOption(runs.command("list").description("list the runs in the store").option("--json", "print { runs: [...] }")).action((o: Common) => list(o));
  withDbOption(runs.command("show").description("show one run").argument("<runId>").option("--json", "print as JSON")).action((id: string, o: Common) => show(id, o));
  withDbOption(runs.command("export").description("export a run's metrics (csv) or everything (json)").argument("<runId>")
    .option("--format <fmt>", "csv or json", choiceFlag("--format", ["csv", "json"] as const), "json")
    .option("--out <file>", "write to a file instead of stdout"))
    .action((id: string, o: Common & { format: "csv" | "json"; out?: string }) => exportRun(id, o));
  withDbOption(runs.command("diff").description("compare two runs: parameters, fingerprints, final metrics").argument("<a>").argument("<b>").option("--json", "print as JSON"))
    .action((a: string, b: string, o: Common) => diff(a, b, o));
  withDbOption(runs.command("rm").description("remove runs and everything recorded with them").argument("<runId...>").option("--force", "remove even a live running run").option("--json", "print as JSON"))
    .action((ids: string[], o: Common & { force?: boolean }) => rm(ids, o));
  withDbOption(runs.command("check").description("check the store file (SQLite integrity check) and say which runs can still be read").option("--json", "print as JSON"))
    .action((o: Common) => check(o));
}
