/**
 * Scenario faults on the resonance mesh run (§3.2, V2000 storm mode). When a scenario has the
 * `faults` section, the control plane of `pqms failover` (five SMCs on Raft over light-time
 * links, Black Sarcophagus reloads, the fault schedule generated from the seed) is simulated once
 * at init over `faults.durationS` of control time, and its timeline is replayed onto the mesh:
 *
 *  - `nodeFail`: the node fails (isolated, state lost; `ResonanceMesh.failNode`); the SMC holds
 *    its last snapshot — the node's state at the start of the tick the failure falls in;
 *  - reload, at failure + the sarcophagus reload time (light-time node → SMC → spare, detection,
 *    FRAM read, serialisation): a spare takes the node's place with that snapshot, bit for bit;
 *  - CME: the region (the storm's +Grid rings) runs with ΔE threshold `stormDeltaEThreshold`
 *    (0.02, V2000) from the CME's start until `faults.stormS` after its last ring;
 *  - Raft events (elections, leader changes, crashes, leader failovers, commits) are recorded.
 *
 * Two clocks: the mesh evolves on ns ticks (κ ≈ 1 ns⁻¹, Appendix B) while failovers take seconds
 * of light-time, so control time t_c is mapped onto run time t = t_c · run.durationS / faults.durationS
 * (a declared compression, recorded as `controlS` on every event). The compressed outage is still
 * ≫ 1/κ in the default scenarios (the mesh relaxes around the hole), but the mesh's drift over the
 * real outage is not reproduced, so the dip after a reload is a lower bound.
 *
 * Coherence dip and recovery: an episode starts at a failure or reload when none is open; the
 * pre-failure level is global RCF just before it; while open, global RCF is measured every tick;
 * it closes at the first tick back within 1e-3 of that level (`coherenceRecovered`: dip, time).
 */
import { InputError } from "../../errors.js";
import type { ResonanceMesh } from "../../model/resonance/mesh.js";
import { cmeRings, generateFaults, type FaultSchedule } from "../faults.js";
import { failoverOptionsFromScenario, runFailover } from "../failover-world.js";
import { StateReader } from "../checkpoint.js";
import type { ModelEvent, StateValue } from "../model.js";
import type { Scenario } from "../scenario/index.js";

/** Within this of the pre-failure global RCF counts as recovered. */
export const RECOVERY_TOLERANCE = 1e-3;

type Kind = "fail" | "reload" | "lost" | "stormOn" | "stormOff" | "record";
interface Action {
  /** Run time, ns, not rounded (applied at the first mesh sub-step boundary at or after it). */
  readonly runNs: number;
  readonly controlNs: number;
  readonly kind: Kind;
  readonly event: string;
  readonly data: Readonly<Record<string, number>>;
}

interface Storm {
  readonly nodes: Int32Array;
  readonly threshold: number;
}

/** Counters and the open coherence episode (all plain numbers, saved in checkpoints). */
interface Tally {
  failures: number;
  reloads: number;
  lost: number;
  elections: number;
  leaderChanges: number;
  leaderFailovers: number;
  commits: number;
  last: Record<string, number>;
  episodeOpen: number;
  episodeStartNs: number;
  preRcf: number;
  dip: number;
  currentDip: number;
  lastRecoveryS: number;
  lastDip: number;
}

const NS = 1e9;

/** The control-plane timeline of a scenario, mapped onto the mesh run. */
export class MeshFaults {
  private readonly actions: Action[];
  private readonly storms: Storm[];
  private readonly durationNs: number;
  /** Control seconds per run second (faults.durationS / run.durationS). */
  private readonly controlPerRun: number;
  private cursor = 0;
  private active: Uint8Array;
  /** Snapshots held by the SMCs for failed nodes awaiting a spare: node → state. */
  private buffer = new Map<number, Float64Array>();
  private t: Tally = newTally();

  private constructor(actions: Action[], storms: Storm[], durationNs: number, controlPerRun: number) {
    this.actions = actions;
    this.controlPerRun = controlPerRun;
    this.storms = storms;
    this.active = new Uint8Array(storms.length);
    this.durationNs = durationNs;
  }

