/**
 * The Appendix D run in paper mode. The listing has no driver, so this scenario is ours (and
 * `scripts/refs/appendix_d.py` builds the same one around the printed classes): seed numpy's
 * stream; 4 RPUs then 4 legacy clusters draw their parameters in constructor order; 12 tasks draw
 * priority `int(random_sample()·5)`, work `uniform(100, 5000)` TFLOP and duration `uniform(1, 10)` s;
 * each system gets fresh copies of the tasks, a 500 kW cap, and runs until all tasks complete or
 * `maxTicks` ticks of 0.1 s.
 */
import { NumpyRandomState } from "../../numeric/random/index.js";
import { InputError, requireFinite, requireInt } from "../../errors.js";
import { PQMS_CONSTANTS as C, TASK_PRIORITIES, type TaskPriority } from "./paper-constants.js";
import { PaperTask } from "./paper-task.js";
import { PaperLegacyCluster, PaperRpu, type PaperUnit } from "./paper-units.js";
import { PaperGuardianNeuron } from "./paper-guardian.js";
import { PaperAllocator } from "./paper-allocator.js";
import { numpyUniform } from "./numpy-draws.js";

export interface PaperScenarioOptions {
  readonly seed: number;
  readonly rpus: number;
  readonly legacyClusters: number;
  readonly tasks: number;
  readonly maxPowerW: number;
  readonly maxTicks: number;
}

export const DEFAULT_PAPER_SCENARIO: PaperScenarioOptions = Object.freeze({
  seed: 42, rpus: 4, legacyClusters: 4, tasks: 12, maxPowerW: 500_000, maxTicks: 400,
});

export interface PaperTaskSpec {
  readonly id: string;
  readonly requiredTflop: number;
  readonly durationS: number;
  readonly priority: TaskPriority;
}

export interface PaperSystemRun {
  readonly ticks: number;
  readonly tflopsPerTick: number[];
  readonly reportedPowerW: number[];
  readonly actualPowerW: number[];
  /** [task id, completion time s] in task order, completed tasks only. */
  readonly completions: [string, number][];
  readonly allCompleted: boolean;
  /** Time of the last completion when all completed, else null. */
  readonly makespanS: number | null;
  /** Σ actual power · tick, J. */
  readonly energyJ: number;
  /** Σ reported power · tick, J (what the code's own state says). */
  readonly reportedEnergyJ: number;
  /** Ticks whose actual power exceeded the cap. */
  readonly ticksOverCap: number;
}

export interface PaperRunResult {
  readonly options: PaperScenarioOptions;
  readonly units: { readonly PQMS: number[]; readonly LEGACY: [number, number][] };
  readonly tasks: PaperTaskSpec[];
  readonly PQMS: PaperSystemRun;
  readonly LEGACY: PaperSystemRun;
}

function runSystem(kind: "PQMS" | "LEGACY", units: PaperUnit[], specs: readonly PaperTaskSpec[], o: PaperScenarioOptions): PaperSystemRun {
  const gn = new PaperGuardianNeuron();
  const ra = new PaperAllocator(gn, o.maxPowerW, kind);
  for (const u of units) ra.addComputeUnit(u);
  const tasks = specs.map((s) => new PaperTask(s.id, s.requiredTflop, s.durationS, s.priority));
  for (const t of tasks) gn.submitTask(t);
  const tflopsPerTick: number[] = [];
  const reportedPowerW: number[] = [];
  const actualPowerW: number[] = [];
  for (let k = 0; k < o.maxTicks; k++) {
    const tick = ra.allocateResources();
    if (!tick) break;
    tflopsPerTick.push(tick.tflops);
    reportedPowerW.push(tick.reportedPowerW);
    actualPowerW.push(tick.actualPowerW);
    if (tasks.every((t) => t.isCompleted)) break;
  }
  const completions = tasks.filter((t) => t.isCompleted).map((t) => [t.taskId, t.completionTime ?? Number.NaN] as [string, number]);
  const allCompleted = completions.length === tasks.length;
  const dt = C.SIMULATION_TICK_DURATION_SECONDS;
  return {
    ticks: tflopsPerTick.length, tflopsPerTick, reportedPowerW, actualPowerW, completions, allCompleted,
    makespanS: allCompleted ? Math.max(...completions.map((c) => c[1])) : null,
    energyJ: actualPowerW.reduce((s, p) => s + p * dt, 0),
    reportedEnergyJ: reportedPowerW.reduce((s, p) => s + p * dt, 0),
    ticksOverCap: actualPowerW.filter((p) => p > o.maxPowerW).length,
  };
}

/** Run the Appendix D scenario for both systems. */
export function runPaperAppendixD(options: Partial<PaperScenarioOptions> = {}): PaperRunResult {
  const o = { ...DEFAULT_PAPER_SCENARIO, ...options };
  requireInt(o.rpus, "rpus", 1, 10_000);
  requireInt(o.legacyClusters, "legacyClusters", 1, 10_000);
  requireInt(o.tasks, "tasks", 1, 100_000);
  requireInt(o.maxTicks, "maxTicks", 1, 10_000_000);
  if (requireFinite(o.maxPowerW, "maxPowerW") <= 0) throw InputError.of("maxPowerW", "a power > 0 W", o.maxPowerW);
  const rs = new NumpyRandomState(o.seed);
  const rpus = Array.from({ length: o.rpus }, (_, i) => new PaperRpu(`rpu-${i}`, rs));
  const legacy = Array.from({ length: o.legacyClusters }, (_, i) => new PaperLegacyCluster(`gpu-${i}`, rs, C.RPU_BASE_TFLOPS_PER_UNIT));
  const tasks: PaperTaskSpec[] = [];
  for (let i = 0; i < o.tasks; i++) {
    const priority = TASK_PRIORITIES[Math.trunc(rs.randomSample() * 5)] as TaskPriority;
    const requiredTflop = numpyUniform(rs, 100, 5000);
    const durationS = numpyUniform(rs, 1, 10);
    tasks.push({ id: `task-${String(i).padStart(2, "0")}`, requiredTflop, durationS, priority });
  }
  return {
    options: o,
    units: { PQMS: rpus.map((u) => u.powerPerTflops), LEGACY: legacy.map((u) => [u.powerPerTflops, u.coolingOverhead]) },
    tasks,
    PQMS: runSystem("PQMS", rpus, tasks, o),
    LEGACY: runSystem("LEGACY", legacy, tasks, o),
  };
}
