/**
 * One run, start (or checkpoint) to end, in memory: the function every executor calls, on
 * whichever thread or machine, so the result depends only on (scenario, seed, code version).
 * A run resumed from a checkpoint ends with the fingerprint of the uninterrupted run (run.ts).
 */
import { Runner, runClock, type Checkpoint, type RunSink, type Sample } from "../run.js";
import type { ModelEvent } from "../model.js";
import { modelFor } from "../models/index.js";
import type { Scenario } from "../scenario/index.js";
import { readCheckpoint } from "../checkpoint.js";
import { type EncodedState, encodeStateBytes } from "../state-codec.js";
import type { RunCheckpoint, RunOutput } from "./run-task.js";

/** Ticks per `advance` call (the run is synchronous; slicing only bounds each call). */
const TICKS_PER_SLICE = 4096;

class CollectingSink implements RunSink {
  samples: Sample[] = [];
  events: ModelEvent[] = [];
  /** Time of the last checkpoint reported (what `samples`/`events` come after). */
  fromTNs: number;

  constructor(fromTNs: number, private readonly durationNs: number, private readonly report: ((p: RunCheckpoint) => void) | undefined) {
    this.fromTNs = fromTNs;
  }

  sample(s: Sample): void {
    this.samples.push(s);
  }

  event(e: ModelEvent): void {
    this.events.push(e);
  }

  // The final checkpoint is not reported: the run's end comes with its fingerprint, in the output.
  checkpoint(cp: Checkpoint): void {
    if (this.report === undefined || cp.tNs === this.durationNs) return;
    this.report({ tNs: cp.tNs, checkpoint: encodeStateBytes(cp), samples: this.samples, events: this.events });
    this.samples = [];
    this.events = [];
    this.fromTNs = cp.tNs;
  }
}

export interface ExecuteRunOptions {
  /** Continue from this checkpoint (sim/state-codec: binary bytes, or text of older stores). */
  readonly resume?: EncodedState;
  /** Told each checkpoint but the final one, with what was recorded since the previous. */
  readonly onCheckpoint?: (p: RunCheckpoint) => void;
}

/**
 * Run `scenario` to its end and return what it recorded since the last checkpoint reported
 * (everything, without `onCheckpoint`). wallS is 0: the caller measures time.
 * Pure apart from the CPU it uses and the callback: no clock, no I/O.
 */
export function executeRun(scenario: Scenario, opts: ExecuteRunOptions = {}): RunOutput {
  const model = modelFor(scenario);
  const cp = opts.resume === undefined ? undefined : readCheckpoint(opts.resume, model.stateFormat, "checkpoint to resume from");
  const sink = new CollectingSink(cp?.tNs ?? 0, runClock(scenario).durationNs, opts.onCheckpoint);
  const runner = cp === undefined ? Runner.start(scenario, model, sink) : Runner.resume(scenario, model, cp, sink);
  while (!runner.advance(TICKS_PER_SLICE));
  const r = runner.result;
  if (r === undefined) throw new Error("pqms internal assertion: a finished runner has a result");
  return { fingerprint: r.fingerprint, ticks: r.ticks, eventCount: r.events, tNs: r.tNs, fromTNs: sink.fromTNs, samples: sink.samples, events: sink.events, wallS: 0 };
}
