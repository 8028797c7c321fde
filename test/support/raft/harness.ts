/**
 * A synchronous, in-memory cluster of Raft nodes for scripted and randomised tests: stable
 * storage per node, a bag of in-flight messages, partitions, crashes and restarts, and the
 * safety checker run after every event. No time here: a "tick" is a call. The failover
 * experiment drives the same nodes on the event kernel with light-time delays instead.
 */
import { assert } from "../../../src/errors.js";
import { SafetyChecker } from "../../../src/model/consensus/checker.js";
import { RaftNode, type RaftConfig, type RandomSource } from "../../../src/model/consensus/raft.js";
import { applyPersist, type Message, type PersistentState, type Ready } from "../../../src/model/consensus/types.js";

/** Options of a harness cluster. */
export interface HarnessOptions {
  readonly peers: number;
  readonly electionTicks?: number;
  readonly heartbeatTicks?: number;
  readonly preVote?: boolean;
  readonly checkQuorum?: boolean;
  /** Bound on in-flight messages; beyond it the oldest are dropped (a lossy network). */
  readonly inflightMax?: number;
  /** Random source of node `id` (for its election timeouts). */
  readonly random: (id: number) => RandomSource;
}

/** An in-memory Raft cluster. */
export class Harness {
  readonly nodes: Array<RaftNode | undefined>;
  readonly stores: PersistentState[];
  inflight: Message[] = [];
  readonly checker = new SafetyChecker();
  /** group[i]: partition group of node i; messages cross only within a group. */
  private readonly group: number[];
  private readonly inflightMax: number;

  constructor(private readonly opts: HarnessOptions) {
    this.inflightMax = opts.inflightMax ?? 100_000;
    this.stores = Array.from({ length: opts.peers }, () => ({ term: 0, votedFor: -1, log: [] }));
    this.group = new Array<number>(opts.peers).fill(0);
    this.nodes = Array.from({ length: opts.peers }, (_, id) => new RaftNode(this.config(id)));
  }

  private config(id: number): RaftConfig {
    const o = this.opts;
    return {
      id, peers: o.peers, electionTicks: o.electionTicks ?? 10, heartbeatTicks: o.heartbeatTicks ?? 1,
      preVote: o.preVote ?? true, checkQuorum: o.checkQuorum ?? true, maxEntriesPerMessage: 16, random: o.random(id),
    };
  }

  node(id: number): RaftNode {
    const n = this.nodes[id];
    assert(n !== undefined, `node ${id} is down`);
    return n;
  }

  /** Persist, then send: what a real caller does with a Ready. */
  private handle(id: number, r: Ready): void {
    if (r.persist) applyPersist(this.stores[id] as PersistentState, r.persist);
    for (const m of r.messages) {
      if (this.group[m.from] !== this.group[m.to]) continue; // partitioned: lost
      this.inflight.push(m);
    }
    if (this.inflight.length > this.inflightMax) this.inflight.splice(0, this.inflight.length - this.inflightMax);
    this.checker.check(this.nodes);
  }

  tick(id: number): void {
    const n = this.nodes[id];
    if (n) this.handle(id, n.tick());
  }

  hup(id: number): void {
    this.handle(id, this.node(id).hup());
  }

  /** Propose on `id`; returns the entry's index (0 when `id` is not the leader). */
  propose(id: number, data: number): number {
    const r = this.node(id).propose(data);
    this.handle(id, r);
    return r.index;
  }

  /** Deliver the in-flight message at `i` (dropped if its target is down or cut off). */
  deliver(i: number): void {
    const [m] = this.inflight.splice(i, 1);
    assert(m !== undefined, `no in-flight message ${i}`);
    const n = this.nodes[m.to];
    if (!n || this.group[m.from] !== this.group[m.to]) return;
    this.handle(m.to, n.step(m));
  }

  /** Drop the in-flight message at `i`. */
  drop(i: number): void {
    this.inflight.splice(i, 1);
  }

  /** Deliver in order until nothing is in flight (bounded); returns messages delivered. */
  stabilize(maxMessages = 100_000): number {
    let k = 0;
    while (this.inflight.length > 0) {
      assert(k < maxMessages, "stabilize: message storm (no quiescence)");
      this.deliver(0);
      k += 1;
    }
    return k;
  }

  crash(id: number): void {
    this.nodes[id] = undefined;
    this.inflight = this.inflight.filter((m) => m.to !== id);
    this.checker.check(this.nodes);
  }

  restart(id: number): void {
    if (this.nodes[id]) return;
    const st = this.stores[id] as PersistentState;
    this.nodes[id] = new RaftNode(this.config(id), { term: st.term, votedFor: st.votedFor, log: st.log.slice() });
    this.checker.check(this.nodes);
  }

  /** Split into groups (node ids per group); nodes not named form one more group. */
  partition(groups: ReadonlyArray<readonly number[]>): void {
    this.group.fill(groups.length);
    groups.forEach((g, gi) => g.forEach((id) => { this.group[id] = gi; }));
    this.inflight = this.inflight.filter((m) => this.group[m.from] === this.group[m.to]);
  }

  heal(): void {
    this.group.fill(0);
  }

  /** Ids of live leaders (there may be stale ones in lower terms). */
  leaders(): number[] {
    return this.nodes.flatMap((n) => (n && n.status().role === "leader" ? [n.id] : []));
  }
}
