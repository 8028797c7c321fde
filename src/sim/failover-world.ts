/**
 * The failover experiment (§3.2): the paper's five SMCs run Raft with every message delayed by
 * the light-time between them (SimNetwork on the event kernel), a 10^4-node Walker shell streams
 * Frozen-Now snapshots to its nearest live SMC (Black Sarcophagus), and a fault schedule crashes
 * the SMC leader, fails nodes (MTBF) and throws CMEs. Measured: leader failover (leader crash →
 * a new leader has committed in its term, i.e. the controllers serve again), spare reload time,
 * state lost; beside the paper's claims (< 1 ms, 100 µs) and the physical lower bounds from the
 * geometry. The safety checker runs after every Raft event.
 *
 * Lives in sim/ (not experiments/) because a mesh run (`pqms run` with the constellation sections,
 * sim/models/mesh-faults.ts) replays the same control plane's timeline (`ControlEvent`s).
 *
 * Positions are frozen at the epoch (the shell moves ~7.6 km/s, changing LEO–SMC light-times by
 * < 1 % over the run; the lower bounds use the same frozen geometry, so the comparison is fair).
 */
import { quantileSorted, Samples } from "./failover-stats.js";
import { SafetyChecker } from "../model/consensus/checker.js";
import { RaftNode } from "../model/consensus/raft.js";
import { applyPersist, type Message, type PersistentState, type Ready } from "../model/consensus/types.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../model/constants.js";
import { lightTimeS, occulted, relayedLightTimeS, type Vec3 } from "../model/orbit/light-time.js";
import { OCCULTATION_MARGIN_M } from "../model/orbit/isl.js";
import { smcSites } from "../model/orbit/smc.js";
import { EARTH_RADIUS_M, WALKER_DEFAULT, shellPositionsAtEpoch, type WalkerShell } from "../model/orbit/walker.js";
import { SARCOPHAGUS_DEFAULT, reload, type SarcophagusParams } from "../model/sarcophagus/sarcophagus.js";
import { RandomStream } from "../numeric/random/stream.js";
import { InputError } from "../errors.js";
import { cmeRings, generateFaults, type FaultPlan, type FaultSchedule } from "./faults.js";
import { Kernel } from "./kernel.js";
import type { Scenario } from "./scenario/index.js";
import { SimNetwork } from "./network.js";

/** Options of one failover run. */
export interface FailoverOptions {
  readonly seed: number;
  readonly shell: WalkerShell;
  readonly epoch: Date;
  readonly durationS: number;
  /** Raft tick, s; election timeout = electionTicks·tick (must exceed the largest SMC RTT). */
  readonly raftTickS: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly sarcophagus: SarcophagusParams;
  readonly plan: Omit<FaultPlan, "durationS" | "nodes">;
  /** A schedule to replay instead of generating one from the seed. */
  readonly faults?: FaultSchedule;
  /** Interval between client commands proposed at the leader (commit latency), s; default 5. */
  readonly commitEveryS?: number;
  /** Keep the timeline of control-plane events (`FailoverResult.timeline`); default false. */
  readonly recordTimeline?: boolean;
  /**
   * The five controllers, geocentric m in the shell's frame (the equator of date); default the
   * paper's sites at the epoch (model/orbit/smc.ts). `pqms improve` runs its buildable placement here.
   */
  readonly sites?: ReadonlyArray<{ readonly name: string; readonly positionM: Vec3 }>;
  /**
   * Where a failed node's buffered state comes from: its nearest live SMC (§3.2's Black
   * Sarcophagus, the default) or its in-plane neighbour (the previous healthy node of its plane
   * holds the buffer; the spare is the next one).
   */
  readonly reloadFrom?: "smc" | "neighbour";
}

/**
 * One control-plane event, at control time `tNs` (integer ns): `election` {smc, term} (a
 * controller became candidate), `leaderChange` {leader (−1: none), term}, `smcCrash`/`smcRestart`
 * {smc}, `leaderFailover` {failoverS, boundS}, `commit` {latencyS}, `nodeFail` {node, smc, spare,
 * reloadS, stateLostS, lowerBoundS} (reload arrives at tNs + reloadS), `nodeLost` {node} (no SMC
 * visible or no spare left: never reloaded).
 */
