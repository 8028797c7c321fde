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
});
