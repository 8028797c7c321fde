/**
 * Raft across the Earth–Mars gap (§5.2 with §3.2's controllers): a handful of controllers sit on
 * Earth's geostationary ring, Mars's areostationary ring or at the Sun–Earth L4/L5 points, and run
 * the project's Raft (PreVote + CheckQuorum) on the event kernel. Every message takes the
 * light-time between its ends at the moment it leaves (the light-time equation on the ephemerides,
 * sampled by `GapLinkTable`), and is lost when the link is down then: occulted by the Sun, Earth or
 * Mars, inside the solar exclusion angle (solar conjunction), or cut by a side's partition (a
 * window in which every link between that side and the rest is down). A message already in
 * flight when a link goes down still arrives (the light has left).
 *
 * The consequences follow from Raft's own arithmetic, not from rules written here:
 * - an election needs a quorum's votes within one election timeout, so with timeouts below the
 *   round trip no leader is ever elected by a quorum that spans the gap;
 * - with timeouts above it, a command commits one quorum round trip after it is proposed (the
 *   leader's (quorum−1)-th nearest follower, there and back);
 * - in solar conjunction or a side's partition only a side holding a quorum on its own commits.
 *
 * A closed-loop client proposes one command every `commitEveryS` at the current leader while
 * none is outstanding. Measured: the leader's side, each command's commit latency, the number of
 * elections (a controller turning candidate in a new term), and the time the cluster is
 * unavailable: no leader that has committed in its term and heard acknowledgements from a quorum
 * within the last election timeout (CheckQuorum's own test of a live leader).
 *
 * Pure: same options, same events and numbers; `snapshot`/`restore` continue a run exactly.
 */
import { MakeTime } from "astronomy-engine";
import { InputError, assert } from "../errors.js";
import { SafetyChecker } from "../model/consensus/checker.js";
import { RaftNode, type RaftConfig, type RaftNodeState } from "../model/consensus/raft.js";
import type { Message, RaftStatus } from "../model/consensus/types.js";
import { geostationarySite, areostationarySite, sunEarthTrojanSite, SOLAR_EXCLUSION_DEG_DEFAULT, type SitePosition } from "../model/orbit/interplanetary.js";
import { RandomStream, type RandomStreamState } from "../numeric/random/stream.js";
import { quantileSorted } from "./failover-stats.js";
import { GapLinkTable } from "./gap-links.js";
import { StateReader } from "./checkpoint.js";
import { Kernel, secondsToNs, type KernelState } from "./kernel.js";
import type { StateValue } from "./model.js";

/** Where a controller sits: Earth's geostationary ring, Mars's areostationary ring, Sun–Earth L4 or L5. */
export type ControllerAt = "earth" | "mars" | "sun-earth-L4" | "sun-earth-L5";

/** Every `ControllerAt`, in the order the schema lists them. */
export const CONTROLLER_SITES: readonly ControllerAt[] = ["earth", "mars", "sun-earth-L4", "sun-earth-L5"];

/** One controller's site; `lonDeg` is the east longitude on its planet's synchronous ring (ignored at L4/L5). */
export interface ControllerSite {
  readonly at: ControllerAt;
  readonly lonDeg: number;
}

/** Which controllers a partition isolates: those on Earth, on Mars, or the L4/L5 relays. */
export type ControllerSide = "earth" | "mars" | "relay";

/** A window in which every link between `side`'s controllers and the others is down. */
export interface SidePartition {
  readonly side: ControllerSide;
  readonly startS: number;
  readonly durationS: number;
}

/** Options of a Raft-across-the-gap run. */
export interface GapRaftOptions {
  readonly seed: number;
  /** t = 0, an ISO 8601 UTC instant. */
  readonly epoch: string;
  readonly controllers: readonly ControllerSite[];
  /** Raft tick, s; the election timeout is electionTicks·raftTickS (randomised up to twice that). */
  readonly raftTickS: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  /** Interval at which the client offers a command (one outstanding at a time), s. */
  readonly commitEveryS: number;
  /** Grid step of the link table (light-times, link states), s. */
  readonly geometryStepS: number;
  /** Solar exclusion angle, degrees. */
  readonly solarExclusionDeg: number;
  readonly partitions: readonly SidePartition[];
  /** Run Raft's safety checker after every event (cost grows with the log; for tests). */
  readonly checkSafety?: boolean;
}

