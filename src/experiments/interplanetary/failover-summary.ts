/**
 * The `failover` field of an interplanetary run's summary: the Raft controllers across the gap,
 * read from the run's metric series (`raft…`) and events (`raftLeader`, `raftDown`, `raftUp`)
 * only. Beside them, §3.2's "< 1 ms" failover and the round trip the election timeout must exceed.
 * The verdict is a pure function of the outcomes.
 */
import type { ModelEvent } from "../../sim/model.js";
import { RAFT_DOWN, RAFT_UP } from "../../sim/models/interplanetary-consensus.js";
import type { ControllersSection } from "../../sim/scenario/interplanetary-controllers.js";
import { quantileSorted } from "../../sim/failover-stats.js";

/** §3.2: "failover < 1 ms" (the SMC controllers' claimed leader failover), s. */
export const PAPER_FAILOVER_S = 1e-3;

/** A metric series as the store returns it. */
interface Series {
  readonly tNs: readonly number[];
  readonly value: readonly number[];
}

/** A period without a leader able to commit. */
export interface RaftDownPeriod {
  readonly start: string;
  readonly end: string;
  readonly startS: number;
  readonly endS: number;
  readonly days: number;
  /** True when the run ended still down (`end` is the run's end). */
  readonly open: boolean;
}

export interface FailoverSummary {
  readonly controllers: ReadonlyArray<{ readonly at: string; readonly lonDeg: number }>;
  readonly quorum: number;
  readonly electionTimeoutS: number;
  /** Twice the largest Earth–Mars light-time sampled (centre to centre), s: what a timeout must exceed for a quorum spanning the gap. */
  readonly roundTripMaxS: number;
  /** Median and p99 over the samples' median commit latency, s; null when nothing committed. */
  readonly commitLatencyS: { readonly median: number; readonly p99: number } | null;
  readonly commitsTotal: number;
  /** Most committed entries a controller on each side lacked at a sample (a cut-off minority falls behind). */
  readonly commitsBehindMax: { readonly earth: number; readonly mars: number };
  readonly electionsTotal: number;
  readonly unavailableS: number;
  readonly unavailableFraction: number;
  /** Share of samples with the leader on each side. */
  readonly leaderSide: { readonly earth: number; readonly mars: number; readonly relay: number; readonly none: number };
  readonly unavailable: readonly RaftDownPeriod[];
  readonly paper: { readonly failoverS: number };
  readonly verdict: { readonly outcome: "holds" | "fails"; readonly text: string; readonly assumptions: readonly string[] };
}

/** Quantile of unsorted values, linearly interpolated (numpy's default), as the run report reads them. */
function quantile(xs: readonly number[], p: number): number {
  return quantileSorted([...xs].sort((x, y) => x - y), p);
}

/** Down periods from `raftDown`/`raftUp` (the cluster starts down: no leader at t = 0). */
export function raftDownPeriods(events: readonly ModelEvent[], epochMs: number, durationNs: number): RaftDownPeriod[] {
  const out: RaftDownPeriod[] = [];
  let downSinceNs: number | undefined = 0;
  const close = (endNs: number, open: boolean) => {
    const s = downSinceNs!;
    out.push({
      start: new Date(epochMs + s / 1e6).toISOString(), end: new Date(epochMs + endNs / 1e6).toISOString(), // wall-clock-ok: formats run times after the epoch
      startS: s / 1e9, endS: endNs / 1e9, days: (endNs - s) / 86_400e9, open,
    });
    downSinceNs = undefined;
  };
  for (const e of events) {
    if (e.kind === RAFT_UP && downSinceNs !== undefined) close(e.tNs, false);
    else if (e.kind === RAFT_DOWN && downSinceNs === undefined) downSinceNs = e.tNs;
  }
  if (downSinceNs !== undefined) close(durationNs, true);
  return out;
}

/**
 * The summary. `metrics`: name → series (as `RunStore.metrics` returns them); `events`: the run's
 * events in order.
 */
