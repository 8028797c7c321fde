/** Every defect found in Appendix D's listing, what it does, and how paper and physical mode treat it. */

export interface ListingDefect {
  readonly id: string;
  readonly where: string;
  readonly what: string;
  readonly effect: string;
  /** How paper mode treats it: `fixed-to-run` (the smallest change that lets it run) or `kept`. */
  readonly paperMode: "fixed-to-run" | "kept" | "completed";
  readonly treatment: string;
}

export const APPENDIX_D_DEFECTS: readonly ListingDefect[] = Object.freeze([
  { id: "D1", where: "imports; ResourceAllocator.add_compute_unit signature", what: "`Union` is used but never imported from typing",
    effect: "NameError when the class body is executed: the module does not import", paperMode: "fixed-to-run",
    treatment: "import added (the Python reference prepends `from typing import Union`)" },
  { id: "D2", where: "ResourceAllocator.allocate_resources", what: "holds `self.lock` (threading.Lock, not re-entrant) and calls `_get_current_total_power_draw`, `_get_total_available_tflops`, `_allocate_tflops_to_units`, which take it again",
    effect: "deadlock on the first allocation cycle", paperMode: "fixed-to-run",
    treatment: "the Python reference uses an RLock; the TypeScript replay is single-threaded and has no locks" },
  { id: "D3", where: "_get_max_theoretical_tflops and _allocate_tflops_to_units sort key", what: "`w * (1 + c if legacy else 0.01)`: the conditional binds last, so an RPU's cooling factor is 0.01 instead of 1.01",
    effect: "RPU costs 100× too low in the key; sorting among RPUs is unchanged (common factor), `_get_max_theoretical_tflops` (never called) would be 100× too high", paperMode: "kept",
    treatment: "replayed literally (`paperEfficiencyKey`); physical mode uses w·(1 + cooling) for every unit" },
  { id: "D4", where: "LegacyGPUCluster vs ResonantProcessingUnit; allocate_resources reset", what: "the legacy cluster stores power in `current_compute_power_watts`, the reset writes `current_power_consumption_watts`",
    effect: "legacy power is never reset: its reported draw accumulates over ticks, the budget shrinks geometrically and the legacy system starves", paperMode: "kept",
    treatment: "replayed (`resetPowerAsPrinted` is a no-op on legacy clusters); physical mode resets per tick" },
  { id: "D5", where: "ResourceAllocator.add_compute_unit", what: "logs `unit.unit_id`; LegacyGPUCluster has `cluster_id`",
    effect: "AttributeError when a legacy cluster is added", paperMode: "fixed-to-run",
    treatment: "the log line reads `cluster_id` for legacy clusters" },
  { id: "D6", where: "GuardianNeuron._sort_tasks_by_priority and allocate_resources", what: "sorts twice; the surviving key `(value, remaining)` with reverse=True puts LARGER tasks first within a priority, contrary to its comment (smaller first)",
    effect: "longer mean completion time within a priority class", paperMode: "kept",
    treatment: "replayed; physical mode serves smaller remaining work first within equal priority" },
  { id: "D7", where: "allocate_resources", what: "the power budget is converted to TFLOPS with the class-average W/TFLOPS (midpoint of the range), not the units' own",
    effect: "the cap is not enforced on actual draw: exceeded when the chosen units are worse than average, wasted when better", paperMode: "kept",
    treatment: "replayed, `actualPowerW` and `ticksOverCap` reported; physical mode fills the cap with the units' own costs" },
  { id: "D8", where: "ComputationalTask", what: "`required_tflops` is work (TFLOP) while unit capacities are rates (TFLOPS); `update_progress` takes TFLOP per tick",
    effect: "units mixed; the reading work = rate × tick is the only consistent one", paperMode: "kept",
    treatment: "work in TFLOP, rates in TFLOPS, progress += allocated·0.1 s" },
  { id: "D9", where: "allocate_resources (end of listing)", what: "the listing stops mid-function at `# Distribute available`",
    effect: "no task ever receives resources", paperMode: "completed",
    treatment: "completed per its comments: iterate the prioritised tasks, allocate until the budget is exhausted, progress += allocated·tick, clock += tick" },
  { id: "D10", where: "GuardianNeuron.get_prioritized_tasks", what: "pops every queued task to `active` on each call, whether or not it gets resources",
    effect: "tasks not served in their first cycle would vanish unless the allocator keeps them", paperMode: "completed",
    treatment: "the completed tail records every returned task in `allocated_tasks`" },
  { id: "D11", where: "PQMSConstants", what: "PQMS 0.1–5 W/TFLOPS and legacy 100–500 W/TFLOPS, said to derive from the comparison table; §5.1 states 0.05 and 200",
    effect: "the appendix's PQMS advantage (300·1.4 / (2.55·1.01) ≈ 163× at the range midpoints incl. cooling, 118× without) is not §5.1's 4000×", paperMode: "kept",
    treatment: "ranges as printed" },
  { id: "D12", where: "ResonantProcessingUnit/LegacyGPUCluster constructors", what: "parameters drawn from numpy's global stream without a seed",
    effect: "runs are not reproducible", paperMode: "kept",
    treatment: "seeded (`--seed`, default 42) on the bit-exact numpy stream" },
].map((d) => Object.freeze(d as ListingDefect)));
