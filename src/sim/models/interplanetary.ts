/**
 * The Earth–Mars twin of §5.2 as a run-loop `Model`: an Earth Walker shell, a Mars areostationary
 * ring and optional L4/L5 relays on real ephemerides (model/orbit/interplanetary-network.ts), the
 * Earth–Mars time transfer (model/umt/interplanetary-umt.ts) and routed latency (Dijkstra).
 *
 * Each tick is a fixed sequence of phases, each reading what the earlier ones left in the tick's
 * context and adding its metrics (the metric names are the data contract, docs/MODEL.md):
 *   1. geometry — Earth–Mars light-time (centre to centre), Sun–Earth–Mars angle, heliocentric
 *      ecliptic positions;
 *   2. links — every link's state and delay; the gap opens or closes (events `gapDown`/`gapUp`);
 *   3. time — the Earth–Mars clock residual just before this tick's exchange, then the exchange
 *      over the first usable gateway → Mars-site link, else through a relay (none while the gap
 *      is closed: hold-over);
 *   4. routing (sample ticks) — shortest light-time paths from sampled sources: latency within
 *      each shell and across the gap;
 *   5. coherence — the resonance mesh across both planets (interplanetary-mesh.ts) takes the
 *      tick's light-time, gap state and residual; coherence within each shell, across, global.
 * A new phase (coherence, consensus) adds one method and one line in `step`.
 */
import { Body, HelioVector, MakeTime, RotateVector, Rotation_EQJ_ECL, type AstroTime } from "astronomy-engine";
import { assert } from "../../errors.js";
import type { RandomStream } from "../../numeric/random/stream.js";
import { ShortestPaths } from "../../numeric/graph/dijkstra.js";
import { bodyCentre, linkState, siteLightTimeS, type SitePosition } from "../../model/orbit/interplanetary.js";
import { BLOCK_CAUSES, InterplanetaryNetwork, LINK_KINDS } from "../../model/orbit/interplanetary-network.js";
import { walkerSatrecs } from "../../model/orbit/walker.js";
import { GapTimeTransfer, OPTICAL_OSCILLATOR } from "../../model/umt/interplanetary-umt.js";
import { CSAC_OSCILLATOR } from "../../model/umt/oscillator.js";
import { StateReader } from "../checkpoint.js";
import type { Model, ModelEvent, StateValue, StepResult } from "../model.js";
import type { Scenario } from "../scenario/index.js";
import { EARTH_MARS_LIGHT_TIME_MAX_S } from "../scenario/interplanetary-section.js";
import { InterplanetaryMeshPhase } from "./interplanetary-mesh.js";
import type { StreamSet } from "../streams.js";
import { ConsensusPhase } from "./interplanetary-consensus.js";

/** The resolved `interplanetary` section. */
type Section = NonNullable<Scenario["interplanetary"]>;

/** What one tick's phases share: its time, and the metrics and events they add. */
export interface TickContext {
  readonly tNs: number;
  readonly tS: number;
  readonly time: AstroTime;
  readonly sample: boolean;
  readonly metrics: Record<string, number>;
  readonly events: ModelEvent[];
}

/** Event kinds of this model. `gapDown.data.cause` is an index into `BLOCK_CAUSES`. */
export const GAP_DOWN = "gapDown";
export const GAP_UP = "gapUp";

/** Nearest-rank quantile of an ascending array (the first `n` entries), p ∈ [0, 1]. */
function quantileSorted(xs: Float64Array, n: number, p: number): number {
  return xs[Math.min(n - 1, Math.floor(p * n))]!;
}

/** The Earth–Mars twin as a run-loop `Model`. */
export class InterplanetaryModel implements Model {
  readonly stateFormat = "interplanetary/2";
  private section: Section | undefined;
  private net: InterplanetaryNetwork | undefined;
  private transfer: GapTimeTransfer | undefined;
  private t0: AstroTime | undefined;
  private tickNs = 1;
  private readonly earthCentre: SitePosition = bodyCentre(Body.Earth);
  private readonly marsCentre: SitePosition = bodyCentre(Body.Mars);
  // Routing scratch (sized at init).
  private paths: ShortestPaths | undefined;
  private weights = new Float64Array(0);
  private dist = new Float64Array(0);
  private latEarth = new Float64Array(0);
  private latMars = new Float64Array(0);
  private latAcross = new Float64Array(0);
  // State (saved by snapshot).
  private lastTNs = 0;
  /** 1 while the gap is open (some Earth↔Mars path), 0 while closed. */
  private gapOpen = 1;
  /** Exchanges made, and the time of the last one, ns (−1: none yet). */
  private syncs = 0;
  private lastSyncNs = -1;
  /** The resonance mesh across both planets (interplanetary.mesh.enabled), and this tick's residual for it. */
  private coherence: InterplanetaryMeshPhase | undefined;
  private tickResidualS = 0;
  /** The Raft controllers across the gap (with `interplanetary.controllers`). */
  private consensus: ConsensusPhase | undefined;

