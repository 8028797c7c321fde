/**
 * The run loop: drives a `Model` on the event kernel, samples metrics, passes events on, takes
 * checkpoints, and resumes from one to exactly the same fingerprint as an uninterrupted run.
 *
 * Time: one kernel event `tick` every `run.tickS`; at each tick the model steps to that time.
 * After a tick at a multiple of `sampleEveryS` the model's metrics are sampled; after a tick at a
 * multiple of `checkpointEveryS` (and at the end) a checkpoint is handed to the sink. The
 * fingerprint folds every tick, every model event, every sample and, at the end, the final
 * model state, so it is a hash of the whole trajectory.
 *
 * Pure and synchronous: `advance(maxTicks)` does a bounded amount of work and returns, so the
 * caller (the CLI) can yield to the event loop between slices to show progress and react to
 * Ctrl-C. No clock, no I/O here: the sink does the recording.
 *
 * The run ends exactly once — finished, interrupted (`interrupt()`, e.g. on Ctrl-C) or failed (an
 * error from the model or the sink, rethrown) — and then the model's `dispose` is called, so what
 * it holds outside its state (a sharded mesh's worker threads) stops at once.
 */
import { assert } from "../errors.js";
import { randomStreamFactory, type RandomStream } from "../numeric/random/stream.js";
import { Fingerprint } from "./fingerprint.js";
import { Kernel } from "./kernel.js";
import type { Model, ModelEvent, NodeView } from "./model.js";
import type { Scenario } from "./scenario/index.js";
import { CHECKPOINT_FORMAT, checkCheckpoint, type Checkpoint } from "./checkpoint.js";
import { foldState } from "./state-codec.js";
import { StreamSet, type StreamFactory } from "./streams.js";

export { CHECKPOINT_FORMAT, CheckpointError, type Checkpoint } from "./checkpoint.js";

/** One metric sample. */
export interface Sample {
  readonly tNs: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** Where a run's output goes. Called synchronously from `advance`. */
export interface RunSink {
  sample(s: Sample): void;
  event(e: ModelEvent): void;
  /** Called at each checkpoint time; the sink must persist it together with what it holds. */
  checkpoint(cp: Checkpoint): void;
}

/** Times of a run in integer ns, derived from the scenario. */
export interface RunClock {
  readonly durationNs: number;
  readonly tickNs: number;
  readonly sampleNs: number;
  readonly checkpointNs: number;
}

/** The scenario's run section in integer nanoseconds (already validated as whole ticks). */
export function runClock(sc: Scenario): RunClock {
  const ns = (s: number) => Math.round(s * 1e9);
  return { durationNs: ns(sc.run.durationS), tickNs: ns(sc.run.tickS), sampleNs: ns(sc.run.sampleEveryS), checkpointNs: ns(sc.run.checkpointEveryS) };
}

/** The result of a finished run. */
export interface RunResult {
  readonly fingerprint: string;
  readonly ticks: number;
  /** Kernel events processed plus model events recorded. */
  readonly events: number;
  readonly tNs: number;
}

/** One run of one model on the kernel. Create with `Runner.start` or `Runner.resume`. */
export class Runner {
  private finished: RunResult | undefined;
  /** Set once the run has ended (finished, interrupted or failed) and the model was disposed. */
  private ended = false;

  private constructor(
    readonly scenario: Scenario,
    readonly clock: RunClock,
    private readonly model: Model,
    private readonly kernel: Kernel,
    private readonly streams: StreamSet<RandomStream>,
    private readonly sink: RunSink,
  ) {}

  /** Begin a run: initialise the model from the scenario's seed and schedule the first tick. */
  static start(scenario: Scenario, model: Model, sink: RunSink, factory: StreamFactory<RandomStream> = randomStreamFactory): Runner {
    const clock = runClock(scenario);
    const streams = new StreamSet(scenario.run.seed, factory);
    return disposingOnError(model, () => {
      model.init(scenario, streams);
      const kernel = new Kernel(scenario.run.queueCapacity);
      kernel.schedule(clock.tickNs, "tick");
      return new Runner(scenario, clock, model, kernel, streams, sink);
    });
  }