/** Side codes of the metric `raftLeaderSide`: 0 Earth, 1 Mars, 2 an L4/L5 relay, −1 no leader. */
export const SIDE_CODE: Readonly<Record<ControllerSide, number>> = { earth: 0, mars: 1, relay: 2 };

/**
 * Light-minute defaults: 2 controllers on Earth's ring, 2 on Mars's, 1 at L4; a 30 s tick, an
 * election timeout of 120 ticks (1 h, above the largest Earth–Mars round trip ≈ 44.6 min at
 * 2.67 AU) and a heartbeat every 4 ticks (2 min).
 */
export const GAP_RAFT_DEFAULT: GapRaftOptions = {
  seed: 42, epoch: "2028-03-01T00:00:00Z",
  controllers: [{ at: "earth", lonDeg: 0 }, { at: "earth", lonDeg: 90 }, { at: "mars", lonDeg: 0 }, { at: "mars", lonDeg: 90 }, { at: "sun-earth-L4", lonDeg: 0 }],
  raftTickS: 30, electionTicks: 120, heartbeatTicks: 4, commitEveryS: 600, geometryStepS: 3600,
  solarExclusionDeg: SOLAR_EXCLUSION_DEG_DEFAULT, partitions: [],
};

/** Upper bound on messages in flight (TigerBeetle: a limit on everything). */
const IN_FLIGHT_MAX = 1 << 18;
/** Most unavailable periods kept for the summary (later ones are counted only). */
const PERIODS_MAX = 1000;

/** The side of a controller site. */
export function sideOf(c: ControllerSite): ControllerSide {
  return c.at === "earth" ? "earth" : c.at === "mars" ? "mars" : "relay";
}

/** The ephemeris position of a controller site. */
export function controllerPosition(c: ControllerSite): SitePosition {
  switch (c.at) {
    case "earth": return geostationarySite(c.lonDeg);
    case "mars": return areostationarySite(0, 1, c.lonDeg);
    case "sun-earth-L4": return sunEarthTrojanSite(4);
    case "sun-earth-L5": return sunEarthTrojanSite(5);
  }
}

/** Checks options, naming the first bad field (path `interplanetary.controllers.…`). */
export function validateGapRaftOptions(o: GapRaftOptions, path = "interplanetary.controllers"): void {
  const bad = (field: string, expected: string, got: unknown): never => { throw InputError.of(`${path}.${field}`, expected, got); };
  if (!Array.isArray(o.controllers) || o.controllers.length < 1 || o.controllers.length > 15) bad("sites", "1 to 15 controller sites", o.controllers.length);
  o.controllers.forEach((c, i) => {
    if (!CONTROLLER_SITES.includes(c.at)) bad(`sites[${i}].at`, `one of ${CONTROLLER_SITES.join(", ")}`, c.at);
    if (!Number.isFinite(c.lonDeg)) bad(`sites[${i}].lonDeg`, "a finite longitude, degrees", c.lonDeg);
  });
  if (!(o.raftTickS > 0 && Number.isFinite(o.raftTickS) && Math.round(o.raftTickS * 1e9) >= 1)) bad("raftTickS", "a tick > 0 s (≥ 1 ns)", o.raftTickS);
  if (!Number.isInteger(o.electionTicks) || o.electionTicks < 2) bad("electionTicks", "an integer ≥ 2", o.electionTicks);
  if (!Number.isInteger(o.heartbeatTicks) || o.heartbeatTicks < 1 || o.heartbeatTicks >= o.electionTicks) bad("heartbeatTicks", `an integer in [1, electionTicks = ${o.electionTicks})`, o.heartbeatTicks);
  if (!(o.commitEveryS > 0 && Number.isFinite(o.commitEveryS))) bad("commitEveryS", "an interval > 0 s", o.commitEveryS);
  if (!(o.geometryStepS > 0 && Number.isFinite(o.geometryStepS))) bad("geometryStepS", "a step > 0 s", o.geometryStepS);
  if (!(o.solarExclusionDeg >= 0 && o.solarExclusionDeg < 90)) bad("solarExclusionDeg", "an angle in [0, 90) degrees", o.solarExclusionDeg);
  if (Number.isNaN(Date.parse(o.epoch))) bad("epoch", "an ISO 8601 UTC instant", o.epoch); // wall-clock-ok: parses the scenario's epoch
  o.partitions.forEach((p, i) => {
    if (!["earth", "mars", "relay"].includes(p.side)) bad(`partitions[${i}].side`, "one of earth, mars, relay", p.side);
    if (!(p.startS >= 0 && Number.isFinite(p.startS))) bad(`partitions[${i}].startS`, "a time ≥ 0 s", p.startS);
    if (!(p.durationS > 0 && Number.isFinite(p.durationS))) bad(`partitions[${i}].durationS`, "a duration > 0 s", p.durationS);
  });
}

