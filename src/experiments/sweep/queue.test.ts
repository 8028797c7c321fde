/**
 * The cluster path: a sweep over BullMQ on a private redis-server gives the local pool's
 * fingerprints with one and with several workers; a worker killed mid-run has its run retried
 * elsewhere and every result is stored once; an unreachable Redis is a clear error that leaves
 * the store as it was; a stopped sweep resumed over the queue keeps its done runs, continues a
 * part-way run from its checkpoint on a worker and reruns a job left failed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it, expect } from "vitest";
import { LocalPool, QueueExecutor, QueueUnavailableError, executeRun, parseRedisUrl, startQueueWorker, type QueueEvent, type QueueWorkerHandle } from "../../sim/executors/index.js";
import { PACKAGE_VERSION } from "../../version.js";
import { openStore } from "../../store/run-store.js";
import { buildProgram } from "../../cli/program.js";
import { freePort, startRedis, type TestRedis } from "../../../test/helpers/redis-server.js";
import { resolveSweep, type Sweep } from "./spec.js";
import { runKey, runSweep } from "./run.js";
import { commitSweepProgress, createSweep, recordRun, setSweepStatus, sweepCount, sweepRuns } from "./store.js";

const redis = await startRedis();
if (redis === undefined) console.warn("queue.test.ts: SKIPPED — redis-server is not on PATH (apt-get install redis-server; .ci/run installs it)");

function sweepOf(nodes: number, durationS: number, seeds: number): Sweep {
  return resolveSweep({
    name: "q", base: { run: { durationS, checkpointEveryS: durationS }, mesh: { nodes, clusterSize: nodes } },
    grid: { "mesh.gammaPerS": [1e6, 1e8] }, seeds,
  }, "q", () => ({ input: {}, source: "" }));
}

async function localFingerprints(sweep: Sweep): Promise<string[]> {
  const store = openStore(":memory:");
  const pool = new LocalPool(2);
  try {
    return (await runSweep(sweep, store, pool, { codeVersion: "test" })).runs.map((r) => `${r.point}/${r.seed}/${r.fingerprint}`);
  } finally {
    await pool.close();
    store.close();
  }
}

describe.skipIf(redis === undefined)("sweeps over BullMQ on Redis", () => {
  const r = redis as TestRedis;
  const target = parseRedisUrl(r?.url ?? "redis://127.0.0.1:1");
  const dir = mkdtempSync(join(tmpdir(), "pqms-queue-test-"));
  afterAll(async () => {
    await r.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the local pool's fingerprints with one worker and with several", async () => {
    const sweep = sweepOf(12, 3e-8, 3);
    const expected = await localFingerprints(sweep);
    for (const workers of [1, 3]) {
      const handles: QueueWorkerHandle[] = [];
      for (let w = 0; w < workers; w++) handles.push(await startQueueWorker(target, { concurrency: 1, codeVersion: "test", lockMs: 5000 }));
      const ex = await QueueExecutor.connect(target);
      const store = openStore(":memory:");
      try {
        const out = await runSweep(sweep, store, ex, { codeVersion: "test" });
        expect(out.status).toBe("done");
        expect(out.runs.map((x) => `${x.point}/${x.seed}/${x.fingerprint}`)).toEqual(expected);
        expect(store.listRuns()).toHaveLength(6);
      } finally {
        await ex.close();
        await Promise.all(handles.map((h) => h.close()));
        store.close();
      }
    }
  });

  it("retries a killed worker's run on another worker; every result is stored once", async () => {
    const sweep = sweepOf(150, 4e-7, 1); // runs of a second or two, so the kill lands mid-run
    const expected = await localFingerprints(sweep);
    const seen: QueueEvent[] = [];
    const ex = await QueueExecutor.connect(target, (e) => seen.push(e));
    const store = openStore(join(dir, "kill.db"));
    let victim: ChildProcess | undefined;
    let rescuer: QueueWorkerHandle | undefined;
    try {
      const started = new Promise<void>((resolve, reject) => {
        victim = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "worker", "--queue", r.url, "--concurrency", "1", "--lock-ms", "1000"], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        victim.stderr?.on("data", (d: Buffer) => {
          err += d.toString();
          if (/started /.test(err)) resolve();
        });
        victim.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${err}`)));
      });
      const done = runSweep(sweep, store, ex, { codeVersion: PACKAGE_VERSION });
      await started;
      process.kill(victim!.pid!, "SIGKILL"); // mid-run: its lock stops being renewed
      rescuer = await startQueueWorker(target, { concurrency: 1, codeVersion: PACKAGE_VERSION, lockMs: 1000 });
      const out = await done;
      expect(out.status).toBe("done");
      expect(out.runs.map((x) => `${x.point}/${x.seed}/${x.fingerprint}`)).toEqual(expected);
      expect(store.listRuns()).toHaveLength(2);
      expect(sweepRuns(store, out.sweepId)).toHaveLength(2);
      expect(seen.filter((e) => e.kind === "stalled").length).toBeGreaterThanOrEqual(1); // the killed run was requeued
    } finally {
      if (victim?.exitCode === null && victim.signalCode === null) process.kill(victim.pid!, "SIGKILL");
      await rescuer?.close();
      await ex.close();
      store.close();
    }
  });

  it("Redis lost mid-sweep: the remaining runs fail with a clear error, the stored ones stay", async () => {
    const own = (await startRedis()) as TestRedis; // a server of its own, to stop half-way
    const t = parseRedisUrl(own.url);
    const ex = await QueueExecutor.connect(t);
    const store = openStore(join(dir, "lost.db"));
    const worker = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "worker", "--queue", own.url, "--concurrency", "1"], { stdio: "ignore" });
    try {
      let stopped: Promise<void> | undefined;
      const out = await runSweep(sweepOf(100, 2e-7, 3), store, ex, {
        codeVersion: PACKAGE_VERSION,
        onProgress: (p) => {
          if (p.done === 1 && stopped === undefined) stopped = own.stop();
        },
      });
      await stopped;
      expect(out.status).toBe("failed");
      expect(out.runs.length).toBeGreaterThanOrEqual(1);
      expect(out.runs.length).toBeLessThan(6);
      expect(out.failures.length).toBe(6 - out.runs.length);
      for (const f of out.failures) expect(f.error).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0: lost the connection/);
      expect(store.listRuns().map((x) => x.status)).toEqual(out.runs.map(() => "done")); // nothing half-written
    } finally {
      if (worker.exitCode === null && worker.signalCode === null) process.kill(worker.pid!, "SIGKILL");
      await ex.close();
      await own.stop();
      store.close();
    }
  });

  it("resumes a stopped sweep over the queue: a done run is kept, a part-way one continues from its checkpoint on a worker, a failed job runs again", async () => {
    const sweep = resolveSweep({
      name: "qr", base: { run: { durationS: 6e-8, checkpointEveryS: 2e-8 }, mesh: { nodes: 24, clusterSize: 24 } },
      grid: { "mesh.gammaPerS": [1e6, 1e8] }, seeds: 2,
    }, "qr", () => ({ input: {}, source: "" }));
    const expected = await localFingerprints(sweep);
    const store = openStore(join(dir, "resume.db"));
    const [r0, r1, r2] = sweep.runs as [typeof sweep.runs[0], typeof sweep.runs[0], typeof sweep.runs[0]];
    const sweepId = createSweep(store, sweep, "test");
    // Run 0 done; run 1 stored up to its first checkpoint (then "the coordinator died").
    const done0 = recordRun(store, { sweepId, point: r0.point, seed: r0.seed, scenario: r0.scenario, output: executeRun(r0.scenario), codeVersion: PACKAGE_VERSION });
    let partRunId = "";
    expect(() => executeRun(r1.scenario, {
      onCheckpoint: (p) => {
        partRunId = commitSweepProgress(store, { sweepId, point: r1.point, seed: r1.seed, scenario: r1.scenario, codeVersion: PACKAGE_VERSION }, p, 0);
        throw new Error("killed");
      },
    })).toThrow("killed");
    expect(store.getRun(partRunId)).toMatchObject({ status: "running", simTNs: 20 });
    // Run 2's job failed in Redis (a worker of another version refused it).
    const refuser = await startQueueWorker(target, { concurrency: 1, codeVersion: "other", lockMs: 5000 });
    const ex = await QueueExecutor.connect(target);
    try {
      await expect(ex.run({ key: runKey(sweepId, r2.point, r2.seed), scenario: r2.scenario, codeVersion: PACKAGE_VERSION })).rejects.toThrow(/this worker runs other/);
    } finally {
      await refuser.close();
    }
    setSweepStatus(store, sweepId, "interrupted");

    const worker = await startQueueWorker(target, { concurrency: 2, codeVersion: PACKAGE_VERSION, lockMs: 5000 });
    try {
      const out = await runSweep(sweep, store, ex, { codeVersion: PACKAGE_VERSION, resumeId: sweepId });
      expect(out.status).toBe("done");
      expect(out.runs.map((x) => `${x.point}/${x.seed}/${x.fingerprint}`)).toEqual(expected);
      expect(out.runs[0]?.runId).toBe(done0.runId);
      expect(out.runs[1]?.runId).toBe(partRunId);
      expect(store.listRuns()).toHaveLength(4);
      // Continued from the stored checkpoint (a rerun from the start would have dropped it).
      expect(store.latestCheckpoint(partRunId)?.tNs).toBe(20);
      const ref = executeRun(r1.scenario);
      const series = store.metrics(partRunId).get("globalRcf");
      expect(series?.tNs).toEqual(ref.samples.map((x) => x.tNs));
      expect(series?.value).toEqual(ref.samples.map((x) => x.metrics.globalRcf));
    } finally {
      await worker.close();
      await ex.close();
      store.close();
    }
  });

  it("Redis unreachable: a clear error before anything is stored; the store keeps what it had", async () => {
    const port = await freePort(); // nothing listens there
    const dead = parseRedisUrl(`redis://127.0.0.1:${port}`);
    await expect(QueueExecutor.connect(dead)).rejects.toThrow(QueueUnavailableError);
    await expect(QueueExecutor.connect(dead)).rejects.toThrow(new RegExp(`cannot reach Redis at redis://127\\.0\\.0\\.1:${port}/0: .*ECONNREFUSED`));

    const db = join(dir, "keep.db");
    const store = openStore(db);
    const pool = new LocalPool(1);
    await runSweep(sweepOf(12, 3e-8, 1), store, pool, { codeVersion: "test" });
    await pool.close();
    const before = store.listRuns().map((x) => [x.id, x.fingerprint]);
    store.close();
    const file = join(dir, "s.yaml");
    writeFileSync(file, "name: s\nbase: { mesh: { nodes: 12, clusterSize: 12 }, run: { durationS: 3.0e-8, checkpointEveryS: 3.0e-8 } }\nseeds: 2\n");
    await expect(buildProgram().parseAsync(["node", "pqms", "sweep", file, "--queue", `redis://127.0.0.1:${port}`, "--db", db])).rejects.toThrow(/cannot reach Redis/);
    const after = openStore(db);
    expect(after.listRuns().map((x) => [x.id, x.fingerprint])).toEqual(before);
    expect(sweepCount(after)).toBe(1);
    after.close();
  });
});