export function failoverSummary(c: ControllersSection, epoch: string, durationS: number, metrics: ReadonlyMap<string, Series>, events: readonly ModelEvent[]): FailoverSummary {
  const v = (name: string): readonly number[] => metrics.get(name)?.value ?? [];
  const last = (name: string): number => v(name).at(-1) ?? 0;
  const lat = v("raftCommitLatencyS");
  const sides = v("raftLeaderSide");
  const share = (code: number) => (sides.length === 0 ? 0 : sides.filter((s) => s === code).length / sides.length);
  const lt = v("lightTimeS");
  const roundTripMaxS = lt.length === 0 ? Number.NaN : 2 * Math.max(...lt);
  const unavailableS = last("raftUnavailableS");
  const electionTimeoutS = c.raftTickS * c.electionTicks;
  const commitLatencyS = lat.length === 0 ? null : { median: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
  const unavailable = raftDownPeriods(events, Date.parse(epoch), Math.round(durationS * 1e9)); // wall-clock-ok: parses the scenario's epoch
  const fast = commitLatencyS !== null && commitLatencyS.median < PAPER_FAILOVER_S;
  const down = unavailable.filter((p) => p.startS > 0); // the first election is no failure
  const alwaysUp = down.length === 0 && unavailable.every((p) => !p.open);
  const outcome = fast && alwaysUp ? "holds" : "fails";
  const parts: string[] = [];
  if (commitLatencyS === null) parts.push(`nothing committed in ${(durationS / 86_400).toFixed(1)} days`);
  else parts.push(`a command commits one quorum round trip after it is proposed: median ${commitLatencyS.median.toPrecision(3)} s, ${(commitLatencyS.median / PAPER_FAILOVER_S).toPrecision(3)} × §3.2's < 1 ms`);
  if (!(electionTimeoutS > roundTripMaxS)) parts.push(`the election timeout (${electionTimeoutS} s) is below the Earth–Mars round trip (up to ${roundTripMaxS.toPrecision(4)} s): no quorum spanning the gap can elect a leader`);
  if (down.length > 0) parts.push(`after the first election the controllers could not commit for ${down.reduce((s, p) => s + p.days, 0).toFixed(2)} days (${down.length} period${down.length > 1 ? "s" : ""}, the longest from ${down.reduce((a, b) => (b.days > a.days ? b : a)).start})`);
  return {
    controllers: c.sites.map((s) => ({ at: s.at, lonDeg: s.lonDeg })),
    quorum: Math.floor(c.sites.length / 2) + 1,
    electionTimeoutS, roundTripMaxS, commitLatencyS,
    commitsTotal: last("raftCommitsTotal"), electionsTotal: last("raftElectionsTotal"),
    commitsBehindMax: { earth: Math.max(0, ...v("raftCommitsBehindEarth")), mars: Math.max(0, ...v("raftCommitsBehindMars")) },
    unavailableS, unavailableFraction: durationS > 0 ? unavailableS / durationS : 0,
    leaderSide: { earth: share(0), mars: share(1), relay: share(2), none: share(-1) },
    unavailable,
    paper: { failoverS: PAPER_FAILOVER_S },
    verdict: {
      outcome,
      text: `${outcome === "holds" ? "The controllers act as one within §3.2's figure" : "The controllers are not one fast unit across the gap"}: ${parts.join("; ")}.`,
      assumptions: [
        "Raft with PreVote and CheckQuorum (the project's model/consensus), messages delayed by the light-time between controller sites at the moment they leave, lost while the link is down",
        `controllers at ${c.sites.map((s) => (s.at === "earth" || s.at === "mars" ? `${s.at} ${s.lonDeg}°` : s.at)).join(", ")}; quorum ${Math.floor(c.sites.length / 2) + 1} of ${c.sites.length}`,
        `a closed-loop client offering one command every ${c.commitEveryS} s; 'able to commit' = a leader that has committed in its term and heard a quorum within the election timeout`,
      ],
    },
  };
}
