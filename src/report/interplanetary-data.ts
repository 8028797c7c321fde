/**
 * What an interplanetary run (§5.2: Earth and Mars shells in one twin) says, read from its metric
 * series: the periods the Earth–Mars gap was closed, the clock residual, coherence and routed
 * latency while linked and while cut off, and whether the run behaves as the paper's "single
 * cognitive unit". Plain data, no Node imports: the report and the dashboard both use it.
 *
 * Metric keys are the interplanetary model's (sim/models/interplanetary.ts): `gapLinkUp`,
 * `lightTimeS`, `sunEarthMarsAngleDeg`, `umtResidualS`, `latency{Earth,Mars,Across}{P50,P99}S`,
 * `latencyAcrossReachable`, `coherence{Earth,Mars,Across,Global}`.
 */

import { quantileSorted } from "../sim/failover-stats.js";

/** Metric series as the store returns them: name → samples in time order. */
export type MetricSeries = ReadonlyMap<string, { readonly tNs: readonly number[]; readonly value: readonly number[] }>;

/** §5.2: "the residual drift is kept below 100 fs by active optical phase locking", s. */
export const PAPER_RESIDUAL_S = 100e-15;
/** §2.1 Theorem 1's precondition: relative clock drift below 10 fs keeps global coherence within 1 %, s. */
export const THEOREM1_DRIFT_S = 10e-15;
/** §5.2: "the effective communication latency between any two nodes is only the local processing time (< 1 ns)", s. */
export const PAPER_LATENCY_S = 1e-9;

/** The metric every interplanetary run records; its presence marks a run as one. */
export const INTERPLANETARY_MARKER_METRIC = "gapLinkUp";

/** A period in which no usable Earth↔Mars path existed (`gapLinkUp` = 0). */
export interface LinkDownPeriod {
  /** First sample with the gap closed, ns since the scenario's epoch. */
  readonly startNs: number;
  /** First sample with the gap open again, or the last sample when the run ended inside the period. */
  readonly endNs: number;
  /** The run ended with the gap still closed. */
  readonly open: boolean;
  /** Smallest Sun–Earth–Mars angle inside the period, degrees (NaN when not recorded). */
  readonly minSunAngleDeg: number;
}

/** Smallest, median, 99th percentile and largest of a sample. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** A figure while the gap was open and while it was closed (null: no such samples). */
export interface Split {
  readonly linked: Spread | null;
  readonly cutOff: Spread | null;
}

/** A latency group's per-sample p50 and p99. */
export interface LatencySplit {
  readonly p50: Split;
  readonly p99: Split;
}

/** The interplanetary reading of one run. */
export interface InterplanetaryStats {
  readonly startNs: number;
  readonly endNs: number;
  readonly samples: number;
  readonly linkDown: readonly LinkDownPeriod[];
  /** Time the gap was closed, ns (sum of the periods). */
  readonly linkDownNs: number;
  readonly lightTimeS: Spread | null;
  readonly minSunAngleDeg: number;
  /** |umtResidualS|, s, split by gap state and over the whole run. */
  readonly residualS: Split;
  readonly residualAllS: Spread | null;
  /** Routed end-to-end latency over sampled pairs: each sample's p50 and p99, split by gap state. */
  readonly latencyS: { readonly earth: LatencySplit; readonly mars: LatencySplit; readonly across: LatencySplit };
  /** Smallest fraction of sampled Earth–Mars pairs with a route, over the run (NaN when not recorded). */
  readonly acrossReachableMin: number;
  readonly coherence: { readonly earth: Split; readonly mars: Split; readonly across: Split; readonly global: Split };
  /**
   * What the Mars guardian saw and did (the gap mesh's `deltaEMarsMean`, `meshVetoesMarsTotal`);
   * absent when the run recorded no ΔE series.
   */
  readonly guardian?: { readonly deltaEMars: Spread; readonly vetoesMars: number };
}

/** The q-quantile of a sorted sample (numpy's "linear"): the simulator's own, so report and run agree. */
export { quantileSorted };

/** Min, median, p99 and max of the finite values, or null when there are none. */
export function spread(values: readonly number[]): Spread | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  return { min: xs[0]!, median: quantileSorted(xs, 0.5), p99: quantileSorted(xs, 0.99), max: xs[xs.length - 1]!, count: xs.length };
}

/** Whether a run's metrics are those of an interplanetary run. */
export function isInterplanetary(metrics: MetricSeries): boolean {
  return (metrics.get(INTERPLANETARY_MARKER_METRIC)?.tNs.length ?? 0) > 0;
}

/**
 * The periods with `gapLinkUp` = 0: each from its first closed sample to the first open one after
 * it (or the last sample, `open`, when the run ends closed). `angle`, when given, is the
 * `sunEarthMarsAngleDeg` series on the same sample times.
 */
