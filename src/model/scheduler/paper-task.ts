/** Appendix D `ComputationalTask`, as printed (`required_tflops` is work in TFLOP despite its name). */
import { ODOS_ETHICAL_VALUE, PQMS_CONSTANTS, type TaskPriority } from "./paper-constants.js";

export class PaperTask {
  startTime: number | null = null;
  completionTime: number | null = null;
  progressTflops = 0;
  isCompleted = false;
  currentAllocatedTflops = 0;

  constructor(
    readonly taskId: string,
    readonly requiredTflops: number,
    readonly estimatedDurationSeconds: number,
    readonly priority: TaskPriority,
  ) {}

  /** `get_ethical_value`. */
  ethicalValue(): number {
    return ODOS_ETHICAL_VALUE[this.priority];
  }

  /** `update_progress(allocated_tflops_per_tick, current_time)`. */
  updateProgress(allocatedTflopsPerTick: number, currentTime: number): void {
    if (this.isCompleted) return;
    if (this.startTime === null && allocatedTflopsPerTick > 0) this.startTime = currentTime;
    this.progressTflops += allocatedTflopsPerTick;
    this.currentAllocatedTflops = allocatedTflopsPerTick / PQMS_CONSTANTS.SIMULATION_TICK_DURATION_SECONDS;
    if (this.progressTflops >= this.requiredTflops) {
      this.progressTflops = this.requiredTflops;
      this.isCompleted = true;
      this.completionTime = currentTime;
    }
  }

  /** `remaining_tflops`. */
  remainingTflops(): number {
    return Math.max(0, this.requiredTflops - this.progressTflops);
  }
}

/** Python `sort(key=lambda t: (t.get_ethical_value(), t.remaining_tflops()), reverse=True)`: stable, descending. */
export function sortByPaperPriority(tasks: PaperTask[]): void {
  tasks.sort((a, b) => {
    const dv = b.ethicalValue() - a.ethicalValue();
    if (dv !== 0) return dv;
    const ra = a.remainingTflops();
    const rb = b.remainingTflops();
    return rb > ra ? 1 : rb < ra ? -1 : 0;
  });
}
