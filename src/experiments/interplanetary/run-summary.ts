/**
 * The summary of a `model: interplanetary` run (what `pqms run … --json` prints under
 * `interplanetary`), computed from the run's recorded metric series and events only: the
 * Earth–Mars clock residual, routed latency within each shell and across the gap, light-time, the
 * periods the gap was closed, how the residual grew while it was, §5.2's figures beside them,
 * and the verdict on the "single cognitive unit" (the report's reading of the same series).
 * Other parts of the twin add their own fields (coherence, failover) beside these.
 */
import { BLOCK_CAUSES } from "../../model/orbit/interplanetary-network.js";
import { GAP_DOWN, GAP_UP } from "../../sim/models/interplanetary.js";
import { type CoherenceSummary, coherenceSummary } from "../../sim/models/interplanetary-mesh.js";
import type { ModelEvent } from "../../sim/model.js";
import type { Scenario } from "../../sim/scenario/index.js";
import { cognitiveUnit } from "../../report/cognitive-unit.js";
import { interplanetaryStats } from "../../report/interplanetary-data.js";
import { failoverSummary, type FailoverSummary } from "./failover-summary.js";
import { PAPER_GAP_RESIDUAL_S, PAPER_LATENCY_S, THEOREM1_RESIDUAL_S } from "./interplanetary.js";
import { quantileSorted } from "../../sim/failover-stats.js";

/** A metric series as the store returns it. */
export interface MetricSeries {
  readonly tNs: readonly number[];
  readonly value: readonly number[];
}

export interface Spread {
  readonly median: number;
  readonly p99: number;
}

/** A period the gap was closed (no Earth↔Mars path), with its cause. */
export interface GapDown {
  readonly start: string;
  readonly end: string;
  readonly startS: number;
  readonly endS: number;
  readonly days: number;
  readonly cause: string;
  /** True when the run ended with the gap still closed (`end` is the run's end). */
  readonly open: boolean;
}

/** How the Earth–Mars residual behaved with the gap open and closed. */
export interface ResidualGrowth {
  /** Median |residual| over samples taken one tick after an exchange (the gap open), s. */
  readonly openMedianAbsS: number;
  /** Largest |residual| in hold-over (no exchange for more than one tick: the gap closed), s; null when none. */
  readonly closedMaxAbsS: number | null;
  /** closedMaxAbsS / openMedianAbsS. */
  readonly growth: number | null;
  /** Longest hold-over of the Mars clock, s. */
  readonly holdoverMaxS: number;
}

/**
 * The verdict on §5.2's "single cognitive unit", and what it rests on: the report's reading
 * (report/cognitive-unit.ts, also shown by the dashboard), so the run's JSON, its report and the
 * dashboard always say the same thing.
 */
export interface SingleUnitVerdict {
  readonly claim: string;
  readonly section: "§5.2";
  readonly outcome: "holds" | "fails" | "not applicable";
  /** Each of the reading's tests, measured, and whether it held (null: not recorded). */
  readonly conditions: readonly { readonly name: string; readonly expected: string; readonly measured: string; readonly holds: boolean | null; readonly assumption: string }[];
  readonly text: string;
}

export interface InterplanetarySummary {
  readonly epoch: string;
  readonly umtResidualS: Spread & { readonly max: number; readonly mode: string; readonly clock: string };
  readonly latencyS: { readonly earth: Spread | null; readonly mars: Spread | null; readonly across: (Spread & { readonly reachable: number }) | null };
  readonly lightTimeS: { readonly min: number; readonly median: number; readonly max: number };
  readonly gapOpenFraction: number;
  readonly linkDown: readonly GapDown[];
  readonly residualGrowth: ResidualGrowth;
  /** The resonance mesh across both planets (null when interplanetary.mesh.enabled is false). */
  readonly coherence: CoherenceSummary | null;
  readonly paper: { readonly residualS: number; readonly theorem1S: number; readonly latencyS: number };
  readonly verdict: SingleUnitVerdict;
  /** The Raft controllers across the gap (null without `interplanetary.controllers`). */
  readonly failover: FailoverSummary | null;
}

/** Nearest-rank quantile (p ∈ [0, 1]) of the values; NaN for none. */
/** Quantile of unsorted values, linearly interpolated (numpy's default), as the run report reads them. */
function quantile(xs: readonly number[], p: number): number {
  return quantileSorted([...xs].sort((x, y) => x - y), p);
}

