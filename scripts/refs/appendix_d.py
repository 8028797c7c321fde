"""Appendix D (PQMS Resource Optimizer) in paper mode: the listing as printed, run.

Reads the listing from the paper, applies the smallest fixes that let it run (each listed
below and in docs/MODEL.md), continues the cut-off `allocate_resources` where it stops
("# Distribute available") the way its comments describe, and runs the scenario that
src/model/scheduler/paper-scenario.ts builds, printing JSON (test/reference/numpy-appendix-d.json).

Fixes needed to run:
  F1 `Union` is used but not imported            -> `from typing import Union` prepended
  F2 ResourceAllocator re-enters its own Lock     -> its lock is a threading.RLock
     (allocate_resources holds self.lock and calls _get_current_total_power_draw etc., which
     take it again: with a plain Lock this deadlocks)
  F3 LegacyGPUCluster has `cluster_id`, add_compute_unit logs `unit.unit_id` -> AttributeError;
     the log line reads getattr(unit, "unit_id", unit.cluster_id)
Defects kept as printed (they run): the cooling-factor precedence slip, the legacy power field
name mismatch on reset, the reversed tie-break, the budget from the class-average W/TFLOPS.
Usage: python3 scripts/refs/appendix_d.py [seed] > test/reference/numpy-appendix-d.json
"""
import json, logging, sys

PAPER = "/work/shared/seed/PQMS-V3000-unified-resonance-architecture.md"
src = open(PAPER, encoding="utf8").read()
i = src.index("### Appendix D")
j = src.index("```python", i) + len("```python")
k = src.index("```", j)
code = src[j:k].rstrip() + "\n"
assert code.endswith("# Distribute available\n")

code = "from typing import Union\n" + code                                     # F1
ra = code.index("class ResourceAllocator")
code = code[:ra] + code[ra:].replace("self.lock = threading.Lock()", "self.lock = threading.RLock()", 1)  # F2
code = code.replace("{unit.__class__.__name__} '{unit.unit_id}'",
                    "{unit.__class__.__name__} '{getattr(unit, 'unit_id', getattr(unit, 'cluster_id', '?'))}'")  # F3

TAIL = '''
            # --- completion of the cut-off listing (pqms): "iterate through prioritized tasks and
            # allocate power until budget is exhausted" ---
            for task in all_relevant_tasks:
                self.allocated_tasks[task.task_id] = task      # tasks popped from the Guardian stay tracked
            for task in all_relevant_tasks:
                if max_tflops_power_budget <= 0:
                    break
                requested = min(task.remaining_tflops() / PQMSConstants.SIMULATION_TICK_DURATION_SECONDS,
                                max_tflops_power_budget)
                allocated = self._allocate_tflops_to_units(requested)
                if allocated <= 0:
                    continue
                max_tflops_power_budget -= allocated
                allocated_tflops_this_tick[task.task_id] = allocated
                total_tflops_to_allocate_from_system += allocated
            power_consumed_this_tick = self._get_current_total_power_draw()
            self.current_time = getattr(self, "current_time", 0.0) + PQMSConstants.SIMULATION_TICK_DURATION_SECONDS
            for task_id, tflops in allocated_tflops_this_tick.items():
                self.allocated_tasks[task_id].update_progress(
                    tflops * PQMSConstants.SIMULATION_TICK_DURATION_SECONDS, self.current_time)
            self.last_tick = (total_tflops_to_allocate_from_system, power_consumed_this_tick)
'''
code += TAIL
logging.disable(logging.CRITICAL)
ns = {"__name__": "appendix_d"}
exec(compile(code, "appendix_d_listing", "exec"), ns)
np = ns["np"]


def run(seed, n_rpu=4, n_legacy=4, n_tasks=12, max_power_w=500_000.0, max_ticks=400):
    np.random.seed(seed)
    C, TP = ns["PQMSConstants"], ns["TaskPriority"]
    rpus = [ns["ResonantProcessingUnit"](f"rpu-{i}") for i in range(n_rpu)]
    legacy = [ns["LegacyGPUCluster"](f"gpu-{i}", C.RPU_BASE_TFLOPS_PER_UNIT) for i in range(n_legacy)]
    prios = list(TP)
    specs = []
    for i in range(n_tasks):
        p = prios[int(np.random.random_sample() * 5)]
        req = np.random.uniform(100.0, 5000.0)
        dur = np.random.uniform(1.0, 10.0)
        specs.append((f"task-{i:02d}", req, dur, p))
    out = {"seed": seed, "units": {"PQMS": [u.power_per_tflops for u in rpus],
                                   "LEGACY": [[u.power_per_tflops, u.cooling_overhead] for u in legacy]},
           "tasks": [{"id": s[0], "requiredTflop": s[1], "priority": s[3].name} for s in specs]}
    for system, units in (("PQMS", rpus), ("LEGACY", legacy)):
        gn = ns["GuardianNeuron"]()
        ra = ns["ResourceAllocator"](gn, max_power_w, system)
        for u in units:
            ra.add_compute_unit(u)
        tasks = [ns["ComputationalTask"](s[0], s[1], s[2], s[3]) for s in specs]
        for t in tasks:
            gn.submit_task(t)
        trace = []
        for _ in range(max_ticks):
            ra.allocate_resources()
            trace.append([ra.last_tick[0], ra.last_tick[1]])
            if all(t.is_completed for t in tasks):
                break
        out[system] = {"ticks": len(trace), "tflopsPerTick": [x[0] for x in trace], "reportedPowerW": [x[1] for x in trace],
                       "completions": [[t.task_id, t.completion_time] for t in tasks if t.is_completed]}
    return out


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42
    print(json.dumps(run(seed)))
