/**
 * The Appendix D world drawn from a seed: unit parameters and tasks, in the same order of numpy
 * draws as the paper-mode scenario (RPUs, then legacy clusters, then tasks), so physical and
 * paper mode run on the same world.
 */
import { NumpyRandomState } from "../../numeric/random/index.js";
import { requireInt } from "../../errors.js";
import { ODOS_ETHICAL_VALUE, PQMS_CONSTANTS as C, TASK_PRIORITIES, type TaskPriority } from "./paper-constants.js";
import { numpyUniform } from "./numpy-draws.js";

export interface WorldUnit {
  readonly id: string;
  readonly capacityTflops: number;
  /** Compute W per TFLOPS (before cooling). */
  readonly computeWPerTflops: number;
  /** Cooling overhead as a fraction of compute power. */
  readonly coolingOverhead: number;
}

export interface WorldTask {
  readonly id: string;
  readonly workTflop: number;
  readonly priority: TaskPriority;
  readonly value: number;
}

export interface AppendixDWorld {
  readonly pqms: readonly WorldUnit[];
  readonly legacy: readonly WorldUnit[];
  readonly tasks: readonly WorldTask[];
}

/** Draw the world: `rpus` RPUs, `legacyClusters` clusters of 1000 TFLOPS, `tasks` tasks. */
export function drawAppendixDWorld(seed: number, rpus = 4, legacyClusters = 4, tasks = 12): AppendixDWorld {
  requireInt(rpus, "rpus", 1, 10_000);
  requireInt(legacyClusters, "legacyClusters", 1, 10_000);
  requireInt(tasks, "tasks", 1, 100_000);
  const rs = new NumpyRandomState(seed);
  const pqms: WorldUnit[] = [];
  for (let i = 0; i < rpus; i++) {
    const w = numpyUniform(rs, C.PQMS_POWER_PER_TFLOPS_MIN, C.PQMS_POWER_PER_TFLOPS_MAX);
    pqms.push({ id: `rpu-${i}`, capacityTflops: C.RPU_BASE_TFLOPS_PER_UNIT, computeWPerTflops: w, coolingOverhead: C.PQMS_COOLING_OVERHEAD_MAX });
  }
  const legacy: WorldUnit[] = [];
  for (let i = 0; i < legacyClusters; i++) {
    const w = numpyUniform(rs, C.LEGACY_POWER_PER_TFLOPS_MIN, C.LEGACY_POWER_PER_TFLOPS_MAX);
    const c = numpyUniform(rs, C.LEGACY_COOLING_OVERHEAD_MIN, C.LEGACY_COOLING_OVERHEAD_MAX);
    legacy.push({ id: `gpu-${i}`, capacityTflops: C.RPU_BASE_TFLOPS_PER_UNIT, computeWPerTflops: w, coolingOverhead: c });
  }
  const list: WorldTask[] = [];
  for (let i = 0; i < tasks; i++) {
    const priority = TASK_PRIORITIES[Math.trunc(rs.randomSample() * 5)] as TaskPriority;
    const workTflop = numpyUniform(rs, 100, 5000);
    numpyUniform(rs, 1, 10); // estimated duration: drawn, unused by the allocator (as in the listing)
    list.push({ id: `task-${String(i).padStart(2, "0")}`, workTflop, priority, value: ODOS_ETHICAL_VALUE[priority] });
  }
  return { pqms, legacy, tasks: list };
}
