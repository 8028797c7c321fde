/** `pqms resume <runId>`: continue an interrupted, failed or crashed run from its last checkpoint. */
import type { Command } from "commander";
import { InputError, PqmsError } from "../../errors.js";
import { PACKAGE_VERSION } from "../../version.js";
import { resolveScenario } from "../../sim/scenario/index.js";
import { Runner, runClock } from "../../sim/run.js";
import { modelFor } from "../../sim/models/index.js";
import { prepareOutDir } from "../support/out-path.js";
import { readCheckpoint } from "../../sim/checkpoint.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";
import { drive, isStale, printSummary, reportRun, storeSink } from "../support/drive.js";
import { Progress } from "../support/progress.js";

interface ResumeOptions {
  out?: string;
  json?: boolean;
  db?: string;
  report: boolean;
  force?: boolean;
  set?: string;
}

export function registerResume(program: Command): void {
  const cmd = program
    .command("resume")
    .description("continue a run from its last checkpoint (same fingerprint as an uninterrupted run)")
    .argument("<runId>", "run id (or a unique prefix)")
    .option("--out <dir>", "report directory (default: <store dir>/reports/<runId>)")
    .option("--json", "print the summary as JSON")
    .option("--no-report", "skip writing the report")
    .option("--force", "resume a run marked running whose process cannot be checked (another host)")
    .option("--set <path=value>", "refused: a resumed run continues its stored scenario (start a new run with pqms run --set)");
  withDbOption(cmd).action(async (idArg: string, opts: ResumeOptions) => {
    if (opts.set !== undefined) {
      throw InputError.of("--set", `no --set: a resumed run continues run ${idArg}'s stored scenario from its checkpoint, so its fingerprint matches an uninterrupted run (start a new run with pqms run --set)`, opts.set);
    }
    if (opts.out !== undefined) opts.out = prepareOutDir(opts.out); // a bad --out fails before the run
    const store = openStoreFor(opts);
    try {
      const run = store.getRun(idArg);
      if (run.status === "done") throw new PqmsError(`run ${run.id} is already done (fingerprint ${run.fingerprint}); nothing to resume`, "E_STATE", 2);
      if (run.status === "running" && !isStale(run) && opts.force !== true) {
        throw new PqmsError(`run ${run.id} is still running (pid ${run.pid} on ${run.host}); stop it first, or pass --force if that process is gone`, "E_STATE", 2);
      }
      if (run.codeVersion !== PACKAGE_VERSION) {
        process.stderr.write(`pqms: warning: run ${run.id} was started by pqms ${run.codeVersion}, this is ${PACKAGE_VERSION}: the fingerprint may differ\n`);
      }
      const scenario = resolveScenario(run.scenario, `run ${run.id}`);
      const clock = runClock(scenario);
      const cpRow = store.latestCheckpoint(run.id);
      store.setStatus(run.id, "running");
      const progress = new Progress(run.id, cpRow?.tNs ?? 0, clock.durationNs);
      const sink = storeSink(store, run.id, progress);
      let runner: Runner;
      try {
        const model = modelFor(scenario);
        runner = cpRow === undefined
          ? Runner.start(scenario, model, sink)
          : Runner.resume(scenario, model, readCheckpoint(cpRow.state, model.stateFormat, `run ${run.id} checkpoint`), sink);
      } catch (e) {
        store.setStatus(run.id, "failed", { error: e instanceof Error ? e.message : String(e), pid: null });
        throw e;
      }
      process.stderr.write(`pqms: resuming ${run.id} at t = ${((cpRow?.tNs ?? 0) * 1e-9).toExponential(3)} s (${cpRow === undefined ? "no checkpoint yet: from the start" : "last checkpoint"})\n`);
      const outcome = await drive(store, run.id, runner, sink, progress);
      const report = outcome.status === "done" && opts.report ? reportRun(store, run.id, opts.out) : undefined;
      printSummary(store, run.id, outcome, report, opts.json === true);
      if (outcome.status === "interrupted") process.exitCode = 130;
    } finally {
      store.close();
    }
  });
}