/** Figures of the run so far (the metric keys of the interplanetary twin). */
export interface GapRaftMetrics {
  /** Side of the current leader (`SIDE_CODE`), −1 without one. */
  readonly raftLeaderSide: number;
  /** Commit latency of the last committed command, s; NaN before the first. */
  readonly raftCommitLatencyS: number;
  readonly raftElectionsTotal: number;
  readonly raftUnavailableS: number;
}

/** A period without a leader able to commit, s since the epoch. */
export interface UnavailablePeriod {
  readonly startS: number;
  readonly endS: number;
}

/** The run's summary (the `failover` field of the interplanetary JSON summary). */
export interface GapRaftSummary {
  readonly controllers: ReadonlyArray<{ readonly at: ControllerAt; readonly lonDeg: number }>;
  readonly electionTimeoutS: number;
  readonly commitLatencyS: { readonly median: number; readonly p99: number; readonly count: number };
  readonly electionsTotal: number;
  readonly leaderChanges: number;
  readonly unavailableS: number;
  readonly unavailablePeriods: readonly UnavailablePeriod[];
  /** Commit time share by leader side while available, s. */
  readonly leaderSideS: { readonly earth: number; readonly mars: number; readonly relay: number };
  readonly messagesLost: number;
  readonly safetyViolations: number;
}

/**
 * A control-plane event of the run: `leaderChange` {leader, side, term}, `election` {controller,
 * term}, `commit` {leader, latencyS}, `unavailable`/`available` {} (no leader able to commit from
 * then on / one again).
 */
export interface GapRaftEvent {
  readonly tNs: number;
  readonly kind: "leaderChange" | "election" | "commit" | "available" | "unavailable";
  readonly data: Readonly<Record<string, number>>;
}

/** The Raft cluster across the gap, advanced to a time at a time. */
export class GapRaft {
  private kernel = new Kernel(1 << 20);
  private readonly links: GapLinkTable;
  private readonly sides: readonly ControllerSide[];
  private readonly randoms: RandomStream[];
  private nodes: RaftNode[];
  private readonly checker: SafetyChecker | undefined;
  private readonly inFlight = new Map<number, Message>();
  private nextId = 1;
  private readonly tickNs: number;
  private readonly timeoutNs: number;
  private readonly quorum: number;
  /** Leader l's last acknowledgement from peer p (time, ns; term), at index l·n + p. */
  private readonly ackNs: Float64Array;
  private readonly ackTerm: Float64Array;
  private pending: { leader: number; term: number; index: number; atNs: number } | null = null;
  private latencies: number[] = [];
  private lastLatencyS = NaN;
  private elections = 0;
  private leaderChanges = 0;
  private readonly candidateTerm: Float64Array;
  private leaderNow = -1;
  private available = false;
  private markNs = 0;
  private unavailableNs = 0;
  private readonly sideNs = new Float64Array(3);
  private periods: UnavailablePeriod[] = [];
  private periodsDropped = 0;
  private openSinceNs = 0;
  private lost = 0;
  private events: GapRaftEvent[] = [];

