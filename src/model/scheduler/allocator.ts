/**
 * Physical-mode allocator for one tick (Appendix D's intent, done correctly).
 *
 * Problem: units u with capacity c_u (TFLOPS) and cost w_u (W per TFLOPS, cooling included);
 * tasks t with ethical value v_t > 0 and demand d_t (TFLOPS that would finish them this tick);
 * power cap P (W). Choose x_{u,t} ≥ 0 with Σ_t x_{u,t} ≤ c_u, Σ_u x_{u,t} ≤ d_t, Σ w_u x_{u,t} ≤ P.
 *
 * Greedy: fill units cheapest first up to X = the largest total that is both demanded and
 * affordable, then hand X to tasks in priority order (value descending; within equal value the
 * smaller demand first). Claim, tested against brute force: it maximises Σ_t v_t·x_t and every
 * prefix of the priority order lexicographically, and among those allocations uses least power.
 * Why: any TFLOPS serves any task, so the served vector depends only on totals; the cheapest
 * way to supply a total X is cheapest-first (exchange argument), which makes greedy's X the
 * largest affordable; value is maximised by serving the highest values first (fractional
 * knapsack with unit weights). With `granularityTflops` > 0 all amounts are multiples of it and
 * the same argument holds for the integer problem (each quantum is an item of cost w_u·q).
 */
import { InputError, requireFinite } from "../../errors.js";

export interface UnitSpec {
  readonly capacityTflops: number;
  /** W per TFLOPS, cooling included. */
  readonly wPerTflops: number;
}

export interface TaskDemand {
  readonly value: number;
  readonly demandTflops: number;
}

export interface TickAllocation {
  /** TFLOPS given to each task, in the input order. */
  readonly perTask: Float64Array;
  /** TFLOPS drawn from each unit, in the input order. */
  readonly perUnit: Float64Array;
  readonly powerW: number;
}

/** Order of indices by key ascending, ties by index (stable, deterministic). */
function orderBy(n: number, key: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

function check(units: readonly UnitSpec[], tasks: readonly TaskDemand[], powerCapW: number, q: number): void {
  units.forEach((u, i) => {
    if (!(requireFinite(u.capacityTflops, `units[${i}].capacityTflops`) >= 0)) throw InputError.of(`units[${i}].capacityTflops`, "≥ 0", u.capacityTflops);
    if (!(requireFinite(u.wPerTflops, `units[${i}].wPerTflops`) > 0)) throw InputError.of(`units[${i}].wPerTflops`, "> 0 W/TFLOPS", u.wPerTflops);
  });
  tasks.forEach((t, i) => {
    if (!(requireFinite(t.value, `tasks[${i}].value`) > 0)) throw InputError.of(`tasks[${i}].value`, "> 0", t.value);
    if (!(requireFinite(t.demandTflops, `tasks[${i}].demandTflops`) >= 0)) throw InputError.of(`tasks[${i}].demandTflops`, "≥ 0", t.demandTflops);
  });
  if (!(requireFinite(powerCapW, "powerCapW") >= 0)) throw InputError.of("powerCapW", "≥ 0 W", powerCapW);
  if (!(requireFinite(q, "granularityTflops") >= 0)) throw InputError.of("granularityTflops", "≥ 0", q);
}

/** Allocate one tick (see the module note). `granularityTflops` 0 = continuous amounts. */
export function allocateTick(units: readonly UnitSpec[], tasks: readonly TaskDemand[], powerCapW: number, granularityTflops = 0): TickAllocation {
  const q = granularityTflops;
  check(units, tasks, powerCapW, q);
  const quant = (x: number): number => (q > 0 ? Math.floor(x / q + 1e-9) * q : x);
  let demand = 0;
  for (const t of tasks) demand += quant(t.demandTflops);
  const perUnit = new Float64Array(units.length);
  let budget = powerCapW;
  let supplied = 0;
  for (const u of orderBy(units.length, (i) => units[i]!.wPerTflops)) {
    const spec = units[u]!;
    const x = quant(Math.min(quant(spec.capacityTflops), demand - supplied, budget / spec.wPerTflops));
    if (x <= 0) continue;
    perUnit[u] = x;
    supplied += x;
    budget -= x * spec.wPerTflops;
  }
  const perTask = new Float64Array(tasks.length);
  let left = supplied;
  const taskOrder = Array.from({ length: tasks.length }, (_, i) => i)
    .sort((a, b) => tasks[b]!.value - tasks[a]!.value || tasks[a]!.demandTflops - tasks[b]!.demandTflops || a - b);
  for (const t of taskOrder) {
    const x = Math.min(quant(tasks[t]!.demandTflops), left);
    perTask[t] = x;
    left -= x;
  }
  let powerW = 0;
  for (let u = 0; u < units.length; u++) powerW += perUnit[u]! * units[u]!.wPerTflops;
  return { perTask, perUnit, powerW };
}
