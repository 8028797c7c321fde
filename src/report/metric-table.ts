/**
 * Every metric a run records, with the label a reader sees, its unit, and the group it is shown
 * in. One table for the CLI, the reports and the dashboard (web/src/metrics.ts imports it), so a
 * metric is named the same everywhere. Plain data, no Node imports: the dashboard bundles it.
 */

/** Chart groups of the run views, in display order. */
export const METRIC_GROUPS = ["coherence", "ethics / veto", "control plane", "energy", "clocks", "interplanetary"] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface MetricInfo {
  /** What a reader sees, e.g. "Commit latency, last". */
  readonly label: string;
  /** SI or display unit ("" for a pure number, "count" for counters). */
  readonly unit: string;
  readonly group: MetricGroup;
}

export const METRICS: Readonly<Record<string, MetricInfo>> = {
  globalRcf: { label: "Global RCF (mean over the MST)", unit: "", group: "coherence" },
  rcfNeighbourMean: { label: "Neighbour RCF, mean", unit: "", group: "coherence" },
  rcfNeighbourSampleMean: { label: "Tr(ρ_iρ_j), sampled edges", unit: "", group: "coherence" },
  fidelitySqNeighbourMean: { label: "Uhlmann F², sampled edges", unit: "", group: "coherence" },
  purityMean: { label: "Purity Tr(ρ²), mean", unit: "", group: "coherence" },
  coherenceDip: { label: "Coherence dip, open episode", unit: "", group: "coherence" },
  coherenceDipLast: { label: "Coherence dip, last episode", unit: "", group: "coherence" },
  recoveryLastS: { label: "Recovery time, last episode", unit: "s", group: "coherence" },
  deltaEMean: { label: "ΔE, mean", unit: "", group: "ethics / veto" },
  deltaEMax: { label: "ΔE, max", unit: "", group: "ethics / veto" },
  vetoes: { label: "Vetoes in the sample window", unit: "count", group: "ethics / veto" },
  vetoesTotal: { label: "Vetoes since the start", unit: "count", group: "ethics / veto" },
  stormNodes: { label: "Nodes under storm threshold", unit: "count", group: "ethics / veto" },
  nodesDown: { label: "Nodes down", unit: "count", group: "control plane" },
  failuresTotal: { label: "Node failures since the start", unit: "count", group: "control plane" },
  reloadsTotal: { label: "Sarcophagus reloads since the start", unit: "count", group: "control plane" },
  nodesLostTotal: { label: "Nodes lost since the start", unit: "count", group: "control plane" },
  electionsTotal: { label: "Raft elections since the start", unit: "count", group: "control plane" },
  leaderChangesTotal: { label: "Leader changes since the start", unit: "count", group: "control plane" },
  leaderFailoversTotal: { label: "Leader failovers since the start", unit: "count", group: "control plane" },
  commitsTotal: { label: "Raft commits since the start", unit: "count", group: "control plane" },
  commitLatencyLastS: { label: "Commit latency, last", unit: "s", group: "control plane" },
  leaderFailoverLastS: { label: "Leader failover time, last", unit: "s", group: "control plane" },
  reloadLastS: { label: "Reload time, last", unit: "s", group: "control plane" },
  stateLostLastMs: { label: "State lost in the last failure", unit: "ms", group: "control plane" },
  vetoEnergyJ: { label: "Veto energy in the sample window", unit: "J", group: "energy" },
  vetoEnergyTotalJ: { label: "Veto energy since the start", unit: "J", group: "energy" },
  clockErrorRmsFs: { label: "Clock error, RMS", unit: "fs", group: "clocks" },
  // The interplanetary model (§5.2): geometry, time, routed latency, coherence across the gap, failover.
  lightTimeS: { label: "Earth–Mars one-way light time (centre to centre)", unit: "s", group: "interplanetary" },
  gapLinkUp: { label: "Earth–Mars path usable (1 yes, 0 no)", unit: "", group: "interplanetary" },
  gapLinksUp: { label: "Usable interplanetary links", unit: "count", group: "interplanetary" },
  sunEarthMarsAngleDeg: { label: "Sun–Earth–Mars angle", unit: "deg", group: "interplanetary" },
  earthXAu: { label: "Earth heliocentric x (ecliptic)", unit: "au", group: "interplanetary" },
  earthYAu: { label: "Earth heliocentric y (ecliptic)", unit: "au", group: "interplanetary" },
  marsXAu: { label: "Mars heliocentric x (ecliptic)", unit: "au", group: "interplanetary" },
  marsYAu: { label: "Mars heliocentric y (ecliptic)", unit: "au", group: "interplanetary" },
  umtResidualS: { label: "Earth–Mars clock residual", unit: "s", group: "clocks" },
  umtHoldoverS: { label: "Mars clock hold-over since the last sync", unit: "s", group: "clocks" },
  umtSynced: { label: "Mars clock synced this sample (1 yes, 0 no)", unit: "", group: "clocks" },
  umtViaRelay: { label: "Earth–Mars time transfer through a relay this sample (1 yes, 0 no)", unit: "", group: "clocks" },
  latencyEarthP50S: { label: "Routed latency within the Earth shell, p50", unit: "s", group: "interplanetary" },
  latencyEarthP99S: { label: "Routed latency within the Earth shell, p99", unit: "s", group: "interplanetary" },
  latencyMarsP50S: { label: "Routed latency within the Mars shell, p50", unit: "s", group: "interplanetary" },
  latencyMarsP99S: { label: "Routed latency within the Mars shell, p99", unit: "s", group: "interplanetary" },
  latencyAcrossP50S: { label: "Routed latency Earth–Mars, p50", unit: "s", group: "interplanetary" },
  latencyAcrossP99S: { label: "Routed latency Earth–Mars, p99", unit: "s", group: "interplanetary" },
  latencyAcrossReachable: { label: "Earth–Mars pairs with a route", unit: "", group: "interplanetary" },
  coherenceEarth: { label: "Coherence within the Earth shell", unit: "", group: "coherence" },
  coherenceMars: { label: "Coherence within the Mars shell", unit: "", group: "coherence" },
  coherenceAcross: { label: "Coherence across the Earth–Mars gap", unit: "", group: "coherence" },
  coherenceGlobal: { label: "Coherence, global (both shells)", unit: "", group: "coherence" },
  coherenceAcrossInstant: { label: "Coherence across the gap, simultaneous (unobservable in time)", unit: "", group: "coherence" },
  gapDirectionsCoupled: { label: "Gap directions a delayed state coupled in", unit: "count", group: "coherence" },
  deltaEEarthMean: { label: "ΔE, Earth shell, mean", unit: "", group: "ethics / veto" },
  deltaEMarsMean: { label: "ΔE, Mars shell, mean", unit: "", group: "ethics / veto" },
  meshVetoesEarth: { label: "Vetoes on the Earth shell in the sample window", unit: "count", group: "ethics / veto" },
  meshVetoesMars: { label: "Vetoes on the Mars shell in the sample window", unit: "count", group: "ethics / veto" },
  meshVetoesEarthTotal: { label: "Vetoes on the Earth shell since the start", unit: "count", group: "ethics / veto" },
  meshVetoesMarsTotal: { label: "Vetoes on the Mars shell since the start", unit: "count", group: "ethics / veto" },
  raftLeaderSide: { label: "Raft leader's side (0 Earth, 1 Mars, 2 L4/L5 relay, −1 none)", unit: "", group: "control plane" },
  raftCommitLatencyS: { label: "Raft commit latency across the gap", unit: "s", group: "control plane" },
  raftCommitsTotal: { label: "Raft commands committed since the start", unit: "count", group: "control plane" },
  raftCommitsBehindEarth: { label: "Committed entries the most-behind Earth controller lacks", unit: "count", group: "control plane" },
  raftCommitsBehindMars: { label: "Committed entries the most-behind Mars controller lacks", unit: "count", group: "control plane" },
  raftElectionsTotal: { label: "Raft elections since the start (Earth–Mars)", unit: "count", group: "control plane" },
  raftUnavailableS: { label: "Time without a leader able to commit", unit: "s", group: "control plane" },
};