export interface ControlEvent {
  readonly tNs: number;
  readonly kind: "election" | "leaderChange" | "smcCrash" | "smcRestart" | "leaderFailover" | "commit" | "nodeFail" | "nodeLost";
  readonly data: Readonly<Record<string, number>>;
}

export const FAILOVER_DEFAULT: FailoverOptions = {
  seed: 42, shell: WALKER_DEFAULT, epoch: new Date("2026-02-21T00:00:00Z"), durationS: 600, // wall-clock-ok: a fixed epoch (the paper's date), parsed, not read from the clock
  raftTickS: 0.5, electionTicks: 60, heartbeatTicks: 2, sarcophagus: SARCOPHAGUS_DEFAULT,
  plan: { nodeMtbfS: 3e4, leaderCrashes: 3, smcDownS: 90, cmes: 1 },
};

/** Median, 99th percentile and count of a sample, s. */
export interface Dist {
  readonly median: number;
  readonly p99: number;
  readonly count: number;
}

export interface FailoverResult {
  readonly leaderFailoverS: Dist;
  readonly reloadS: Dist;
  readonly stateLostMs: { readonly median: number; readonly max: number };
  readonly lowerBounds: { readonly leaderFailoverS: number; readonly reloadS: number };
  readonly safetyViolations: number;
  /** Leader propose → leader commit of client commands, s (a quorum round trip at least). */
  readonly commitLatencyS: Dist;
  readonly paperClaims: { readonly leaderFailoverS: 0.001; readonly reloadS: 0.0001 };
  readonly smcs: ReadonlyArray<{ readonly name: string; readonly lightTimeS: readonly number[] }>;
  readonly unrecoverableNodes: number;
  readonly events: number;
  readonly fingerprint: string;
  readonly faults: FaultSchedule;
  /** The control-plane events in time order (only with `recordTimeline`). */
  readonly timeline: readonly ControlEvent[];
}

const NS = 1e9;
const SMCS = 5;

/** Run the experiment. Pure: same options, same result (and fingerprint). */
export function runFailover(o: FailoverOptions = FAILOVER_DEFAULT): FailoverResult {
  const given = o.sites ?? smcSites(o.epoch);
  if (given.length !== SMCS) throw InputError.of("failover.sites", `${SMCS} controller sites`, `${given.length}`);
  const sites = given.map((s) => s.positionM);
  const names = given.map((s) => s.name);
  // Controller links the Earth blocks (L1 ↔ L2, GEO ↔ the far side) go round it by relay.
  const ltS = sites.map((a) => sites.map((b) => relayedLightTimeS(a, b, EARTH_RADIUS_M + OCCULTATION_MARGIN_M)));
  const xyz = shellPositionsAtEpoch(o.shell, o.epoch);
  const perPlane = o.shell.total / o.shell.planes;
  const faults = o.faults ?? generateFaults(o.seed, { ...o.plan, durationS: o.durationS, nodes: o.shell.total });
  const w = new World(o, sites, ltS, xyz, perPlane);
  w.schedule(faults);
  w.run();
  return {
    ...w.results(),
    paperClaims: { leaderFailoverS: 0.001, reloadS: 0.0001 },
    smcs: names.map((name, i) => ({ name, lightTimeS: ltS[i] as number[] })),
    faults,
    timeline: w.timeline,
  };
}

