import { afterAll, describe, it, expect } from "vitest";
import { LocalPool } from "../../sim/executors/index.js";
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
});