  /**
   * @param o       options (validated)
   * @param random  stream for controller i's randomised election timeout (default: from the seed)
   */
  constructor(readonly o: GapRaftOptions, random: (i: number) => RandomStream = (i) => RandomStream.fromSeed(o.seed, "gap-raft", `controller-${i}`)) {
    validateGapRaftOptions(o);
    const n = o.controllers.length;
    this.sides = o.controllers.map(sideOf);
    this.links = new GapLinkTable(o.controllers.map((c) => ({ key: `${c.at}:${c.lonDeg}`, position: controllerPosition(c) })), MakeTime(new Date(o.epoch)), o.geometryStepS, { solarExclusionDeg: o.solarExclusionDeg }); // wall-clock-ok: the scenario's epoch, parsed
    this.randoms = o.controllers.map((_, i) => random(i));
    this.nodes = o.controllers.map((_, i) => new RaftNode(this.config(i)));
    this.checker = o.checkSafety ? new SafetyChecker() : undefined;
    this.tickNs = secondsToNs(o.raftTickS, "interplanetary.controllers.raftTickS");
    this.timeoutNs = this.tickNs * o.electionTicks;
    this.quorum = Math.floor(n / 2) + 1;
    this.ackNs = new Float64Array(n * n);
    this.ackTerm = new Float64Array(n * n).fill(-1);
    this.candidateTerm = new Float64Array(n);
    for (let i = 0; i < n; i++) this.kernel.schedule(Math.round((this.tickNs * (i + 1)) / n), "tick", { c: i });
    this.kernel.schedule(secondsToNs(o.commitEveryS, "interplanetary.controllers.commitEveryS"), "propose", {});
    for (const [i, p] of o.partitions.entries()) {
      this.kernel.schedule(secondsToNs(p.startS, `interplanetary.controllers.partitions[${i}].startS`), "partition", { i, on: 1 });
      this.kernel.schedule(secondsToNs(p.startS + p.durationS, `interplanetary.controllers.partitions[${i}].durationS`), "partition", { i, on: 0 });
    }
    this.openSinceNs = 0;
  }

  private config(i: number): RaftConfig {
    return {
      id: i, peers: this.o.controllers.length, electionTicks: this.o.electionTicks, heartbeatTicks: this.o.heartbeatTicks,
      preVote: true, checkQuorum: true, maxEntriesPerMessage: 64, random: this.randoms[i]!,
    };
  }

  /** Time reached, ns since the epoch. */
  get nowNs(): number {
    return this.markNs;
  }

  /** The election timeout (its lower end), s. */
  get electionTimeoutS(): number {
    return this.timeoutNs / 1e9;
  }

  /** Process every event up to and including `tNs`, then account time up to `tNs`. */
  advanceTo(tNs: number): void {
    assert(Number.isSafeInteger(tNs) && tNs >= this.markNs, `gap raft advanced back from ${this.markNs} ns to ${tNs} ns`);
    for (let t = this.kernel.peekTimeNs(); t !== undefined && t <= tNs; t = this.kernel.peekTimeNs()) {
      const ev = this.kernel.next()!;
      this.account(ev.timeNs);
      this.apply(ev.kind, ev.data);
      this.observe(ev.timeNs);
    }
    this.account(tNs);
  }

  private apply(kind: string, d: Readonly<Record<string, number>>): void {
    switch (kind) {
      case "tick": {
        const c = d.c!;
        this.send(c, this.nodes[c]!.tick().messages);
        this.kernel.scheduleIn(this.tickNs, "tick", { c });
        break;
      }
      case "msg": {
        const m = this.inFlight.get(d.id!);
        assert(m !== undefined, `message ${d.id} unknown or delivered twice`);
        this.inFlight.delete(d.id!);
        if (m.type === "appResp" && !m.reject) {
          this.ackNs[m.to * this.nodes.length + m.from] = this.kernel.nowNs;
          this.ackTerm[m.to * this.nodes.length + m.from] = m.term;
        }
        this.send(m.to, this.nodes[m.to]!.step(m).messages);
        break;
      }
      case "propose": this.propose(); break;
      case "partition": break; // the window is read from the options at each send; the event marks it in the fingerprint
      default: assert(false, `gap raft event '${kind}'`);
    }
  }

  private send(from: number, ms: readonly Message[]): void {
    const now = this.kernel.nowNs;
    for (const m of ms) {
      if (!this.linkUp(from, m.to, now)) {
        this.lost += 1;
        continue;
      }
      assert(this.inFlight.size < IN_FLIGHT_MAX, `more than ${IN_FLIGHT_MAX} controller messages in flight`);
      const id = this.nextId++;
      this.inFlight.set(id, m);
      this.kernel.schedule(now + this.links.lightTimeNs(from, m.to, now), "msg", { id });
    }
  }