  /** Continue a run from a checkpoint taken by a run of the same scenario and code. */
  static resume(scenario: Scenario, model: Model, cp: Checkpoint, sink: RunSink, factory: StreamFactory<RandomStream> = randomStreamFactory): Runner {
    cp = checkCheckpoint(cp, model.stateFormat);
    const clock = runClock(scenario);
    const streams = new StreamSet(scenario.run.seed, factory);
    return disposingOnError(model, () => {
      model.init(scenario, streams);
      streams.load(cp.streams);
      model.restore(cp.model);
      const kernel = Kernel.restore(cp.kernel);
      assert(kernel.nowNs === cp.tNs, "checkpoint kernel time differs from its tNs");
      return new Runner(scenario, clock, model, kernel, streams, sink);
    });
  }

  /** Simulated time reached, ns. */
  get tNs(): number {
    return this.kernel.nowNs;
  }

  /** True once the run has reached its duration and folded its final state. */
  get done(): boolean {
    return this.finished !== undefined;
  }

  /** The result, once done. */
  get result(): RunResult | undefined {
    return this.finished;
  }

  /**
   * Process at most `maxTicks` ticks; returns true when the run is done (the model is then
   * disposed). An error from the model or the sink ends the run (model disposed) and is rethrown.
   */
  advance(maxTicks: number): boolean {
    if (this.finished !== undefined) return true;
    assert(!this.ended, "advance() on a run that was interrupted or failed");
    try {
      for (let n = 0; n < maxTicks && this.finished === undefined; n++) {
        const ev = this.kernel.next();
        assert(ev !== undefined && ev.kind === "tick", "the run's kernel ran out of ticks before the end");
        this.tick(ev.timeNs);
      }
    } catch (e) {
      this.end();
      throw e;
    }
    if (this.finished !== undefined) this.end();
    return this.finished !== undefined;
  }

  /**
   * Stop the run between ticks (Ctrl-C, a stop request): returns a checkpoint of the current
   * state to continue it from later (`Runner.resume`), then disposes the model. The runner
   * cannot advance afterwards. On a finished run it returns the final checkpoint.
   */
  interrupt(): Checkpoint {
    const cp = this.checkpoint();
    this.end();
    return cp;
  }

  /**
   * The model's per-node figures now (`Model.nodeView`), for displays; false when the model has
   * none. Read-only: the run's fingerprint is the same whether or not this is called.
   */
  viewNodes(out: NodeView): boolean {
    if (this.model.nodeView === undefined) return false;
    this.model.nodeView(out);
    return true;
  }

  /** A checkpoint of the current state (the run is between ticks whenever this can be called). */
  checkpoint(): Checkpoint {
    return { format: CHECKPOINT_FORMAT, modelFormat: this.model.stateFormat, tNs: this.kernel.nowNs, kernel: this.kernel.snapshot(), streams: this.streams.save(), model: this.model.snapshot() };
  }

  /**
   * End the run here without a checkpoint, if it has not ended yet: dispose the model. For a
   * caller that gives up on the run for a reason of its own (an error outside `advance`).
   */
  close(): void {
    this.end();
  }

  /** End the run once: dispose the model (its `dispose` must not throw). */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.model.dispose?.();
  }

  private tick(tNs: number): void {
    const { durationNs, tickNs, sampleNs, checkpointNs } = this.clock;
    const sample = tNs % sampleNs === 0 || tNs === durationNs;
    const r = this.model.step(tNs, sample);
    for (const e of r.events) {
      assert(Number.isSafeInteger(e.tNs) && e.tNs <= tNs, `model event '${e.kind}' at ${e.tNs} ns after its step at ${tNs} ns`);
      this.kernel.record(e.tNs, e.kind, e.data);
      this.sink.event(e);
    }
    if (sample) {
      const names = Object.keys(r.metrics).sort();
      this.kernel.foldNumbers(`sample:${names.join(",")}`, names.map((k) => r.metrics[k]!));
      this.sink.sample({ tNs, metrics: r.metrics });
    }
    if (tNs < durationNs) this.kernel.schedule(tNs + tickNs, "tick");
    else this.finish(tNs);
    if (tNs % checkpointNs === 0 || tNs === durationNs) this.sink.checkpoint(this.checkpoint());
  }

  private finish(tNs: number): void {
    const fp = new Fingerprint();
    foldState(fp, this.model.snapshot());
    this.kernel.foldNumbers("final-state", fp.state());
    this.finished = { fingerprint: this.kernel.fingerprint(), ticks: tNs / this.clock.tickNs, events: this.kernel.processed, tNs };
  }
}

/** Build a runner; if that fails, dispose the model (init may have started threads) and rethrow. */
function disposingOnError(model: Model, build: () => Runner): Runner {
  try {
    return build();
  } catch (e) {
    model.dispose?.();
    throw e;
  }
}
