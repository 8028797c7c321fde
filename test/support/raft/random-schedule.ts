/**
 * One random fault schedule for Raft, built entirely from one seed (TigerBeetle's VOPR idea):
 * a safety phase of random ticks, deliveries in random order, message loss and duplication,
 * proposals, crashes and restarts from stable storage, partitions and heals, with the safety
 * checker after every event; then a liveness phase (heal, restart all, synchronous rounds) that
 * must elect one leader and commit a fresh command everywhere.
 */
import { RandomStream } from "../../../src/numeric/random/stream.js";
import type { Violation } from "../../../src/model/consensus/checker.js";
import { Harness } from "./harness.js";

/** Outcome of one schedule. */
export interface ScheduleResult {
  readonly seed: number;
  readonly peers: number;
  readonly violations: readonly Violation[];
  /** Liveness phase reached one leader and a command committed on every node. */
  readonly live: boolean;
  readonly committed: number;
  readonly events: number;
}

/** Run the schedule of `seed` with `steps` safety-phase steps. */
export function runRandomSchedule(seed: number, steps = 800): ScheduleResult {
  const rng = RandomStream.fromSeed(seed, "raft-fuzz", "schedule");
  const peers = rng.int(2) === 0 ? 3 : 5;
  const h = new Harness({ peers, inflightMax: 400, random: (id) => RandomStream.fromSeed(seed, "raft-fuzz", `node-${id}`) });
  let events = 0;
  let data = 1;
  for (let s = 0; s < steps; s++, events++) {
    const u = rng.uniform();
    const id = rng.int(peers);
    if (u < 0.45) h.tick(id);
    else if (u < 0.85) deliverRandom(h, rng);
    else if (u < 0.91) { if (h.nodes[id]) h.propose(id, data++); }
    else if (u < 0.93) h.crash(id);
    else if (u < 0.96) h.restart(id);
    else if (u < 0.98) h.partition([randomSubset(rng, peers)]);
    else h.heal();
  }
  const live = livenessPhase(h, data);
  return { seed, peers, violations: h.checker.violations, live, committed: h.checker.committedLog().length, events: events + h.checker.violations.length };
}

function deliverRandom(h: Harness, rng: RandomStream): void {
  if (h.inflight.length === 0) return;
  const i = rng.int(h.inflight.length);
  const v = rng.uniform();
  if (v < 0.05) h.drop(i);
  else {
    if (v < 0.08) h.inflight.push(h.inflight[i] as (typeof h.inflight)[number]); // duplicate
    h.deliver(i);
  }
}

function randomSubset(rng: RandomStream, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (rng.uniform() < 0.5) out.push(i);
  return out;
}

function livenessPhase(h: Harness, data: number): boolean {
  h.heal();
  for (let id = 0; id < h.nodes.length; id++) h.restart(id);
  const round = () => {
    for (let id = 0; id < h.nodes.length; id++) h.tick(id);
    h.stabilize();
  };
  let index = 0;
  let leader = -1;
  for (let r = 0; r < 200 && index === 0; r++) {
    round();
    const ls = h.leaders();
    if (ls.length === 1) {
      leader = ls[0]!;
      index = h.propose(leader, data);
    }
  }
  if (index === 0) return false;
  for (let r = 0; r < 5; r++) round();
  return h.nodes.every((n) => n !== undefined && n.status().commit >= index);
}
