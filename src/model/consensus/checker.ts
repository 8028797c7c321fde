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
 */
import type { Entry } from "./types.js";
import type { RaftNode } from "./raft.js";

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

  /** Check all invariants over the live nodes (`undefined` = crashed). */
  check(nodes: ReadonlyArray<RaftNode | undefined>): void {
    this.events += 1;
    for (const n of nodes) if (n) this.checkNode(n);
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      if (!a) continue;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        if (b) this.checkPair(a, b);
      }
    }
  }

  /** The global committed log so far. */
  committedLog(): readonly Entry[] {
    return this.committed;
  }

  private fail(rule: Violation["rule"], detail: string): void {
    if (this.violations.length < 100) this.violations.push({ rule, detail, event: this.events });
  }

  private checkNode(n: RaftNode): void {
    const s = n.status();
    const log = n.entries();
    if (s.role === "leader") {
      const prev = this.leaders.get(s.term);
      if (prev === undefined) this.leaders.set(s.term, s.id);
      else if (prev !== s.id) this.fail("electionSafety", `term ${s.term}: leaders ${prev} and ${s.id}`);
      for (let i = 0; i < this.committed.length; i++) {
        if (s.term > this.committedSeenTerm[i]! && !sameEntry(log[i], this.committed[i])) {
          this.fail("committedLost", `leader ${s.id} (term ${s.term}) lacks committed entry ${i + 1}`);
          break;
        }
      }
    }
    if (s.commit > log.length) this.fail("committedLost", `node ${s.id} commit ${s.commit} beyond its log ${log.length}`);
    const upto = Math.min(s.commit, log.length);
    for (let i = 0; i < upto; i++) {
      const e = log[i] as Entry;
      const c = this.committed[i];
      if (c === undefined) {
        this.committed.push(e);
        this.committedSeenTerm.push(s.term);
      }
      else if (!sameEntry(c, e)) {
        this.fail("committedLost", `node ${s.id} committed ${JSON.stringify(e)} at ${i + 1}, earlier ${JSON.stringify(c)}`);
        break;
      }
    }
  }

  private checkPair(a: RaftNode, b: RaftNode): void {
    const la = a.entries();
    const lb = b.entries();
    let i = Math.min(la.length, lb.length);
    while (i > 0 && (la[i - 1] as Entry).term !== (lb[i - 1] as Entry).term) i -= 1;
    for (let k = 0; k < i; k++) {
      if (!sameEntry(la[k], lb[k])) {
        this.fail("logMatching", `nodes ${a.id} and ${b.id} agree at index ${i} but differ at ${k + 1}`);
        return;
      }
    }
  }
}

function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  return a !== undefined && b !== undefined && a.term === b.term && a.data === b.data;
}
