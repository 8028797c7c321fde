/**
 * The run loop's adapter for model/resonance's physical mesh (`ResonanceMesh`):
 * maps the scenario onto `MeshParams`, steps the mesh `mesh.substeps` times per kernel tick,
 * turns veto events into run events at exact integer-ns sub-tick times, and on sample ticks
 * measures global coherence (§2.1: mean RCF over the MST of 1 − RCF) exactly or hierarchically.
 * With `mesh.coupling: density` (nodes are density matrices) global RCF is the all-pairs mean of
 * Tr(ρ_iρ_j), exact in O(N d²), and samples add Uhlmann F² beside it (density-coherence.ts).
 */
import { InputError } from "../../errors.js";
import type { RandomStream } from "../../numeric/random/stream.js";
import { ELEMENTARY_CHARGE_C, HBAR_JS } from "../../model/constants.js";
import { exactCoherence } from "../../model/resonance/coherence.js";
import { densityCoherence } from "../../model/resonance/density-coherence.js";
import { maxStableDtS, ResonanceMesh, type MeshSnapshot } from "../../model/resonance/mesh.js";
import type { MeshParams } from "../../model/resonance/mesh-params.js";
import { constellationUmt, oscillatorFromAdev, type UmtNetwork } from "../../model/umt/index.js";
import { StateReader } from "../checkpoint.js";
import type { Model, ModelEvent, NodeView, StateValue, StepResult } from "../model.js";
import { ThreadedBlocks } from "../executors/mesh-shard.js";
import { meshNodeView } from "./mesh-node-view.js";
import { MeshFaults } from "./mesh-faults.js";
import type { Scenario } from "../scenario/index.js";
import type { StreamSet } from "../streams.js";

/** Above this N, `coherenceMethod: auto` uses the hierarchical (per-cluster) coherence. */
export const EXACT_COHERENCE_NODES_MAX = 20_000;

/** The scenario's mesh/umt/odos/veto sections as the mesh model's parameters (SI units). */
export function meshParamsOf(sc: Scenario): MeshParams {
  const { mesh, umt, odos, veto } = sc;
  return {
    nodes: mesh.nodes, dim: mesh.dim, topology: mesh.topology, clusterSize: mesh.clusterSize, degree: mesh.neighbours,
    initialState: mesh.initialState, initialSpread: mesh.initialSpread, gammaPerS: mesh.gammaPerS, kappaPerS: mesh.kappaPerS,
    coupling: mesh.coupling, omega0RadS: (umt.photonEnergyEv * ELEMENTARY_CHARGE_C) / HBAR_JS, modeSpacingRadS: mesh.modeSpacingRadPerS,
    detuningStdRadS: mesh.detuningStdRadPerS, clockErrorStdS: umt.driftFs * 1e-15, clockDriftStd: umt.fractionalFrequencyStd,
    clockWalkSPerSqrtS: umt.walkFsPerSqrtS * 1e-15, deltaEThreshold: odos.deltaEThreshold, vetoEnabled: veto.enabled,
    reseed: veto.reseed, vetoCriticalCurrentA: veto.criticalCurrentA, vetoPhaseSlipRad: veto.phaseSlipRad,
  };
}

interface Tally {
  vetoes: number;
  energyJ: number;
  vetoesTotal: number;
  energyTotalJ: number;
}

