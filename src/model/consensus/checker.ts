/**
 * Safety checkers run over the whole cluster after every event (TigerBeetle/FoundationDB style):
 * - Election Safety (Raft Fig. 3): at most one leader per term, ever.
 * - Log Matching (§5.3): if two logs hold an entry with the same index and term, the logs are
 *   identical in all entries up to that index.
 * - Committed entries are never lost (State Machine Safety + Leader Completeness, §5.4): every
 *   node's committed prefix agrees with one global committed log, and every leader of a term later
 *   than the one in which an entry was first seen committed holds that entry (a stale leader of an
 *   older term, cut off by a partition, legitimately lacks it).
 * A violation is recorded (not thrown) so a test can print the seed and the event that broke it.
 *
 * The checks are incremental, with the same outcome as reading every log from the start after
 * every event: a log entry below a node's log length cannot change while the node (the same
 * object) has not cut its log back (`logCuts`), and the global committed log only grows. So the
 * checker remembers, per node, how much of its log it has matched with the committed log (and,
 * for a leader, in which term it matched it), and per pair of nodes how long a common prefix it
 * has verified; after an event it reads only entries appended since. A node replaced (restart)
 * or a log cut starts that node's and its pairs' checks from index 0 again.
 */
import type { Entry, NodeId, Role } from "./types.js";

/** What the checker reads of a node (a `RaftNode` is one). */
export interface CheckedNode {
  readonly id: NodeId;
  readonly currentRole: Role;
  readonly currentTerm: number;
  readonly commitIndex: number;
  /** Count of log cuts; entries below the log's length are unchanged while it is. */
  readonly logCuts: number;
  entries(): readonly Entry[];
}

/** What the checker has verified of the node in one slot of the cluster. */
interface NodeMark {
  node: CheckedNode | undefined;
  cuts: number;
  /** Log indices [0, agreed) match the global committed log (or were added to it). */
  agreed: number;
  /** As leader of `leaderTerm`, committed indices [0, leaderChecked) were found in its log. */
  leaderTerm: number;
  leaderChecked: number;
}

/** One broken invariant, with when it was seen. */
export interface Violation {
  readonly rule: "electionSafety" | "logMatching" | "committedLost";
  readonly detail: string;
  readonly event: number;
}

/** Cluster-wide invariant checker; call `check` after every event. */
export class SafetyChecker {
  private readonly leaders = new Map<number, number>();
  private readonly committed: Entry[] = [];
  /** Term of the node that first reported each committed entry (≥ the committing leader's term). */
  private readonly committedSeenTerm: number[] = [];
  readonly violations: Violation[] = [];
  private events = 0;
  private marks: NodeMark[] = [];
  /** Verified common prefix length of the logs in slots (i, j), at i·n + j. */
  private pairPrefix = new Float64Array(0);
  /** Broken invariants found so far (`violations` keeps only the first 100). */
  private failures = 0;
  /** True when the last check found nothing and every slot's node read as in `seen`. */
  private settled = false;
  /** What the last check read of each slot: term, commit and log length, 3 per slot (its log cuts are in its mark). */
  private seen = new Float64Array(0);
  private seenRoles: Array<string | undefined> = [];