  /** The faults of a scenario with a `faults` section (undefined without one). */
  static fromScenario(sc: Scenario): MeshFaults | undefined {
    const f = sc.faults;
    if (!f) return undefined;
    if (f.file) throw InputError.of("faults.file", "no file in a mesh run (`pqms run` generates the schedule from the seed; replay files with `pqms failover`)", f.file);
    const c = sc.constellation;
    if (!c || c.nodes !== sc.mesh.nodes) throw InputError.of("constellation.nodes", `mesh.nodes (${sc.mesh.nodes}): each mesh node is one satellite of the constellation`, c?.nodes);
    const scale = sc.run.durationS / f.durationS; // run seconds per control second
    const bufferS = sc.sarcophagus?.bufferS ?? 10e-3;
    if (bufferS * scale > sc.run.tickS) {
      throw InputError.of("faults.durationS", `≥ ${(bufferS * sc.run.durationS) / sc.run.tickS} s (the compressed ${bufferS}-s sarcophagus buffer must fit in one run tick)`, f.durationS);
    }
    const schedule = generated(sc);
    const res = runFailover({ ...failoverOptionsFromScenario(sc, schedule), recordTimeline: true });
    const perPlane = c.nodes / c.planes;
    const toRun = (controlNs: number) => (controlNs * sc.run.durationS) / f.durationS;
    const raw: Array<Omit<Action, "runNs">> = [];
    for (const e of res.timeline) {
      const d = e.data;
      if (e.kind === "nodeFail") {
        raw.push({ controlNs: e.tNs, kind: "fail", event: "nodeFail", data: { node: d.node!, smc: d.smc!, reloadS: d.reloadS!, stateLostMs: d.stateLostS! * 1e3, lowerBoundS: d.lowerBoundS! } });
        raw.push({ controlNs: e.tNs + Math.round(d.reloadS! * NS), kind: "reload", event: "reload", data: { node: d.node!, smc: d.smc!, reloadS: d.reloadS!, stateLostMs: d.stateLostS! * 1e3 } });
      } else if (e.kind === "nodeLost") {
        raw.push({ controlNs: e.tNs, kind: "lost", event: "nodeLost", data: { node: d.node! } });
      } else raw.push({ controlNs: e.tNs, kind: "record", event: e.kind, data: d });
    }
    const storms: Storm[] = [];
    for (const fault of schedule.faults) {
      if (fault.kind !== "cme") continue;
      const nodes = Int32Array.from(cmeRings(fault.centerNode, fault.rings, c.planes, perPlane).flat().filter((n) => n < c.nodes));
      const k = storms.length;
      storms.push({ nodes, threshold: fault.stormDeltaEThreshold });
      const on = Math.round(fault.atS * NS);
      const off = on + Math.round((fault.rings * fault.ringEveryS + f.stormS) * NS);
      raw.push({ controlNs: on, kind: "stormOn", event: "stormStart", data: {
        cme: k, nodes: nodes.length, deltaEThreshold: fault.stormDeltaEThreshold,
        // Where the storm starts and how it spreads (run-time ns), so a viewer can draw the region growing.
        centerNode: fault.centerNode, rings: fault.rings, ringEveryNs: toRun(fault.ringEveryS * NS),
      } });
      raw.push({ controlNs: off, kind: "stormOff", event: "stormEnd", data: { cme: k, nodes: nodes.length } });
    }
    // Stable sort by control time: the world's order is kept among simultaneous events.
    const idx = raw.map((_, i) => i).sort((a, b) => raw[a]!.controlNs - raw[b]!.controlNs || a - b);
    const durationNs = Math.round(sc.run.durationS * NS);
    const actions = idx.map((i) => ({ ...raw[i]!, runNs: toRun(raw[i]!.controlNs) })).filter((a) => a.runNs <= durationNs);
    return new MeshFaults(actions, storms, durationNs, f.durationS / sc.run.durationS);
  }