/** Down periods from the model's gapDown/gapUp events (a period still open at the end ends there). */
export function gapDownPeriods(events: readonly ModelEvent[], epochMs: number, durationNs: number): GapDown[] {
  const out: GapDown[] = [];
  let open: { tNs: number; cause: string } | undefined;
  const close = (endNs: number, stillOpen: boolean) => {
    const o = open!;
    out.push({
      start: new Date(epochMs + o.tNs / 1e6).toISOString(), end: new Date(epochMs + endNs / 1e6).toISOString(),
      startS: o.tNs * 1e-9, endS: endNs * 1e-9, days: (endNs - o.tNs) / 86_400e9, cause: o.cause, open: stillOpen,
    });
    open = undefined;
  };
  for (const e of events) {
    if (e.kind === GAP_DOWN && open === undefined) open = { tNs: e.tNs, cause: BLOCK_CAUSES[e.data.cause ?? 0] ?? "unknown" };
    else if (e.kind === GAP_UP && open !== undefined) close(e.tNs, false);
  }
  if (open !== undefined) close(durationNs, true);
  return out;
}

/** The report's reading of the run's series as the summary's verdict. */
export function singleUnitVerdict(metrics: ReadonlyMap<string, MetricSeries>): SingleUnitVerdict {
  const stats = interplanetaryStats(metrics);
  const claim = "the effective communication latency between any two nodes is only the local processing time (< 1 ns): the system behaves as a single cognitive unit";
  if (stats === null) return { claim, section: "§5.2", outcome: "not applicable", conditions: [], text: "The run recorded no interplanetary samples." };
  const r = cognitiveUnit(stats);
  return {
    claim, section: "§5.2", outcome: r.holds === null ? "not applicable" : r.holds ? "holds" : "fails",
    conditions: r.tests.map((t) => ({ name: t.name, expected: t.claim, measured: t.measured, holds: t.holds, assumption: t.assumption })),
    text: r.paragraph,
  };
}

/**
 * The `interplanetary` object of a finished (or interrupted) run.
 * @param metrics  name → series, as `RunStore.metrics` returns them.
 * @param events   the run's events in order (gapDown/gapUp are read).
 */
export function interplanetarySummary(scenario: Scenario, metrics: ReadonlyMap<string, MetricSeries>, events: readonly ModelEvent[]): InterplanetarySummary {
  const ip = scenario.interplanetary;
  if (ip === undefined) throw new Error("pqms internal assertion: interplanetary summary of a run without an interplanetary section");
  const v = (name: string): readonly number[] => metrics.get(name)?.value ?? [];
  const spread = (p50: string, p99: string): Spread | null => (v(p50).length === 0 ? null : { median: quantile(v(p50), 0.5), p99: quantile(v(p99), 0.99) });
  const resAbs = v("umtResidualS").map(Math.abs);
  const lt = v("lightTimeS");
  const durationNs = Math.round(scenario.run.durationS * 1e9);
  const linkDown = gapDownPeriods(events, Date.parse(ip.epoch), durationNs);
  // Residuals split by whether the Mars clock was holding over (its last exchange more than one
  // tick before the sample: the gap was closed through that tick) or steered one tick earlier.
  const up = v("gapLinkUp");
  const hold = v("umtHoldoverS");
  const openRes: number[] = [], closedRes: number[] = [];
  resAbs.forEach((r, k) => ((hold[k] ?? 0) > scenario.run.tickS * (1 + 1e-9) ? closedRes : openRes).push(r));
  const openMedian = quantile(openRes, 0.5);
  const closedMax = closedRes.length === 0 ? null : Math.max(...closedRes);
  const across = spread("latencyAcrossP50S", "latencyAcrossP99S");
  const reach = v("latencyAcrossReachable");
  const paper = { residualS: PAPER_GAP_RESIDUAL_S, theorem1S: THEOREM1_RESIDUAL_S, latencyS: PAPER_LATENCY_S };
  const residualP99 = quantile(resAbs, 0.99);
  return {
    epoch: ip.epoch,
    umtResidualS: { median: quantile(resAbs, 0.5), p99: residualP99, max: resAbs.length === 0 ? Number.NaN : Math.max(...resAbs), mode: ip.umt.mode, clock: ip.umt.clock },
    latencyS: {
      earth: spread("latencyEarthP50S", "latencyEarthP99S"),
      mars: spread("latencyMarsP50S", "latencyMarsP99S"),
      across: across === null ? null : { ...across, reachable: reach.reduce((s, x) => s + x, 0) / Math.max(1, reach.length) },
    },
    lightTimeS: { min: lt.length === 0 ? Number.NaN : Math.min(...lt), median: quantile(lt, 0.5), max: lt.length === 0 ? Number.NaN : Math.max(...lt) },
    gapOpenFraction: up.length === 0 ? Number.NaN : up.reduce((s, x) => s + x, 0) / up.length,
    linkDown,
    residualGrowth: {
      openMedianAbsS: openMedian, closedMaxAbsS: closedMax, growth: closedMax === null ? null : closedMax / openMedian,
      holdoverMaxS: Math.max(0, ...hold),
    },
    coherence: coherenceSummary(v),
    paper,
    failover: ip.controllers ? failoverSummary(ip.controllers, ip.epoch, scenario.run.durationS, metrics, events) : null,
    verdict: singleUnitVerdict(metrics),
  };
}
