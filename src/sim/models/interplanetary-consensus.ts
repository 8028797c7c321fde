/**
 * The consensus phase of the interplanetary run model: the Raft controllers across the gap
 * (sim/gap-raft.ts) advanced to each tick's time. It adds the metrics `raftLeaderSide` (0 Earth,
 * 1 Mars, 2 an L4/L5 relay, −1 none), `raftCommitLatencyS` (median of the commands committed since
 * the last sample; absent when none was), `raftCommitsTotal`, `raftElectionsTotal` and
 * `raftUnavailableS` (running totals), `raftCommitsBehindEarth`/`raftCommitsBehindMars` (committed
 * entries the most-behind controller on that side lacks: a cut-off minority's grows), and the events `raftLeader` {leader, side, term},
 * `raftDown` and `raftUp` (the cluster lost / regained a leader able to commit; it starts down).
 */
import type { RandomStream } from "../../numeric/random/stream.js";
import { StateReader } from "../checkpoint.js";
import { GapRaft } from "../gap-raft.js";
import type { ModelEvent, StateValue } from "../model.js";
import { gapRaftOptionsOf, type ControllersSection } from "../scenario/interplanetary-controllers.js";
import type { StreamSet } from "../streams.js";

export const RAFT_LEADER = "raftLeader";
export const RAFT_DOWN = "raftDown";
export const RAFT_UP = "raftUp";

/** Most commit latencies kept between samples (one command per commitEveryS ≥ 1 s, samples ≤ days apart). */
const PENDING_MAX = 1 << 20;

/** The Raft controllers of one run, stepped tick by tick. */
export class ConsensusPhase {
  private readonly raft: GapRaft;
  /** Commit latencies since the last sample, s. */
  private sinceSample: number[] = [];
  private commits = 0;

  constructor(section: ControllersSection, epoch: string, seed: number, solarExclusionDeg: number, streams: StreamSet<RandomStream>) {
    this.raft = new GapRaft(gapRaftOptionsOf(section, epoch, seed, solarExclusionDeg), (i) => streams.get(`interplanetary-raft/controller-${i}`));
  }

  /** Advance to `tNs`; add events, and the metrics when `sample`. */
  step(tNs: number, sample: boolean, metrics: Record<string, number>, events: ModelEvent[]): void {
    this.raft.advanceTo(tNs);
    for (const e of this.raft.drainEvents()) {
      if (e.kind === "commit") {
        this.commits += 1;
        if (this.sinceSample.length < PENDING_MAX) this.sinceSample.push(e.data.latencyS!);
      } else if (e.kind === "leaderChange") {
        events.push({ tNs: e.tNs, kind: RAFT_LEADER, data: e.data });
      } else if (e.kind === "unavailable" || e.kind === "available") {
        events.push({ tNs: e.tNs, kind: e.kind === "unavailable" ? RAFT_DOWN : RAFT_UP, data: {} });
      }
    }
    if (!sample) return;
    const m = this.raft.metrics();
    metrics.raftLeaderSide = m.raftLeaderSide;
    metrics.raftElectionsTotal = m.raftElectionsTotal;
    metrics.raftUnavailableS = m.raftUnavailableS;
    metrics.raftCommitsTotal = this.commits;
    metrics.raftCommitsBehindEarth = this.raft.commitsBehind("earth");
    metrics.raftCommitsBehindMars = this.raft.commitsBehind("mars");
    if (this.sinceSample.length > 0) {
      const xs = this.sinceSample.sort((a, b) => a - b);
      const h = (xs.length - 1) / 2;
      metrics.raftCommitLatencyS = (xs[Math.floor(h)]! + xs[Math.ceil(h)]!) / 2;
      this.sinceSample = [];
    }
  }

  snapshot(): StateValue {
    return { raft: this.raft.snapshot(), sinceSample: Float64Array.from(this.sinceSample), commits: this.commits };
  }

  restore(state: StateValue, path: string): void {
    const r = new StateReader(state, path);
    const sinceSample = r.typed("sinceSample", Float64Array);
    const commits = r.int("commits");
    this.raft.restore(r.raw("raft") as StateValue);
    this.sinceSample = Array.from(sinceSample);
    this.commits = commits;
  }
}