  /** True while a coherence episode is open (the model then measures global RCF every tick). */
  get episodeOpen(): boolean {
    return this.t.episodeOpen === 1;
  }

  /**
   * Apply every action due by `boundaryNs` (a mesh sub-step boundary, not rounded), recording its
   * event at `recordNs` (that boundary in whole ns). `coherence` measures global RCF now (called
   * once when an episode opens).
   */
  apply(mesh: ResonanceMesh, boundaryNs: number, recordNs: number, coherence: () => number, events: ModelEvent[]): void {
    while (this.cursor < this.actions.length && this.actions[this.cursor]!.runNs <= boundaryNs) {
      const a = this.actions[this.cursor++]!;
      if ((a.kind === "fail" || a.kind === "reload" || a.kind === "lost") && this.t.episodeOpen === 0) this.openEpisode(recordNs, coherence());
      if (this.act(mesh, a)) events.push({ tNs: recordNs, kind: a.event, data: { ...a.data, controlS: a.controlNs / NS } });
    }
  }

  /** Returns false when the action turned out to be a no-op (a reload of a node already live). */
  private act(mesh: ResonanceMesh, a: Action): boolean {
    const t = this.t;
    const node = a.data.node ?? -1;
    switch (a.kind) {
      case "fail":
      case "lost":
        if (mesh.isFailed(node)) return false;
        if (a.kind === "fail") this.buffer.set(node, mesh.nodeState(node));
        mesh.failNode(node);
        if (a.kind === "fail") {
          t.failures++;
          t.last.stateLostLastMs = a.data.stateLostMs!;
        } else t.lost++;
        return true;
      case "reload": {
        const snap = this.buffer.get(node);
        if (!snap) return false;
        mesh.restoreNode(node, snap);
        this.buffer.delete(node);
        t.reloads++;
        t.last.reloadLastS = a.data.reloadS!;
        return true;
      }
      case "stormOn":
      case "stormOff":
        this.active[a.data.cme!] = a.kind === "stormOn" ? 1 : 0;
        this.setThresholds(mesh, this.storms[a.data.cme!]!);
        return true;
      default:
        if (a.event === "election") t.elections++;
        else if (a.event === "leaderChange") t.leaderChanges++;
        else if (a.event === "leaderFailover") {
          t.leaderFailovers++;
          t.last.leaderFailoverLastS = a.data.failoverS!;
        } else if (a.event === "commit") {
          t.commits++;
          t.last.commitLatencyLastS = a.data.latencyS!;
        }
        return true;
    }
  }

  /** Each node of `s`'s region: the tightest threshold of the active storms covering it, else the base. */
  private setThresholds(mesh: ResonanceMesh, s: Storm): void {
    const base = mesh.params.deltaEThreshold;
    for (const node of s.nodes) {
      let thr = base;
      this.storms.forEach((o, k) => {
        if (this.active[k] === 1 && o.threshold < thr && o.nodes.includes(node)) thr = o.threshold;
      });
      mesh.setNodeThreshold(node, thr);
    }
  }

  private openEpisode(tNs: number, rcf: number): void {
    const t = this.t;
    t.episodeOpen = 1;
    t.episodeStartNs = tNs;
    t.preRcf = rcf;
    t.dip = 0;
  }

  /**
   * After the tick's mesh steps, with global RCF `rcf` measured at `tNs` (NaN when not measured):
   * follow the open episode and close it once recovered (or at the end of the run).
   */
  observe(tNs: number, rcf: number, events: ModelEvent[]): void {
    const t = this.t;
    if (t.episodeOpen === 0 || Number.isNaN(rcf)) return;
    t.currentDip = t.preRcf - rcf;
    if (t.currentDip > t.dip) t.dip = t.currentDip;
    const recovered = rcf >= t.preRcf - RECOVERY_TOLERANCE;
    if (!recovered && tNs < this.durationNs) return;
    const recoveryS = (tNs - t.episodeStartNs) / NS;
    const data = { dip: t.dip, preRcf: t.preRcf, recoveryS, recoveryControlS: recoveryS * this.controlPerRun };
    events.push({ tNs, kind: recovered ? "coherenceRecovered" : "coherenceNotRecovered", data });
    t.episodeOpen = 0;
    t.currentDip = 0;
    t.lastDip = t.dip;
    if (recovered) t.lastRecoveryS = data.recoveryS;
  }