  /** Check all invariants over the live nodes (`undefined` = crashed). */
  check(nodes: ReadonlyArray<CheckedNode | undefined>): void {
    this.events += 1;
    const n = nodes.length;
    if (this.marks.length !== n) {
      this.marks = Array.from({ length: n }, () => ({ node: undefined, cuts: 0, agreed: 0, leaderTerm: -1, leaderChecked: 0 }));
      this.pairPrefix = new Float64Array(n * n);
      this.seen = new Float64Array(3 * n);
      this.seenRoles = new Array<string | undefined>(n).fill(undefined);
      this.settled = false;
    }
    // Nothing the checks read has changed since a check that found nothing: every loop below
    // would start where it stopped and find nothing again. Most events (a follower's tick, a
    // heartbeat answered) change nothing here.
    if (this.settled && this.unchanged(nodes)) return;
    const failuresBefore = this.failures;
    for (let i = 0; i < n; i++) {
      const node = nodes[i];
      const mark = this.marks[i]!;
      if (node !== mark.node || (node !== undefined && node.logCuts !== mark.cuts)) this.forget(i, node);
      if (node) this.checkNode(node, mark);
    }
    for (let i = 0; i < n; i++) {
      const a = nodes[i];
      if (!a) continue;
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j];
        if (b) this.checkPair(a, b, i * n + j);
      }
    }
    this.settled = this.failures === failuresBefore && this.remember(nodes);
  }

  /** True when every slot holds the node `remember` saw, with the same role, term, commit and log. */
  private unchanged(nodes: ReadonlyArray<CheckedNode | undefined>): boolean {
    const seen = this.seen;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const mark = this.marks[i]!;
      if (node !== mark.node) return false;
      if (node === undefined) continue;
      if (node.currentRole !== this.seenRoles[i] || node.currentTerm !== seen[3 * i] || node.commitIndex !== seen[3 * i + 1] || node.entries().length !== seen[3 * i + 2] || node.logCuts !== mark.cuts) return false;
    }
    return true;
  }

  /**
   * Save what `unchanged` compares; false when a leader has not yet been checked against the
   * whole committed log (a later slot committed more in this check), so the next check must run.
   */
  private remember(nodes: ReadonlyArray<CheckedNode | undefined>): boolean {
    const seen = this.seen;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node === undefined) continue;
      const mark = this.marks[i]!;
      if (node.currentRole === "leader" && mark.leaderChecked !== this.committed.length) return false;
      this.seenRoles[i] = node.currentRole;
      seen[3 * i] = node.currentTerm;
      seen[3 * i + 1] = node.commitIndex;
      seen[3 * i + 2] = node.entries().length;
    }
    return true;
  }

  /** The global committed log so far. */
  committedLog(): readonly Entry[] {
    return this.committed;
  }

  private fail(rule: Violation["rule"], detail: string): void {
    this.failures += 1;
    if (this.violations.length < 100) this.violations.push({ rule, detail, event: this.events });
  }

  /** Slot `i` holds a new node, or its node cut its log: nothing verified of it still holds. */
  private forget(i: number, node: CheckedNode | undefined): void {
    const n = this.marks.length;
    const mark = this.marks[i]!;
    mark.node = node;
    mark.cuts = node?.logCuts ?? 0;
    mark.agreed = 0;
    mark.leaderTerm = -1;
    mark.leaderChecked = 0;
    for (let k = 0; k < n; k++) {
      this.pairPrefix[i * n + k] = 0;
      this.pairPrefix[k * n + i] = 0;
    }
  }

  private checkNode(n: CheckedNode, mark: NodeMark): void {
    const term = n.currentTerm;
    const commit = n.commitIndex;
    const log = n.entries();
    if (n.currentRole === "leader") {
      const prev = this.leaders.get(term);
      if (prev === undefined) this.leaders.set(term, n.id);
      else if (prev !== n.id) this.fail("electionSafety", `term ${term}: leaders ${prev} and ${n.id}`);
      // Which committed entries a leader must hold depends on its term: a new term checks again.
      if (mark.leaderTerm !== term) {
        mark.leaderTerm = term;
        mark.leaderChecked = 0;
      }
      for (let i = mark.leaderChecked; i < this.committed.length; i++) {
        if (term > this.committedSeenTerm[i]! && !sameEntry(log[i], this.committed[i])) {
          this.fail("committedLost", `leader ${n.id} (term ${term}) lacks committed entry ${i + 1}`);
          break;
        }
        mark.leaderChecked = i + 1;
      }
    }
    if (commit > log.length) this.fail("committedLost", `node ${n.id} commit ${commit} beyond its log ${log.length}`);
    const upto = Math.min(commit, log.length);
    for (let i = mark.agreed; i < upto; i++) {
      const e = log[i] as Entry;
      const c = this.committed[i];
      if (c === undefined) {
        this.committed.push(e);
        this.committedSeenTerm.push(term);
      } else if (!sameEntry(c, e)) {
        this.fail("committedLost", `node ${n.id} committed ${JSON.stringify(e)} at ${i + 1}, earlier ${JSON.stringify(c)}`);
        break;
      }
      mark.agreed = i + 1;
    }
  }

  private checkPair(a: CheckedNode, b: CheckedNode, at: number): void {
    const la = a.entries();
    const lb = b.entries();
    let i = Math.min(la.length, lb.length);
    let verified = this.pairPrefix[at]!;
    if (verified > i) verified = 0; // a log shorter than what was verified: check it all again
    // Below `verified` the terms agree, so the walk down to the last agreeing term stops there at the latest.
    while (i > verified && (la[i - 1] as Entry).term !== (lb[i - 1] as Entry).term) i -= 1;
    for (let k = verified; k < i; k++) {
      if (!sameEntry(la[k], lb[k])) {
        this.fail("logMatching", `nodes ${a.id} and ${b.id} agree at index ${i} but differ at ${k + 1}`);
        this.pairPrefix[at] = k;
        return;
      }
    }
    this.pairPrefix[at] = i;
  }
}

function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  return a !== undefined && b !== undefined && a.term === b.term && a.data === b.data;
}