  init(scenario: Scenario, streams: StreamSet<RandomStream>): void {
    assert(scenario.interplanetary !== undefined, "model interplanetary without its section (the schema requires it)");
    const ip = scenario.interplanetary;
    this.section = ip;
    this.tickNs = Math.round(scenario.run.tickS * 1e9);
    const epoch = new Date(ip.epoch); // wall-clock-ok: parses the scenario's epoch string (a pure function of the scenario); no clock is read
    this.t0 = MakeTime(epoch);
    const shell = { total: ip.earth.nodes, planes: ip.earth.planes, phasing: ip.earth.phasing, inclinationDeg: ip.earth.inclinationDeg, altitudeKm: ip.earth.altitudeKm };
    this.net = new InterplanetaryNetwork({
      shell, recs: walkerSatrecs(shell, epoch), epoch: this.t0, gateways: ip.earth.gateways,
      marsSites: ip.mars.areostationary, marsLongitudeDeg: ip.mars.longitudeDeg, relays: ip.relays,
      link: { solarExclusionDeg: ip.links.solarExclusionDeg, atmosphereMarginM: ip.links.atmosphereMarginM },
      marsLowOrbit: ip.mars.lowOrbit,
    });
    const u = ip.umt;
    this.transfer = new GapTimeTransfer({
      mode: u.mode, oscillator: u.clock === "csac" ? CSAC_OSCILLATOR : OPTICAL_OSCILLATOR, ephemerisErrorM: u.ephemerisErrorM,
      turnaroundS: u.turnaroundS, frequencyGain: u.frequencyGain,
    }, this.t0, streams.get("interplanetary-umt"));
    this.consensus = ip.controllers ? new ConsensusPhase(ip.controllers, ip.epoch, scenario.run.seed, ip.links.solarExclusionDeg, streams) : undefined;
    const net = this.net;
    this.paths = new ShortestPaths(net.nodes, net.targets.length);
    this.weights = new Float64Array(net.targets.length);
    this.dist = new Float64Array(net.nodes);
    const sources = Math.min(ip.latency.earthSources, net.earthNodes);
    this.latEarth = new Float64Array(sources * Math.max(0, net.earthNodes - 1));
    this.latMars = new Float64Array(net.marsNodes * (net.marsNodes - 1));
    this.latAcross = new Float64Array(net.marsNodes * net.earthNodes);
    if (ip.mesh.enabled) {
      this.coherence = InterplanetaryMeshPhase.init(scenario, {
        section: ip.mesh, earthSites: ip.earth.nodes, marsSites: ip.mars.areostationary, tickS: scenario.run.tickS, lightTimeMaxS: EARTH_MARS_LIGHT_TIME_MAX_S,
      }, streams);
    }
  }

  step(tNs: number, sample: boolean): StepResult {
    const t0 = this.need(this.t0);
    const tS = tNs * 1e-9;
    const tick: TickContext = { tNs, tS, time: t0.AddDays(tS / 86_400), sample, metrics: {}, events: [] };
    if (this.lastTNs === 0) this.startExchange(t0, tick.events);
    this.geometryPhase(tick);
    this.linkPhase(tick);
    this.timePhase(tick);
    if (sample) this.routingPhase(tick);
    this.coherencePhase(tick);
    this.consensus?.step(tNs, sample, tick.metrics, tick.events);
    this.lastTNs = tNs;
    return { metrics: sample ? tick.metrics : {}, events: tick.events };
  }

  /**
   * Run time 0: the first exchange (if a link is up), so the first tick measures one interval of
   * hold-over; a run that starts with the gap closed records `gapDown` at 0.
   */
  private startExchange(t0: AstroTime, events: ModelEvent[]): void {
    const net = this.need(this.net);
    net.update(t0);
    this.exchange(0, 0);
    const gap = net.gapState();
    this.gapOpen = gap.open ? 1 : 0;
    if (!gap.open) events.push({ tNs: 0, kind: GAP_DOWN, data: { cause: gap.cause } });
  }

