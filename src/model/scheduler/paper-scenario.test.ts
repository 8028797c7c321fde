/**
 * Appendix D paper mode against the printed listing itself, run by CPython + numpy
 * (scripts/refs/appendix_d.py → test/reference/numpy-appendix-d.json, seeds 42 and 7).
 */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { runPaperAppendixD } from "./paper-scenario.js";

interface RefSystem { ticks: number; tflopsPerTick: number[]; reportedPowerW: number[]; completions: [string, number][] }
interface RefRun {
  seed: number; units: { PQMS: number[]; LEGACY: [number, number][] };
  tasks: { id: string; requiredTflop: number; priority: string }[]; PQMS: RefSystem; LEGACY: RefSystem;
}
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/numpy-appendix-d.json", import.meta.url), "utf8")) as { runs: RefRun[] };

describe("Appendix D paper mode = the printed classes run by Python", () => {
  for (const r of ref.runs) {
    const ours = runPaperAppendixD({ seed: r.seed });
    it(`seed ${r.seed}: unit parameters and tasks drawn bit for bit (np.random.uniform)`, () => {
      expect(ours.units.PQMS).toEqual(r.units.PQMS);
      expect(ours.units.LEGACY).toEqual(r.units.LEGACY);
      expect(ours.tasks.map((t) => [t.id, t.requiredTflop, t.priority])).toEqual(r.tasks.map((t) => [t.id, t.requiredTflop, t.priority]));
    });
    for (const sys of ["PQMS", "LEGACY"] as const) {
      it(`seed ${r.seed} ${sys}: ticks, TFLOPS and reported power per tick, completion times`, () => {
        const a = ours[sys];
        const b = r[sys];
        expect(a.ticks).toBe(b.ticks);
        a.tflopsPerTick.forEach((x, i) => expect(Math.abs(x - b.tflopsPerTick[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x))));
        a.reportedPowerW.forEach((x, i) => expect(Math.abs(x - b.reportedPowerW[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x))));
        expect(a.completions.map((c) => c[0])).toEqual(b.completions.map((c) => c[0]));
        a.completions.forEach((c, i) => expect(c[1]).toBeCloseTo(b.completions[i]![1], 9));
      });
    }
  }
  it("D4 (field-name mismatch) starves the legacy system: reported power climbs to the cap, allocation decays, nothing completes (seed 42)", () => {
    const r = runPaperAppendixD({ seed: 42 });
    expect(r.LEGACY.allCompleted).toBe(false);
    expect(r.LEGACY.tflopsPerTick.at(-1)!).toBeLessThan(1e-3 * r.LEGACY.tflopsPerTick[0]!);
    expect(r.PQMS.allCompleted).toBe(true);
  });
  it("rejects bad options with the name", () => {
    expect(() => runPaperAppendixD({ rpus: 0 })).toThrow(/rpus/);
    expect(() => runPaperAppendixD({ maxPowerW: -1 })).toThrow(/maxPowerW/);
    expect(() => runPaperAppendixD({ seed: -1 })).toThrow(/seed/);
  });
});
