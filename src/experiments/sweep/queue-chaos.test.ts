/**
 * The queue under faults of the Redis process itself (docs/CLUSTER.md, "Failures"): a redis-server
 * without persistence (`--save ''`) stopped mid-sweep and started again loses every queued job; the
 * coordinator notices the jobs Redis no longer knows, queues them again under the same ids, the
 * worker reconnects, and the sweep ends with the local pool's fingerprints, each run stored once.
 * Redis stopped for good ends the sweep with the documented message within the documented time.
 */
import { afterAll, describe, it, expect } from "vitest";
import { LocalPool, QueueExecutor, parseRedisUrl, startQueueWorker, type QueueEvent } from "../../sim/executors/index.js";
import { RECONNECT_GIVE_UP_MS } from "../../sim/executors/queue-executor.js";
import { PACKAGE_VERSION } from "../../version.js";
import { openStore } from "../../store/run-store.js";
import { startRedis, startRedisOn, type TestRedis } from "../../../test/helpers/redis-server.js";
import { resolveSweep, type Sweep } from "./spec.js";
import { runSweep } from "./run.js";
import { sweepRuns } from "./store.js";

const probe = await startRedis();
await probe?.stop();
if (probe === undefined) console.warn("queue-chaos.test.ts: SKIPPED — redis-server is not on PATH (apt-get install redis-server; .ci/run installs it)");

function sweepOf(nodes: number, durationS: number, seeds: number): Sweep {
  return resolveSweep({
    name: "chaos", base: { run: { durationS, checkpointEveryS: durationS }, mesh: { nodes, clusterSize: nodes } },
    grid: { "mesh.gammaPerS": [1e6, 1e8] }, seeds,
  }, "chaos", () => ({ input: {}, source: "" }));
}

async function localFingerprints(sweep: Sweep): Promise<string[]> {
  const store = openStore(":memory:");
  const pool = new LocalPool(2);
  try {
    return (await runSweep(sweep, store, pool, { codeVersion: PACKAGE_VERSION })).runs.map((r) => `${r.point}/${r.seed}/${r.fingerprint}`);
  } finally {
    await pool.close();
    store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(probe === undefined)("a Redis restart during a sweep", () => {
  const servers: TestRedis[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("redis-server restarted empty mid-sweep: the lost jobs are queued again, every fingerprint equals the local sweep's, each run stored once", async () => {
    const sweep = sweepOf(100, 2e-7, 3);
    const expected = await localFingerprints(sweep);
    const first = (await startRedis()) as TestRedis;
    servers.push(first);
    const target = parseRedisUrl(first.url);
    const seen: QueueEvent[] = [];
    const ex = await QueueExecutor.connect(target, (e) => seen.push(e));
    const worker = await startQueueWorker(target, { concurrency: 1, codeVersion: PACKAGE_VERSION, lockMs: 2000 });
    const store = openStore(":memory:");
    let restartedAtMs = 0;
    let restart: Promise<void> | undefined;
    try {
      const out = await runSweep(sweep, store, ex, {
        codeVersion: PACKAGE_VERSION,
        onProgress: (p) => {
          if (p.done !== 1 || restart !== undefined) return;
          restart = (async () => {
            await first.stop(); // every queued job is gone with the server's memory
            await sleep(3000);
            const again = await startRedisOn(first.port);
            if (again === undefined) throw new Error(`could not start redis-server again on port ${first.port}`);
            servers.push(again);
            restartedAtMs = performance.now();
          })();
        },
      });
      await restart;
      expect(out.status).toBe("done");
      expect(performance.now() - restartedAtMs).toBeLessThan(30_000);
      expect(out.runs.map((x) => `${x.point}/${x.seed}/${x.fingerprint}`)).toEqual(expected);
      expect(store.listRuns()).toHaveLength(6);
      expect(sweepRuns(store, out.sweepId)).toHaveLength(6);
      expect(seen.some((e) => e.kind === "requeued")).toBe(true); // the watchdog, not luck, brought them back
    } finally {
      await ex.close();
      await worker.close();
      store.close();
    }
  }, 90_000);

  it("redis-server stopped for good mid-sweep: the sweep fails with the documented message within the documented time", async () => {
    const own = (await startRedis()) as TestRedis;
    servers.push(own);
    const target = parseRedisUrl(own.url);
    const ex = await QueueExecutor.connect(target);
    const worker = await startQueueWorker(target, { concurrency: 1, codeVersion: PACKAGE_VERSION, lockMs: 2000 });
    const store = openStore(":memory:");
    let stoppedAtMs = 0;
    try {
      const out = await runSweep(sweepOf(100, 2e-7, 3), store, ex, {
        codeVersion: PACKAGE_VERSION,
        onProgress: (p) => {
          if (p.done === 1 && stoppedAtMs === 0) {
            stoppedAtMs = performance.now();
            void own.stop();
          }
        },
      });
      const tookMs = performance.now() - stoppedAtMs;
      expect(out.status).toBe("failed");
      expect(tookMs).toBeLessThan(RECONNECT_GIVE_UP_MS + 20_000); // the give-up time, plus slack for a loaded machine
      for (const f of out.failures) expect(f.error).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0: lost the connection and could not reconnect within 10 s/);
      expect(store.listRuns().map((x) => x.status)).toEqual(out.runs.map(() => "done"));
    } finally {
      await ex.close();
      await Promise.race([worker.close().catch(() => {}), sleep(2000)]); // its Redis is gone: do not wait on it
      store.close();
    }
  }, 90_000);
});
