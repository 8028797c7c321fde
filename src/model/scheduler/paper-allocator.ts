/**
 * Appendix D `ResourceAllocator.allocate_resources`, as printed up to where the listing stops
 * ("# Distribute available"), then completed the way its comments describe: "iterate through
 * prioritized tasks and allocate power until budget is exhausted". Tasks receive
 * `allocated · tick` TFLOP of work and the clock advances one tick per call. The listing's
 * locks are dropped (single-threaded here; defect D2 is the re-entered non-reentrant lock).
 */
import { PQMS_CONSTANTS as C } from "./paper-constants.js";
import type { PaperGuardianNeuron } from "./paper-guardian.js";
import { sortByPaperPriority, type PaperTask } from "./paper-task.js";
import { paperEfficiencyKey, type PaperUnit } from "./paper-units.js";

/** What one allocation cycle did. */
export interface PaperTick {
  /** Σ TFLOPS handed out this tick. */
  readonly tflops: number;
  /** `_get_current_total_power_draw()` after the allocation: the power the code believes it draws, W. */
  readonly reportedPowerW: number;
  /** Power the allocated TFLOPS really draw (Σ allocated·W/TFLOPS·(1 + cooling)), W. */
  readonly actualPowerW: number;
}

export class PaperAllocator {
  readonly computeUnits: PaperUnit[] = [];
  readonly allocatedTasks = new Map<string, PaperTask>();
  currentTime = 0;

  constructor(readonly guardian: PaperGuardianNeuron, readonly maxPowerWatts: number, readonly systemType: "PQMS" | "LEGACY") {}

  addComputeUnit(unit: PaperUnit): void {
    if (unit.kind !== this.systemType) throw new TypeError(`Mismatched compute unit type for ${this.systemType} allocator.`);
    this.computeUnits.push(unit);
  }

  private totalPowerDraw(): number {
    let s = 0;
    for (const u of this.computeUnits) s += u.totalPowerDraw();
    return s;
  }

  /** `_allocate_tflops_to_units`: cheapest key first (the key carries defect D3). */
  private allocateToUnits(tflops: number, perUnitOut: Map<PaperUnit, number>): number {
    let total = 0;
    const sorted = [...this.computeUnits].sort((a, b) => paperEfficiencyKey(a) - paperEfficiencyKey(b));
    for (const unit of sorted) {
      if (tflops <= 0) break;
      const can = Math.min(tflops, unit.availableTflops);
      if (can > 0) {
        const got = unit.allocateTflops(can);
        total += got;
        tflops -= got;
        perUnitOut.set(unit, (perUnitOut.get(unit) ?? 0) + got);
      }
    }
    return total;
  }

  private effectiveWpt(): number {
    if (this.systemType === "PQMS") {
      let w = (C.PQMS_POWER_PER_TFLOPS_MIN + C.PQMS_POWER_PER_TFLOPS_MAX) / 2;
      w *= 1 + C.PQMS_COOLING_OVERHEAD_MAX;
      return w;
    }
    let w = (C.LEGACY_POWER_PER_TFLOPS_MIN + C.LEGACY_POWER_PER_TFLOPS_MAX) / 2;
    w *= 1 + (C.LEGACY_COOLING_OVERHEAD_MIN + C.LEGACY_COOLING_OVERHEAD_MAX) / 2;
    return w;
  }

  /** One `allocate_resources()` call; null when the printed early return fires (nothing to do). */
  allocateResources(): PaperTick | null {
    for (const [id, task] of [...this.allocatedTasks]) {
      if (task.isCompleted) {
        this.guardian.acknowledgeTaskCompletion(id);
        this.allocatedTasks.delete(id);
      }
    }
    for (const u of this.computeUnits) {
      u.availableTflops = u.nominalTflops;
      u.resetPowerAsPrinted();
    }
    const prioritized = this.guardian.prioritizedTasks();
    if (prioritized.length === 0 && this.allocatedTasks.size === 0) return null;
    const remainingBudgetW = Math.max(0, this.maxPowerWatts - this.totalPowerDraw());
    const eff = this.effectiveWpt();
    let budgetTflops = eff > 0 ? remainingBudgetW / eff : 0;
    const ids = new Set(prioritized.map((t) => t.taskId));
    const relevant = [...prioritized, ...[...this.allocatedTasks.values()].filter((t) => !ids.has(t.taskId) && !t.isCompleted)];
    sortByPaperPriority(relevant);
    // --- completion of the cut-off listing ---
    for (const t of relevant) this.allocatedTasks.set(t.taskId, t);
    const perTask = new Map<string, number>();
    const perUnit = new Map<PaperUnit, number>();
    let total = 0;
    for (const task of relevant) {
      if (budgetTflops <= 0) break;
      const requested = Math.min(task.remainingTflops() / C.SIMULATION_TICK_DURATION_SECONDS, budgetTflops);
      const allocated = this.allocateToUnits(requested, perUnit);
      if (allocated <= 0) continue;
      budgetTflops -= allocated;
      perTask.set(task.taskId, allocated);
      total += allocated;
    }
    const reportedPowerW = this.totalPowerDraw();
    this.currentTime += C.SIMULATION_TICK_DURATION_SECONDS;
    for (const [id, tflops] of perTask) this.allocatedTasks.get(id)?.updateProgress(tflops * C.SIMULATION_TICK_DURATION_SECONDS, this.currentTime);
    let actualPowerW = 0;
    for (const [u, tf] of perUnit) actualPowerW += tf * u.powerPerTflops * (1 + u.coolingOverhead);
    return { tflops: total, reportedPowerW, actualPowerW };
  }
}
