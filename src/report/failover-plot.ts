/**
 * The failover plot of a run with scenario faults (§3.2): node failures and spare reloads over
 * time, the coherence dip of each episode, and every measured reload and leader failover on a log
 * axis beside the paper's claims (reload within 100 µs, failover < 1 ms) and the light-time lower
 * bounds from the geometry (the smallest bound over the run's failures). The x axis is control
 * time: the control plane's faults.durationS replayed over the run (sim/models/mesh-faults.ts).
 */
import type { Scenario } from "../sim/scenario/index.js";
import type { LinePanel, LineSeries } from "./plot.js";
import { metricInfo } from "./metric-table.js";

/** Event kinds the failover plot reads (callers may pass only these). */
export const FAILOVER_EVENT_KINDS: readonly string[] = ["nodeFail", "reload", "leaderFailover", "coherenceRecovered", "coherenceNotRecovered"];

/** Paper claims, s (§3.2). */
export const PAPER_RELOAD_S = 1e-4;
export const PAPER_FAILOVER_S = 1e-3;

type Series = ReadonlyMap<string, { readonly tNs: readonly number[]; readonly value: readonly number[] }>;
interface Ev {
  readonly tNs: number;
  readonly kind: string;
  readonly data: Readonly<Record<string, number>>;
}

/** A horizontal reference line across [x0, x1]. */
function hline(name: string, y: number, x0: number, x1: number): LineSeries {
  return { name, x: [x0, x1], y: [y, y] };
}

/** The panels of the failover plot, or none when the scenario has no faults section. */
export function failoverPanels(sc: Scenario, metrics: Series, events: readonly Ev[] = []): LinePanel[] {
  if (!sc.faults) return [];
  const perNs = sc.faults.durationS / sc.run.durationS / 1e9; // control s per run ns
  const xLabel = `control time [s] (${sc.faults.durationS} s replayed over the run)`;
  const fromMetric = (key: string, name = metricInfo(key).label): LineSeries[] => {
    const m = metrics.get(key);
    if (!m || m.tNs.length === 0) return [];
    const keep = m.value.map((v) => Number.isFinite(v));
    return [{ name, x: m.tNs.filter((_, i) => keep[i]).map((t) => t * perNs), y: m.value.filter((_, i) => keep[i]) }];
  };
  const panels: LinePanel[] = [];
  const counts = [...fromMetric("failuresTotal"), ...fromMetric("reloadsTotal"), ...fromMetric("nodesDown")];
  if (counts.length > 0) panels.push({ title: "Failures and Black Sarcophagus reloads", xLabel, yLabel: "nodes [count]", series: counts });
  const of = (k: string) => events.filter((e) => e.kind === k);
  const episodes = [...of("coherenceRecovered"), ...of("coherenceNotRecovered")].sort((a, b) => a.tNs - b.tNs);
  const xEnd = sc.faults.durationS;
  if (episodes.length > 0) {
    panels.push({
      title: "Coherence dip per failure episode", xLabel, yLabel: "pre-failure RCF − lowest RCF",
      series: [{ name: "dip (global RCF)", x: episodes.map((e) => e.tNs * perNs), y: episodes.map((e) => e.data.dip ?? 0) }, hline("recovery tolerance 1e-3", 1e-3, 0, xEnd)],
    });
  }
  const reloads = of("reload");
  const failovers = of("leaderFailover");
  if (reloads.length + failovers.length > 0) {
    const series: LineSeries[] = [];
    if (reloads.length > 0) series.push({ name: "reload (measured)", x: reloads.map((e) => e.tNs * perNs), y: reloads.map((e) => e.data.reloadS!) });
    if (failovers.length > 0) series.push({ name: "leader failover (measured)", x: failovers.map((e) => e.tNs * perNs), y: failovers.map((e) => e.data.failoverS!) });
    const fails = of("nodeFail").map((e) => e.data.lowerBoundS!).filter((x) => Number.isFinite(x));
    if (fails.length > 0) series.push(hline("reload light-time bound", Math.min(...fails), 0, xEnd));
    if (failovers.length > 0) series.push(hline("failover light-time bound", Math.min(...failovers.map((e) => e.data.boundS!)), 0, xEnd));
    series.push(hline("paper: failover < 1 ms", PAPER_FAILOVER_S, 0, xEnd), hline("paper: reload 100 µs", PAPER_RELOAD_S, 0, xEnd));
    panels.push({ title: "Measured vs paper vs physics (§3.2)", xLabel, yLabel: "time [s]", series, yLog: true });
  }
  return panels;
}