  /** 1. Where the planets are: light-time and the Sun–Earth–Mars angle (centres), positions for displays. */
  private geometryPhase(tick: TickContext): void {
    if (!tick.sample) return;
    const st = linkState(this.earthCentre, this.marsCentre, tick.time, this.need(this.net).options.link);
    const m = tick.metrics;
    m.lightTimeS = st.lightTimeS;
    m.sunEarthMarsAngleDeg = st.sunAngleDeg;
    const rot = Rotation_EQJ_ECL();
    const e = RotateVector(rot, HelioVector(Body.Earth, tick.time));
    const r = RotateVector(rot, HelioVector(Body.Mars, tick.time));
    m.earthXAu = e.x;
    m.earthYAu = e.y;
    m.marsXAu = r.x;
    m.marsYAu = r.y;
  }

  /** 2. Every link's state; the gap's opening and closing as events. */
  private linkPhase(tick: TickContext): void {
    const net = this.need(this.net);
    net.update(tick.time);
    const gap = net.gapState();
    const open = gap.open ? 1 : 0;
    if (open !== this.gapOpen) {
      tick.events.push(open === 1 ? { tNs: tick.tNs, kind: GAP_UP, data: {} } : { tNs: tick.tNs, kind: GAP_DOWN, data: { cause: gap.cause } });
      this.gapOpen = open;
    }
    if (tick.sample) {
      tick.metrics.gapLinkUp = open;
      tick.metrics.gapLinksUp = net.upCount("gap");
    }
  }

  /** 3. The Earth–Mars residual before this tick's exchange, then the exchange. */
  private timePhase(tick: TickContext): void {
    const residualS = this.need(this.transfer).residualAt(tick.tS);
    this.tickResidualS = residualS;
    const holdoverS = this.lastSyncNs < 0 ? tick.tS : (tick.tNs - this.lastSyncNs) * 1e-9;
    const synced = this.exchange(tick.tNs, tick.tS);
    if (!tick.sample) return;
    tick.metrics.umtResidualS = residualS;
    tick.metrics.umtHoldoverS = holdoverS;
    tick.metrics.umtSynced = synced === 0 ? 0 : 1;
    tick.metrics.umtViaRelay = synced === 2 ? 1 : 0;
  }

  /**
   * One exchange at tS over the first usable gateway → Mars-site link, else through the first
   * usable relay (a transponder; every leg via the relay); none when the gap is closed.
   * Returns how it went: 0 none, 1 direct, 2 through a relay.
   */
  private exchange(tNs: number, tS: number): 0 | 1 | 2 {
    const net = this.need(this.net), transfer = this.need(this.transfer);
    const gapCode = LINK_KINDS.indexOf("gap");
    let done = Number.NaN;
    let how: 0 | 1 | 2 = 0;
    for (let l = 0; l < net.linkKind.length && how === 0; l++) {
      if (net.linkKind[l] !== gapCode || net.linkUp[l] !== 1) continue;
      done = transfer.exchange(net.siteOf(net.links[2 * l]!), net.siteOf(net.links[2 * l + 1]!), tS, net.linkDelayS[l]!);
      how = 1;
    }
    const relay = how === 0 ? net.relayPath() : null;
    if (relay !== null) {
      done = transfer.exchange(net.siteOf(relay.gateway), net.siteOf(relay.mars), tS, undefined, net.siteOf(relay.relay));
      how = 2;
    }
    if (how === 0) return 0;
    assert(done < tS + this.tickNs * 1e-9, `exchange at ${tS} s ends at ${done} s, after the next tick (the schema bounds run.tickS)`);
    this.syncs++;
    this.lastSyncNs = tNs;
    return how;
  }