/** The simulated world of one run. */
class World {
  readonly kernel = new Kernel(1 << 20);
  // Event kinds with their fields, in the order they are folded into the fingerprint.
  private readonly RAFT_TICK = this.kernel.kind("raftTick", ["smc"]);
  private readonly NET = this.kernel.kind("net", ["id", "from", "to"]);
  private readonly SMC_CRASH = this.kernel.kind("smcCrash", ["i", "smc"]);
  private readonly SMC_RESTART = this.kernel.kind("smcRestart", ["smc"]);
  private readonly NODE_FAIL = this.kernel.kind("nodeFail", ["node"]);
  private readonly NODE_FAIL_CME = this.kernel.kind("nodeFail", ["node", "cme"]);
  private readonly RELOADED = this.kernel.kind("reloaded", ["node", "spare", "smc"]);
  private readonly LINK_CUT = this.kernel.kind("linkCut", ["a", "b"]);
  private readonly PARTITION = this.kernel.kind("partition", ["i"]);
  private readonly HEAL = this.kernel.kind("heal");
  private readonly PROPOSE = this.kernel.kind("propose");
  readonly net: SimNetwork<Message>;
  readonly rafts: Array<RaftNode | undefined> = [];
  readonly stores: PersistentState[] = [];
  readonly checker = new SafetyChecker();
  readonly failover = new Samples();
  readonly failoverBound = new Samples();
  readonly reloads = new Samples();
  readonly reloadBound = new Samples();
  readonly lost = new Samples();
  readonly commitLatency = new Samples();
  private readonly proposals: Array<{ leader: number; term: number; index: number; atNs: number }> = [];
  /**
   * `proposals.length`, as a number the run loop reads after every event (a fresh empty list is
   * stored differently from one that has held proposals, and reading its length there would
   * throw away the loop's compiled code at the start of every new run).
   */
  private openProposals = 0;
  unrecoverable = 0;
  readonly timeline: ControlEvent[] = [];
  private lastLeader = -1;
  private readonly lastRoles: string[] = [];
  private pendingCrash: { atNs: number; term: number; bound: number } | undefined;
  private readonly phase: RandomStream;
  /** 1 for each node that has failed (its spare took over). */
  private readonly failed: Uint8Array;

  /** Node → controller light-times and occultations (shared by the runs of one shell and sites). */
  private readonly geometry: NodeSiteGeometry;

  constructor(readonly o: FailoverOptions, readonly sites: Vec3[], readonly ltS: number[][], readonly xyz: Float64Array, readonly perPlane: number) {
    this.failed = new Uint8Array(xyz.length / 3);
    this.geometry = nodeSiteGeometry(o.shell, o.epoch, xyz, sites);
    this.net = new SimNetwork<Message>(this.kernel, {
      endpoints: SMCS, propagationNs: (a, b) => Math.round((ltS[a]?.[b] as number) * NS), rateBitPerS: 100e9,
      linkQueueMax: 4096, lossProbability: 0, random: RandomStream.fromSeed(o.seed, "failover", "net"),
    });
    for (let i = 0; i < SMCS; i++) {
      this.stores.push({ term: 0, votedFor: -1, log: [] });
      this.rafts.push(this.newRaft(i));
    }
    this.phase = RandomStream.fromSeed(o.seed, "failover", "snapshot-phase");
    const tickNs = Math.round(o.raftTickS * NS);
    for (let i = 0; i < SMCS; i++) this.kernel.scheduleKind(Math.round((tickNs * (i + 1)) / SMCS), this.RAFT_TICK, i);
    this.kernel.scheduleKind(Math.round((o.commitEveryS ?? 5) * NS), this.PROPOSE);
  }

  /** A client command at the current leader (none without one). */
  private propose(tNs: number): void {
    const l = this.leader();
    const r = l >= 0 ? this.rafts[l] : undefined;
    if (r) {
      const ready = r.propose(this.proposals.length + 1);
      if (ready.index > 0) this.openProposals = this.proposals.push({ leader: l, term: r.status().term, index: ready.index, atNs: tNs });
      this.handle(l, ready);
    }
    this.kernel.scheduleKindIn(Math.round((this.o.commitEveryS ?? 5) * NS), this.PROPOSE);
  }

  /** Commit latency: the proposing leader has committed the entry in the same term. */
  private measureCommits(tNs: number): void {
    for (let k = this.proposals.length - 1; k >= 0; k--) {
      const p = this.proposals[k]!;
      const r = this.rafts[p.leader];
      if (!r || r.currentTerm !== p.term) {
        this.proposals.splice(k, 1); // leader gone or deposed: no latency for this one
        this.openProposals -= 1;
      } else if (r.commitIndex >= p.index && r.termAt(p.index) === p.term) {
        this.commitLatency.push((tNs - p.atNs) / NS);
        this.log(tNs, "commit", { latencyS: (tNs - p.atNs) / NS });
        this.proposals.splice(k, 1);
        this.openProposals -= 1;
      }
    }
  }

  private newRaft(id: number): RaftNode {
    const st = this.stores[id] as PersistentState;
    const cfg = { id, peers: SMCS, electionTicks: this.o.electionTicks, heartbeatTicks: this.o.heartbeatTicks, preVote: true, checkQuorum: true, maxEntriesPerMessage: 64, random: RandomStream.fromSeed(this.o.seed, "failover", `raft-${id}`) };
    return new RaftNode(cfg, { term: st.term, votedFor: st.votedFor, log: st.log.slice() });
  }