  /** Whether a → b carries a message leaving at `tNs`: geometry and partitions. */
  linkUp(a: number, b: number, tNs: number): boolean {
    if (this.links.blockedBy(a, b, tNs) !== null) return false;
    for (const p of this.o.partitions) {
      const inside = tNs >= Math.round(p.startS * 1e9) && tNs < Math.round((p.startS + p.durationS) * 1e9);
      if (inside && (this.sides[a] === p.side) !== (this.sides[b] === p.side)) return false;
    }
    return true;
  }

  private propose(): void {
    const l = this.leader();
    if (this.pending === null && l >= 0) {
      const r = this.nodes[l]!;
      const ready = r.propose(this.latencies.length + 1);
      if (ready.index > 0) this.pending = { leader: l, term: r.status().term, index: ready.index, atNs: this.kernel.nowNs };
      this.send(l, ready.messages);
    }
    this.kernel.scheduleIn(secondsToNs(this.o.commitEveryS, "commitEveryS"), "propose", {});
  }

  /** The leader of the highest term, −1 when no controller leads. */
  leader(): number {
    let best = -1;
    let term = -1;
    for (let i = 0; i < this.nodes.length; i++) {
      const r = this.nodes[i]!;
      if (r.currentRole === "leader" && r.currentTerm > term) {
        term = r.currentTerm;
        best = i;
      }
    }
    return best;
  }

  /** After an event: safety, elections, leader changes, commits, availability. */
  private observe(tNs: number): void {
    this.checker?.check(this.nodes);
    for (let i = 0; i < this.nodes.length; i++) {
      const r = this.nodes[i]!;
      const role = r.currentRole, term = r.currentTerm;
      // Only a candidate leads, so a leader in a newer term (a one-controller cluster wins at once) also stood.
      if ((role === "candidate" || role === "leader") && term > this.candidateTerm[i]!) {
        this.candidateTerm[i] = term;
        this.elections += 1;
        this.record(tNs, "election", { controller: i, term });
      }
    }
    const l = this.leader();
    if (l !== this.leaderNow) {
      this.leaderNow = l;
      this.leaderChanges += 1;
      this.record(tNs, "leaderChange", { leader: l, side: l >= 0 ? SIDE_CODE[this.sides[l]!] : -1, term: l >= 0 ? this.nodes[l]!.status().term : -1 });
    }
    this.measureCommit(tNs);
    const avail = this.ableToCommit(l, tNs);
    if (avail !== this.available) {
      if (avail) this.closePeriod(tNs);
      else this.openSinceNs = tNs;
      this.available = avail;
      this.record(tNs, avail ? "available" : "unavailable", {});
    }
  }

  private measureCommit(tNs: number): void {
    const p = this.pending;
    if (p === null) return;
    const r = this.nodes[p.leader]!;
    if (r.currentTerm !== p.term || r.currentRole !== "leader") {
      this.pending = null; // deposed: the command is retried by the next proposal
    } else if (r.commitIndex >= p.index && r.termAt(p.index) === p.term) {
      this.lastLatencyS = (tNs - p.atNs) / 1e9;
      this.latencies.push(this.lastLatencyS);
      this.record(tNs, "commit", { leader: p.leader, latencyS: this.lastLatencyS });
      this.pending = null;
    }
  }

  /** A leader that has committed in its term and heard a quorum within the election timeout. */
  private ableToCommit(l: number, tNs: number): boolean {
    if (l < 0) return false;
    const r = this.nodes[l]!;
    const commit = r.commitIndex, term = r.currentTerm;
    if (commit === 0 || r.termAt(commit) !== term) return false;
    const n = this.nodes.length;
    let heard = 1;
    for (let p = 0; p < n; p++) {
      if (p !== l && this.ackTerm[l * n + p] === term && this.ackNs[l * n + p]! >= tNs - this.timeoutNs) heard += 1;
    }
    return heard >= this.quorum;
  }

