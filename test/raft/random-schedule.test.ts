/**
 * Raft safety over 1000 random fault schedules (crash/restart from stable storage, partitions,
 * loss, duplication, reordering), the checker after every event: Election Safety, Log Matching,
 * committed entries never lost (Raft Fig. 3, §5.4). Then liveness after healing. A failure
 * prints "reproduce with seed=…" (runRandomSchedule(seed)).
 */
import { describe, expect, it } from "vitest";
import { runRandomSchedule } from "../support/raft/random-schedule.js";

const SCHEDULES = 1000;

describe("raft under 1000 random fault schedules", () => {
  it("no safety violation, and every schedule recovers once healed", () => {
    const bad: string[] = [];
    let committed = 0;
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      const r = runRandomSchedule(seed);
      committed += r.committed;
      if (r.violations.length > 0) bad.push(`reproduce with seed=${seed}: ${JSON.stringify(r.violations[0])}`);
      else if (!r.live) bad.push(`reproduce with seed=${seed}: no leader/commit after healing`);
    }
    expect(bad).toEqual([]);
    expect(committed).toBeGreaterThan(SCHEDULES); // the schedules did commit work, not just idle
  });

  it("is deterministic: same seed, same outcome", () => {
    expect(runRandomSchedule(77)).toEqual(runRandomSchedule(77));
  });

  it("the checker catches a real violation (two leaders in one term from a forgotten vote)", async () => {
    const { SafetyChecker } = await import("../../src/model/consensus/checker.js");
    const { RaftNode } = await import("../../src/model/consensus/raft.js");
    const { RandomStream } = await import("../../src/numeric/random/stream.js");
    const mk = (id: number) => new RaftNode({ id, peers: 3, electionTicks: 10, heartbeatTicks: 1, preVote: false, checkQuorum: false, maxEntriesPerMessage: 8, random: RandomStream.fromSeed(1, `n${id}`) });
    const a = mk(0), b = mk(1), c = mk(2);
    const ch = new SafetyChecker();
    const ra = a.hup(); // term 1, asks 1 and 2
    const voteToC = ra.messages.find((m) => m.to === 2)!;
    const grant = c.step(voteToC).messages[0]!;
    a.step(grant); // a leader of term 1
    // c "forgets" its vote (restart without stable storage) and votes for b in term 1 too.
    const c2 = mk(2);
    const rb = b.hup();
    b.step(c2.step(rb.messages.find((m) => m.to === 2)!).messages[0]!);
    ch.check([a, b, c2]);
    expect(ch.violations.map((v) => v.rule)).toContain("electionSafety");
  });
});
