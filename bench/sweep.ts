/**
 * Sweep throughput: runs/s of a sweep on the local pool with 1 and 2 threads (the
 * speed-up ratio), and the per-run overhead of the BullMQ queue (one in-process `pqms worker`
 * with one thread, on a private redis-server) against the local pool with one thread.
 *
 * Anchor for the speed-up: Python's multiprocessing.Pool with 1 and 2 processes on a CPU-bound
 * numpy task of similar length, in the same run — what this machine's cores allow at all.
 *
 * Run: npx tsx bench/sweep.ts   (REPS=3 by default; medians are printed)
 */
import { spawnSync } from "node:child_process";
import { LocalPool, QueueExecutor, parseRedisUrl, startQueueWorker, type RunExecutor } from "../src/sim/executors/index.js";
import { resolveSweep, runSweep, type Sweep } from "../src/experiments/sweep/index.js";
import { openStore } from "../src/store/run-store.js";
import { startRedis } from "../test/helpers/redis-server.js";

const REPS = Number(process.env.REPS ?? 3);

function sweepOf(nodes: number, durationS: number, seeds: number): Sweep {
  return resolveSweep({
    name: "bench", base: { run: { durationS, checkpointEveryS: durationS }, mesh: { nodes, clusterSize: nodes } },
    grid: { "mesh.gammaPerS": [1e6, 1e8] }, seeds,
  }, "bench", () => ({ input: {}, source: "" }));
}

async function timeSweep(sweep: Sweep, executor: RunExecutor): Promise<number> {
  const store = openStore(":memory:");
  const t0 = performance.now();
  const out = await runSweep(sweep, store, executor, { codeVersion: "bench" });
  const s = (performance.now() - t0) / 1000;
  if (out.status !== "done") throw new Error(`bench sweep failed: ${out.failures[0]?.error}`);
  store.close();
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function medianOf(sweep: Sweep, make: () => RunExecutor | Promise<RunExecutor>): Promise<number> {
  const ex = await make();
  try {
    await timeSweep(sweepOf(8, 1e-8, 1), ex); // warm the threads (module load, JIT)
    const ts: number[] = [];
    for (let i = 0; i < REPS; i++) ts.push(await timeSweep(sweep, ex));
    return median(ts);
  } finally {
    await ex.close();
  }
}

const PY_ANCHOR = `
import time, numpy as np
from multiprocessing import Pool
def task(i):
    a = np.random.default_rng(i).standard_normal((60, 60))
    for _ in range(1500): a = np.tanh(a @ a.T * 1e-2)
    return float(a.sum())
if __name__ == "__main__":
    for n in (1, 2):
        with Pool(n) as p:
            p.map(task, range(2)); ts = []
            for _ in range(${REPS}):
                t = time.perf_counter(); p.map(task, range(8)); ts.append(time.perf_counter() - t)
        print(n, sorted(ts)[len(ts)//2])
`;

function pythonAnchor(): Map<number, number> | undefined {
  const r = spawnSync("/usr/bin/python3", ["-c", PY_ANCHOR], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  return new Map(r.stdout.trim().split("\n").map((l) => l.split(" ").map(Number) as [number, number]));
}

async function main(): Promise<void> {
  const heavy = sweepOf(100, 1e-7, 4); // 8 runs of a few hundred ms
  const t1 = await medianOf(heavy, () => new LocalPool(1));
  const t2 = await medianOf(heavy, () => new LocalPool(2));
  const n = heavy.runs.length;
  const py = pythonAnchor();
  console.log(`sweep throughput, ${n} runs (100 nodes, 100 ns each), median of ${REPS}:`);
  console.log(`  local pool 1 thread : ${(n / t1).toFixed(2)} runs/s (${t1.toFixed(2)} s)`);
  console.log(`  local pool 2 threads: ${(n / t2).toFixed(2)} runs/s (${t2.toFixed(2)} s)`);
  console.log(`  speed-up 2 vs 1     : ours ${(t1 / t2).toFixed(2)}×` + (py ? `, anchor (python multiprocessing, 8 numpy tasks) ${((py.get(1) ?? NaN) / (py.get(2) ?? NaN)).toFixed(2)}×, ratio ours/anchor ${((t1 / t2) / ((py.get(1) ?? NaN) / (py.get(2) ?? NaN))).toFixed(2)}` : ", anchor: /usr/bin/python3 with numpy not available"));

  const redis = await startRedis();
  if (redis === undefined) {
    console.log("queue overhead: skipped (redis-server not on PATH)");
    return;
  }
  try {
    const tiny = sweepOf(6, 1e-8, 25); // 50 runs of well under a millisecond: the overhead dominates
    const m = tiny.runs.length;
    const tl = await medianOf(tiny, () => new LocalPool(1));
    const target = parseRedisUrl(redis.url);
    const worker = await startQueueWorker(target, { concurrency: 1, codeVersion: "bench" });
    const tq = await medianOf(tiny, () => QueueExecutor.connect(target));
    await worker.close();
    console.log(`queue overhead, ${m} tiny runs (6 nodes, 10 ns), one thread either way, median of ${REPS}:`);
    console.log(`  local pool : ${((tl / m) * 1000).toFixed(2)} ms/run`);
    console.log(`  BullMQ     : ${((tq / m) * 1000).toFixed(2)} ms/run (one worker, redis-server on 127.0.0.1)`);
    console.log(`  overhead   : ${(((tq - tl) / m) * 1000).toFixed(2)} ms/run, ratio queue/local ${(tq / tl).toFixed(1)}×`);
  } finally {
    await redis.stop();
  }
}

await main();
