/**
 * A tiny interpreter for readable Raft scenarios (test/raft/*.txt), in the spirit of etcd's
 * interaction tests: one command per line, `#` comments, node ids 1-based as in the Raft paper.
 *
 *   cluster N [seed S] [prevote on|off] [checkquorum on|off]
 *   hup I                  start an election on I now
 *   tick I [K]             tick node I K times (default 1);  tick all [K]
 *   stabilize              deliver every in-flight message, in order, until none is left
 *   run K                  K rounds of (tick all; stabilize): a synchronous network
 *   propose I DATA         propose DATA (nonzero) on I
 *   partition 1 2 | 3 4 5  cut the cluster into groups;  heal
 *   crash I;  restart I;  drop   (lose all in-flight messages)
 *   expect leader I [term T] | expect no-leader | expect one-leader | expect refused I DATA | expect role I R | expect term I T |
 *   expect commit I|all C  | expect same-term | expect safe
 * `leader` stands for the live leader of the highest term wherever a node id is expected.
 * Every command runs the safety checker; a failing `expect` throws with the line number.
 */
import { InputError } from "../../../src/errors.js";
import { Harness } from "./harness.js";
import type { RandomSource } from "../../../src/model/consensus/raft.js";

/** Random source factory by (seed, node id). */
export type RandomFactory = (seed: number, id: number) => RandomSource;

/** Run `text`; returns the number of commands executed. Throws InputError on a failed line. */
export function runRaftScript(text: string, random: RandomFactory, name = "script"): number {
  let h: Harness | undefined;
  let count = 0;
  const lines = text.split("\n");
  lines.forEach((raw, li) => {
    const line = (raw.split("#")[0] ?? "").trim();
    if (line === "") return;
    const where = `${name}:${li + 1}`;
    const w = line.split(/\s+/);
    try {
      if (w[0] === "cluster") h = makeCluster(w, random);
      else if (!h) throw new Error("the first command must be `cluster N`");
      else command(h, w);
    } catch (e) {
      throw InputError.of(where, `'${line}' to hold`, `~${(e as Error).message}`);
    }
    if (h && h.checker.violations.length > 0) throw InputError.of(where, "no safety violation", `~${JSON.stringify(h.checker.violations[0])}`);
    count += 1;
  });
  return count;
}

function num(w: string[], i: number): number {
  const s = w[i];
  const x = Number(s);
  if (s === undefined || !Number.isInteger(x)) throw new Error(`word ${i + 1} should be an integer, got ${s ?? "nothing"}`);
  return x;
}

function opt(w: string[], key: string): string | undefined {
  const i = w.indexOf(key);
  return i >= 0 ? w[i + 1] : undefined;
}

function makeCluster(w: string[], random: RandomFactory): Harness {
  const peers = num(w, 1);
  const seed = Number(opt(w, "seed") ?? 1);
  return new Harness({ peers, preVote: opt(w, "prevote") !== "off", checkQuorum: opt(w, "checkquorum") !== "off", random: (id) => random(seed, id) });
}

function ids(h: Harness, w: string[], i: number): number[] {
  if (w[i] === "all") return h.nodes.map((_, k) => k);
  if (w[i] === "leader") {
    const ls = h.leaders().sort((a, b) => h.node(b).status().term - h.node(a).status().term);
    if (ls[0] === undefined) throw new Error("there is no leader");
    return [ls[0]];
  }
  const id = num(w, i) - 1;
  if (id < 0 || id >= h.nodes.length) throw new Error(`node ${id + 1} outside 1..${h.nodes.length}`);
  return [id];
}

function command(h: Harness, w: string[]): void {
  switch (w[0]) {
    case "hup": for (const id of ids(h, w, 1)) h.hup(id); return;
    case "tick": {
      const k = w[2] === undefined ? 1 : num(w, 2);
      for (let t = 0; t < k; t++) for (const id of ids(h, w, 1)) h.tick(id);
      return;
    }
    case "stabilize": h.stabilize(); return;
    case "run": {
      const k = num(w, 1);
      for (let t = 0; t < k; t++) {
        for (let id = 0; id < h.nodes.length; id++) h.tick(id);
        h.stabilize();
      }
      return;
    }
    case "propose": if (h.propose(ids(h, w, 1)[0]!, num(w, 2)) === 0) throw new Error("proposal refused: not the leader"); return;
    case "partition": h.partition(w.slice(1).join(" ").split("|").map((g) => g.trim().split(/\s+/).map((s) => Number(s) - 1))); return;
    case "heal": h.heal(); return;
    case "crash": h.crash(ids(h, w, 1)[0]!); return;
    case "restart": h.restart(ids(h, w, 1)[0]!); return;
    case "drop": h.inflight = []; return;
    case "expect": expect(h, w); return;
    default: throw new Error(`unknown command '${w[0]}'`);
  }
}

function expect(h: Harness, w: string[]): void {
  const what = w[1];
  if (what === "safe") return;
  if (what === "no-leader") {
    const ls = h.leaders();
    if (ls.length > 0) throw new Error(`leaders ${ls.map((x) => x + 1).join(",")}`);
    return;
  }
  if (what === "same-term") {
    const terms = new Set(h.nodes.flatMap((n) => (n ? [n.status().term] : [])));
    if (terms.size !== 1) throw new Error(`terms ${[...terms].join(",")}`);
    return;
  }
  if (what === "one-leader") {
    const ls = h.leaders();
    if (ls.length !== 1) throw new Error(`${ls.length} live leaders`);
    return;
  }
  if (what === "refused") {
    if (h.propose(ids(h, w, 2)[0]!, num(w, 3)) !== 0) throw new Error("proposal accepted");
    return;
  }
  if (what === "leader") {
    const id = num(w, 2) - 1;
    const s = h.node(id).status();
    if (s.role !== "leader") throw new Error(`node ${id + 1} is ${s.role} (term ${s.term})`);
    const t = opt(w, "term");
    if (t !== undefined && s.term !== Number(t)) throw new Error(`leader term ${s.term}`);
    return;
  }
  const field = what === "role" ? "role" : what === "term" ? "term" : what === "commit" ? "commit" : undefined;
  if (field === undefined) throw new Error(`unknown expectation '${what}'`);
  const want = w[3];
  for (const id of ids(h, w, 2)) {
    const n = h.nodes[id];
    if (!n) continue;
    const got = String(n.status()[field]);
    if (got !== want) throw new Error(`node ${id + 1} ${field} is ${got}`);
  }
}