/** A saved `MeshSnapshot`, read field by field (lengths per node checked here, the state's by the mesh). */
export function readMeshSnapshot(m: StateReader, nodes: number, dim: number): MeshSnapshot {
  const blockRandom = m.has("blockRandom")
    ? m.arr("blockRandom").map((b, k) => {
      const br = new StateReader(b, `${m.path}.blockRandom[${k}]`);
      if (br.raw("generator") !== "xoshiro256**") throw br.fail(`${br.path}.generator`, '"xoshiro256**"', br.raw("generator"));
      return { generator: "xoshiro256**" as const, key: br.str("key"), s: br.str("s") };
    })
    : undefined;
  return {
    timeS: m.num("timeS"), vetoesTotal: m.int("vetoesTotal"), externalClock: m.bool("externalClock"),
    states: m.typed("states", Float64Array),
    clockErrorS: m.typed("clockErrorS", Float64Array, nodes), appliedClockErrorS: m.typed("appliedClockErrorS", Float64Array, nodes),
    clockRate: m.typed("clockRate", Float64Array, nodes),
    ...(m.has("detuningRadS") ? { detuningRadS: m.typed("detuningRadS", Float64Array, nodes * dim) } : {}),
    ...(m.has("failed") ? { failed: m.typed("failed", Uint8Array, nodes) } : {}),
    ...(m.has("thresholds") ? { thresholds: m.typed("thresholds", Float64Array, nodes) } : {}),
    ...(blockRandom ? { blockRandom } : {}),
  };
}

/** The resonance mesh as a run-loop `Model`. */
export class ResonanceMeshModel implements Model {
  readonly stateFormat = "resonance-mesh/1";
  private mesh: ResonanceMesh | undefined;
  private scenario: Scenario | undefined;
  private dtS = 0;
  private lastTNs = 0;
  private tally: Tally = { vetoes: 0, energyJ: 0, vetoesTotal: 0, energyTotalJ: 0 };
  /** UMT clocks feeding the phase references (scenario umt.sync), and the UMT time of run t = 0. */
  private umt: UmtNetwork | undefined;
  private umtBaseNs = 0;
  private residualS = new Float64Array(0);
  /** The scenario's `faults` section: failures, sarcophagus reloads, CME thresholds, Raft events. */
  private faults: MeshFaults | undefined;
  /** The worker threads of a mesh sharded over run.threads > 1 (stopped by `dispose`, which the Runner calls when the run ends). */
  private shard: ThreadedBlocks | undefined;

  init(scenario: Scenario, streams: StreamSet<RandomStream>): void {
    this.scenario = scenario;
    // mesh.blocks > 1: one stream per node block ("mesh" split "block-b"); run.threads > 1 runs the
    // blocks on worker threads over shared arrays (sim/executors/mesh-shard.ts), same numbers.
    const threads = scenario.run.threads;
    this.mesh = ResonanceMesh.init(meshParamsOf(scenario), streams.get("mesh"), undefined, { blocks: scenario.mesh.blocks, shared: threads > 1 });
    if (threads > 1) this.shard = ThreadedBlocks.attach(this.mesh, threads);
    if (scenario.umt.sync) this.initUmt(scenario, streams.get("umt"));
    this.faults = MeshFaults.fromScenario(scenario);
    this.dtS = scenario.run.tickS / scenario.mesh.substeps;
    const limit = maxStableDtS(this.mesh.params);
    if (this.dtS > limit) {
      throw InputError.of("mesh.substeps", `at least ${Math.ceil(scenario.run.tickS / limit)} (run.tickS / substeps ≤ 1/(κ·degree) = ${limit.toExponential(3)} s for a stable coupling update)`, scenario.mesh.substeps);
    }
  }

  /**
   * Run `umt.sync.rounds` sync rounds of the constellation's clocks; the mesh run starts
   * `holdoverS` after the last round began, and every tick the nodes' residuals r_i = e_i − e_root
   * become their phase-reference errors (model/umt; Theorem 1 measured, not assumed).
   */
  private initUmt(sc: Scenario, rng: RandomStream): void {
    const u = sc.umt.sync!;
    const c = sc.constellation!;
    const o = u.oscillator;
    this.umt = constellationUmt({
      shell: { total: c.nodes, planes: c.planes, phasing: c.phasing, inclinationDeg: c.inclinationDeg, altitudeKm: c.altitudeKm },
      epoch: new Date(c.epoch), // wall-clock-ok: the scenario's epoch, parsed
      oscillator: oscillatorFromAdev(o.adev1s, 1, o.adev1000s, 1000, o.frequencyOffsetStd, o.agingPerMonth),
      sync: { syncIntervalS: u.syncIntervalS, timestampJitterS: u.timestampJitterS, turnaroundS: u.turnaroundS, frequencyGain: u.frequencyGain, lightTimeCompensation: u.lightTimeCompensation },
      ephemerisErrorM: u.ephemerisErrorM,
    }, rng);
    const T = Math.round(u.syncIntervalS * 1e9);
    for (let k = 0; k < u.rounds; k++) this.umt.round(k * T);
    this.umtBaseNs = (u.rounds - 1) * T + Math.round(u.holdoverS * 1e9);
    this.residualS = new Float64Array(c.nodes);
    this.need().setClockErrors(this.umt.residualsAt(this.umtBaseNs, this.residualS));
  }