  schedule(s: FaultSchedule): void {
    // Every fault is known from the start: scheduled in one sorted run beside the kernel's heap
    // (the same events and order as one scheduleKind each, in this order).
    const times: number[] = [];
    const kinds: number[] = [];
    const values: number[] = [];
    const add = (at: number, kind: number, v0 = 0, v1 = 0) => {
      times.push(at);
      kinds.push(kind);
      values.push(v0, v1, 0, 0);
    };
    s.faults.forEach((f, i) => {
      const at = Math.round(f.atS * NS);
      if (f.kind === "smcCrash") {
        add(at, this.SMC_CRASH, i, f.smc);
      } else if (f.kind === "nodeFail") {
        add(at, this.NODE_FAIL, f.node);
      } else if (f.kind === "cme") {
        cmeRings(f.centerNode, f.rings, this.o.shell.planes, this.perPlane).forEach((ring, r) => {
          for (const node of ring) add(at + Math.round(r * f.ringEveryS * NS), this.NODE_FAIL_CME, node, i);
        });
      } else if (f.kind === "linkCut") {
        add(at, this.LINK_CUT, f.a, f.b);
        add(at + Math.round(f.durationS * NS), this.HEAL);
      } else {
        add(at, this.PARTITION, i);
        add(at + Math.round(f.durationS * NS), this.HEAL);
      }
    });
    this.kernel.scheduleKinds(times, kinds, values);
    this.partitions = s.faults;
  }
  private partitions: FaultSchedule["faults"] = [];

  run(): void {
    const endNs = Math.round(this.o.durationS * NS);
    const tickNs = Math.round(this.o.raftTickS * NS);
    const k = this.kernel;
    for (let kind = k.nextKind(); kind >= 0 && k.nowNs <= endNs; kind = k.nextKind()) {
      const tNs = k.nowNs;
      // Only Raft's events can change what the safety checker reads.
      let raft = true;
      if (kind === this.RAFT_TICK) {
        const smc = k.field(0);
        const r = this.rafts[smc];
        if (r) {
          r.advance();
          this.flush(smc, r);
        }
        k.scheduleKindIn(tickNs, this.RAFT_TICK, smc);
      } else if (kind === this.NET) {
        const m = this.net.take(k.field(0));
        const r = m ? this.rafts[m.to] : undefined;
        if (m && r) {
          r.deliver(m);
          this.flush(m.to, r);
        }
      } else if (kind === this.NODE_FAIL || kind === this.NODE_FAIL_CME) {
        this.nodeFail(k.field(0), tNs / NS);
        raft = false;
      } else if (kind === this.SMC_CRASH) this.crash(k.field(1), tNs);
      else if (kind === this.SMC_RESTART) this.restart(k.field(0), tNs);
      else if (kind === this.LINK_CUT) this.net.cutLink(k.field(0), k.field(1));
      else if (kind === this.PARTITION) {
        const f = this.partitions[k.field(0)];
        if (f?.kind === "partition") this.net.partition(f.groups);
      } else if (kind === this.HEAL) this.net.heal();
      else if (kind === this.PROPOSE) this.propose(tNs);
      else raft = false; // reloaded: a spare took over; nothing in the control plane changes
      if (raft) this.checker.check(this.rafts);
      if (this.o.recordTimeline) this.logRaft(tNs);
      this.measureFailover(tNs);
      if (this.openProposals > 0) this.measureCommits(tNs);
    }
  }

  private log(tNs: number, kind: ControlEvent["kind"], data: Record<string, number>): void {
    if (this.o.recordTimeline) this.timeline.push({ tNs, kind, data });
  }

  /** Elections (a controller turned candidate) and leader changes since the last event. */
  private logRaft(tNs: number): void {
    for (let i = 0; i < SMCS; i++) {
      const s = this.rafts[i]?.status();
      const role = s?.role ?? "down";
      if (role === "candidate" && this.lastRoles[i] !== "candidate") this.log(tNs, "election", { smc: i, term: s!.term });
      this.lastRoles[i] = role;
    }
    const l = this.leader();
    if (l !== this.lastLeader) {
      this.lastLeader = l;
      this.log(tNs, "leaderChange", { leader: l, term: l >= 0 ? this.rafts[l]!.status().term : -1 });
    }
  }

