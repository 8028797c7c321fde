/**
 * Appendix F paper mode against the published script run by CPython + numpy
 * (scripts/refs/appendix_f.py → test/reference/numpy-appendix-f.json; seeds 42, 0 for 20 steps, 7 for 60).
 */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { runPaperMachine, renderPaperMachineLog, entropyStability, STABLE_ENTROPY_SLOPE } from "./paper-run.js";

interface Ref { seed: number; steps: number; metrics: { t: number; coherence: number; temperatureMk: number; entropy: number; dissonance: number }[]; stdout: string }
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/numpy-appendix-f.json", import.meta.url), "utf8")) as { runs: Ref[] };

describe("Appendix F paper mode = pqms_unified_machine.py", () => {
  for (const r of ref.runs) {
    const ours = runPaperMachine(r.steps, r.seed);
    it(`seed ${r.seed}, ${r.steps} steps: every metric bit for bit`, () => {
      expect(ours.trajectory.map(({ status: _s, ...m }) => m)).toEqual(r.metrics);
    });
    it(`seed ${r.seed}: the printed log is the script's, character for character`, () => {
      expect(renderPaperMachineLog(ours)).toBe(r.stdout);
    });
  }
  it("the script says 'stabilized' but entropy grows 0.04 per step: CRITICAL from T=17 on, not stabilised", () => {
    const run = runPaperMachine(20, 42);
    // Hand: baseline allocation has 10 error-correction cycles → growth 0.05 − 0.010 = 0.04; 0.1 + 0.04·(t+1) ≥ 0.8 first at t = 17 (0.82).
    expect(run.firstCriticalT).toBe(17);
    expect(run.finalEntropyGrowthPerStep).toBeCloseTo(0.04, 15);
    expect(run.alerts).toEqual([{ t: 17, kind: "thermo" }, { t: 18, kind: "thermo" }, { t: 19, kind: "thermo" }]);
    expect(run.stabilised).toBe(false);
    expect(run.claimedStabilised).toBe(true);
  });
  it("with 10 steps nothing is critical yet, but entropy grows 0.04 a step (interval excludes 0): not stabilised", () => {
    const run = runPaperMachine(10, 42);
    expect(run.trajectory.every((p) => p.status === "STABLE")).toBe(true);
    expect(run.entropyTrend!.slopePerStep).toBeCloseTo(0.04, 12);
    expect(run.entropyTrend!.lower).toBeGreaterThan(STABLE_ENTROPY_SLOPE);
    expect(run.stabilised).toBe(false);
  });
  it("the stability verdict follows the trend: flat noisy entropy is stabilised, the same noise on a 0.04 ramp is not", () => {
    const noise = [0.003, -0.002, 0.001, -0.004, 0.002, 0.0, -0.001, 0.003, -0.002, 0.001];
    expect(entropyStability(noise.map((e) => 0.5 + e)).stabilised).toBe(true);
    expect(entropyStability(noise.map((e, t) => 0.1 + 0.04 * t + e)).stabilised).toBe(false);
    expect(entropyStability([0.1, 0.1]).stabilised).toBe(false);
  });
  it("rejects bad steps and seeds by name", () => {
    expect(() => runPaperMachine(0, 1)).toThrow(/steps/);
    expect(() => runPaperMachine(5, 2 ** 32)).toThrow(/seed/);
  });
});