  step(tNs: number, sample: boolean): StepResult {
    const mesh = this.need();
    if (this.umt) mesh.setClockErrors(this.umt.residualsAt(this.umtBaseNs + tNs, this.residualS));
    const sc = this.scenario as Scenario;
    const substeps = sc.mesh.substeps;
    const fromNs = this.lastTNs;
    const events: ModelEvent[] = [];
    let last;
    // Faults due by each sub-step boundary are applied there; those due by the tick's end
    // are applied at its end (so they belong to this tick, after any checkpoint before it).
    const faultsAt = (s: number) => this.faults?.apply(mesh, fromNs + (s * (tNs - fromNs)) / substeps, fromNs + Math.floor((s * (tNs - fromNs)) / substeps), () => this.globalRcf(), events);
    if (fromNs === 0) faultsAt(0);
    for (let s = 0; s < substeps; s++) {
      if (s > 0) faultsAt(s);
      // Only the last sub-step's metrics of a sample tick are read: the edge pass runs there alone.
      last = mesh.step(this.dtS, sample && s === substeps - 1);
      // Sub-tick time in whole ns from integer arithmetic (never past the tick itself).
      const atNs = fromNs + Math.floor(((s + 1) * (tNs - fromNs)) / substeps);
      for (const v of last.events) {
        events.push({ tNs: atNs, kind: "veto", data: { node: v.node, deltaE: v.deltaE, source: v.source, energyJ: v.energyJ } });
        this.tally.energyJ += v.energyJ;
      }
      this.tally.vetoes += last.events.length;
    }
    faultsAt(substeps);
    this.lastTNs = tNs;
    const rcf = sample || this.faults?.episodeOpen ? this.globalRcf() : Number.NaN;
    this.faults?.observe(tNs, rcf, events);
    if (!sample || last === undefined) return { metrics: {}, events };
    const m = last.metrics;
    this.tally.vetoesTotal += this.tally.vetoes;
    this.tally.energyTotalJ += this.tally.energyJ;
    const metrics = {
      globalRcf: rcf, rcfNeighbourMean: m.rcfNeighbourMean, deltaEMean: m.deltaEMean, deltaEMax: m.deltaEMax,
      vetoes: this.tally.vetoes, vetoesTotal: this.tally.vetoesTotal, vetoEnergyJ: this.tally.energyJ, vetoEnergyTotalJ: this.tally.energyTotalJ,
      clockErrorRmsFs: m.clockErrorRmsS * 1e15,
      ...(mesh.isDensity ? this.densityMetrics() : {}),
      ...(this.faults ? this.faults.metrics(mesh) : {}),
    };
    this.tally.vetoes = 0;
    this.tally.energyJ = 0;
    return { metrics, events };
  }

  snapshot(): StateValue {
    const snap = this.need().snapshot();
    return { mesh: { ...snap }, lastTNs: this.lastTNs, tally: { ...this.tally }, umt: this.umt ? umtArrays(this.umt).map((a) => a.slice()) : null, ...(this.faults ? { faults: this.faults.snapshot() } : {}) };
  }