  private handle(id: number, r: Ready): void {
    if (r.persist) applyPersist(this.stores[id] as PersistentState, r.persist);
    this.sendAll(r.messages);
  }

  /** What a Raft node's last calls produced: persisted, then sent (as `handle` does with a `Ready`). */
  private flush(id: number, r: RaftNode): void {
    this.sendAll(r.flushTo(this.stores[id] as PersistentState));
  }

  private sendAll(ms: readonly Message[]): void {
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      this.net.send(m.from, m.to, 64 + 16 * m.entries.length, m);
    }
  }

  private leader(): number {
    let best = -1;
    let term = -1;
    for (let i = 0; i < this.rafts.length; i++) {
      const r = this.rafts[i];
      if (r && r.currentRole === "leader" && r.currentTerm > term) {
        term = r.currentTerm;
        best = i;
      }
    }
    return best;
  }

  private crash(smcArg: number, tNs: number): void {
    const smc = smcArg === -1 ? this.leader() : smcArg;
    if (smc < 0 || !this.rafts[smc]) return;
    const wasLeader = smc === this.leader();
    const term = (this.rafts[smc] as RaftNode).status().term;
    this.rafts[smc] = undefined;
    this.log(tNs, "smcCrash", { smc });
    const downNs = Math.round((this.o.plan.smcDownS) * NS);
    this.kernel.scheduleKind(tNs + downNs, this.SMC_RESTART, smc);
    if (wasLeader && this.pendingCrash === undefined) this.pendingCrash = { atNs: tNs, term, bound: this.electionBound(smc) };
  }

  private restart(smc: number, tNs: number): void {
    if (this.rafts[smc]) return;
    this.rafts[smc] = this.newRaft(smc);
    this.log(tNs, "smcRestart", { smc });
  }

  /**
   * Lower bound on re-establishing a leader after `crashed` dies: some survivor must hear from a
   * quorum (3 of 5, itself included) — one round trip to its second-nearest survivor — and a
   * follower can only suspect the crash once the leader's last heartbeat has failed to arrive
   * (≥ 0 extra: we grant a perfect detector).
   */
  private electionBound(crashed: number): number {
    let best = Infinity;
    for (let c = 0; c < SMCS; c++) {
      if (c === crashed || !this.rafts[c]) continue;
      const ds = this.ltS[c]!.filter((_, k) => k !== c && k !== crashed && this.rafts[k] !== undefined).sort((a, b) => a - b);
      if (ds.length >= 2) best = Math.min(best, 2 * ds[1]!);
    }
    return best;
  }

  private measureFailover(tNs: number): void {
    const p = this.pendingCrash;
    if (!p) return;
    const l = this.leader();
    const r = l >= 0 ? this.rafts[l] : undefined;
    if (!r) return;
    const term = r.currentTerm;
    const commit = r.commitIndex;
    if (term > p.term && commit > 0 && r.termAt(commit) === term) {
      this.failover.push((tNs - p.atNs) / NS);
      this.failoverBound.push(p.bound);
      this.log(tNs, "leaderFailover", { failoverS: (tNs - p.atNs) / NS, boundS: p.bound });
      this.pendingCrash = undefined;
    }
  }

  /** Nearest live SMC visible from node `i`, with its light-time; −1 if none. */
  private nearestLive(i: number): [number, number] {
    const g = this.geometry;
    g.fill(i);
    let best = -1;
    let bestT = Infinity;
    for (let k = 0; k < SMCS; k++) {
      if (!this.rafts[k]) continue;
      const t = g.lightS[i * SMCS + k]!;
      if (t < bestT && g.occulted[i * SMCS + k] === 0) {
        bestT = t;
        best = k;
      }
    }
    return [best, bestT];
  }

  private nodeFail(node: number, tS: number): void {
    if (node >= this.xyz.length / 3 || this.failed[node] === 1) return;
    this.failed[node] = 1;
    if (this.o.reloadFrom === "neighbour") {
      this.neighbourReload(node, tS);
      return;
    }
    const [smc, tauN] = this.nearestLive(node);
    if (smc < 0) {
      this.unrecoverable += 1;
      this.log(Math.round(tS * NS), "nodeLost", { node });
      return;
    }
    // The spare: the next healthy node in the same plane (a hot spare in the cluster).
    const plane = Math.floor(node / this.perPlane);
    let spare = -1;
    for (let k = 1; k < this.perPlane && spare < 0; k++) {
      const c = plane * this.perPlane + ((node % this.perPlane) + k) % this.perPlane;
      if (this.failed[c] === 0) spare = c;
    }
    if (spare < 0) {
      this.unrecoverable += 1;
      this.log(Math.round(tS * NS), "nodeLost", { node });
      return;
    }
    this.geometry.fill(spare);
    const tauS = this.geometry.lightS[spare * SMCS + smc]!;
    const r = reload(this.o.sarcophagus, tS, this.phase.uniform() * this.o.sarcophagus.snapshotEveryS, tauN, tauS);
    this.reloads.push(r.reloadS);
    this.reloadBound.push(r.lowerBoundS);
    this.lost.push(r.stateLostS * 1e3);
    if (this.o.recordTimeline) this.log(Math.round(tS * NS), "nodeFail", { node, smc, spare, reloadS: r.reloadS, stateLostS: r.stateLostS, lowerBoundS: r.lowerBoundS });
    this.kernel.scheduleKind(Math.round((tS + r.reloadS) * NS), this.RELOADED, node, spare, smc);
  }

  /** The next healthy node of `node`'s plane, `step` = +1 (ahead) or −1 (behind); −1 if none. */
  private healthyInPlane(node: number, step: 1 | -1, not = -1): number {
    const plane = Math.floor(node / this.perPlane);
    const slot = node % this.perPlane;
    for (let k = 1; k < this.perPlane; k++) {
      const c = plane * this.perPlane + (((slot + step * k) % this.perPlane) + this.perPlane) % this.perPlane;
      if (this.failed[c] === 0 && c !== not) return c;
    }
    return -1;
  }

  private lightTimeBetween(a: number, b: number): number {
    return Math.hypot(this.xyz[3 * a]! - this.xyz[3 * b]!, this.xyz[3 * a + 1]! - this.xyz[3 * b + 1]!, this.xyz[3 * a + 2]! - this.xyz[3 * b + 2]!) / SPEED_OF_LIGHT_M_PER_S;
  }

  /** The buffer lives in the in-plane neighbour behind the node; it reloads the spare ahead. */
  private neighbourReload(node: number, tS: number): void {
    const holder = this.healthyInPlane(node, -1);
    const spare = holder < 0 ? -1 : this.healthyInPlane(node, 1, holder);
    if (holder < 0 || spare < 0) {
      this.unrecoverable += 1;
      this.log(Math.round(tS * NS), "nodeLost", { node });
      return;
    }
    const r = reload(this.o.sarcophagus, tS, this.phase.uniform() * this.o.sarcophagus.snapshotEveryS, this.lightTimeBetween(node, holder), this.lightTimeBetween(holder, spare));
    this.reloads.push(r.reloadS);
    this.reloadBound.push(r.lowerBoundS);
    this.lost.push(r.stateLostS * 1e3);
    if (this.o.recordTimeline) this.log(Math.round(tS * NS), "nodeFail", { node, smc: -1, spare, reloadS: r.reloadS, stateLostS: r.stateLostS, lowerBoundS: r.lowerBoundS });
    this.kernel.scheduleKind(Math.round((tS + r.reloadS) * NS), this.RELOADED, node, spare, -1);
  }

  results(): Omit<FailoverResult, "paperClaims" | "smcs" | "faults" | "timeline"> {
    // Sorted as typed arrays, without a comparator call per pair: the same order as
    // (a, b) => a − b for these samples (no NaN; no −0, so no ±0 tie to break differently).
    const dist = (xs: Samples): Dist => {
      const s = xs.sorted();
      return { median: quantileSorted(s, 0.5), p99: quantileSorted(s, 0.99), count: s.length };
    };
    const lost = this.lost.sorted();
    return {
      leaderFailoverS: dist(this.failover),
      reloadS: dist(this.reloads),
      stateLostMs: { median: quantileSorted(lost, 0.5), max: lost.length ? lost[lost.length - 1]! : NaN },
      lowerBounds: { leaderFailoverS: minOrNaN(this.failoverBound), reloadS: minOrNaN(this.reloadBound) },
      safetyViolations: this.checker.violations.length,
      commitLatencyS: dist(this.commitLatency),
      unrecoverableNodes: this.unrecoverable,
      events: this.kernel.processed,
      fingerprint: this.kernel.fingerprint(),
    };
  }
}

