/**
 * The summary of a `model: interplanetary` run (what `pqms run … --json` prints under
 * `interplanetary`), computed from the run's recorded metric series and events only: the
 * Earth–Mars clock residual, routed latency within each shell and across the gap, light-time, the
 * periods the gap was closed, how the residual grew while it was, §5.2's figures beside them,
 * and the verdict on the "single cognitive unit" as a pure function of those outcomes.
 * Other parts of the twin add their own fields (coherence, failover) beside these.
 */
import { BLOCK_CAUSES } from "../../model/orbit/interplanetary-network.js";
import { GAP_DOWN, GAP_UP } from "../../sim/models/interplanetary.js";
import { type CoherenceSummary, coherenceSummary } from "../../sim/models/interplanetary-mesh.js";
import type { ModelEvent } from "../../sim/model.js";
import type { Scenario } from "../../sim/scenario/index.js";
import { PAPER_GAP_RESIDUAL_S, PAPER_LATENCY_S, THEOREM1_RESIDUAL_S } from "./interplanetary.js";

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

/** The verdict on §5.2's "single cognitive unit", and what it rests on. */
export interface SingleUnitVerdict {
  readonly claim: string;
  readonly section: "§5.2";
  readonly outcome: "holds" | "fails";
  /** Each of the claim's conditions, measured, and whether it held. */
  readonly conditions: readonly { readonly name: string; readonly expected: string; readonly measured: string; readonly holds: boolean }[];
  readonly text: string;
  readonly assumptions: readonly string[];
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
}

/** Nearest-rank quantile (p ∈ [0, 1]) of the values; NaN for none. */
function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor(p * a.length))]!;
}

const fmt = (x: number, d = 3) => x.toExponential(d - 1);

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

/** Inputs of the single-cognitive-unit verdict: outcomes of the run and the paper's figures. */
export interface SingleUnitOutcome {
  readonly acrossMedianS: number | null;
  readonly lightTimeMinS: number;
  readonly gapClosedS: number;
  readonly residualP99S: number;
  readonly paperLatencyS: number;
  readonly paperResidualS: number;
  readonly processingS: number;
  /** Smallest coherence across the gap over the samples, and the Mars guardian's vetoes; absent without the mesh. */
  readonly coherenceAcrossMin?: number;
  readonly marsVetoes?: number;
  /** θ_crit: RCF at which two nodes count as resonantly coupled (§2.1: 0.95; scenario odos.rcfThreshold). */
  readonly rcfThreshold?: number;
  /** Median ΔE the Mars guardian saw at the start of a tick (before any veto), and its veto threshold (§2.3: 0.05; odos.deltaEThreshold). */
  readonly marsDeltaEMedian?: number;
  readonly deltaEThreshold?: number;
  /** Cross-gap coupling rate of the mesh, 1/s (interplanetary.mesh.kappaGapPerS). */
  readonly kappaGapPerS?: number;
}

/**
 * §5.2: "the effective communication latency between any two nodes is only the local processing
 * time (< 1 ns) — the system behaves as a single … cognitive unit". It holds only if, over the
 * run, routed latency across the gap stays below the paper's figure, the gap never closes, and the
 * Earth–Mars residual stays below §5.2's 100 fs. Pure: the same outcomes give the same verdict.
 */
