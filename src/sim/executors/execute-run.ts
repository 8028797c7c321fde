/**
 * One run, start to end, in memory: the function every executor calls, on whichever thread or
 * machine, so the result depends only on (scenario, seed, code version).
 */
import { Runner, type Checkpoint, type RunSink, type Sample } from "../run.js";
import type { ModelEvent } from "../model.js";
import { modelFor } from "../models/index.js";
import type { Scenario } from "../scenario/index.js";
import type { RunOutput } from "./run-task.js";

/** Ticks per `advance` call (the run is synchronous; slicing only bounds each call). */
const TICKS_PER_SLICE = 4096;

class CollectingSink implements RunSink {
  readonly samples: Sample[] = [];
  readonly events: ModelEvent[] = [];

  sample(s: Sample): void {
    this.samples.push(s);
  }

  event(e: ModelEvent): void {
    this.events.push(e);
  }

  // A run executed here is stored only when it has finished: checkpoints are not kept.
  checkpoint(_cp: Checkpoint): void {}
}

/**
 * Run `scenario` to its end and return what it recorded (wallS 0: the caller measures time).
 * Pure apart from the CPU it uses: no clock, no I/O.
 */
export function executeRun(scenario: Scenario): RunOutput {
  const sink = new CollectingSink();
  const runner = Runner.start(scenario, modelFor(scenario), sink);
  while (!runner.advance(TICKS_PER_SLICE));
  const r = runner.result;
  if (r === undefined) throw new Error("pqms internal assertion: a finished runner has a result");
  return { fingerprint: r.fingerprint, ticks: r.ticks, eventCount: r.events, tNs: r.tNs, samples: sink.samples, events: sink.events, wallS: 0 };
}