  /** Adds the time since the last mark to the unavailable total or the leader's side. */
  private account(tNs: number): void {
    const dt = tNs - this.markNs;
    if (dt <= 0) return;
    if (!this.available) this.unavailableNs += dt;
    else this.sideNs[SIDE_CODE[this.sides[this.leaderNow]!]] = this.sideNs[SIDE_CODE[this.sides[this.leaderNow]!]]! + dt;
    this.markNs = tNs;
  }

  private closePeriod(tNs: number): void {
    if (this.periods.length < PERIODS_MAX) this.periods.push({ startS: this.openSinceNs / 1e9, endS: tNs / 1e9 });
    else this.periodsDropped += 1;
  }

  private record(tNs: number, kind: GapRaftEvent["kind"], data: Record<string, number>): void {
    if (this.events.length < 10_000) this.events.push({ tNs, kind, data });
  }

  /** Control-plane events since the last call (at most 10 000 are kept between calls). */
  drainEvents(): GapRaftEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** The metric keys of the interplanetary twin at the time reached. */
  metrics(): GapRaftMetrics {
    return {
      raftLeaderSide: this.leaderNow >= 0 ? SIDE_CODE[this.sides[this.leaderNow]!] : -1,
      raftCommitLatencyS: this.lastLatencyS,
      raftElectionsTotal: this.elections,
      raftUnavailableS: this.unavailableNs / 1e9,
    };
  }

  /** Summary over the run so far (an open unavailable period ends at the time reached). */
  summary(): GapRaftSummary {
    const sorted = this.latencies.slice().sort((a, b) => a - b);
    const periods = this.periods.slice();
    if (!this.available && periods.length < PERIODS_MAX && this.markNs > this.openSinceNs) periods.push({ startS: this.openSinceNs / 1e9, endS: this.markNs / 1e9 });
    return {
      controllers: this.o.controllers.map((c) => ({ at: c.at, lonDeg: c.lonDeg })),
      electionTimeoutS: this.electionTimeoutS,
      commitLatencyS: { median: quantileSorted(sorted, 0.5), p99: quantileSorted(sorted, 0.99), count: sorted.length },
      electionsTotal: this.elections,
      leaderChanges: this.leaderChanges,
      unavailableS: this.unavailableNs / 1e9,
      unavailablePeriods: periods,
      leaderSideS: { earth: this.sideNs[0]! / 1e9, mars: this.sideNs[1]! / 1e9, relay: this.sideNs[2]! / 1e9 },
      messagesLost: this.lost,
      safetyViolations: this.checker?.violations.length ?? 0,
    };
  }

  /**
   * How many committed entries the most-behind controller on `side` lacks: the highest commit
   * index anywhere minus the lowest on that side (0 when the side has no controller).
   */
  commitsBehind(side: ControllerSide): number {
    let top = 0;
    let low = Infinity;
    for (let i = 0; i < this.nodes.length; i++) {
      const c = this.nodes[i]!.status().commit;
      top = Math.max(top, c);
      if (this.sides[i] === side) low = Math.min(low, c);
    }
    return low === Infinity ? 0 : top - low;
  }

  /** Controller i's Raft status now. */
  status(i: number): RaftStatus {
    const r = this.nodes[i];
    assert(r !== undefined, `no controller ${i}`);
    return r.status();
  }

  /** Light-time a → b for a signal leaving at `tNs`, s (the table the messages use). */
  lightTimeS(a: number, b: number, tNs: number): number {
    return this.links.lightTimeNs(a, b, tNs) / 1e9;
  }

  /** The kernel's fingerprint of everything processed so far. */
  fingerprint(): string {
    return this.kernel.fingerprint();
  }

  /** The whole state (plain data) at the time reached. */
  snapshot(): StateValue {
    return {
      kernel: this.kernel.snapshot() as unknown as StateValue,
      nodes: this.nodes.map((r) => r.snapshot() as unknown as StateValue),
      randoms: this.randoms.map((r) => r.getState() as unknown as StateValue),
      inFlight: [...this.inFlight].map(([id, m]) => [id, m as unknown as StateValue]),
      nextId: this.nextId,
      ackNs: this.ackNs.slice(), ackTerm: this.ackTerm.slice(), candidateTerm: this.candidateTerm.slice(),
      pending: this.pending,
      latencies: Float64Array.from(this.latencies), lastLatencyS: Number.isNaN(this.lastLatencyS) ? null : this.lastLatencyS,
      elections: this.elections, leaderChanges: this.leaderChanges, leaderNow: this.leaderNow, available: this.available,
      markNs: this.markNs, unavailableNs: this.unavailableNs, sideNs: this.sideNs.slice(),
      periods: this.periods.map((p) => [p.startS, p.endS]), periodsDropped: this.periodsDropped, openSinceNs: this.openSinceNs, lost: this.lost,
    };
  }

