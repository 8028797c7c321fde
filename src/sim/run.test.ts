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
