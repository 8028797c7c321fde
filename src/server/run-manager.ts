/**
 * The runs this server drives. Starting one is what `pqms run` does (resolve the scenario, create
 * the run in the store, start the Runner), then a LiveRun drives it in the background and the
 * report is written when it finishes. Bounded: at most LIVE_RUNS_MAX at once.
 */
import { PACKAGE_VERSION } from "../version.js";
import { resolveScenario, type Scenario } from "../sim/scenario/index.js";
import { Runner, runClock } from "../sim/run.js";
import { modelFor } from "../sim/models/index.js";
import { loadScenario, DEFAULT_SCENARIO } from "../store/scenario-file.js";
import type { RunStore } from "../store/run-store.js";
import { HttpError } from "./http-error.js";
import { LiveRun } from "./live-run.js";
import { writeReportFor } from "./report.js";
import type { ScenarioBody } from "./body.js";

export const LIVE_RUNS_MAX = 4;

/** A scenario from a request: bundled name, text, or object; then the seed override. */
export function scenarioFrom(body: ScenarioBody): Scenario {
  const raw = body.scenario ?? DEFAULT_SCENARIO;
  let sc: Scenario;
  if (typeof raw === "string") {
    // A name must be a bare bundled name: never a path on the server's disk.
    if (!raw.includes("\n") && !raw.trimStart().startsWith("{") && !/^[\w-]{1,64}$/.test(raw)) {
      throw new HttpError(400, `body.scenario: expected a bundled scenario name ([A-Za-z0-9_-]) or YAML/JSON text, got ${JSON.stringify(raw.slice(0, 60))}`, "E_INPUT");
    }
    sc = loadScenario(raw).scenario;
  } else {
    sc = resolveScenario(raw, "body.scenario");
  }
  return body.seed === undefined ? sc : resolveScenario({ ...sc, run: { ...sc.run, seed: body.seed } }, "body.seed");
}

export class RunManager {
  private readonly live = new Map<string, LiveRun>();

  constructor(private readonly store: RunStore, private readonly writeReports = true) {}

  /** Start a run in the background; returns its id at once. */
  start(body: ScenarioBody): LiveRun {
    if (this.live.size >= LIVE_RUNS_MAX) throw new HttpError(429, `runs: expected at most ${LIVE_RUNS_MAX} live runs at once, got ${this.live.size} running (stop one first)`, "E_BUSY");
    const scenario = scenarioFrom(body);
    const clock = runClock(scenario);
    const model = modelFor(scenario);
    const runId = this.store.createRun({ scenario, codeVersion: PACKAGE_VERSION, durationNs: clock.durationNs });
    const live = new LiveRun(this.store, runId, clock.durationNs, (status) => {
      this.live.delete(runId);
      if (status === "done" && this.writeReports) {
        try {
          writeReportFor(this.store, runId);
        } catch {
          // The run itself is safe in the store; the report can be written later (POST …/report).
        }
      }
    });
    let runner: Runner;
    try {
      runner = Runner.start(scenario, model, live);
    } catch (e) {
      this.store.deleteRun(runId); // nothing ran: leave no record behind
      throw e;
    }
    this.live.set(runId, live);
    void live.drive(runner);
    return live;
  }

  get(runId: string): LiveRun | undefined {
    return this.live.get(runId);
  }

  get running(): readonly LiveRun[] {
    return [...this.live.values()];
  }

  /** Stop every live run (checkpointed, marked interrupted) and wait for them. */
  async stopAll(): Promise<void> {
    const all = this.running;
    for (const r of all) r.stop();
    await Promise.all(all.map((r) => r.finished));
  }
}
