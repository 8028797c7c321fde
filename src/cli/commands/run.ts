/** `pqms run [scenario]`: run a scenario end to end, save it in the run store, write its report. */
import type { Command } from "commander";
import { intFlag } from "../options.js";
import { PACKAGE_VERSION } from "../../version.js";
import { resolveScenario, SEED_MAX, type Scenario } from "../../sim/scenario/index.js";
import { Runner, runClock } from "../../sim/run.js";
import { modelFor } from "../../sim/models/index.js";
import { prepareOutDir } from "../support/out-path.js";
import { loadScenarioInput, DEFAULT_SCENARIO } from "../../store/scenario-file.js";
import { parseSetArg, resolveWithSet, type ParamValue } from "../../experiments/sweep/spec.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";
import { drive, printSummary, reportRun, storeSink } from "../support/drive.js";
import { Progress } from "../support/progress.js";

interface RunOptions {
  seed?: number;
  out?: string;
  json?: boolean;
  db?: string;
  report: boolean;
  set: string[];
}

/** Collects repeated `--set path=value` flags in order. */
function collectSet(raw: string, acc: string[]): string[] {
  return [...acc, raw];
}

/** The scenario from a file, name or text with `--set path=value …` applied before it is resolved. */
export function scenarioWithSets(scenarioArg: string, sets: readonly string[]): Scenario {
  const { input, source } = loadScenarioInput(scenarioArg);
  const set: Record<string, ParamValue> = {};
  for (const raw of sets) {
    const [path, value] = parseSetArg(raw);
    set[path] = value;
  }
  return resolveWithSet(input, set, source, "--set");
}

/** The scenario with `--seed` applied (re-validated). */
function withSeed(sc: Scenario, seed: number | undefined): Scenario {
  return seed === undefined ? sc : resolveScenario({ ...sc, run: { ...sc.run, seed } }, "--seed");
}

export function registerRun(program: Command): void {
  const cmd = program
    .command("run")
    .description("run a scenario (file, bundled name, default: v3000-default) on the event kernel, save it, write its report")
    .argument("[scenario]", "scenario file (YAML/JSON) or bundled name", DEFAULT_SCENARIO)
    .option("--seed <n>", "override run.seed (unsigned 32-bit)", intFlag("--seed", 0, SEED_MAX))
    .option("--out <dir>", "report directory (default: <store dir>/reports/<runId>)")
    .option("--json", "print the summary as JSON (with runId and fingerprint)")
    .option("--no-report", "skip writing the report")
    .option("--set <path=value>", "set a dotted scenario path before the run (repeatable; e.g. run.durationS=1e-6), validated like a sweep's set", collectSet, []);
  withDbOption(cmd).action(async (scenarioArg: string, opts: RunOptions) => {
    if (opts.out !== undefined) opts.out = prepareOutDir(opts.out); // a bad --out fails before the run
    const scenario = withSeed(scenarioWithSets(scenarioArg, opts.set), opts.seed);
    const clock = runClock(scenario);
    const model = modelFor(scenario);
    const store = openStoreFor(opts);
    try {
      const runId = store.createRun({ scenario, codeVersion: PACKAGE_VERSION, durationNs: clock.durationNs });
      process.stderr.write(`pqms: run ${runId}: ${scenario.name}, seed ${scenario.run.seed} (reproduce with --seed ${scenario.run.seed}), store ${store.path}\n`);
      const progress = new Progress(runId, 0, clock.durationNs);
      const sink = storeSink(store, runId, progress);
      let runner: Runner;
      try {
        runner = Runner.start(scenario, model, sink);
      } catch (e) {
        store.deleteRun(runId); // nothing ran: leave no record behind
        throw e;
      }
      const outcome = await drive(store, runId, runner, sink, progress);
      const report = outcome.status === "done" && opts.report ? reportRun(store, runId, opts.out) : undefined;
      printSummary(store, runId, outcome, report, opts.json === true);
      if (outcome.status === "interrupted") process.exitCode = 130;
    } finally {
      store.close();
    }
  });
}