/**
 * Light-time (s) from each node of a shell to each controller, and whether the Earth blocks that
 * link, at index node·SMCS + smc: filled a node at a time the first time one is asked for, and
 * kept for the last few (shell, epoch, sites), since every run of a sweep over seeds asks again
 * for the same frozen geometry. The numbers are `lightTimeS` and `occulted`'s, so a run reads
 * what it would have computed.
 */
class NodeSiteGeometry {
  readonly lightS: Float64Array;
  /** 1 where the Earth blocks the link. */
  readonly occulted: Uint8Array;
  private readonly filled: Uint8Array;

  constructor(private readonly xyz: Float64Array, private readonly sites: readonly Vec3[]) {
    const nodes = xyz.length / 3;
    this.lightS = new Float64Array(nodes * SMCS);
    this.occulted = new Uint8Array(nodes * SMCS);
    this.filled = new Uint8Array(nodes);
  }

  fill(i: number): void {
    if (this.filled[i] === 1) return;
    const p: Vec3 = [this.xyz[3 * i]!, this.xyz[3 * i + 1]!, this.xyz[3 * i + 2]!];
    for (let k = 0; k < SMCS; k++) {
      const s = this.sites[k] as Vec3;
      this.lightS[i * SMCS + k] = lightTimeS(p, s);
      this.occulted[i * SMCS + k] = occulted(p, s, EARTH_RADIUS_M + OCCULTATION_MARGIN_M) ? 1 : 0;
    }
    this.filled[i] = 1;
  }
}

