/**
 * A Raft node restored from its snapshot continues exactly (checkpoint and resume of any run that
 * holds Raft nodes): three nodes exchange messages in a seeded random order; at the midpoint every
 * node is snapshotted (through JSON, as a checkpoint stores it) and rebuilt; the rebuilt cluster and
 * the original then take the same inputs and must produce the same messages and states, message
 * for message.
 */
import { describe, expect, it } from "vitest";
import { RaftNode, type RaftConfig, type RaftNodeState } from "../../src/model/consensus/raft.js";
import type { Message } from "../../src/model/consensus/types.js";
import { RandomStream, type RandomStreamState } from "../../src/numeric/random/stream.js";

const PEERS = 3;
const cfg = (id: number, random: RandomStream): RaftConfig => ({ id, peers: PEERS, electionTicks: 10, heartbeatTicks: 2, preVote: true, checkQuorum: true, maxEntriesPerMessage: 4, random });

/** Drives `nodes` for `steps` steps chosen by `pick`; returns everything they emitted. */
function drive(nodes: RaftNode[], inbox: Message[], pick: RandomStream, steps: number, from: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < steps; k++) {
    const r = pick.uniform();
    let ready;
    if (r < 0.4 && inbox.length > 0) {
      const m = inbox.splice(pick.int(inbox.length), 1)[0]!;
      ready = nodes[m.to]!.step(m);
    } else if (r < 0.5) {
      const l = nodes.findIndex((n) => n.status().role === "leader");
      ready = l >= 0 ? nodes[l]!.propose(from + k + 1) : nodes[0]!.tick();
    } else {
      ready = nodes[pick.int(PEERS)]!.tick();
    }
    for (const m of ready.messages) if (pick.uniform() > 0.1) inbox.push(m); // 10 % lost
    out.push(JSON.stringify([ready.messages, ready.state]));
  }
  return out;
}

describe("raft node snapshot", () => {
  it("a restored cluster emits the same messages and states as the original", () => {
    const randoms = [0, 1, 2].map((i) => RandomStream.fromSeed(9, `node-${i}`));
    const nodes = randoms.map((r, i) => new RaftNode(cfg(i, r)));
    const pick = RandomStream.fromSeed(9, "schedule");
    const inbox: Message[] = [];
    drive(nodes, inbox, pick, 400, 0);
    expect(nodes.some((n) => n.status().commit > 1)).toBe(true); // the first half did commit work

    const saved = JSON.parse(JSON.stringify({ nodes: nodes.map((n) => n.snapshot()), randoms: randoms.map((r) => r.getState()), inbox, pick: pick.getState() })) as {
      nodes: RaftNodeState[]; randoms: RandomStreamState[]; inbox: Message[]; pick: RandomStreamState;
    };
    const randoms2 = [0, 1, 2].map((i) => RandomStream.fromSeed(1234, `other-${i}`));
    const nodes2 = saved.nodes.map((st, i) => RaftNode.fromSnapshot(cfg(i, randoms2[i]!), st));
    saved.randoms.forEach((st, i) => randoms2[i]!.setState(st)); // after fromSnapshot, which draws once
    const pick2 = RandomStream.fromSeed(1234, "x").setState(saved.pick);

    const a = drive(nodes, inbox, pick, 400, 400);
    const b = drive(nodes2, saved.inbox, pick2, 400, 400);
    expect(b).toEqual(a);
    expect(nodes2.map((n) => n.snapshot())).toEqual(nodes.map((n) => n.snapshot()));
  });

  it("refuses a snapshot of another cluster size", () => {
    const n = new RaftNode(cfg(0, RandomStream.fromSeed(1, "a")));
    expect(() => RaftNode.fromSnapshot({ ...cfg(0, RandomStream.fromSeed(1, "b")), peers: 5 }, n.snapshot())).toThrow(/cluster of 3, not 5/);
  });
});