export function linkDownPeriods(
  up: { readonly tNs: readonly number[]; readonly value: readonly number[] },
  angle?: { readonly tNs: readonly number[]; readonly value: readonly number[] },
): LinkDownPeriod[] {
  const angleAt = new Map<number, number>();
  if (angle) for (let i = 0; i < angle.tNs.length; i++) angleAt.set(angle.tNs[i]!, angle.value[i]!);
  const out: LinkDownPeriod[] = [];
  let start = -1;
  let minAngle = Number.NaN;
  for (let i = 0; i < up.tNs.length; i++) {
    const t = up.tNs[i]!;
    const down = up.value[i]! < 0.5;
    if (down) {
      if (start < 0) { start = t; minAngle = Number.NaN; }
      const a = angleAt.get(t);
      if (a !== undefined && Number.isFinite(a) && !(a >= minAngle)) minAngle = a;
    } else if (start >= 0) {
      out.push({ startNs: start, endNs: t, open: false, minSunAngleDeg: minAngle });
      start = -1;
    }
  }
  if (start >= 0) out.push({ startNs: start, endNs: up.tNs[up.tNs.length - 1]!, open: true, minSunAngleDeg: minAngle });
  return out;
}

/** Values of `key` split by whether the gap was open at that sample time. */
function split(metrics: MetricSeries, key: string, upAt: ReadonlyMap<number, boolean>, abs = false): Split {
  const m = metrics.get(key);
  if (!m) return { linked: null, cutOff: null };
  const linked: number[] = [];
  const cutOff: number[] = [];
  for (let i = 0; i < m.tNs.length; i++) {
    const v = abs ? Math.abs(m.value[i]!) : m.value[i]!;
    (upAt.get(m.tNs[i]!) === false ? cutOff : linked).push(v);
  }
  return { linked: spread(linked), cutOff: spread(cutOff) };
}

/** The interplanetary reading of a run's metrics, or null when the run is not an interplanetary one. */
export function interplanetaryStats(metrics: MetricSeries): InterplanetaryStats | null {
  const up = metrics.get(INTERPLANETARY_MARKER_METRIC);
  if (!up || up.tNs.length === 0) return null;
  const upAt = new Map<number, boolean>();
  for (let i = 0; i < up.tNs.length; i++) upAt.set(up.tNs[i]!, up.value[i]! >= 0.5);
  const angle = metrics.get("sunEarthMarsAngleDeg");
  const linkDown = linkDownPeriods(up, angle);
  const reach = metrics.get("latencyAcrossReachable")?.value.filter((v) => Number.isFinite(v)) ?? [];
  const angles = angle?.value.filter((v) => Number.isFinite(v)) ?? [];
  return {
    startNs: up.tNs[0]!, endNs: up.tNs[up.tNs.length - 1]!, samples: up.tNs.length, linkDown,
    linkDownNs: linkDown.reduce((s, p) => s + (p.endNs - p.startNs), 0),
    lightTimeS: spread(metrics.get("lightTimeS")?.value ?? []),
    minSunAngleDeg: angles.length > 0 ? Math.min(...angles) : Number.NaN,
    residualS: split(metrics, "umtResidualS", upAt, true),
    residualAllS: spread(metrics.get("umtResidualS")?.value.map(Math.abs) ?? []),
    latencyS: {
      earth: { p50: split(metrics, "latencyEarthP50S", upAt), p99: split(metrics, "latencyEarthP99S", upAt) },
      mars: { p50: split(metrics, "latencyMarsP50S", upAt), p99: split(metrics, "latencyMarsP99S", upAt) },
      across: { p50: split(metrics, "latencyAcrossP50S", upAt), p99: split(metrics, "latencyAcrossP99S", upAt) },
    },
    acrossReachableMin: reach.length > 0 ? Math.min(...reach) : Number.NaN,
    coherence: {
      earth: split(metrics, "coherenceEarth", upAt), mars: split(metrics, "coherenceMars", upAt),
      across: split(metrics, "coherenceAcross", upAt), global: split(metrics, "coherenceGlobal", upAt),
    },
    ...guardianOf(metrics),
  };
}

/** A duration or delay in seconds, in the unit a reader expects: fs … ms, s, min, h, days. */
export function formatSeconds(s: number, digits = 3): string {
  if (!Number.isFinite(s)) return "n/a";
  const a = Math.abs(s);
  const p = (x: number) => String(Number(x.toPrecision(digits)));
  if (a === 0) return "0 s";
  if (a < 1e-12) return `${p(s * 1e15)} fs`;
  if (a < 1e-9) return `${p(s * 1e12)} ps`;
  if (a < 1e-6) return `${p(s * 1e9)} ns`;
  if (a < 1e-3) return `${p(s * 1e6)} µs`;
  if (a < 1) return `${p(s * 1e3)} ms`;
  if (a < 120) return `${p(s)} s`;
  if (a < 7200) return `${p(s / 60)} min`;
  if (a < 2 * 86_400) return `${p(s / 3600)} h`;
  return `${p(s / 86_400)} days`;
}

function guardianOf(metrics: MetricSeries): { guardian?: { deltaEMars: Spread; vetoesMars: number } } {
  const de = spread(metrics.get("deltaEMarsMean")?.value.filter((v) => Number.isFinite(v)) ?? []);
  if (de === null) return {};
  return { guardian: { deltaEMars: de, vetoesMars: metrics.get("meshVetoesMarsTotal")?.value.at(-1) ?? 0 } };
}