const GEOMETRIES_KEPT = 4;
const geometries = new Map<string, NodeSiteGeometry>();

/** The geometry of `shell` at `epoch` (positions `xyz`) towards `sites`, shared while kept. */
function nodeSiteGeometry(shell: WalkerShell, epoch: Date, xyz: Float64Array, sites: readonly Vec3[]): NodeSiteGeometry {
  // Numbers print as the shortest text that reads back as the same double: the key is exact.
  const key = `${shell.total}/${shell.planes}/${shell.phasing}/${shell.inclinationDeg}/${shell.altitudeKm}@${epoch.getTime()}:${sites.map((s) => s.join(",")).join(";")}`;
  let g = geometries.get(key);
  if (g === undefined) {
    g = new NodeSiteGeometry(xyz, sites);
    if (geometries.size >= GEOMETRIES_KEPT) geometries.delete(geometries.keys().next().value!);
    geometries.set(key, g);
  }
  return g;
}

function minOrNaN(xs: Samples): number {
  return xs.length === 0 ? NaN : Math.min(...xs.values());
}

/**
 * Failover options from a resolved scenario (its constellation sections): run.seed, constellation,
 * smc, sarcophagus and faults (generated from the seed unless `faults` — a schedule already read
 * from `faults.file` — is given). Absent sections keep FAILOVER_DEFAULT's values.
 */
export function failoverOptionsFromScenario(sc: Scenario, faults?: FaultSchedule): FailoverOptions {
  const c = sc.constellation;
  const f = sc.faults;
  return {
    ...FAILOVER_DEFAULT,
    seed: sc.run.seed,
    ...(c ? { shell: { total: c.nodes, planes: c.planes, phasing: c.phasing, inclinationDeg: c.inclinationDeg, altitudeKm: c.altitudeKm }, epoch: new Date(c.epoch) } : {}), // wall-clock-ok: the scenario's epoch, parsed
    ...(sc.smc ? { raftTickS: sc.smc.raftTickS, electionTicks: sc.smc.electionTicks, heartbeatTicks: sc.smc.heartbeatTicks, commitEveryS: sc.smc.commitEveryS } : {}),
    ...(sc.sarcophagus ? { sarcophagus: { ...sc.sarcophagus } } : {}),
    ...(f ? { durationS: f.durationS, plan: { nodeMtbfS: f.nodeMtbfS, leaderCrashes: f.leaderCrashes, smcDownS: f.smcDownS, cmes: f.cmes, cmeRings: f.cmeRings, cmeRingEveryS: f.cmeRingEveryS } } : {}),
    ...(faults ? { faults } : {}),
  };
}