  /**
   * Continue exactly from `snapshot()` of a run with the same options (the checker starts afresh).
   * A malformed state is refused with a `CheckpointError` naming its path under `path`.
   */
  restore(state: StateValue, path = "checkpoint.model.raft"): void {
    const r = new StateReader(state, path);
    const n = this.nodes.length;
    const nodes = r.arr("nodes", n) as RaftNodeState[];
    const randoms = r.arr("randoms", n) as RandomStreamState[];
    const inFlight = r.arr("inFlight") as Array<[number, Message]>;
    const ackNs = r.typed("ackNs", Float64Array, n * n), ackTerm = r.typed("ackTerm", Float64Array, n * n);
    const candidateTerm = r.typed("candidateTerm", Float64Array, n), sideNs = r.typed("sideNs", Float64Array, 3);
    const latencies = r.typed("latencies", Float64Array);
    const pending = r.raw("pending") === null ? null : r.obj("pending");
    const lastLatency = r.raw("lastLatencyS") === null ? NaN : r.num("lastLatencyS");
    const periods = r.arr("periods") as Array<[number, number]>;
    const counters = {
      nextId: r.int("nextId", 1), elections: r.int("elections"), leaderChanges: r.int("leaderChanges"), leaderNow: r.int("leaderNow", -1, n - 1),
      markNs: r.int("markNs"), unavailableNs: r.int("unavailableNs"), periodsDropped: r.int("periodsDropped"), openSinceNs: r.int("openSinceNs"), lost: r.int("lost"),
    };
    const available = r.bool("available");
    r.obj("kernel"); // an object, or a CheckpointError here (the kernel asserts its own invariants)
    this.kernel = Kernel.restore(r.raw("kernel") as KernelState);
    this.nodes = nodes.map((st, i) => RaftNode.fromSnapshot(this.config(i), st));
    randoms.forEach((st, i) => this.randoms[i]!.setState(st)); // after fromSnapshot, which draws once
    this.inFlight.clear();
    for (const [id, m] of inFlight) this.inFlight.set(id, m);
    this.ackNs.set(ackNs);
    this.ackTerm.set(ackTerm);
    this.candidateTerm.set(candidateTerm);
    this.sideNs.set(sideNs);
    this.pending = pending === null ? null : { leader: pending.int("leader", 0, n - 1), term: pending.int("term"), index: pending.int("index", 1), atNs: pending.int("atNs") };
    this.latencies = Array.from(latencies);
    this.lastLatencyS = lastLatency;
    this.periods = periods.map(([startS, endS]) => ({ startS, endS }));
    this.available = available;
    ({ nextId: this.nextId, elections: this.elections, leaderChanges: this.leaderChanges, leaderNow: this.leaderNow, markNs: this.markNs,
      unavailableNs: this.unavailableNs, periodsDropped: this.periodsDropped, openSinceNs: this.openSinceNs, lost: this.lost } = counters);
    this.events = [];
  }
}

/** Runs `o` for `durationS` and returns the summary, the final metrics and the fingerprint. */
export function runGapRaft(o: GapRaftOptions, durationS: number): { summary: GapRaftSummary; metrics: GapRaftMetrics; fingerprint: string; events: GapRaftEvent[] } {
  const g = new GapRaft(o);
  const events: GapRaftEvent[] = [];
  const endNs = secondsToNs(durationS, "durationS");
  // Advance in slices so the event list is drained before it fills.
  const sliceNs = 3600e9;
  for (let t = Math.min(sliceNs, endNs); ; t = Math.min(t + sliceNs, endNs)) {
    g.advanceTo(t);
    events.push(...g.drainEvents());
    if (t === endNs) break;
  }
  return { summary: g.summary(), metrics: g.metrics(), fingerprint: g.fingerprint(), events };
}
