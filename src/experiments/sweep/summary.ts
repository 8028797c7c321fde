/**
 * The sweep's table: for each point and metric, the mean of the runs' final values over the seeds
 * and its Student-t confidence interval (numeric/stats `meanCi`: x̄ ± t_{(1+c)/2, n−1}·s/√n).
 */
import { meanCi } from "../../numeric/stats/index.js";
import type { RunStore } from "../../store/run-store.js";
import type { SweepPoint } from "./spec.js";
import { getSweep, sweepRuns } from "./store.js";

/** One metric at one point. `lower`/`upper` are null with fewer than two finite values. */
export interface PointMetric {
  readonly n: number;
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface PointSummary {
  readonly point: SweepPoint;
  readonly runs: number;
  /** Distinct fingerprints at this point (one per seed unless seeds collide). */
  readonly fingerprints: readonly string[];
  readonly metrics: Readonly<Record<string, PointMetric>>;
}

export interface SweepSummary {
  readonly sweepId: string;
  readonly name: string;
  readonly confidence: number;
  readonly metricNames: readonly string[];
  readonly points: readonly PointSummary[];
}

/** The last value of each metric series of a run. */
function finalValues(store: RunStore, runId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, s] of store.metrics(runId)) if (s.value.length > 0) out.set(name, s.value[s.value.length - 1]!);
  return out;
}

/** Summarise a stored sweep; `metrics` restricts the table (default: every metric recorded). */
export function summarizeSweep(store: RunStore, sweepId: string, confidence: number, metrics?: readonly string[]): SweepSummary {
  const sweep = getSweep(store, sweepId);
  const runs = sweepRuns(store, sweepId);
  const finals = new Map(runs.map((r) => [r.runId, finalValues(store, r.runId)]));
  const names = metrics ?? [...new Set([...finals.values()].flatMap((m) => [...m.keys()]))].sort();
  const points = sweep.points.map((point) => {
    const here = runs.filter((r) => r.point === point.index);
    const table: Record<string, PointMetric> = {};
    for (const name of names) {
      const xs = here.map((r) => finals.get(r.runId)?.get(name)).filter((v): v is number => v !== undefined && Number.isFinite(v));
      if (xs.length === 0) table[name] = { n: 0, mean: null, lower: null, upper: null };
      else if (xs.length === 1) table[name] = { n: 1, mean: xs[0]!, lower: null, upper: null };
      else {
        const ci = meanCi(xs, confidence);
        table[name] = { n: xs.length, mean: ci.mean, lower: ci.lower, upper: ci.upper };
      }
    }
    return { point, runs: here.length, fingerprints: here.map((r) => r.fingerprint), metrics: table };
  });
  return { sweepId, name: sweep.name, confidence, metricNames: names, points };
}
