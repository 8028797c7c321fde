/**
 * Raft (Ongaro & Ousterhout 2014) as a pure state machine, with PreVote and CheckQuorum
 * (Ongaro's thesis §9.6, §6.2): the consensus the paper's five SMCs run (§3.2).
 *
 * Like etcd's raft, the node does no I/O and keeps no clock: `tick()` advances logical time by
 * one tick, `step(msg)` takes a message, `propose(data)` appends a command on the leader and
 * `hup()` starts an election at once. Each returns a `Ready`: the state to persist first, then the
 * messages to send, then the status. Unlike etcd the random source (for randomised election
 * timeouts) is passed in through the constructor.
 *
 * Behaviour switches by role through one `step…` function per role.
 */
import { assert } from "../../errors.js";
import { NONE, type Entry, type Message, type MessageType, type NodeId, type Persist, type PersistentState, type RaftStatus, type Ready, type Role } from "./types.js";

/** The only thing Raft draws: a uniform integer in [0, n). `RandomStream` satisfies it. */
export interface RandomSource {
  int(n: number): number;
}

/** Configuration of one node. */
export interface RaftConfig {
  /** This node's id, 0 … peers−1. */
  readonly id: NodeId;
  /** Cluster size (the SMC count; 5 in §3.2). */
  readonly peers: number;
  /** Election timeout in ticks; the actual timeout is uniform in [electionTicks, 2·electionTicks). */
  readonly electionTicks: number;
  /** Leader heartbeat interval in ticks (< electionTicks). */
  readonly heartbeatTicks: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  /** Most entries carried by one append message (bounds message size). */
  readonly maxEntriesPerMessage: number;
  readonly random: RandomSource;
}

const EMPTY: readonly Entry[] = [];
const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/**
 * Everything a node holds between calls (persistent and volatile), as plain numbers: restoring it
 * into a node with the same configuration continues the node exactly (checkpoint and resume).
 * `votes` lists [voter, granted 1/0] pairs in the order they were counted.
 */
export interface RaftNodeState {
  readonly term: number;
  readonly votedFor: NodeId;
  readonly log: readonly Entry[];
  readonly commit: number;
  readonly role: Role;
  readonly leader: NodeId;
  readonly electionElapsed: number;
  readonly heartbeatElapsed: number;
  readonly randomizedTimeout: number;
  readonly votes: ReadonlyArray<readonly [NodeId, number]>;
  readonly next: readonly number[];
  readonly match: readonly number[];
  readonly recentActive: readonly number[];
}

/** One Raft participant. */
export class RaftNode {
  private term = 0;
  private votedFor: NodeId = NONE;
  private readonly log: Entry[];
  private commit = 0;
  private role: Role = "follower";
  private leader: NodeId = NONE;
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedTimeout = 0;
  private readonly votes = new Map<NodeId, boolean>();
  private readonly next: number[];
  private readonly match: number[];
  private readonly recentActive: boolean[];
  private msgs: Message[] = [];
  private hardDirty = false;
  private logDirtyFrom = Infinity;
  private cuts = 0;

  /**
   * @param cfg       configuration (validated: integers, heartbeat < election timeout)
   * @param restored  stable storage after a crash; a fresh node when absent. Commit restarts at 0.
   */
  constructor(private readonly cfg: RaftConfig, restored?: PersistentState) {
    assert(Number.isInteger(cfg.peers) && cfg.peers >= 1 && Number.isInteger(cfg.id) && cfg.id >= 0 && cfg.id < cfg.peers, `raft id ${cfg.id} of ${cfg.peers}`);
    assert(Number.isInteger(cfg.electionTicks) && Number.isInteger(cfg.heartbeatTicks) && cfg.heartbeatTicks >= 1 && cfg.heartbeatTicks < cfg.electionTicks, "raft ticks: 1 ≤ heartbeat < election");
    assert(Number.isInteger(cfg.maxEntriesPerMessage) && cfg.maxEntriesPerMessage >= 1, "raft maxEntriesPerMessage ≥ 1");
    this.log = restored ? restored.log.slice() : [];
    if (restored) {
      this.term = restored.term;
      this.votedFor = restored.votedFor;
    }
    this.next = new Array<number>(cfg.peers).fill(1);
    this.match = new Array<number>(cfg.peers).fill(0);
    this.recentActive = new Array<boolean>(cfg.peers).fill(false);
    this.becomeFollower(this.term, NONE);
  }

