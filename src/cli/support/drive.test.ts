/**
 * Ctrl-C on `pqms run` / `pqms resume` (drive.ts): the SIGINT handler ends the run through
 * `Runner.interrupt`, so a mesh sharded over threads (run.threads = 2, mesh.blocks = 4;
 * docs/CLUSTER.md) stops its worker threads at once, and the run is stored interrupted at its
 * checkpoint. The signal is delivered in-process (`process.emit`) to the handler drive() installs.
 */
import { describe, expect, it } from "vitest";
import { Runner, runClock } from "../../sim/run.js";
import { resolveScenario } from "../../sim/scenario/index.js";
import { ResonanceMeshModel } from "../../sim/models/resonance-mesh.js";
import { openStore } from "../../store/run-store.js";
import { drive, finalLines, storeSink } from "./drive.js";
import { Progress } from "./progress.js";

describe("drive: Ctrl-C on a threaded mesh run", () => {
  it("checkpoints, marks the run interrupted and stops the mesh's worker threads", async () => {
    const sc = resolveScenario({ run: { seed: 3, durationS: 4e-8, checkpointEveryS: 2e-8, threads: 2 }, mesh: { nodes: 400, clusterSize: 100, blocks: 4 } });
    const store = openStore(":memory:");
    const others = process.listeners("SIGINT");
    try {
      const runId = store.createRun({ scenario: sc, codeVersion: "test", durationNs: runClock(sc).durationNs });
      const progress = new Progress(runId, 0, runClock(sc).durationNs);
      const model = new ResonanceMeshModel();
      const sink = storeSink(store, runId, progress);
      const runner = Runner.start(sc, model, sink);
      const shard = model.meshThreads!;
      expect(shard.liveWorkers).toBe(1);
      for (const l of others) process.off("SIGINT", l); // only drive()'s handler hears this SIGINT
      let turns = 0;
      const later = () => (++turns === 10 ? process.emit("SIGINT") : setImmediate(later));
      setImmediate(later);
      const outcome = await drive(store, runId, runner, sink, progress);
      expect(outcome.status).toBe("interrupted");
      expect(runner.tNs).toBeGreaterThan(0);
      expect(runner.tNs).toBeLessThan(runClock(sc).durationNs);
      expect(store.getRun(runId).status).toBe("interrupted");
      expect(store.latestCheckpoint(runId)?.tNs).toBe(runner.tNs);
      expect(shard.isClosed).toBe(true);
      for (let i = 0; i < 300 && shard.liveWorkers > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(shard.liveWorkers).toBe(0);
    } finally {
      for (const l of others) if (!process.listeners("SIGINT").includes(l)) process.on("SIGINT", l);
      store.close();
    }
  }, 120_000);
});

describe("run summary: the final values", () => {
  it("labels and units come from the metric table, in its group order", () => {
    // Keyed as the run records them, given out of order: the lines follow the table's groups
    // (coherence, ethics / veto, control plane, energy) whatever the input order.
    const lines = finalLines({ vetoEnergyTotalJ: 2.5e-20, commitLatencyLastS: 3.2e-4, vetoesTotal: 3, globalRcf: 0.9999286 });
    const w = "Global RCF (mean over the MST)".length;
    expect(lines).toEqual([
      `${"Global RCF (mean over the MST)".padEnd(w)}  0.9999286`, // 1 − v = 7.1e-5: two digits of the gap
      `${"Vetoes since the start".padEnd(w)}  3 count`,
      `${"Commit latency, last".padEnd(w)}  320 µs`,
      `${"Veto energy since the start".padEnd(w)}  2.5e-20 J`, // below the femto prefix: exponent form
    ]);
    for (const l of lines) expect(l).not.toMatch(/[a-z][A-Z]/); // no camelCase key in the text
  });
});