/** The table's entry for `key`; an unknown metric keeps its key as label, with no unit. */
export function metricInfo(key: string): MetricInfo {
  return METRICS[key] ?? { label: key, unit: "", group: "coherence" };
}

/** Position of each known metric in the table (its order within a group). */
const METRIC_ORDER: ReadonlyMap<string, number> = new Map(Object.keys(METRICS).map((k, i) => [k, i]));

/** Sort order of metric keys: by group as the dashboard shows them, then table order, unknown keys last by name. */
export function compareMetricKeys(a: string, b: string): number {
  return METRIC_GROUPS.indexOf(metricInfo(a).group) - METRIC_GROUPS.indexOf(metricInfo(b).group)
    || (METRIC_ORDER.get(a) ?? Infinity) - (METRIC_ORDER.get(b) ?? Infinity) || a.localeCompare(b);
}

/** "Label [unit]" (or just the label for a pure number): an axis or column title. */
export function metricTitle(key: string): string {
  const m = metricInfo(key);
  return m.unit === "" ? m.label : `${m.label} [${m.unit}]`;
}

/** Units written with an SI prefix ("320 µs"). Others ("fs", "ms") already carry one; "count" and "" none. */
export const SI_PREFIXED: ReadonlySet<string> = new Set(["s", "J", "W", "Hz", "m"]);
export const SI_PREFIX: Readonly<Record<number, string>> = { [-15]: "f", [-12]: "p", [-9]: "n", [-6]: "µ", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G" };

/**
 * The SI exponent (a multiple of 3, −15…9) that puts `mag` in [1, 1000). Seconds take no prefix
 * above 1 ("1178 s", not "1.178 ks": longer spans read in seconds, minutes, days, never ks).
 */
export function siExponent(mag: number, unit = ""): number {
  if (mag === 0 || !Number.isFinite(mag)) return 0;
  return Math.min(unit === "s" ? 0 : 9, Math.max(-15, Math.floor(Math.log10(mag) / 3 + 1e-9) * 3));
}

/**
 * One value with its unit, 4 significant digits: "320 µs", "0 count", "2.1e-20 J". Values just
 * below 1 (RCF 0.9999998…) keep two digits of their distance from 1. Not finite: "—".
 */
export function formatValue(v: number | undefined, unit: string): string {
  if (v === undefined || !Number.isFinite(v)) return "—";
  const u = unit === "" ? "" : ` ${unit}`;
  if (v === 0) return `0${u}`;
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return `${v}${u}`;
  const a = Math.abs(v);
  if (SI_PREFIXED.has(unit) && a >= 1e-15 && a < 1e12) {
    const k = siExponent(a, unit);
    return `${Number((v / 10 ** k).toPrecision(4))} ${SI_PREFIX[k]}${unit}`;
  }
  const digits = a < 1 && a > 0.999 ? Math.min(12, Math.ceil(-Math.log10(1 - a)) + 2) : 4;
  const r = Number(v.toPrecision(digits)); // no trailing zeros: "2.5e-20", not "2.500e-20"
  return `${a >= 1e6 || a < 1e-3 ? r.toExponential() : r.toString()}${u}`;
}

/** A metric's value as the table writes it: `formatValue` in the metric's unit. */
export function formatMetric(key: string, v: number | undefined): string {
  return formatValue(v, metricInfo(key).unit);
}