  /** The fault metrics of a sample (counters, the last measured figures, the current dip). */
  metrics(mesh: ResonanceMesh): Record<string, number> {
    const t = this.t;
    let storm = 0;
    this.storms.forEach((s, k) => (storm += this.active[k]! * s.nodes.length));
    return {
      nodesDown: mesh.failedCount, failuresTotal: t.failures, reloadsTotal: t.reloads, nodesLostTotal: t.lost, stormNodes: storm,
      electionsTotal: t.elections, leaderChangesTotal: t.leaderChanges, leaderFailoversTotal: t.leaderFailovers, commitsTotal: t.commits,
      coherenceDip: t.episodeOpen === 1 ? t.currentDip : 0, coherenceDipLast: t.lastDip,
      ...(t.lastRecoveryS >= 0 ? { recoveryLastS: t.lastRecoveryS } : {}),
      ...t.last,
    };
  }

  snapshot(): StateValue {
    const nodes = [...this.buffer.keys()].sort((a, b) => a - b);
    const states = nodes.map((n) => this.buffer.get(n)!);
    return { cursor: this.cursor, active: this.active.slice(), bufferNodes: Int32Array.from(nodes), bufferStates: states, tally: { ...this.t, last: { ...this.t.last } } };
  }

  restore(state: StateValue): void {
    const r = new StateReader(state, "checkpoint.model.faults");
    const cursor = r.int("cursor");
    const active = r.typed("active", Uint8Array, this.active.length);
    const nodes = r.typed("bufferNodes", Int32Array);
    const states = r.arr("bufferStates", nodes.length).map((v, k) => {
      if (!(v instanceof Float64Array)) throw r.fail(`${r.path}.bufferStates[${k}]`, "a Float64Array (a node's saved state)", v);
      return v.slice();
    });
    const t = r.obj("tally");
    const tally: Tally = {
      failures: t.int("failures"), reloads: t.int("reloads"), lost: t.int("lost"), elections: t.int("elections"),
      leaderChanges: t.int("leaderChanges"), leaderFailovers: t.int("leaderFailovers"), commits: t.int("commits"), last: t.obj("last").numbers(),
      episodeOpen: t.int("episodeOpen", 0, 1), episodeStartNs: t.int("episodeStartNs"), preRcf: t.num("preRcf", true), dip: t.num("dip", true),
      currentDip: t.num("currentDip", true), lastRecoveryS: t.num("lastRecoveryS"), lastDip: t.num("lastDip", true),
    };
    this.cursor = cursor;
    this.active = active.slice();
    this.buffer = new Map(Array.from(nodes, (n, k) => [n, states[k]!]));
    this.t = tally;
  }

}

function newTally(): Tally {
  return {
    failures: 0, reloads: 0, lost: 0, elections: 0, leaderChanges: 0, leaderFailovers: 0, commits: 0, last: {},
    episodeOpen: 0, episodeStartNs: 0, preRcf: 0, dip: 0, currentDip: 0, lastRecoveryS: -1, lastDip: 0,
  };
}

/** The schedule a run replays: generated from the seed, CMEs at odos.stormDeltaEThreshold. */
function generated(sc: Scenario): FaultSchedule {
  const f = sc.faults!;
  const s = generateFaults(sc.run.seed, {
    durationS: f.durationS, nodes: sc.constellation!.nodes, nodeMtbfS: f.nodeMtbfS, leaderCrashes: f.leaderCrashes, smcDownS: f.smcDownS,
    cmes: f.cmes, cmeRings: f.cmeRings, cmeRingEveryS: f.cmeRingEveryS,
  });
  return { ...s, faults: s.faults.map((x) => (x.kind === "cme" ? { ...x, stormDeltaEThreshold: sc.odos.stormDeltaEThreshold } : x)) };
}
