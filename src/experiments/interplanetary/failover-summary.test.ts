/**
 * The failover summary reads only the run's series and events; its verdict on §3.2's "< 1 ms"
 * failover across the gap is computed from them and flips when they do.
 */
import { describe, expect, it } from "vitest";
import { interplanetaryControllersSchema } from "../../sim/scenario/interplanetary-controllers.js";
import { RAFT_DOWN, RAFT_UP } from "../../sim/models/interplanetary-consensus.js";
import { failoverSummary, raftDownPeriods } from "./failover-summary.js";

const section = interplanetaryControllersSchema.parse({});
const epoch = "2028-02-20T00:00:00Z";
const series = (value: number[]) => ({ tNs: value.map((_, k) => k * 7200e9), value });

describe("failover summary", () => {
  it("down periods: the cluster starts down, a period still open at the end ends there", () => {
    const ev = [
      { tNs: 3000e9, kind: RAFT_UP, data: {} }, { tNs: 10_000e9, kind: RAFT_DOWN, data: {} }, { tNs: 96_400e9, kind: RAFT_UP, data: {} },
      { tNs: 100_000e9, kind: RAFT_DOWN, data: {} },
    ];
    const p = raftDownPeriods(ev, Date.parse(epoch), 200_000e9);
    expect(p.map((x) => [x.startS, x.endS, x.open])).toEqual([[0, 3000, false], [10_000, 96_400, false], [100_000, 200_000, true]]);
    expect(p[1]!.days).toBeCloseTo(1, 12);
    expect(p[1]!.start).toBe("2028-02-20T02:46:40.000Z");
  });

  it("fails on light-minute commits and a conjunction outage; holds only with sub-ms commits and no outage", () => {
    const metrics = new Map([
      ["raftCommitLatencyS", series([994, 1000, 990])], ["raftLeaderSide", series([-1, 0, 0])], ["lightTimeS", series([1200, 1300, 1340])],
      ["raftUnavailableS", series([3000, 3000, 90_000])], ["raftCommitsTotal", series([0, 5, 9])], ["raftElectionsTotal", series([1, 1, 2])],
    ]);
    const ev = [{ tNs: 3000e9, kind: RAFT_UP, data: {} }, { tNs: 10_000e9, kind: RAFT_DOWN, data: {} }, { tNs: 96_400e9, kind: RAFT_UP, data: {} }];
    const s = failoverSummary(section, epoch, 200_000, metrics, ev);
    expect(s.verdict.outcome).toBe("fails");
    expect(s.commitLatencyS!.median).toBe(994);
    expect(s.roundTripMaxS).toBe(2680);
    expect(s.quorum).toBe(3);
    expect(s.leaderSide).toEqual({ earth: 2 / 3, mars: 0, relay: 0, none: 1 / 3 });
    expect(s.verdict.text).toMatch(/could not commit for 1\.00 days/);
    const fast = new Map(metrics);
    fast.set("raftCommitLatencyS", series([2e-4, 3e-4, 2e-4]));
    expect(failoverSummary(section, epoch, 200_000, fast, ev).verdict.outcome).toBe("fails"); // the outage alone
    expect(failoverSummary(section, epoch, 200_000, fast, ev.slice(0, 1)).verdict.outcome).toBe("holds");
  });

  it("says when the election timeout is below the round trip", () => {
    const slow = { ...section, raftTickS: 0.5, electionTicks: 20 };
    const metrics = new Map([["lightTimeS", series([1200])], ["raftUnavailableS", series([7200])]]);
    const s = failoverSummary(slow, epoch, 7200, metrics, []);
    expect(s.commitLatencyS).toBeNull();
    expect(s.verdict.text).toMatch(/election timeout \(10 s\) is below the Earth–Mars round trip/);
  });
});
