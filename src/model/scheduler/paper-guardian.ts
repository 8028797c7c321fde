/** Appendix D `GuardianNeuron` (the task prioritiser, not §3.1's TMR veto units), as printed. */
import { PaperTask, sortByPaperPriority } from "./paper-task.js";

export class PaperGuardianNeuron {
  readonly activeTasks = new Map<string, PaperTask>();
  readonly queuedTasks: PaperTask[] = [];

  /** `submit_task`: queue unless known; the queue is re-sorted. */
  submitTask(task: PaperTask): void {
    if (this.activeTasks.has(task.taskId) || this.queuedTasks.includes(task)) return;
    this.queuedTasks.push(task);
    this.sortTasksByPriority();
  }

  /**
   * `_sort_tasks_by_priority`: sorts twice; the first sort (remaining descending via the negated
   * key) is overwritten by the second, whose `reverse=True` also puts LARGER remaining work first
   * — the opposite of its comment "smaller tasks first" (defect D6). Both are replayed.
   */
  sortTasksByPriority(): void {
    this.queuedTasks.sort((a, b) => {
      const dv = b.ethicalValue() - a.ethicalValue();
      if (dv !== 0) return dv;
      const ra = -a.remainingTflops();
      const rb = -b.remainingTflops();
      return rb > ra ? 1 : rb < ra ? -1 : 0;
    });
    sortByPaperPriority(this.queuedTasks);
  }

  /** `get_prioritized_tasks(-1)`: every queued task moves to active and is returned, in order. */
  prioritizedTasks(): PaperTask[] {
    this.sortTasksByPriority();
    const out: PaperTask[] = [];
    while (this.queuedTasks.length > 0) {
      const task = this.queuedTasks.shift() as PaperTask;
      this.activeTasks.set(task.taskId, task);
      out.push(task);
    }
    return out;
  }

  /** `acknowledge_task_completion`. */
  acknowledgeTaskCompletion(taskId: string): void {
    this.activeTasks.delete(taskId);
  }
}