export function singleUnitVerdict(o: SingleUnitOutcome): SingleUnitVerdict {
  const latencyHolds = o.acrossMedianS !== null && o.acrossMedianS < o.paperLatencyS;
  const conditions = [
    { name: "latency across the gap", expected: `< ${o.paperLatencyS} s`, measured: o.acrossMedianS === null ? "no path across the gap at any sample" : `median ${fmt(o.acrossMedianS)} s (light-time floor ${fmt(o.lightTimeMinS)} s)`, holds: latencyHolds },
    { name: "gap always open", expected: "0 s closed", measured: `${(o.gapClosedS / 86_400).toFixed(2)} days closed`, holds: o.gapClosedS === 0 },
    { name: "Earth–Mars clock residual", expected: `< ${o.paperResidualS} s`, measured: `p99 |residual| ${fmt(o.residualP99S)} s`, holds: o.residualP99S < o.paperResidualS },
  ];
  if (o.coherenceAcrossMin !== undefined && o.rcfThreshold !== undefined) {
    // One unit needs every Earth node resonantly coupled (RCF ≥ θ_crit, §2.1) to what it receives of Mars, and back, at every sample.
    const vetoes = o.marsVetoes === undefined || o.marsVetoes === 0 ? "" : `; the Mars guardian re-seeded nodes ${o.marsVetoes} times`;
    conditions.push({ name: "coherence across the gap", expected: `≥ θ_crit = ${o.rcfThreshold} at every sample (§2.1)`, measured: `minimum ${o.coherenceAcrossMin.toPrecision(4)}${vetoes}`, holds: o.coherenceAcrossMin >= o.rcfThreshold });
  }
  if (o.marsDeltaEMedian !== undefined && o.deltaEThreshold !== undefined) {
    // Coherence the guardian restores by re-seeding is not coherence the clocks keep: the Mars
    // nodes' phases against the common (Earth) time reference, before any veto, must stay in bounds.
    conditions.push({ name: "Mars in phase with Earth's time before the guardian acts", expected: `median ΔE ≤ ${o.deltaEThreshold} (§2.3)`, measured: `median ΔE ${o.marsDeltaEMedian.toPrecision(3)}`, holds: o.marsDeltaEMedian <= o.deltaEThreshold });
  }
  const outcome = conditions.every((c) => c.holds) ? "holds" : "fails";
  const failed = conditions.filter((c) => !c.holds).map((c) => `${c.name}: ${c.measured}, claimed ${c.expected}`);
  const text = outcome === "holds"
    ? "On this run the two planets behave as one unit: latency, continuity and time agree with §5.2."
    : `Not a single cognitive unit: ${failed.join("; ")}.${o.acrossMedianS !== null && o.acrossMedianS >= o.lightTimeMinS ? ` Across the gap the light-time alone is ${fmt(o.lightTimeMinS / o.paperLatencyS)} × the claimed latency, whatever the processing (${o.processingS} s per hop).` : ""}${o.gapClosedS > 0 ? " While the gap is closed (solar conjunction) the Mars side runs alone and its clock holds over: two units, not one." : ""}`;
  return {
    claim: "latency between any two nodes is only the local processing time (< 1 ns): the system behaves as a single cognitive unit",
    section: "§5.2", outcome, conditions, text,
    assumptions: [
      "every delay is a light-time on astronomy-engine's ephemerides (VSOP87); the light-time equation per deep-space link",
      `per-hop processing ${o.processingS} s (interplanetary.links.processingS)`,
      "the gap is open when some Earth gateway reaches some Mars site directly or through one relay; solar exclusion and occultation as in interplanetary.links",
      ...(o.kappaGapPerS === undefined ? [] : [`coherence: each shell the resonance mesh of §2.1/App. B relaxed within the tick, coupled across the gap at κ_gap = ${o.kappaGapPerS} /s (interplanetary.mesh.kappaGapPerS, a twin input) to the other side's state one light-time late, not at all while the gap is closed`]),
    ],
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
  const gapClosedS = linkDown.reduce((s, p) => s + (p.endS - p.startS), 0);
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
  const coherence = coherenceSummary(v);
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
    coherence,
    paper,
    verdict: singleUnitVerdict({
      acrossMedianS: across?.median ?? null, lightTimeMinS: lt.length === 0 ? Number.NaN : Math.min(...lt), gapClosedS, residualP99S: residualP99,
      paperLatencyS: paper.latencyS, paperResidualS: paper.residualS, processingS: ip.links.processingS,
      ...(coherence ? { coherenceAcrossMin: coherence.across.min, marsVetoes: coherence.vetoes.mars, rcfThreshold: scenario.odos.rcfThreshold, kappaGapPerS: ip.mesh.kappaGapPerS,
        marsDeltaEMedian: coherence.deltaEMedian.mars, deltaEThreshold: scenario.odos.deltaEThreshold } : {}),
    }),
  };
}
