/**
 * Appendix D in physical mode: each tick of `dtS` the optimal allocator (allocator.ts) serves
 * the unfinished tasks under the power cap; work = rate × time; energy = Σ power × dt.
 *
 * Metrics: makespan (s); energy (J); ethically weighted throughput Σ_t v_t·W_t / makespan
 * (value·TFLOP/s); value-weighted mean completion time Σ v_t·C_t / Σ v_t (s); and PQMS vs
 * legacy ratios.
 */
import { InputError, requireFinite, requireInt } from "../../errors.js";
import { allocateTick } from "./allocator.js";
import type { AppendixDWorld, WorldTask, WorldUnit } from "./world.js";

export interface PhysicalSystemResult {
  readonly completed: boolean;
  readonly ticks: number;
  readonly makespanS: number | null;
  readonly energyJ: number;
  readonly workTflop: number;
  readonly energyPerTflopJ: number;
  readonly weightedThroughput: number | null;
  readonly weightedMeanCompletionS: number | null;
  readonly peakPowerW: number;
  /** [task id, completion time s]. */
  readonly completions: [string, number][];
}

/** Run one system to completion or `maxTicks`. */
export function runPhysicalSystem(units: readonly WorldUnit[], tasks: readonly WorldTask[], powerCapW: number, dtS = 0.1, maxTicks = 1_000_000): PhysicalSystemResult {
  if (!(requireFinite(powerCapW, "powerCapW") > 0)) throw InputError.of("powerCapW", "a power > 0 W", powerCapW);
  if (!(requireFinite(dtS, "dtS") > 0)) throw InputError.of("dtS", "a tick > 0 s", dtS);
  requireInt(maxTicks, "maxTicks", 1, 1e8);
  const specs = units.map((u) => ({ capacityTflops: u.capacityTflops, wPerTflops: u.computeWPerTflops * (1 + u.coolingOverhead) }));
  const remaining = Float64Array.from(tasks, (t) => t.workTflop);
  const done = new Float64Array(tasks.length).fill(Number.NaN);
  let energyJ = 0;
  let peakPowerW = 0;
  let ticks = 0;
  let open = tasks.length;
  while (open > 0 && ticks < maxTicks) {
    const demands = tasks.map((t, i) => ({ value: t.value, demandTflops: remaining[i]! / dtS }));
    const a = allocateTick(specs, demands, powerCapW);
    ticks++;
    energyJ += a.powerW * dtS;
    peakPowerW = Math.max(peakPowerW, a.powerW);
    for (let i = 0; i < tasks.length; i++) {
      if (!(remaining[i]! > 0)) continue;
      const x = a.perTask[i]!;
      remaining[i] = x >= demands[i]!.demandTflops ? 0 : remaining[i]! - x * dtS;
      if (remaining[i] === 0) {
        done[i] = ticks * dtS;
        open--;
      }
    }
    if (a.powerW === 0) break; // nothing affordable: no progress is possible
  }
  const work = tasks.reduce((s, t) => s + t.workTflop, 0);
  const completed = open === 0;
  const makespanS = completed ? Math.max(...done) : null;
  const vSum = tasks.reduce((s, t) => s + t.value, 0);
  return {
    completed, ticks, makespanS, energyJ, workTflop: work,
    energyPerTflopJ: completed ? energyJ / work : Number.NaN,
    weightedThroughput: makespanS ? tasks.reduce((s, t) => s + t.value * t.workTflop, 0) / makespanS : null,
    weightedMeanCompletionS: completed ? tasks.reduce((s, t, i) => s + t.value * done[i]!, 0) / vSum : null,
    peakPowerW,
    completions: tasks.flatMap((t, i) => (Number.isNaN(done[i]!) ? [] : [[t.id, done[i]!] as [string, number]])),
  };
}

export interface PhysicalComparison {
  readonly pqms: PhysicalSystemResult;
  readonly legacy: PhysicalSystemResult;
  /** legacy / PQMS (> 1: PQMS better). Null when a side did not complete. */
  readonly ratios: { readonly makespan: number | null; readonly energy: number | null; readonly weightedMeanCompletion: number | null; readonly weightedThroughputPqmsOverLegacy: number | null };
}

/** Both systems on the same world and cap. */
export function comparePhysical(world: AppendixDWorld, powerCapW: number, dtS = 0.1): PhysicalComparison {
  const pqms = runPhysicalSystem(world.pqms, world.tasks, powerCapW, dtS);
  const legacy = runPhysicalSystem(world.legacy, world.tasks, powerCapW, dtS);
  const r = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? a / b : null);
  return {
    pqms, legacy,
    ratios: {
      makespan: r(legacy.makespanS, pqms.makespanS),
      energy: pqms.completed && legacy.completed ? legacy.energyJ / pqms.energyJ : null,
      weightedMeanCompletion: r(legacy.weightedMeanCompletionS, pqms.weightedMeanCompletionS),
      weightedThroughputPqmsOverLegacy: r(pqms.weightedThroughput, legacy.weightedThroughput),
    },
  };
}
