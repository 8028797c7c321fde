/**
 * `advance` / `deliver` / `flushTo` (no `Ready` built) against `tick` / `step` and `applyPersist`
 * of their `Ready`: two clusters of the same nodes driven by one random schedule (ticks, messages
 * delivered out of order or dropped, proposals, crashes restarting from stable storage) send the
 * same messages, store the same state and reach the same node states.
 */
import { describe, expect, it } from "vitest";
import { RaftNode } from "../../src/model/consensus/raft.js";
import { applyPersist, type Message, type PersistentState } from "../../src/model/consensus/types.js";
import { RandomStream } from "../../src/numeric/random/stream.js";

const PEERS = 5;

class Cluster {
  readonly stores: PersistentState[] = [];
  readonly nodes: RaftNode[] = [];
  readonly inFlight: Message[] = [];
  readonly sent: Message[] = [];

  constructor(readonly seed: number, readonly lean: boolean) {
    for (let id = 0; id < PEERS; id++) {
      this.stores.push({ term: 0, votedFor: -1, log: [] });
      this.nodes.push(this.fresh(id));
    }
  }

  fresh(id: number): RaftNode {
    const st = this.stores[id]!;
    const cfg = { id, peers: PEERS, electionTicks: 8, heartbeatTicks: 2, preVote: true, checkQuorum: true, maxEntriesPerMessage: 3, random: RandomStream.fromSeed(this.seed, `raft-${id}-${this.nodes.length}`) };
    return new RaftNode(cfg, { term: st.term, votedFor: st.votedFor, log: st.log.slice() });
  }

  tick(id: number): void {
    const n = this.nodes[id]!;
    if (this.lean) {
      n.advance();
      this.out(n.flushTo(this.stores[id]!));
    } else {
      const r = n.tick();
      if (r.persist) applyPersist(this.stores[id]!, r.persist);
      this.out(r.messages);
    }
  }

  deliver(m: Message): void {
    const n = this.nodes[m.to]!;
    if (this.lean) {
      n.deliver(m);
      this.out(n.flushTo(this.stores[m.to]!));
    } else {
      const r = n.step(m);
      if (r.persist) applyPersist(this.stores[m.to]!, r.persist);
      this.out(r.messages);
    }
  }

  propose(id: number, data: number): void {
    const r = this.nodes[id]!.propose(data);
    if (r.persist) applyPersist(this.stores[id]!, r.persist);
    this.out(r.messages);
  }

  private out(ms: readonly Message[]): void {
    for (const m of ms) {
      this.inFlight.push(m);
      this.sent.push(m);
    }
  }
}

describe("RaftNode without a Ready", () => {
  it("sends, stores and ends as tick/step with applyPersist, over random schedules", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const full = new Cluster(seed, false);
      const lean = new Cluster(seed, true);
      const r = RandomStream.fromSeed(seed, "flush-schedule");
      for (let step = 0; step < 600; step++) {
        const u = r.uniform();
        if (u < 0.45) {
          const id = r.int(PEERS);
          full.tick(id);
          lean.tick(id);
        } else if (u < 0.9) {
          if (full.inFlight.length === 0) continue;
          const i = r.int(full.inFlight.length);
          const drop = r.uniform() < 0.1;
          const a = full.inFlight.splice(i, 1)[0]!;
          const b = lean.inFlight.splice(i, 1)[0]!;
          if (!drop) {
            full.deliver(a);
            lean.deliver(b);
          }
        } else if (u < 0.97) {
          const id = r.int(PEERS);
          full.propose(id, step + 1);
          lean.propose(id, step + 1);
        } else {
          // A crash: the node comes back from what it stored.
          const id = r.int(PEERS);
          full.nodes[id] = full.fresh(id);
          lean.nodes[id] = lean.fresh(id);
        }
        expect(lean.sent.length).toBe(full.sent.length);
      }
      expect(lean.sent).toEqual(full.sent);
      expect(lean.stores).toEqual(full.stores);
      expect(lean.nodes.map((n) => n.snapshot())).toEqual(full.nodes.map((n) => n.snapshot()));
    }
  });
});