  get id(): NodeId {
    return this.cfg.id;
  }

  /** The log, index i at position i−1 (read-only view for checkers). */
  entries(): readonly Entry[] {
    return this.log;
  }

  get lastIndex(): number {
    return this.log.length;
  }

  /** Term of the entry at `index` (0 for index 0). */
  termAt(index: number): number {
    if (index === 0) return 0;
    const e = this.log[index - 1];
    // The message is built only on failure: a template string per call costs more than the lookup.
    if (e === undefined) assert(false, `raft ${this.cfg.id}: no entry ${index} (last ${this.log.length})`);
    return e.term;
  }

  status(): RaftStatus {
    return { id: this.cfg.id, role: this.role, term: this.term, leader: this.leader, votedFor: this.votedFor, commit: this.commit, lastIndex: this.log.length };
  }

  /** `status().role`, without building the status (for checks after every event). */
  get currentRole(): Role {
    return this.role;
  }

  /** `status().term`. */
  get currentTerm(): number {
    return this.term;
  }

  /** `status().commit`. */
  get commitIndex(): number {
    return this.commit;
  }

  /**
   * How many times this node has cut its log back (a conflicting suffix removed, Raft §5.3).
   * While the count stays the same, every entry below the log's current length is the one a
   * reader saw before: a checker needs to read only what was appended since.
   */
  get logCuts(): number {
    return this.cuts;
  }

  /** Advance logical time by one tick. */
  tick(): Ready {
    this.advance();
    return this.ready();
  }

  /**
   * `tick()` without building its `Ready`: what it persists and sends waits for `flushTo`. For a
   * driver calling it after every event, where most ticks produce nothing.
   */
  advance(): void {
    if (this.role === "leader") this.tickHeartbeat();
    else this.tickElection();
  }

  /** `step(m)` without building its `Ready` (see `advance`). */
  deliver(m: Message): void {
    if (m.to !== this.cfg.id) assert(false, `message for ${m.to} stepped into ${this.cfg.id}`);
    this.stepTerm(m);
  }

  /**
   * Carry out what the calls since the last `Ready` produced, as a `Ready` would be: its persist
   * applied to `store` (as `applyPersist` does, without copying the new entries first), its
   * messages returned (one shared empty list when there are none).
   */
  flushTo(store: PersistentState): readonly Message[] {
    const fromIndex = this.takePersistFrom();
    if (fromIndex > 0) {
      if (!(fromIndex - 1 <= store.log.length)) assert(false, `persist from index ${fromIndex} beyond stored log of ${store.log.length}`);
      store.term = this.term;
      store.votedFor = this.votedFor;
      store.log.length = fromIndex - 1;
      for (let i = fromIndex - 1; i < this.log.length; i++) store.log.push(this.log[i]!);
    }
    return this.takeMessages();
  }

  /** Start an election now (etcd's MsgHup), as if the election timeout had fired. */
  hup(): Ready {
    if (this.role !== "leader") this.campaign(this.cfg.preVote ? "pre" : "election");
    return this.ready();
  }

  /** Append a command on the leader; `index` is 0 when this node is not the leader. */
  propose(data: number): Ready & { readonly index: number } {
    assert(Number.isFinite(data) && data !== 0, "proposal data is a nonzero number (0 is the no-op)");
    if (this.role !== "leader") return { ...this.ready(), index: 0 };
    this.append([{ term: this.term, data }]);
    this.maybeCommit();
    this.bcastAppend();
    return { ...this.ready(), index: this.log.length };
  }

  /** Take one message addressed to this node. */
  step(m: Message): Ready {
    this.deliver(m);
    return this.ready();
  }

  /** The node's whole state between calls (its random source is saved by its owner). */
  snapshot(): RaftNodeState {
    assert(this.msgs.length === 0 && !this.hardDirty && this.logDirtyFrom === Infinity, `raft ${this.cfg.id}: snapshot with an undelivered Ready`);
    return {
      term: this.term, votedFor: this.votedFor, log: this.log.map((e) => ({ term: e.term, data: e.data })), commit: this.commit,
      role: this.role, leader: this.leader, electionElapsed: this.electionElapsed, heartbeatElapsed: this.heartbeatElapsed,
      randomizedTimeout: this.randomizedTimeout, votes: [...this.votes].map(([v, g]) => [v, g ? 1 : 0] as const),
      next: this.next.slice(), match: this.match.slice(), recentActive: this.recentActive.map((a) => (a ? 1 : 0)),
    };
  }

