/**
 * The incremental safety checker against the plain one it replaces: a reference that reads every
 * log from the start after every event (Election Safety, Raft Fig. 3; Log Matching, §5.3;
 * committed entries never lost, §5.4). Both watch the same clusters of scripted nodes whose logs,
 * terms, roles and commit indices change at random (appends, cuts, restarts, crashes, and
 * deliberately unsafe moves), and must report the same violations after every event.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { SafetyChecker, type CheckedNode, type Violation } from "./checker.js";
import type { Entry, Role } from "./types.js";

/** The checker as first written: every log read from index 0 after every event. */
class ReferenceChecker {
  private readonly leaders = new Map<number, number>();
  private readonly committed: Entry[] = [];
  private readonly committedSeenTerm: number[] = [];
  readonly violations: Violation[] = [];
  private events = 0;

  check(nodes: ReadonlyArray<CheckedNode | undefined>): void {
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

  private fail(rule: Violation["rule"], detail: string): void {
    if (this.violations.length < 100) this.violations.push({ rule, detail, event: this.events });
  }

  private checkNode(n: CheckedNode): void {
    const log = n.entries();
    const term = n.currentTerm;
    if (n.currentRole === "leader") {
      const prev = this.leaders.get(term);
      if (prev === undefined) this.leaders.set(term, n.id);
      else if (prev !== n.id) this.fail("electionSafety", `term ${term}: leaders ${prev} and ${n.id}`);
      for (let i = 0; i < this.committed.length; i++) {
        if (term > this.committedSeenTerm[i]! && !same(log[i], this.committed[i])) {
          this.fail("committedLost", `leader ${n.id} (term ${term}) lacks committed entry ${i + 1}`);
          break;
        }
      }
    }
    if (n.commitIndex > log.length) this.fail("committedLost", `node ${n.id} commit ${n.commitIndex} beyond its log ${log.length}`);
    const upto = Math.min(n.commitIndex, log.length);
    for (let i = 0; i < upto; i++) {
      const e = log[i]!;
      const c = this.committed[i];
      if (c === undefined) {
        this.committed.push(e);
        this.committedSeenTerm.push(term);
      } else if (!same(c, e)) {
        this.fail("committedLost", `node ${n.id} committed ${JSON.stringify(e)} at ${i + 1}, earlier ${JSON.stringify(c)}`);
        break;
      }
    }
  }

  private checkPair(a: CheckedNode, b: CheckedNode): void {
    const la = a.entries();
    const lb = b.entries();
    let i = Math.min(la.length, lb.length);
    while (i > 0 && la[i - 1]!.term !== lb[i - 1]!.term) i -= 1;
    for (let k = 0; k < i; k++) {
      if (!same(la[k], lb[k])) {
        this.fail("logMatching", `nodes ${a.id} and ${b.id} agree at index ${i} but differ at ${k + 1}`);
        return;
      }
    }
  }
}

function same(a: Entry | undefined, b: Entry | undefined): boolean {
  return a !== undefined && b !== undefined && a.term === b.term && a.data === b.data;
}

/** A node driven by the test: any role, term, commit and log it is given (honest or not). */
class ScriptedNode implements CheckedNode {
  currentRole: Role = "follower";
  currentTerm = 0;
  commitIndex = 0;
  logCuts = 0;
  constructor(readonly id: number, readonly log: Entry[] = []) {}
  entries(): readonly Entry[] {
    return this.log;
  }
}

/**
 * One random cluster history: mostly moves an honest Raft could make (a leader appends, followers
 * copy its entries after cutting an uncommitted conflicting suffix, commits within the log, new
 * terms, crashes and restarts from the log), and with probability `unsafe` per event one that
 * breaks a rule (a cut below the commit index, a second leader in a term, an entry of a stale
 * term, a commit beyond the log). Returns both checkers' violations.
 */
function history(seed: number, steps: number, unsafe: number): { ours: Violation[]; reference: Violation[] } {
  const rnd = RandomStream.fromSeed(seed, "checker-history");
  const peers = 3 + rnd.int(3);
  const nodes: Array<ScriptedNode | undefined> = Array.from({ length: peers }, (_, id) => new ScriptedNode(id));
  const leaderOf = new Map<number, number>();
  const ours = new SafetyChecker();
  const reference = new ReferenceChecker();
  const entry = (term: number): Entry => ({ term, data: 1 + rnd.int(2) });
  const cut = (n: ScriptedNode, len: number) => {
    n.log.length = len;
    n.logCuts += 1;
  };
  for (let s = 0; s < steps; s++) {
    const id = rnd.int(peers);
    const n = nodes[id];
    if (n === undefined) {
      if (rnd.int(2) === 0) nodes[id] = new ScriptedNode(id);
    } else if (rnd.uniform() < unsafe) {
      const op = rnd.int(4);
      if (op === 0 && n.log.length > 0) cut(n, rnd.int(n.log.length));
      else if (op === 1) n.currentRole = "leader";
      else if (op === 2) n.log.push(entry(Math.max(0, n.currentTerm - 1 - rnd.int(2))));
      else n.commitIndex = n.log.length + 1;
    } else {
      const op = rnd.int(7);
      const leader = nodes.find((m) => m?.currentRole === "leader" && m.currentTerm >= n.currentTerm);
      if (op === 0 && n.currentRole === "leader") {
        n.log.push(entry(n.currentTerm));
      } else if (op === 1 && leader && leader !== n) {
        // Replicate: keep the longest prefix agreeing with the leader (cutting only uncommitted entries), then copy.
        let k = 0;
        while (k < n.log.length && k < leader.log.length && same(n.log[k], leader.log[k])) k++;
        if (k < n.log.length && k >= n.commitIndex) cut(n, k);
        if (k === n.log.length) n.log.push(...leader.log.slice(k, k + 1 + rnd.int(3)));
        n.currentTerm = Math.max(n.currentTerm, leader.currentTerm);
      } else if (op === 2) {
        n.commitIndex = Math.max(n.commitIndex, Math.min(n.log.length, n.commitIndex + rnd.int(3)));
      } else if (op === 3) {
        n.currentTerm += 1;
        n.currentRole = "follower";
      } else if (op === 4 && !leaderOf.has(n.currentTerm)) {
        leaderOf.set(n.currentTerm, id);
        n.currentRole = "leader";
      } else if (op === 5) {
        nodes[id] = rnd.int(2) === 0 ? undefined : Object.assign(new ScriptedNode(id, n.log.slice()), { currentTerm: n.currentTerm });
      } else {
        n.currentRole = "candidate";
      }
    }
    ours.check(nodes);
    reference.check(nodes);
  }
  return { ours: ours.violations, reference: reference.violations };
}

describe("SafetyChecker (incremental)", () => {
  it("reports exactly the violations of a checker that rereads every log, over 300 random histories", () => {
    let broken = 0;
    let capped = 0;
    const rules = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const h = history(seed, 400, 0.003);
      expect(h.ours, `reproduce with seed=${seed}`).toEqual(h.reference);
      if (h.reference.length > 0) broken += 1;
      if (h.reference.length >= 100) capped += 1;
      for (const v of h.reference) rules.add(v.rule);
    }
    // Most histories break a rule, every rule is broken somewhere, and most histories stay below
    // the 100 violations a checker keeps (beyond which the two would no longer be compared).
    expect(broken).toBeGreaterThan(100);
    expect([...rules].sort()).toEqual(["committedLost", "electionSafety", "logMatching"]);
    expect(capped).toBeLessThan(broken / 2);
  });

  it("catches a log cut below the commit index that an append-only reading would miss", () => {
    const a = new ScriptedNode(0, [{ term: 1, data: 1 }, { term: 1, data: 2 }]);
    const b = new ScriptedNode(1, [{ term: 1, data: 1 }, { term: 1, data: 2 }]);
    a.commitIndex = 2;
    const ch = new SafetyChecker();
    ch.check([a, b]);
    expect(ch.violations).toEqual([]);
    // a cuts its committed entry 2 and writes another of the same term at the same index.
    a.log.length = 1;
    a.logCuts += 1;
    a.log.push({ term: 1, data: 9 });
    ch.check([a, b]);
    expect(ch.violations.map((v) => v.rule)).toEqual(["committedLost", "logMatching"]);
  });
});
