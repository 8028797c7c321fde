import { describe, it, expect } from "vitest";
import { Runner, type Checkpoint, type RunSink, type Sample } from "./run.js";
import type { ModelEvent } from "./model.js";
import { resolveScenario } from "./scenario/index.js";
import { encodeState, decodeState } from "./state-codec.js";
import { WalkModel } from "./__tests__/walk-model.js";

const scenario = (seed = 42) => resolveScenario({
  run: { seed, durationS: 1e-7, tickS: 1e-9, sampleEveryS: 5e-9, checkpointEveryS: 2e-8 },
  mesh: { nodes: 50, clusterSize: 50 },
});

class Recorder implements RunSink {
  samples: Sample[] = [];
  events: ModelEvent[] = [];
  checkpoints: string[] = [];
  sample(s: Sample): void { this.samples.push(s); }
  event(e: ModelEvent): void { this.events.push(e); }
  checkpoint(cp: Checkpoint): void { this.checkpoints.push(encodeState(cp)); }
}

function runAll(seed = 42, slice = 7) {
  const sink = new Recorder();
  const r = Runner.start(scenario(seed), new WalkModel(), sink);
  while (!r.advance(slice));
  return { result: r.result!, sink };
}

describe("Runner", () => {
  it("steps every tick, samples every sampleEveryS and checkpoints every checkpointEveryS", () => {
    const { result, sink } = runAll();
    expect(result.ticks).toBe(100); // 100 ns / 1 ns
    expect(sink.samples.map((s) => s.tNs)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 5));
    expect(sink.checkpoints.map((c) => decodeState<Checkpoint>(c).tNs)).toEqual([20, 40, 60, 80, 100]);
    expect(sink.events.length).toBeGreaterThan(0);
  });

  it("is deterministic: same seed ⇒ same fingerprint, whatever the slice size; another seed differs", () => {
    const a = runAll(42, 7).result.fingerprint;
    expect(runAll(42, 1).result.fingerprint).toBe(a);
    expect(runAll(42, 1000).result.fingerprint).toBe(a);
    expect(runAll(43).result.fingerprint).not.toBe(a);
  });

  it("resumes from every checkpoint to the same fingerprint, samples and events as an uninterrupted run", () => {
    const whole = runAll();
    for (const text of whole.sink.checkpoints.slice(0, -1)) {
      const cp = decodeState<Checkpoint>(text);
      const sink = new Recorder();
      const r = Runner.resume(scenario(), new WalkModel(), cp, sink);
      while (!r.advance(3));
      expect(r.result!.fingerprint).toBe(whole.result.fingerprint);
      expect(sink.samples).toEqual(whole.sink.samples.filter((s) => s.tNs > cp.tNs));
      expect(sink.events).toEqual(whole.sink.events.filter((e) => e.tNs > cp.tNs));
    }
  });

  it("the fingerprint covers the final state", () => {
    // Same trajectory up to the last tick, but a model whose snapshot differs ⇒ different fingerprint.
    class Tweaked extends WalkModel {
      override snapshot() {
        const s = super.snapshot() as { x: Float64Array };
        return { x: s.x, extra: 1 };
      }
    }
    const sink = new Recorder();
    const r = Runner.start(scenario(), new Tweaked(), sink);
    while (!r.advance(50));
    expect(r.result!.fingerprint).not.toBe(runAll().result.fingerprint);
  });
});

/** WalkModel that logs when it is disposed (and what the run loop did before), and can fail on demand. */
class Disposable extends WalkModel {
  readonly log: string[] = [];
  constructor(private readonly failAt: { init?: boolean; stepNs?: number } = {}) {
    super();
  }
  override init(...args: Parameters<WalkModel["init"]>): void {
    super.init(...args);
    if (this.failAt.init) throw new Error("init failed");
  }
  override step(tNs: number, sample: boolean) {
    if (tNs === this.failAt.stepNs) throw new Error(`step failed at ${tNs}`);
    return super.step(tNs, sample);
  }
  dispose(): void {
    this.log.push("dispose");
  }
}

describe("Runner ends a run once and disposes its model (Model.dispose)", () => {
  const logging = (m: Disposable, throwAtNs = -1): RunSink => ({
    sample() {},
    event() {},
    checkpoint(cp) {
      if (cp.tNs === throwAtNs) throw new Error("store full");
      m.log.push(`checkpoint ${cp.tNs}`);
    },
  });

  it("finished: once, after the final checkpoint; advancing further changes nothing", () => {
    const m = new Disposable();
    const r = Runner.start(scenario(), m, logging(m));
    while (!r.advance(7)) expect(m.log).not.toContain("dispose");
    expect(m.log.slice(-2)).toEqual(["checkpoint 100", "dispose"]);
    expect(r.advance(1)).toBe(true);
    r.close();
    r.interrupt();
    expect(m.log.filter((x) => x === "dispose")).toHaveLength(1);
  });

  it("interrupted: interrupt() returns a checkpoint that resumes to the uninterrupted fingerprint, disposes once, and the runner cannot advance", () => {
    const m = new Disposable();
    const r = Runner.start(scenario(), m, logging(m));
    r.advance(33);
    const cp = r.interrupt();
    expect(cp.tNs).toBe(33);
    expect(m.log).toEqual(["checkpoint 20", "dispose"]);
    expect(() => r.advance(1)).toThrow(/interrupted or failed/);
    r.interrupt();
    expect(m.log.filter((x) => x === "dispose")).toHaveLength(1);
    const resumed = Runner.resume(scenario(), new Disposable(), decodeState<Checkpoint>(encodeState(cp)), new Recorder());
    while (!resumed.advance(50));
    expect(resumed.result!.fingerprint).toBe(runAll().result.fingerprint);
  });

  it("failed: an error from the model's step, the sink, init or restore disposes the model and is rethrown", () => {
    const inStep = new Disposable({ stepNs: 12 });
    const r1 = Runner.start(scenario(), inStep, logging(inStep));
    expect(() => r1.advance(50)).toThrow("step failed at 12");
    expect(inStep.log).toEqual(["dispose"]);
    expect(() => r1.advance(1)).toThrow(/interrupted or failed/);

    const inSink = new Disposable();
    const r2 = Runner.start(scenario(), inSink, logging(inSink, 40));
    expect(() => r2.advance(100)).toThrow("store full");
    expect(inSink.log).toEqual(["checkpoint 20", "dispose"]);

    const inInit = new Disposable({ init: true });
    expect(() => Runner.start(scenario(), inInit, logging(inInit))).toThrow("init failed");
    expect(inInit.log).toEqual(["dispose"]);

    const cp = decodeState<Checkpoint>(runAll().sink.checkpoints[0]!);
    const inRestore = new Disposable();
    expect(() => Runner.resume(scenario(), inRestore, { ...cp, kernel: { ...cp.kernel, nowNs: cp.tNs + 1 } }, logging(inRestore))).toThrow(/checkpoint kernel time/);
    expect(inRestore.log).toEqual(["dispose"]);
  });
});

