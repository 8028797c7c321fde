import { describe, it, expect } from "vitest";
import { runPhysicalSystem, comparePhysical } from "./physical-run.js";
import { drawAppendixDWorld, type WorldTask, type WorldUnit } from "./world.js";
import { runPaperAppendixD } from "./paper-scenario.js";

const unit = (w: number, cap = 1000, cooling = 0): WorldUnit => ({ id: "u", capacityTflops: cap, computeWPerTflops: w, coolingOverhead: cooling });
const task = (id: string, work: number, value: number): WorldTask => ({ id, workTflop: work, value, priority: "CRITICAL_GLOBAL_IMPACT" });

describe("Appendix D physical mode", () => {
  it("one 1000-TFLOPS unit at 2 W/TFLOPS, 250 TFLOP: 100+100+50 TFLOP over 3 ticks → done at 0.3 s, energy 250 × 2 = 500 J", () => {
    const r = runPhysicalSystem([unit(2)], [task("a", 250, 100)], 1e6);
    expect(r.ticks).toBe(3);
    expect(r.makespanS).toBeCloseTo(0.3, 12);
    expect(r.energyJ).toBeCloseTo(500, 9);
  });
  it("the cap binds: 1000 W at 2 W/TFLOPS → 500 TFLOPS → 50 TFLOP per tick → 5 ticks; energy unchanged (500 J), peak = cap", () => {
    const r = runPhysicalSystem([unit(2)], [task("a", 250, 100)], 1000);
    expect(r.ticks).toBe(5);
    expect(r.energyJ).toBeCloseTo(500, 9);
    expect(r.peakPowerW).toBeCloseTo(1000, 9);
  });
  it("cooling 50 % at 2 W/TFLOPS costs 3 J/TFLOP; the higher-value task finishes first", () => {
    const r = runPhysicalSystem([unit(2, 1000, 0.5)], [task("low", 100, 20), task("high", 100, 100)], 1500);
    expect(r.energyJ).toBeCloseTo(600, 9);
    expect(r.completions).toEqual([["low", expect.closeTo(0.4, 12)], ["high", expect.closeTo(0.2, 12)]]);
    expect(r.weightedMeanCompletionS).toBeCloseTo((20 * 0.4 + 100 * 0.2) / 120, 12);
  });
  it("the world is the paper-mode world (same numpy draws)", () => {
    const w = drawAppendixDWorld(42);
    const p = runPaperAppendixD({ seed: 42 });
    expect(w.pqms.map((u) => u.computeWPerTflops)).toEqual(p.units.PQMS);
    expect(w.legacy.map((u) => [u.computeWPerTflops, u.coolingOverhead])).toEqual(p.units.LEGACY);
    expect(w.tasks.map((t) => t.workTflop)).toEqual(p.tasks.map((t) => t.requiredTflop));
  });
  it("seed 42, 500 kW: both complete, the cap is never exceeded, the energy ratio is Σ-weighted W/TFLOPS ratio", () => {
    const c = comparePhysical(drawAppendixDWorld(42), 500_000);
    expect(c.pqms.completed && c.legacy.completed).toBe(true);
    expect(c.legacy.peakPowerW).toBeLessThanOrEqual(500_000 * (1 + 1e-12));
    expect(c.ratios.energy!).toBeGreaterThan(1);
    // Energy = Σ over units of (TFLOP served by the unit) × cost; bounded by cheapest and dearest costs.
    const costs = (us: readonly WorldUnit[]): number[] => us.map((u) => u.computeWPerTflops * (1 + u.coolingOverhead));
    const work = c.pqms.workTflop;
    expect(c.pqms.energyJ).toBeGreaterThanOrEqual(work * Math.min(...costs(drawAppendixDWorld(42).pqms)) * (1 - 1e-12));
    expect(c.pqms.energyJ).toBeLessThanOrEqual(work * Math.max(...costs(drawAppendixDWorld(42).pqms)) * (1 + 1e-12));
  });
  it("rejects a non-positive cap by name", () => {
    expect(() => runPhysicalSystem([unit(2)], [task("a", 1, 1)], 0)).toThrow(/powerCapW/);
  });
});
