/**
 * The physical-mode allocator's optimality claim (allocator.ts) checked against exhaustive
 * search over every integer allocation on small random instances.
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { allocateTick, type TaskDemand, type UnitSpec } from "./allocator.js";

/** Every integer matrix x[u][t] within capacities and demands; best by (value ↑, then power ↓). */
function bruteForce(units: UnitSpec[], tasks: TaskDemand[], cap: number): { value: number; powerW: number; classes: number[] } {
  const nu = units.length;
  const nt = tasks.length;
  const cells = nu * nt;
  const x = new Array<number>(cells).fill(0);
  let best = { value: -1, powerW: Infinity, classes: [] as number[] };
  const values = [...new Set(tasks.map((t) => t.value))].sort((a, b) => b - a);
  const visit = (k: number): void => {
    if (k === cells) {
      let power = 0;
      let value = 0;
      const served = new Array<number>(nt).fill(0);
      for (let u = 0; u < nu; u++) {
        let load = 0;
        for (let t = 0; t < nt; t++) load += x[u * nt + t]!;
        if (load > units[u]!.capacityTflops) return;
        power += load * units[u]!.wPerTflops;
      }
      if (power > cap + 1e-9) return;
      for (let t = 0; t < nt; t++) {
        for (let u = 0; u < nu; u++) served[t]! += x[u * nt + t]!;
        if (served[t]! > tasks[t]!.demandTflops) return;
        value += served[t]! * tasks[t]!.value;
      }
      if (value > best.value || (value === best.value && power < best.powerW)) {
        best = { value, powerW: power, classes: values.map((v) => tasks.reduce((s, tk, i) => s + (tk.value === v ? served[i]! : 0), 0)) };
      }
      return;
    }
    const u = Math.floor(k / nt);
    const t = k % nt;
    const lim = Math.min(units[u]!.capacityTflops, tasks[t]!.demandTflops);
    for (let v = 0; v <= lim; v++) {
      x[k] = v;
      visit(k + 1);
    }
    x[k] = 0;
  };
  visit(0);
  return best;
}

const instance = fc.record({
  units: fc.array(fc.record({ capacityTflops: fc.integer({ min: 0, max: 3 }), wPerTflops: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3 }),
  tasks: fc.array(fc.record({ value: fc.constantFrom(20, 40, 60, 80, 100), demandTflops: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  cap: fc.integer({ min: 0, max: 30 }),
});

describe("physical allocator: optimal against brute force (Appendix D)", () => {
  it("integer instances: same ethically weighted throughput, same per-priority throughput, no more power", () => {
    fc.assert(fc.property(instance, ({ units, tasks, cap }) => {
      const g = allocateTick(units, tasks, cap, 1);
      const b = bruteForce(units, tasks, cap);
      const value = tasks.reduce((s, t, i) => s + t.value * g.perTask[i]!, 0);
      expect(value).toBeCloseTo(b.value, 9);
      expect(g.powerW).toBeLessThanOrEqual(b.powerW + 1e-9);
      const values = [...new Set(tasks.map((t) => t.value))].sort((a, c) => c - a);
      const classes = values.map((v) => tasks.reduce((s, tk, i) => s + (tk.value === v ? g.perTask[i]! : 0), 0));
      expect(classes).toEqual(b.classes);
    }), { numRuns: 300, seed: 6 });
  });
  it("feasibility: capacities, demands and the cap hold; supply equals what tasks receive (continuous)", () => {
    fc.assert(fc.property(instance, ({ units, tasks, cap }) => {
      const g = allocateTick(units, tasks, cap);
      units.forEach((u, i) => expect(g.perUnit[i]!).toBeLessThanOrEqual(u.capacityTflops + 1e-12));
      tasks.forEach((t, i) => expect(g.perTask[i]!).toBeLessThanOrEqual(t.demandTflops + 1e-12));
      expect(g.powerW).toBeLessThanOrEqual(cap * (1 + 1e-12) + 1e-12);
      const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);
      expect(sum(g.perUnit)).toBeCloseTo(sum(g.perTask), 10);
    }), { numRuns: 300, seed: 7 });
  });
  it("a worked case: cheap unit (1 W/TFLOPS, 2) then dear (5 W/TFLOPS, 3), cap 12 W → 2 + 2 TFLOPS, 12 W, highest value first", () => {
    const g = allocateTick([{ capacityTflops: 3, wPerTflops: 5 }, { capacityTflops: 2, wPerTflops: 1 }],
      [{ value: 20, demandTflops: 3 }, { value: 100, demandTflops: 3 }], 12);
    expect([...g.perUnit]).toEqual([2, 2]);
    expect([...g.perTask]).toEqual([1, 3]);
    expect(g.powerW).toBe(12);
  });
  it("rejects bad input by name", () => {
    expect(() => allocateTick([{ capacityTflops: 1, wPerTflops: 0 }], [], 1)).toThrow(/units\[0\]\.wPerTflops/);
    expect(() => allocateTick([], [{ value: -1, demandTflops: 1 }], 1)).toThrow(/tasks\[0\]\.value/);
    expect(() => allocateTick([], [], Number.NaN)).toThrow(/powerCapW/);
  });
});