  /**
   * 4. Routed latency: Dijkstra from `earthSources` Earth satellites (evenly spread, shifted by one
   * each tick) to every other Earth satellite, and from every Mars site to every node (so the
   * across-gap pairs are all Earth × Mars pairs). Weights: delay + per-hop processing.
   */
  private routingPhase(tick: TickContext): void {
    const net = this.need(this.net), paths = this.need(this.paths), ip = this.need(this.section);
    const w = net.edgeWeights(ip.links.processingS, this.weights);
    const dist = this.dist;
    const NE = net.earthNodes, NM = net.marsNodes;
    const sources = Math.min(ip.latency.earthSources, NE);
    const shift = Math.floor(tick.tNs / this.tickNs);
    let nEarth = 0, nMars = 0, nAcross = 0, reachableAcross = 0;
    for (let j = 0; j < sources; j++) {
      const s = (Math.floor((j * NE) / sources) + shift) % NE;
      paths.run(net.offsets, net.targets, w, s, dist);
      for (let i = 0; i < NE; i++) if (i !== s && dist[i]! < Infinity) this.latEarth[nEarth++] = dist[i]!;
    }
    for (let k = 0; k < NM; k++) {
      const s = net.marsNode(k);
      paths.run(net.offsets, net.targets, w, s, dist);
      for (let q = 0; q < NM; q++) if (q !== k && dist[net.marsNode(q)]! < Infinity) this.latMars[nMars++] = dist[net.marsNode(q)]!;
      for (let i = 0; i < NE; i++) {
        nAcross++;
        if (dist[i]! < Infinity) this.latAcross[reachableAcross++] = dist[i]!;
      }
    }
    const m = tick.metrics;
    const put = (name: string, xs: Float64Array, n: number) => {
      if (n === 0) return; // no reachable pair: no figure (never +∞ in a metric)
      const sorted = xs.subarray(0, n).sort();
      m[`${name}P50S`] = quantileSorted(sorted, n, 0.5);
      m[`${name}P99S`] = quantileSorted(sorted, n, 0.99);
    };
    put("latencyEarth", this.latEarth, nEarth);
    put("latencyMars", this.latMars, nMars);
    put("latencyAcross", this.latAcross, reachableAcross);
    m.latencyAcrossReachable = reachableAcross / nAcross;
  }

  /**
   * 5. The mesh across both planets, every tick: Earth–Mars light-time (centres), whether the gap
   * is open, and the residual before this tick's exchange (the phase Mars' references carry).
   */
  private coherencePhase(tick: TickContext): void {
    if (!this.coherence) return;
    const lightTimeS = siteLightTimeS(this.earthCentre, this.marsCentre, tick.time);
    this.coherence.step({ tS: tick.tS, lightTimeS, linkUp: this.gapOpen === 1, residualS: this.tickResidualS }, tick.sample, tick.metrics);
  }

  /**
   * The network: node layout (Earth, Mars, relays), and every link's state and delay as of the
   * last step. Read-only, for phases added to this model; valid after `init`.
   */
  get network(): InterplanetaryNetwork {
    return this.need(this.net);
  }

  snapshot(): StateValue {
    return {
      lastTNs: this.lastTNs, gapOpen: this.gapOpen, syncs: this.syncs, lastSyncNs: this.lastSyncNs,
      umt: this.need(this.transfer).stateArrays().map((a) => a.slice()),
      mesh: this.coherence ? this.coherence.snapshot() : null,
      ...(this.consensus ? { consensus: this.consensus.snapshot() } : {}),
    };
  }

  restore(state: StateValue): void {
    const r = new StateReader(state, "checkpoint.model");
    const own = this.need(this.transfer).stateArrays();
    const saved = r.arr("umt", own.length);
    const arrays = own.map((a, k) => {
      const v = saved[k];
      if (!(v instanceof Float64Array) || v.length !== a.length) throw r.fail(`checkpoint.model.umt[${k}]`, `a Float64Array of length ${a.length}`, v);
      return v;
    });
    const lastTNs = r.int("lastTNs"), gapOpen = r.int("gapOpen", 0, 1), syncs = r.int("syncs");
    const lastSyncNs = r.num("lastSyncNs");
    if (!(Number.isSafeInteger(lastSyncNs) && lastSyncNs >= -1)) throw r.fail("checkpoint.model.lastSyncNs", "an integer ≥ −1", lastSyncNs);
    if (this.coherence) {
      if (!r.has("mesh") || r.raw("mesh") === null) throw r.fail("checkpoint.model.mesh", "the mesh across the gap's state (interplanetary.mesh.enabled)", r.raw("mesh"));
      this.coherence.restore(r.raw("mesh") as StateValue, "checkpoint.model.mesh");
    }
    own.forEach((a, k) => a.set(arrays[k]!));
    this.lastTNs = lastTNs;
    this.gapOpen = gapOpen;
    this.syncs = syncs;
    this.lastSyncNs = lastSyncNs;
    this.consensus?.restore(r.raw("consensus") as StateValue, "checkpoint.model.consensus");
  }

  private need<T>(x: T | undefined): T {
    if (x === undefined) throw new Error("pqms internal assertion: InterplanetaryModel used before init");
    return x;
  }
}

export { BLOCK_CAUSES };
