/**
 * What an executor is given (one run: a resolved scenario, its seed inside) and what it hands
 * back (the run's recorded output). The coordinator, never an executor, writes the store.
 *
 * Both shapes are plain JSON data, so the same task and output travel between threads
 * (structured clone) and between machines (BullMQ job data and return values) unchanged.
 */
import type { ModelEvent } from "../model.js";
import type { Sample } from "../run.js";
import type { Scenario } from "../scenario/index.js";
import type { EncodedState } from "../state-codec.js";

/** One run to execute. `key` names it uniquely within its batch (e.g. `p3-s7`). */
export interface RunTask {
  readonly key: string;
  readonly scenario: Scenario;
  /** Code version of the coordinator: a worker running other code refuses the task. */
  readonly codeVersion: string;
  /**
   * Continue from this checkpoint (sim/state-codec encoding of a `Checkpoint` of the same run:
   * binary bytes, or text from a store written before binary checkpoints).
   */
  readonly resume?: EncodedState;
  /**
   * Told each checkpoint (not the final one) with what was recorded since the previous one, so
   * the coordinator can commit it and a killed sweep can continue from there. Executors that
   * cannot call back (a queue on another machine) ignore it; the output then holds everything.
   * Not part of the data that travels (functions are dropped before a task is sent).
   */
  readonly onCheckpoint?: (p: RunCheckpoint) => void;
}

/** A checkpoint of a run in progress and what was recorded since the previous report. */
export interface RunCheckpoint {
  readonly tNs: number;
  /** sim/state-codec binary encoding of the `Checkpoint` (`encodeStateBytes`). */
  readonly checkpoint: Uint8Array;
  readonly samples: readonly Sample[];
  readonly events: readonly ModelEvent[];
}

/** Everything a finished run recorded, for the coordinator to store. */
export interface RunOutput {
  readonly fingerprint: string;
  readonly ticks: number;
  /** Kernel events plus model events (RunResult.events). */
  readonly eventCount: number;
  /** Simulated time reached, ns (the scenario's duration). */
  readonly tNs: number;
  /**
   * `samples` and `events` are what came after this simulated time, ns: 0 for a run from the
   * start that reported no checkpoint; else the last checkpoint reported or resumed from.
   */
  readonly fromTNs: number;
  readonly samples: readonly Sample[];
  readonly events: readonly ModelEvent[];
  /** Wall seconds the run took where it ran (not part of the fingerprint). */
  readonly wallS: number;
}

/** Runs tasks somewhere: threads on this machine, or workers behind a queue. */
export interface RunExecutor {
  /** Human description, e.g. "local pool of 4 threads". */
  readonly description: string;
  /** Execute one run; resolves with its output or rejects with the reason it failed. */
  run(task: RunTask): Promise<RunOutput>;
  /** Release threads and connections (pending runs are abandoned). */
  close(): Promise<void>;
}