  /**
   * A node continuing exactly from `state` (taken by `snapshot` from a node with the same
   * configuration; the caller restores the random source's state itself).
   */
  static fromSnapshot(cfg: RaftConfig, state: RaftNodeState): RaftNode {
    assert(state.next.length === cfg.peers && state.match.length === cfg.peers && state.recentActive.length === cfg.peers, `raft ${cfg.id}: snapshot of a cluster of ${state.next.length}, not ${cfg.peers}`);
    assert(state.commit >= 0 && state.commit <= state.log.length, `raft ${cfg.id}: snapshot commit ${state.commit} beyond its log ${state.log.length}`);
    const n = new RaftNode(cfg, { term: state.term, votedFor: state.votedFor, log: state.log.map((e) => ({ term: e.term, data: e.data })) });
    n.commit = state.commit;
    n.role = state.role;
    n.leader = state.leader;
    n.electionElapsed = state.electionElapsed;
    n.heartbeatElapsed = state.heartbeatElapsed;
    n.randomizedTimeout = state.randomizedTimeout;
    n.votes.clear();
    for (const [v, g] of state.votes) n.votes.set(v, g === 1);
    for (let i = 0; i < cfg.peers; i++) {
      n.next[i] = state.next[i]!;
      n.match[i] = state.match[i]!;
      n.recentActive[i] = state.recentActive[i] === 1;
    }
    n.hardDirty = false;
    n.logDirtyFrom = Infinity;
    n.msgs = [];
    return n;
  }

  // ------------------------------------------------------------------ term rules (Raft §5.1)
  private stepTerm(m: Message): void {
    if (m.term > this.term) {
      if ((m.type === "preVote" || m.type === "vote") && this.inLease()) return;
      const keepTerm = m.type === "preVote" || (m.type === "preVoteResp" && !m.reject);
      if (!keepTerm) this.becomeFollower(m.term, m.type === "app" ? m.from : NONE);
    } else if (m.term < this.term) {
      // A stale leader learns of the newer term from our reply (needed with CheckQuorum/PreVote,
      // where a partitioned node's higher term would otherwise never reach it).
      if (m.type === "app") this.send({ type: "appResp", to: m.from, term: this.term });
      else if (m.type === "preVote") this.send({ type: "preVoteResp", to: m.from, term: this.term, reject: true });
      return;
    }
    if (m.type === "preVote" || m.type === "vote") this.handleVoteRequest(m);
    else if (this.role === "leader") this.stepLeader(m);
    else if (this.role === "follower") this.stepFollower(m);
    else this.stepCandidate(m);
  }

  /** CheckQuorum's lease: we heard from a live leader within the election timeout. */
  private inLease(): boolean {
    return this.cfg.checkQuorum && this.leader !== NONE && this.electionElapsed < this.cfg.electionTicks;
  }

  private handleVoteRequest(m: Message): void {
    const resp: MessageType = m.type === "preVote" ? "preVoteResp" : "voteResp";
    const canVote = this.votedFor === m.from || (this.votedFor === NONE && this.leader === NONE) || (m.type === "preVote" && m.term > this.term);
    if (canVote && this.isUpToDate(m.index, m.logTerm)) {
      this.send({ type: resp, to: m.from, term: m.term });
      if (m.type === "vote") {
        this.electionElapsed = 0;
        this.votedFor = m.from;
        this.hardDirty = true;
      }
    } else {
      this.send({ type: resp, to: m.from, term: this.term, reject: true });
    }
  }

