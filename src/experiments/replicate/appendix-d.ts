/**
 * `replicate appendix-d`: Appendix D's resource optimizer in paper mode (the printed classes,
 * the cut-off tail completed, numpy draws) beside physical mode (an optimal allocator) on the
 * same seeded world, with the listing's defects (docs/MODEL.md, "Appendix D").
 */
import { requireInt } from "../../errors.js";
import {
  APPENDIX_D_DEFECTS, DEFAULT_PAPER_SCENARIO, PQMS_CONSTANTS as C, comparePhysical, drawAppendixDWorld, runPaperAppendixD,
  type ListingDefect, type PaperSystemRun, type PhysicalComparison, type PaperScenarioOptions,
} from "../../model/scheduler/index.js";

export interface AppendixDOptions {
  readonly seed: number;
}

export interface AppendixDResult {
  readonly seed: number;
  readonly scenario: PaperScenarioOptions;
  readonly units: { readonly PQMS: number[]; readonly LEGACY: [number, number][] };
  readonly tasks: { readonly id: string; readonly requiredTflop: number; readonly priority: string }[];
  readonly paper: { readonly PQMS: PaperSystemRun; readonly LEGACY: PaperSystemRun };
  readonly physical: PhysicalComparison;
  readonly defects: readonly ListingDefect[];
}

/** Run both modes on the world drawn from `seed` (0 ≤ seed < 2^32). */
export function replicateAppendixD(o: AppendixDOptions): AppendixDResult {
  requireInt(o.seed, "seed", 0, 0xffffffff, "numpy's np.random.seed takes 0 ≤ seed < 2^32");
  const paper = runPaperAppendixD({ seed: o.seed });
  const sc = paper.options;
  const world = drawAppendixDWorld(o.seed, sc.rpus, sc.legacyClusters, sc.tasks);
  return {
    seed: o.seed,
    scenario: sc,
    units: paper.units,
    tasks: paper.tasks.map((t) => ({ id: t.id, requiredTflop: t.requiredTflop, priority: t.priority })),
    paper: { PQMS: paper.PQMS, LEGACY: paper.LEGACY },
    physical: comparePhysical(world, sc.maxPowerW),
    defects: APPENDIX_D_DEFECTS,
  };
}

/** Legacy ÷ PQMS W/TFLOPS at the midpoints of Appendix D's ranges, cooling included: 300·1.4 / (2.55·1.01). */
export function midpointAdvantage(): number {
  const legacy = ((C.LEGACY_POWER_PER_TFLOPS_MIN + C.LEGACY_POWER_PER_TFLOPS_MAX) / 2) * (1 + (C.LEGACY_COOLING_OVERHEAD_MIN + C.LEGACY_COOLING_OVERHEAD_MAX) / 2);
  const pqms = ((C.PQMS_POWER_PER_TFLOPS_MIN + C.PQMS_POWER_PER_TFLOPS_MAX) / 2) * (1 + C.PQMS_COOLING_OVERHEAD_MAX);
  return legacy / pqms;
}

const s = (x: number | null, unit: string, p = 2): string => (x === null ? "—" : `${x.toFixed(p)} ${unit}`);
const e = (x: number, unit: string): string => `${x.toExponential(3)} ${unit}`;

function paperLine(name: string, r: PaperSystemRun): string {
  const done = `${r.completions.length}/${DEFAULT_PAPER_SCENARIO.tasks} tasks`;
  return `  ${name.padEnd(7)} ${done.padEnd(12)} ticks ${String(r.ticks).padEnd(5)} makespan ${s(r.makespanS, "s").padEnd(10)} ` +
    `energy ${e(r.energyJ, "J")} (reported ${e(r.reportedEnergyJ, "J")}), ticks over cap ${r.ticksOverCap}`;
}

/** Human report: paper mode, physical mode, ratios, defects. */
export function explainAppendixD(r: AppendixDResult): string {
  const p = r.physical;
  const phys = (name: string, x: typeof p.pqms): string =>
    `  ${name.padEnd(7)} makespan ${s(x.makespanS, "s").padEnd(10)} energy ${e(x.energyJ, "J")}  ${x.energyPerTflopJ.toFixed(3)} J/TFLOP  ` +
    `weighted throughput ${x.weightedThroughput === null ? "—" : x.weightedThroughput.toExponential(3)} value·TFLOP/s  ` +
    `value-weighted mean completion ${s(x.weightedMeanCompletionS, "s", 3)}  peak ${e(x.peakPowerW, "W")}`;
  const ratio = (x: number | null): string => (x === null ? "— (a side did not finish)" : `${x.toFixed(3)}×`);
  return [
    `Appendix D (pqms_resource_optimizer) — numpy seed ${r.seed}: ${r.scenario.rpus} RPUs and ${r.scenario.legacyClusters} legacy clusters of 1000 TFLOPS,`,
    `${r.scenario.tasks} tasks, power cap ${r.scenario.maxPowerW} W, ticks of 0.1 s (at most ${r.scenario.maxTicks}). The listing has no driver: this scenario is ours.`,
    "",
    "Paper mode (printed classes; D1, D2, D5 fixed only so it runs; the cut-off tail completed as its comments say):",
    paperLine("PQMS", r.paper.PQMS),
    paperLine("LEGACY", r.paper.LEGACY),
    "",
    "Physical mode (optimal allocator: priority order, cheapest W/TFLOPS first, cap on actual draw):",
    phys("PQMS", p.pqms),
    phys("LEGACY", p.legacy),
    `  legacy ÷ PQMS: makespan ${ratio(p.ratios.makespan)}, energy ${ratio(p.ratios.energy)}, value-weighted completion ${ratio(p.ratios.weightedMeanCompletion)};`,
    `  PQMS ÷ legacy weighted throughput ${ratio(p.ratios.weightedThroughputPqmsOverLegacy)}. (§5.1 claims 4000× per TFLOP; the appendix's own ranges give ${midpointAdvantage().toFixed(0)}× at their midpoints, cooling included.)`,
    "",
    "Defects in the listing and how they are treated:",
    ...r.defects.map((d) => `  ${d.id} [${d.paperMode}] ${d.what} → ${d.effect}. ${d.treatment}.`),
  ].join("\n");
}
