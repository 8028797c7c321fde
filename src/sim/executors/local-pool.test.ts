import { afterAll, describe, it, expect } from "vitest";
import { InputError } from "../../errors.js";
import { resolveScenario, type Scenario } from "../scenario/index.js";
import { executeRun } from "./execute-run.js";
import { LocalPool, RunFailedError } from "./local-pool.js";

// Determinism (ARCHITECTURE.md): a run is a pure function of (scenario, seed, code); whichever
// thread runs it must give the fingerprint of the same run on this thread.
const small = (seed: number, gammaPerS = 1e6): Scenario =>
  resolveScenario({ run: { seed, durationS: 3e-8, checkpointEveryS: 3e-8 }, mesh: { nodes: 12, clusterSize: 12, gammaPerS } });

describe("LocalPool (worker_threads executor)", () => {
  const pool = new LocalPool(2);
  afterAll(() => pool.close());

  it("gives each run the fingerprint, samples and events of the same run on the main thread", async () => {
    const scenarios = [small(1), small(2), small(3, 1e8), small(1)];
    const outs = await Promise.all(scenarios.map((scenario, i) => pool.run({ key: `t${i}`, scenario, codeVersion: "test" })));
    for (const [i, sc] of scenarios.entries()) {
      const here = executeRun(sc);
      expect(outs[i]?.fingerprint).toBe(here.fingerprint);
      expect(outs[i]?.samples).toEqual(here.samples);
      expect(outs[i]?.events).toEqual(here.events);
      expect(outs[i]?.wallS).toBeGreaterThan(0);
    }
    expect(outs[0]?.fingerprint).toBe(outs[3]?.fingerprint);
    expect(outs[0]?.fingerprint).not.toBe(outs[1]?.fingerprint); // another seed, another trajectory
  });

  it("fails only the run that throws, names it, and keeps serving", async () => {
    const broken = { ...small(1), mesh: undefined } as unknown as Scenario;
    await expect(pool.run({ key: "bad-run", scenario: broken, codeVersion: "test" })).rejects.toThrow(RunFailedError);
    await expect(pool.run({ key: "bad-run", scenario: broken, codeVersion: "test" })).rejects.toThrow(/run bad-run failed/);
    const ok = await pool.run({ key: "after", scenario: small(5), codeVersion: "test" });
    expect(ok.fingerprint).toBe(executeRun(small(5)).fingerprint);
  });

  it("rejects a bad size", () => {
    expect(() => new LocalPool(0)).toThrow(InputError);
    expect(() => new LocalPool(1.5)).toThrow(/workers: expected an integer in \[1, 256\]/);
  });

  it("counts a run's run.threads as pool slots: a 2-thread run on a pool of 2 holds the whole pool until it ends (FIFO), with its fingerprint on one thread", async () => {
    const own = new LocalPool(2);
    try {
      const sharded = (threads: number) => resolveScenario({ run: { seed: 4, durationS: 2e-8, checkpointEveryS: 2e-8, threads }, mesh: { nodes: 200, clusterSize: 100, blocks: 4, gammaPerS: 1e7 } });
      const order: string[] = [];
      const track = (key: string, scenario: Scenario) => own.run({ key, scenario, codeVersion: "test" }).then((o) => {
        order.push(key);
        return o;
      });
      const [wide, a, b] = await Promise.all([track("wide", sharded(2)), track("a", small(1)), track("b", small(2))]);
      // The small runs could only start once the 2-thread run had given its slots back.
      expect(order[0]).toBe("wide");
      expect(own.threadsBusyMax).toBe(2);
      expect(own.threadsBusy).toBe(0);
      expect(wide?.fingerprint).toBe(executeRun(sharded(1)).fingerprint);
      expect(a?.fingerprint).toBe(executeRun(small(1)).fingerprint);
      expect(b?.fingerprint).toBe(executeRun(small(2)).fingerprint);
      // A run asking for more threads than the pool has gets the whole pool (run with 2 threads).
      const pool1 = new LocalPool(1);
      try {
        expect((await pool1.run({ key: "capped", scenario: sharded(3), codeVersion: "test" })).fingerprint).toBe(wide?.fingerprint);
        expect(pool1.threadsBusyMax).toBe(1);
      } finally {
        await pool1.close();
      }
    } finally {
      await own.close();
    }
  }, 120_000);
});