  /** Raft §5.4.1: the candidate's log is at least as up to date as ours. */
  private isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const myTerm = this.termAt(this.log.length);
    return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= this.log.length);
  }

  // ------------------------------------------------------------------ roles
  private stepFollower(m: Message): void {
    if (m.type !== "app") return;
    this.electionElapsed = 0;
    this.leader = m.from;
    this.handleAppend(m);
  }

  private stepCandidate(m: Message): void {
    if (m.type === "app") {
      this.becomeFollower(m.term, m.from);
      this.handleAppend(m);
      return;
    }
    const expected: MessageType = this.role === "preCandidate" ? "preVoteResp" : "voteResp";
    if (m.type !== expected) return;
    const result = this.poll(m.from, !m.reject);
    if (result === "won") {
      if (this.role === "preCandidate") this.campaign("election");
      else this.becomeLeader();
    } else if (result === "lost") {
      this.becomeFollower(this.term, NONE);
    }
  }

  private stepLeader(m: Message): void {
    if (m.type !== "appResp") return;
    const from = m.from;
    this.recentActive[from] = true;
    const match = this.match[from]!;
    if (m.reject) {
      if (m.index <= match) return; // stale rejection
      this.next[from] = Math.max(match + 1, Math.min(m.index, m.hint + 1));
      this.sendAppend(from);
      return;
    }
    if (m.index > match) {
      this.match[from] = m.index;
      this.next[from] = Math.max(this.next[from]!, m.index + 1);
      if (this.maybeCommit()) this.bcastAppend();
      else if (this.next[from]! <= this.log.length) this.sendAppend(from);
    }
  }

  // ------------------------------------------------------------------ ticks
  private tickElection(): void {
    this.electionElapsed += 1;
    if (this.electionElapsed >= this.randomizedTimeout) {
      this.electionElapsed = 0;
      this.campaign(this.cfg.preVote ? "pre" : "election");
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed += 1;
    this.electionElapsed += 1;
    if (this.electionElapsed >= this.cfg.electionTicks) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) {
        if (!this.quorumActive()) {
          this.becomeFollower(this.term, NONE);
          return;
        }
        this.recentActive.fill(false);
      }
    }
    if (this.heartbeatElapsed >= this.cfg.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      this.bcastAppend();
    }
  }

  private quorumActive(): boolean {
    let active = 1;
    for (let i = 0; i < this.cfg.peers; i++) if (i !== this.cfg.id && this.recentActive[i]) active += 1;
    return active >= this.quorum();
  }

  // ------------------------------------------------------------------ elections
  private campaign(kind: "pre" | "election"): void {
    let voteTerm: number;
    let type: MessageType;
    if (kind === "pre") {
      this.becomePreCandidate();
      voteTerm = this.term + 1;
      type = "preVote";
    } else {
      this.becomeCandidate();
      voteTerm = this.term;
      type = "vote";
    }
    if (this.poll(this.cfg.id, true) === "won") {
      if (kind === "pre") this.campaign("election");
      else this.becomeLeader();
      return;
    }
    const lastIndex = this.log.length;
    const lastTerm = this.termAt(lastIndex);
    for (let to = 0; to < this.cfg.peers; to++) {
      if (to !== this.cfg.id) this.send({ type, to, term: voteTerm, index: lastIndex, logTerm: lastTerm });
    }
  }

  private poll(from: NodeId, granted: boolean): "won" | "lost" | "pending" {
    if (!this.votes.has(from)) this.votes.set(from, granted);
    let yes = 0;
    let no = 0;
    for (const v of this.votes.values()) if (v) yes += 1; else no += 1;
    if (yes >= this.quorum()) return "won";
    if (no >= this.quorum()) return "lost";
    return "pending";
  }

  private quorum(): number {
    return Math.floor(this.cfg.peers / 2) + 1;
  }

  private reset(term: number): void {
    if (term !== this.term) {
      assert(term > this.term, `raft ${this.cfg.id}: term went back from ${this.term} to ${term}`);
      this.term = term;
      this.votedFor = NONE;
      this.hardDirty = true;
    }
    this.leader = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedTimeout = this.cfg.electionTicks + this.cfg.random.int(this.cfg.electionTicks);
    this.votes.clear();
    this.next.fill(this.log.length + 1);
    this.match.fill(0);
    this.match[this.cfg.id] = this.log.length;
    this.recentActive.fill(false);
  }

  private becomeFollower(term: number, leader: NodeId): void {
    this.reset(term);
    this.role = "follower";
    this.leader = leader;
  }

  private becomePreCandidate(): void {
    // PreVote changes neither the term nor the vote (thesis §9.6).
    this.role = "preCandidate";
    this.votes.clear();
    this.leader = NONE;
  }

  private becomeCandidate(): void {
    this.reset(this.term + 1);
    this.role = "candidate";
    this.votedFor = this.cfg.id;
    this.hardDirty = true;
  }

  private becomeLeader(): void {
    assert(this.role === "candidate", `raft ${this.cfg.id}: ${this.role} cannot become leader`);
    this.reset(this.term);
    this.role = "leader";
    this.leader = this.cfg.id;
    this.append([{ term: this.term, data: 0 }]); // no-op: commits the previous terms' entries (§8)
    this.maybeCommit();
    this.bcastAppend();
  }

  // ------------------------------------------------------------------ replication (Raft §5.3)
  private append(es: readonly Entry[]): void {
    if (es.length === 0) return;
    this.logDirtyFrom = Math.min(this.logDirtyFrom, this.log.length + 1);
    for (const e of es) this.log.push(e);
    this.match[this.cfg.id] = this.log.length;
    this.next[this.cfg.id] = this.log.length + 1;
  }

  private handleAppend(m: Message): void {
    if (m.index < this.commit) {
      this.send({ type: "appResp", to: m.from, term: this.term, index: this.commit });
      return;
    }
    if (m.index > this.log.length || this.termAt(m.index) !== m.logTerm) {
      this.send({ type: "appResp", to: m.from, term: this.term, index: m.index, reject: true, hint: Math.min(m.index - 1, this.log.length) });
      return;
    }
    let k = 0;
    for (; k < m.entries.length; k++) {
      const idx = m.index + 1 + k;
      if (idx > this.log.length) break;
      if (this.termAt(idx) !== (m.entries[k] as Entry).term) {
        assert(idx > this.commit, `raft ${this.cfg.id}: truncating committed entry ${idx}`);
        this.log.length = idx - 1;
        this.cuts += 1;
        this.logDirtyFrom = Math.min(this.logDirtyFrom, idx);
        break;
      }
    }
    this.append(m.entries.slice(k));
    const last = m.index + m.entries.length;
    this.commit = Math.max(this.commit, Math.min(m.commit, last));
    this.send({ type: "appResp", to: m.from, term: this.term, index: last });
  }

  private sendAppend(to: NodeId): void {
    const prev = this.next[to]! - 1;
    const entries = prev < this.log.length ? this.log.slice(prev, prev + this.cfg.maxEntriesPerMessage) : EMPTY;
    this.send({ type: "app", to, term: this.term, index: prev, logTerm: this.termAt(prev), commit: this.commit, entries });
  }

  private bcastAppend(): void {
    for (let to = 0; to < this.cfg.peers; to++) if (to !== this.cfg.id) this.sendAppend(to);
  }

  /** Raft §5.3/§5.4.2: commit the highest index stored on a quorum, if it is of this term. */
  private maybeCommit(): boolean {
    const sorted = this.match.slice().sort((a, b) => b - a);
    const mci = sorted[this.quorum() - 1]!;
    if (mci > this.commit && this.termAt(mci) === this.term) {
      this.commit = mci;
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ output
  private send(m: Partial<Message> & Pick<Message, "type" | "to" | "term">): void {
    // Written out field by field (not spread over defaults): one object of one shape per message.
    this.msgs.push({
      type: m.type, from: this.cfg.id, to: m.to, term: m.term, index: m.index ?? 0, logTerm: m.logTerm ?? 0,
      commit: m.commit ?? 0, reject: m.reject ?? false, hint: m.hint ?? 0, entries: m.entries ?? EMPTY,
    });
  }

  private ready(): Ready {
    const fromIndex = this.takePersistFrom();
    const persist: Persist | undefined = fromIndex > 0 ? { term: this.term, votedFor: this.votedFor, fromIndex, entries: this.log.slice(fromIndex - 1) } : undefined;
    return { messages: this.takeMessages(), persist, state: this.status() };
  }

  /**
   * Where the stored log must be rewritten from (1-based; term and vote are saved with it), and
   * the dirty marks cleared; 0 when nothing changed since the last save.
   */
  private takePersistFrom(): number {
    if (!this.hardDirty && this.logDirtyFrom === Infinity) return 0;
    this.hardDirty = false;
    const fromIndex = Math.min(this.logDirtyFrom, this.log.length + 1);
    this.logDirtyFrom = Infinity;
    return fromIndex;
  }

  /** The messages queued since the last call (most ticks send nothing: one shared empty list then). */
  private takeMessages(): readonly Message[] {
    const messages = this.msgs.length === 0 ? NO_MESSAGES : this.msgs;
    if (messages !== NO_MESSAGES) this.msgs = [];
    return messages;
  }
}