  restore(state: StateValue): void {
    const mesh = this.need();
    const r = new StateReader(state, "checkpoint.model");
    const snap = readMeshSnapshot(r.obj("mesh"), mesh.params.nodes, mesh.params.dim);
    const lastTNs = r.int("lastTNs");
    const t = r.obj("tally");
    const tally: Tally = { vetoes: t.int("vetoes"), energyJ: t.num("energyJ"), vetoesTotal: t.int("vetoesTotal"), energyTotalJ: t.num("energyTotalJ") };
    let umt: Array<Float64Array | Uint8Array> | null = null;
    if (this.umt) {
      const own = umtArrays(this.umt);
      const saved = r.arr("umt", own.length);
      umt = own.map((a, k) => {
        const v = saved[k];
        if (!(v instanceof a.constructor) || (v as Float64Array | Uint8Array).length !== a.length) throw r.fail(`checkpoint.model.umt[${k}]`, `a ${a.constructor.name} of length ${a.length}`, v);
        return v as Float64Array | Uint8Array;
      });
    }
    if (this.faults && !r.has("faults")) throw r.fail("checkpoint.model.faults", "the fault state (the scenario has a faults section)", undefined);
    mesh.restore(snap);
    if (this.umt && umt) umtArrays(this.umt).forEach((a, k) => a.set(umt[k]!));
    this.lastTNs = lastTNs;
    this.tally = tally;
    if (this.faults) this.faults.restore(r.raw("faults") as StateValue);
  }

  /**
   * `Model.dispose`: stop the mesh's worker threads, if any, at once (the Runner calls it when the
   * run ends: finished, interrupted or failed; also safe after a failed `init`). The state stays
   * readable (`snapshot`); stepping after it throws. Resolves when the threads have exited.
   */
  dispose(): Promise<unknown> {
    const s = this.shard;
    this.shard = undefined;
    return s ? s.close() : Promise.resolve();
  }

  /** The threads sharing the mesh tick (run.threads > 1), until `dispose`; undefined otherwise. */
  get meshThreads(): ThreadedBlocks | undefined {
    return this.shard;
  }

  /** Each node's RCF to ODOS and its failed/storm flags (read-only; mesh-node-view.ts). */
  nodeView(out: NodeView): void {
    meshNodeView(this.need(), out);
  }

  /** Both readings of pairwise RCF on a density mesh, side by side (density-coherence.ts). */
  private densityMetrics(): Record<string, number> {
    const mesh = this.need();
    const c = densityCoherence(mesh.densityMatrices.data, mesh.params.nodes, mesh.params.dim, mesh.neighbours);
    return { purityMean: c.purityMean, fidelitySqNeighbourMean: c.fidelitySqEdgeMean, rcfNeighbourSampleMean: c.overlapEdgeSampleMean };
  }

  private globalRcf(): number {
    const sc = this.scenario as Scenario;
    const mesh = this.need();
    if (mesh.isDensity) {
      const { data } = mesh.densityMatrices;
      return densityCoherence(data, mesh.params.nodes, mesh.params.dim, mesh.neighbours, false).overlapPairMean;
    }
    const states = mesh.nodeStates;
    const method = sc.mesh.coherenceMethod === "auto" ? (states.nodes <= EXACT_COHERENCE_NODES_MAX ? "exact" : "hierarchical") : sc.mesh.coherenceMethod;
    return method === "exact" ? exactCoherence(states).globalRcf : mesh.hierarchicalCoherence(sc.mesh.clusterSize).globalRcf;
  }

  private need(): ResonanceMesh {
    if (this.mesh === undefined) throw new Error("pqms internal assertion: ResonanceMeshModel used before init");
    return this.mesh;
  }
}

/** Every mutable array of a UMT network (clocks, then steering), in a fixed order. */
function umtArrays(u: UmtNetwork): Array<Float64Array | Uint8Array> {
  const c = u.clocks;
  return [c.xS, c.yDet, c.yRw, c.driftPerS, c.cursorNs, c.cursorRemS, u.corrS, u.freqCorr, u.syncNs, u.syncRemS, u.synced];
}
