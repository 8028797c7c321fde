import { afterAll, describe, it, expect } from "vitest";
import { LocalPool, type RunExecutor } from "../../sim/executors/index.js";
import { openStore } from "../../store/run-store.js";
import { resolveSweep, type Sweep } from "./spec.js";
import { runSweep } from "./run.js";
import { recordRun, sweepRuns, getSweep } from "./store.js";
import { summarizeSweep } from "./summary.js";
import { sweepMarkdown } from "./report.js";

/** scipy.stats.t.ppf(0.975, 2): the 95 % two-sided t quantile for three seeds. */
const T975_DF2 = 4.302652729911275;

function smallSweep(): Sweep {
  return resolveSweep({
    name: "unit", base: { run: { durationS: 3e-8, checkpointEveryS: 3e-8 }, mesh: { nodes: 12, clusterSize: 12 } },
    grid: { "mesh.gammaPerS": [1e6, 1e8] }, seeds: 3, metrics: ["globalRcf", "deltaEMean"],
  }, "unit", () => ({ input: {}, source: "" }));
}

describe("runSweep on the local pool", () => {
  const pools: LocalPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it("stores each point × seed once, with the same fingerprints for 1 and 2 threads", async () => {
    const sweep = smallSweep();
    const fps: string[][] = [];
    for (const threads of [1, 2]) {
      const store = openStore(":memory:");
      const pool = new LocalPool(threads);
      pools.push(pool);
      const seen: number[] = [];
      const out = await runSweep(sweep, store, pool, { codeVersion: "test", onProgress: (p) => seen.push(p.done) });
      expect(out.status).toBe("done");
      expect(out.failures).toEqual([]);
      expect(out.runs.map((r) => [r.point, r.seed])).toEqual([[0, 1], [0, 2], [0, 3], [1, 1], [1, 2], [1, 3]]);
      expect(store.listRuns()).toHaveLength(6); // no extra run rows
      expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
      expect(getSweep(store, out.sweepId).status).toBe("done");
      for (const r of out.runs) expect(store.getRun(r.runId)).toMatchObject({ status: "done", fingerprint: r.fingerprint, seed: r.seed });
      fps.push(out.runs.map((r) => r.fingerprint));
      store.close();
    }
    expect(fps[1]).toEqual(fps[0]);
    expect(new Set(fps[0]).size).toBe(6);
  });

  it("summarises each point: the mean of the runs' final values and its Student-t interval", async () => {
    const store = openStore(":memory:");
    const pool = new LocalPool(2);
    pools.push(pool);
    const out = await runSweep(smallSweep(), store, pool, { codeVersion: "test" });
    const s = summarizeSweep(store, out.sweepId, 0.95, ["globalRcf"]);
    for (const p of s.points) {
      const xs = out.runs.filter((r) => r.point === p.point.index).map((r) => {
        const v = store.metrics(r.runId).get("globalRcf")?.value;
        return v?.[v.length - 1] as number;
      });
      const m = (xs[0]! + xs[1]! + xs[2]!) / 3;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / 2);
      const g = p.metrics.globalRcf!;
      expect(g.n).toBe(3);
      expect(g.mean).toBeCloseTo(m, 14);
      expect(g.upper! - g.mean!).toBeCloseTo((T975_DF2 * sd) / Math.sqrt(3), 12);
    }
    expect(sweepMarkdown(s)).toMatch(/\| 1 \| mesh\.gammaPerS = 100000000 \| 3 \| 0\.\d+ \[0\.\d+, 0\.\d+\] \|/);
    store.close();
  });

  it("records a result at most once (a duplicate delivery writes nothing)", async () => {
    const store = openStore(":memory:");
    const pool = new LocalPool(1);
    pools.push(pool);
    const sweep = smallSweep();
    const out = await runSweep(sweep, store, pool, { codeVersion: "test" });
    const first = out.runs[0]!;
    const spec = sweep.runs[0]!;
    const again = recordRun(store, { sweepId: out.sweepId, point: first.point, seed: first.seed, scenario: spec.scenario, output: await pool.run({ key: "x", scenario: spec.scenario, codeVersion: "test" }), codeVersion: "test" });
    expect(again).toEqual({ runId: first.runId, duplicate: true });
    expect(store.listRuns()).toHaveLength(6);
    expect(sweepRuns(store, out.sweepId)).toEqual(out.runs);
    store.close();
  });

  it("a sweep of runs sharded over run.threads = 1, 2, 3 (mesh.blocks = 4) on a pool of 2 gives one fingerprint per seed and never has more than 2 threads busy", async () => {
    // docs/CLUSTER.md: threads never change a result, so every point of this grid is the same run;
    // the pool counts a run's mesh threads as slots, and gives a run asking for 3 the whole pool (2).
    const sweep = resolveSweep({
      name: "threads", base: { run: { durationS: 3e-8, checkpointEveryS: 1e-8 }, mesh: { nodes: 200, clusterSize: 100, blocks: 4, gammaPerS: 3e7, initialSpread: 0.15 } },
      grid: { "run.threads": [1, 2, 3] }, seeds: 2, metrics: ["globalRcf"],
    }, "threads", () => ({ input: {}, source: "" }));
    const store = openStore(":memory:");
    const pool = new LocalPool(2);
    pools.push(pool);
    // Watch the runs from outside the pool: a run is seen running from its first checkpoint to its
    // result; the threads of the runs seen running at once (each its run.threads, at most 2) never exceed 2.
    const running = new Map<string, number>();
    let seenMax = 0;
    const watched: RunExecutor = {
      description: pool.description,
      close: () => pool.close(),
      run: (task) => pool.run({
        ...task,
        onCheckpoint: (p) => {
          running.set(task.key, Math.min(2, task.scenario.run.threads));
          seenMax = Math.max(seenMax, [...running.values()].reduce((a, b) => a + b, 0));
          task.onCheckpoint?.(p);
        },
      }).finally(() => running.delete(task.key)),
    };
    const out = await runSweep(sweep, store, watched, { codeVersion: "test" });
    expect(out.status).toBe("done");
    const fp = (point: number, seed: number) => out.runs.find((r) => r.point === point && r.seed === seed)?.fingerprint;
    for (const seed of [1, 2]) {
      expect(fp(1, seed)).toBe(fp(0, seed));
      expect(fp(2, seed)).toBe(fp(0, seed));
    }
    expect(fp(0, 1)).not.toBe(fp(0, 2));
    expect(pool.threadsBusyMax).toBe(2);
    expect(seenMax).toBeGreaterThan(0);
    expect(seenMax).toBeLessThanOrEqual(2);
    expect(pool.threadsBusy).toBe(0);
    store.close();
  }, 120_000);
});
