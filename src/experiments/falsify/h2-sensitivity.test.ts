/**
 * H2's sensitivity sweep (§6.2): on a small grid it has points that hold and points that fail, the
 * UMT model's residual is one of the residuals swept, and a sweep resumed from its stored points
 * gives the same points without running them again. On worker threads the sweep gives the same
 * result for any thread count, in grid order, and resumes the same way.
 */
import { describe, it, expect } from "vitest";
import { runH2Sensitivity, runH2SensitivityParallel, sensitivityKey, H2_PAPER, type SensitivityPoint } from "./index.js";
import { InputError } from "../../errors.js";

describe("pqms falsify H2 --sensitivity", () => {
  const grid = { nodes: 20, seeds: 2, seed: 5, residualsS: [10e-15, 1e-9], kappaOverGamma: [1, 1e3], couplings: ["meanField"] as const, vetoes: [true], initials: ["odos"] as const };
  const stored = new Map<string, SensitivityPoint>();
  const first = runH2Sensitivity({ ...grid, onPoint: (p, key) => stored.set(key, p) });

  it("has points that hold and points that fail; 10 fs at κ/γ = 10³ holds, 1 ns fails", () => {
    expect(first.points).toHaveLength(4);
    expect(first.points.some((p) => p.holds)).toBe(true);
    expect(first.points.some((p) => !p.holds)).toBe(true);
    const at = (r: number, k: number) => first.points.find((p) => p.clockResidualS === r && p.kappaOverGamma === k)!;
    expect(at(10e-15, 1e3).holds).toBe(true);
    expect(at(1e-9, 1e3).holds).toBe(false);
    for (const p of first.points) {
      expect(p.ci95[0]).toBeLessThanOrEqual(p.rcfMean);
      expect(p.ci95[1]).toBeGreaterThanOrEqual(p.rcfMean);
      // holds ⇔ mean above 0.995 with p < 0.01 (the same test as runH2)
      if (p.holds) expect(p.rcfMean > 0.995 && p.pValue < 0.01).toBe(true);
    }
    expect(first.paperParameters.map((p) => p.coupling)).toEqual(["meanField"]);
    expect(first.constellationResidualS).toBeGreaterThan(1e-12); // CSAC-class clocks: far above Theorem 1's 10 fs
  });

  it("a resumed sweep takes every stored point and ends with the same numbers", () => {
    expect(stored.size).toBe(4);
    const again = runH2Sensitivity({ ...grid, done: stored, onPoint: () => { throw new Error("a stored point was run again"); } });
    expect(again.resumed).toBe(4);
    expect(again.points).toEqual(first.points);
    // Half stored: the other half is run and equals the uninterrupted sweep's.
    const half = new Map([...stored].slice(0, 2));
    const resumed = runH2Sensitivity({ ...grid, done: half });
    expect(resumed.resumed).toBe(2);
    expect(resumed.points).toEqual(first.points);
  });

  it("a key names the setup, replicates and seed; bad grids are typed errors", () => {
    expect(sensitivityKey(H2_PAPER, 3, 1)).not.toBe(sensitivityKey(H2_PAPER, 3, 2));
    expect(() => runH2Sensitivity({ ...grid, residualsS: [] })).toThrow(InputError);
    expect(() => runH2Sensitivity({ ...grid, kappaOverGamma: [-1] })).toThrow(InputError);
    expect(() => runH2Sensitivity({ ...grid, seeds: 1 })).toThrow(InputError);
  });
});

describe("pqms falsify H2 --sensitivity on worker threads", () => {
  const grid = { nodes: 5, seeds: 2, seed: 3, residualsS: [10e-15, 1e-9], kappaOverGamma: [100], couplings: ["meanField"] as const, vetoes: [true], initials: ["odos"] as const };

  it("1 and 2 threads give the same result, in grid order, equal to the in-process sweep; each point goes to onPoint once", async () => {
    const told1: string[] = [];
    const told2: string[] = [];
    const one = await runH2SensitivityParallel({ ...grid, threads: 1, onPoint: (_p, key) => told1.push(key) });
    const two = await runH2SensitivityParallel({ ...grid, threads: 2, onPoint: (_p, key) => told2.push(key) });
    expect(two).toEqual(one);
    expect(one.points.map((p) => p.clockResidualS)).toEqual([10e-15, 1e-9]);
    expect(one.points[0]!.rcfMean).not.toBe(one.points[1]!.rcfMean);
    expect(told1).toHaveLength(2);
    expect([...told2].sort()).toEqual([...told1].sort());
    expect(runH2Sensitivity(grid)).toEqual(one);
  }, 60_000);

  it("resumed with half the points stored, it runs only the rest and ends with the same result", async () => {
    const stored = new Map<string, SensitivityPoint>();
    const full = await runH2SensitivityParallel({ ...grid, threads: 2, onPoint: (p, key) => stored.set(key, p) });
    const [kept, lost] = [...stored.keys()].sort((a, b) => (a < b ? -1 : 1));
    const half = new Map([[kept!, stored.get(kept!)!]]);
    const ran: string[] = [];
    const resumed = await runH2SensitivityParallel({ ...grid, threads: 2, done: half, onPoint: (_p, key) => ran.push(key) });
    expect(resumed.resumed).toBe(1);
    expect(ran).toEqual([lost]);
    expect(resumed.points).toEqual(full.points);
    expect(resumed.paperParameters).toEqual(full.paperParameters);
  }, 60_000);

  it("a thread count outside 1 … 64 is a typed error", async () => {
    await expect(runH2SensitivityParallel({ ...grid, threads: 0 })).rejects.toThrow(InputError);
    await expect(runH2SensitivityParallel({ ...grid, threads: 1.5 })).rejects.toThrow(InputError);
    await expect(runH2SensitivityParallel({ ...grid, threads: 65 })).rejects.toThrow(InputError);
  });
});
