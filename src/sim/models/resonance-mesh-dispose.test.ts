/**
 * A mesh sharded over threads (run.threads = 2, mesh.blocks = 4; docs/CLUSTER.md) stops its
 * worker threads as soon as its run ends, whatever the reason: the Runner calls Model.dispose,
 * which ResonanceMeshModel implements by closing its ThreadedBlocks. The threads are counted by
 * their own "exit" events (ThreadedBlocks.liveWorkers), not by our bookkeeping.
 */
import { describe, expect, it } from "vitest";
import { Runner, type Checkpoint, type RunSink } from "../run.js";
import { resolveScenario } from "../scenario/index.js";
import { executeRun } from "../executors/execute-run.js";
import type { ThreadedBlocks } from "../executors/mesh-shard.js";
import { ResonanceMeshModel } from "./resonance-mesh.js";

const base = { run: { seed: 5, durationS: 4e-8, tickS: 1e-9, sampleEveryS: 5e-9, checkpointEveryS: 2e-8 }, mesh: { nodes: 400, clusterSize: 100, gammaPerS: 3e7, initialSpread: 0.15, blocks: 4 } };
const sc = (threads: number, run: Partial<typeof base.run> = {}, mesh: Record<string, number> = {}) => resolveScenario({ run: { ...base.run, ...run, threads }, mesh: { ...base.mesh, ...mesh } });
const quiet = (onCheckpoint: (cp: Checkpoint) => void = () => {}): RunSink => ({ sample() {}, event() {}, checkpoint: onCheckpoint });

/** True once every worker thread of `shard` has exited (polled; false after 30 s). */
async function allExited(shard: ThreadedBlocks): Promise<boolean> {
  for (let i = 0; i < 300 && shard.liveWorkers > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return shard.liveWorkers === 0;
}

/** Start a threaded run and return it with its shard (one worker thread besides this one). */
function startThreaded(sink: RunSink = quiet()) {
  const model = new ResonanceMeshModel();
  const runner = Runner.start(sc(2), model, sink);
  const shard = model.meshThreads;
  expect(shard?.liveWorkers).toBe(1);
  return { model, runner, shard: shard! };
}

describe("a threaded mesh run stops its worker threads when it ends (Model.dispose)", () => {
  it("interrupted mid-way: the threads exit, and the checkpoint resumes on 1 thread to the uninterrupted fingerprint", async () => {
    const { model, runner, shard } = startThreaded();
    runner.advance(13);
    const cp = runner.interrupt();
    expect(cp.tNs).toBe(13);
    expect(shard.isClosed).toBe(true);
    expect(model.meshThreads).toBeUndefined();
    expect(await allExited(shard)).toBe(true);
    const resumed = Runner.resume(sc(1), new ResonanceMeshModel(), cp, quiet());
    while (!resumed.advance(100));
    expect(resumed.result?.fingerprint).toBe(executeRun(sc(1)).fingerprint);
  }, 120_000);

  it("finished: the threads exit after the last tick", async () => {
    const { runner, shard } = startThreaded();
    while (!runner.advance(100));
    expect(runner.result?.fingerprint).toBe(executeRun(sc(1)).fingerprint);
    expect(await allExited(shard)).toBe(true);
  }, 120_000);

  it("failed (the sink throws at a checkpoint): the error comes through and the threads exit", async () => {
    const { runner, shard } = startThreaded(quiet((cp) => {
      if (cp.tNs === 20) throw new Error("disk full");
    }));
    expect(() => runner.advance(100)).toThrow("disk full");
    expect(shard.isClosed).toBe(true);
    expect(await allExited(shard)).toBe(true);
  }, 120_000);

  it("failed in init (unstable substeps, after the threads started): the model is disposed", () => {
    const model = new ResonanceMeshModel();
    // κ·degree = 1e10/s: run.tickS / substeps = 1 ns > the stable 0.1 ns, so init throws after attaching its threads.
    expect(() => Runner.start(sc(2, {}, { kappaPerS: 2.5e9 }), model, quiet())).toThrow(/mesh\.substeps/);
    expect(model.meshThreads).toBeUndefined();
  });
});
