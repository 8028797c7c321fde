/**
 * The resonance mesh in physical mode: N nodes, each a pure d-dimensional state, evolving under
 * Appendix B's master equation read for pure states (docs/MODEL.md, "Resonance mesh"):
 *
 *   dρ_i/dt = −i[H_i, ρ_i] + γ Σ_k (P_k ρ_i P_k − ½{P_k, ρ_i}) + Σ_{j∈N(i)} κ (ρ_j − ρ_i)
 *
 * One tick of length Δt, in the frame rotating with the common carrier H₀ = diag(ω_k):
 *  1. phases: ψ_ik ← exp(−i[δ_ik Δt + ω_k Δτ_i − θ_ik]) ψ_ik — the node's detuning (H_i), the
 *     change Δτ_i of its UMT clock error (its phase reference moves by ω_k τ_i, Theorem 1), and a
 *     dephasing kick θ_ik ~ N(0, γΔt) (averaged over kicks this is exactly the dephasing term);
 *  2. coupling, Jacobi over all nodes: `meanField` ψ_i ← ψ_i + κΔt Σ_j (e^{iα_ij}ψ_j − ψ_i) with
 *     e^{iα_ij} = ⟨ψ_j|ψ_i⟩/|⟨ψ_j|ψ_i⟩| aligning ψ_j's global phase to ψ_i, or `jump`: with
 *     probability 1 − e^{−κ deg_i Δt} node i takes a uniformly chosen neighbour's state (the exact
 *     unravelling of κ(ρ_j − ρ_i)); then ψ_i ← ψ_i/‖ψ_i‖;
 *  3. ODOS veto (§2.3): ΔE_i = 1 − |⟨ψ_i|ODOS⟩|² > threshold ⇒ node i is isolated and re-seeded
 *     with the state of its healthiest healthy neighbour (the ODOS vector itself if it has none);
 *     each veto is an event carrying the TER energy of §4.2, E = ħ/(2e)·I_c·Δφ.
 *
 * A pure state machine: no clock, no I/O; all randomness from the stream passed in.
 */
import { InputError } from "../../errors.js";
import { type MeshParams, resolveMeshParams } from "./mesh-params.js";
import { type NodeStates, normaliseNode } from "./node-states.js";
import { deltaENode, writeOdos } from "./odos.js";
import { rcfPair } from "./rcf.js";
import { checkNeighbours, clusteredRings, completeGraph, type Neighbours, ringLattice } from "./topology.js";
import { vetoEnergyJ } from "./veto-energy.js";

/** The random source the mesh draws from (a `RandomStream` satisfies it). */
export interface MeshRandom {
  /** A standard normal draw. */
  normal(): number;
  /** A uniform draw in [0, 1). */
  uniform(): number;
}

/** One ODOS veto (§2.3, §4.2). */
export interface VetoEvent {
  readonly kind: "veto";
  readonly timeS: number;
  readonly node: number;
  /** ΔE that triggered the veto. */
  readonly deltaE: number;
  /** Neighbour whose state re-seeded the node, or −1 when the ODOS vector did. */
  readonly source: number;
  /** Energy dissipated in the TER, J (§4.2). */
  readonly energyJ: number;
}

/** What one tick measured. */
export interface MeshMetrics {
  /** Time at the end of the tick, s. */
  readonly timeS: number;
  /** Mean RCF over mesh edges after the tick. */
  readonly rcfNeighbourMean: number;
  /** Mean and largest ΔE before the veto (what the guardian saw). */
  readonly deltaEMean: number;
  readonly deltaEMax: number;
  readonly vetoes: number;
  readonly vetoEnergyJ: number;
  /** RMS of the nodes' UMT clock errors, s. */
  readonly clockErrorRmsS: number;
}

export interface MeshStep {
  readonly metrics: MeshMetrics;
  readonly events: VetoEvent[];
}

/** Everything needed to continue a run exactly (randomness is the caller's stream, saved by it). */
export type MeshSnapshot = {
  readonly timeS: number;
  readonly vetoesTotal: number;
  readonly externalClock: boolean;
  readonly states: Float64Array;
  readonly clockErrorS: Float64Array;
  readonly appliedClockErrorS: Float64Array;
  readonly clockRate: Float64Array;
  readonly detuningRadS: Float64Array;
  /** Present once `failNode`/`restoreNode`/`setNodeThreshold` were used: 1 = failed, per node. */
  readonly failed?: Uint8Array;
  /** Present once per-node thresholds were used: each node's ΔE veto threshold. */
  readonly thresholds?: Float64Array;
};

/** Largest tick we accept: κ·Δt·degree ≤ 1, or the explicit coupling update overshoots. */
export function maxStableDtS(p: MeshParams): number {
  return p.kappaPerS > 0 ? 1 / (p.kappaPerS * p.degree) : Number.POSITIVE_INFINITY;
}

export class ResonanceMesh {
  readonly params: MeshParams;
  readonly neighbours: Neighbours;
  private states: Float64Array;
  private next: Float64Array;
  private readonly deltaE: Float64Array;
  private readonly clockErrorS: Float64Array;
  private readonly appliedClockErrorS: Float64Array;
  private readonly clockRate: Float64Array;
  private readonly detuningRadS: Float64Array;
  private readonly omegaRadS: Float64Array;
  private readonly rng: MeshRandom;
  private readonly vetoJ: number;
  private externalClock = false;
  /** Failed (isolated) nodes and per-node ΔE thresholds; allocated on first use (issue 5 faults). */
  private failed: Uint8Array | undefined;
  private thresholds: Float64Array | undefined;
  private timeS = 0;
  private vetoesTotal = 0;

  private constructor(params: MeshParams, rng: MeshRandom, neighbours: Neighbours) {
    this.params = params;
    this.rng = rng;
    this.neighbours = neighbours;
    const { nodes, dim } = params;
    this.states = new Float64Array(2 * nodes * dim);
    this.next = new Float64Array(2 * nodes * dim);
    this.deltaE = new Float64Array(nodes);
    this.clockErrorS = new Float64Array(nodes);
    this.appliedClockErrorS = new Float64Array(nodes);
    this.clockRate = new Float64Array(nodes);
    this.detuningRadS = new Float64Array(nodes * dim);
    this.omegaRadS = new Float64Array(dim);
    for (let k = 0; k < dim; k++) this.omegaRadS[k] = params.omega0RadS + k * params.modeSpacingRadS;
    this.vetoJ = vetoEnergyJ(params.vetoCriticalCurrentA, params.vetoPhaseSlipRad);
  }

  /**
   * A new mesh: parameters resolved and validated (defaults from `MESH_DEFAULTS`), states drawn
   * around the ODOS vector (node by node), then detunings, then clock errors and rates.
   * `neighbours` defaults to a ring lattice of `degree`.
   */
  static init(p: Partial<MeshParams> & { nodes: number }, rng: MeshRandom, neighbours?: Neighbours): ResonanceMesh {
    const params = resolveMeshParams(p);
    const nb = neighbours ?? buildTopology(params);
    if (neighbours) checkNeighbours(neighbours, params.nodes);
    const m = new ResonanceMesh({ ...params, degree: maxDegree(nb) }, rng, nb);
    m.drawInitial();
    return m;
  }

  private drawInitial(): void {
    const { nodes, dim, initialSpread, detuningStdRadS, clockErrorStdS, clockDriftStd } = this.params;
    const a = this.params.initialState === "haar" ? 0 : 1 / Math.sqrt(dim);
    const spread = this.params.initialState === "haar" ? 1 : initialSpread;
    for (let i = 0; i < nodes; i++) {
      const o = 2 * i * dim;
      for (let k = 0; k < dim; k++) {
        // Haar: i.i.d. complex Gaussians, normalised (a = 0, spread = 1).
        this.states[o + 2 * k] = a + spread * this.rng.normal();
        this.states[o + 2 * k + 1] = spread * this.rng.normal();
      }
      normaliseNode(this.states, dim, i);
    }
    if (detuningStdRadS > 0) for (let x = 0; x < nodes * dim; x++) this.detuningRadS[x] = detuningStdRadS * this.rng.normal();
    for (let i = 0; i < nodes; i++) {
      this.clockErrorS[i] = clockErrorStdS * this.rng.normal();
      this.clockRate[i] = clockDriftStd * this.rng.normal();
    }
  }

  /** The current states (a view; do not write). */
  get nodeStates(): NodeStates {
    return { nodes: this.params.nodes, dim: this.params.dim, data: this.states };
  }

  /** Simulated time, s. */
  get time(): number {
    return this.timeS;
  }

  /**
   * Feed the nodes' UMT clock errors from outside (issue 5's UMT model), s, one per node. From
   * then on the built-in drift model is off; the next tick applies the change since the last one.
   */
  setClockErrors(clockErrorS: Float64Array): void {
    if (clockErrorS.length !== this.params.nodes) throw InputError.of("clockErrorS", `${this.params.nodes} clock errors (one per node)`, clockErrorS);
    for (let i = 0; i < clockErrorS.length; i++) if (!Number.isFinite(clockErrorS[i]!)) throw InputError.of(`clockErrorS[${i}]`, "a finite time in s", clockErrorS[i]);
    this.clockErrorS.set(clockErrorS);
    this.externalClock = true;
  }

  /** Advance by `dtS` seconds (0 < dtS ≤ 1/(κ·degree)); returns the tick's metrics and veto events. */
  step(dtS: number): MeshStep {
    const limit = maxStableDtS(this.params);
    if (typeof dtS !== "number" || !(dtS > 0) || !Number.isFinite(dtS) || dtS > limit) {
      throw InputError.of("dtS", `a tick in (0, ${limit.toExponential(3)}] s (κ·Δt·degree ≤ 1 keeps the explicit coupling update stable)`, dtS);
    }
    if (!this.externalClock) this.advanceClocks(dtS);
    this.applyPhases(dtS);
    if (this.params.kappaPerS > 0) {
      if (this.params.coupling === "meanField") this.coupleMeanField(dtS);
      else this.coupleJump(dtS);
    }
    this.timeS += dtS;
    let deSum = 0;
    let deMax = 0;
    let live = 0;
    const failed = this.failed;
    for (let i = 0; i < this.params.nodes; i++) {
      if (failed !== undefined && failed[i] === 1) continue;
      const de = deltaENode(this.states, this.params.dim, i);
      this.deltaE[i] = de;
      deSum += de;
      live++;
      if (de > deMax) deMax = de;
    }
    const events = this.params.vetoEnabled ? this.veto() : [];
    this.vetoesTotal += events.length;
    return {
      metrics: {
        timeS: this.timeS,
        rcfNeighbourMean: this.rcfNeighbourMean(),
        deltaEMean: live > 0 ? deSum / live : 0,
        deltaEMax: deMax,
        vetoes: events.length,
        vetoEnergyJ: events.length * this.vetoJ,
        clockErrorRmsS: rms(this.clockErrorS),
      },
      events,
    };
  }

  /** Built-in clock model: τ_i ← τ_i + y_i·Δt + σ_w·√Δt·ξ (fractional offset y_i, random walk σ_w). */
  private advanceClocks(dtS: number): void {
    const walk = this.params.clockWalkSPerSqrtS * Math.sqrt(dtS);
    for (let i = 0; i < this.params.nodes; i++) {
      let tau = this.clockErrorS[i]! + this.clockRate[i]! * dtS;
      if (walk > 0) tau += walk * this.rng.normal();
      this.clockErrorS[i] = tau;
    }
  }

  /** Step 1: detuning, clock-reference and dephasing phases per mode. */
  private applyPhases(dtS: number): void {
    const { nodes, dim, gammaPerS } = this.params;
    const s = this.states;
    const sigma = Math.sqrt(gammaPerS * dtS);
    const det = this.detuningRadS;
    const failed = this.failed;
    for (let i = 0; i < nodes; i++) {
      if (failed !== undefined && failed[i] === 1) continue;
      const dTau = this.clockErrorS[i]! - this.appliedClockErrorS[i]!;
      this.appliedClockErrorS[i] = this.clockErrorS[i]!;
      const o = 2 * i * dim;
      for (let k = 0; k < dim; k++) {
        let phi = -(det[i * dim + k]! * dtS) - this.omegaRadS[k]! * dTau;
        if (sigma > 0) phi += sigma * this.rng.normal();
        const c = Math.cos(phi);
        const sn = Math.sin(phi);
        const re = s[o + 2 * k]!;
        const im = s[o + 2 * k + 1]!;
        s[o + 2 * k] = c * re - sn * im;
        s[o + 2 * k + 1] = c * im + sn * re;
      }
    }
  }

  /** Step 2, mean field: ψ_i ← normalise(ψ_i + κΔt Σ_j (e^{iα_ij} ψ_j − ψ_i)), from the old states. */
  private coupleMeanField(dtS: number): void {
    const { nodes, dim, kappaPerS } = this.params;
    const s = this.states;
    const out = this.next;
    const g = kappaPerS * dtS;
    const { rowPtr, colIdx } = this.neighbours;
    const failed = this.failed;
    for (let i = 0; i < nodes; i++) {
      const o = 2 * i * dim;
      if (failed !== undefined && failed[i] === 1) {
        for (let x = o; x < o + 2 * dim; x++) out[x] = 0;
        continue;
      }
      let deg = rowPtr[i + 1]! - rowPtr[i]!;
      if (failed !== undefined) for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) deg -= failed[colIdx[p]!]!;
      const self = 1 - g * deg;
      for (let x = o; x < o + 2 * dim; x++) out[x] = self * s[x]!;
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        if (failed !== undefined && failed[colIdx[p]!] === 1) continue;
        const oj = 2 * colIdx[p]! * dim;
        // ⟨ψ_j|ψ_i⟩ and its phase.
        let re = 0;
        let im = 0;
        for (let k = 0; k < 2 * dim; k += 2) {
          const ar = s[oj + k]!;
          const ai = s[oj + k + 1]!;
          const br = s[o + k]!;
          const bi = s[o + k + 1]!;
          re += ar * br + ai * bi;
          im += ar * bi - ai * br;
        }
        const a = Math.hypot(re, im);
        const cr = a > 0 ? (g * re) / a : g;
        const ci = a > 0 ? (g * im) / a : 0;
        for (let k = 0; k < 2 * dim; k += 2) {
          const jr = s[oj + k]!;
          const ji = s[oj + k + 1]!;
          out[o + k] = out[o + k]! + cr * jr - ci * ji;
          out[o + k + 1] = out[o + k + 1]! + cr * ji + ci * jr;
        }
      }
      normaliseNode(out, dim, i);
    }
    this.next = s;
    this.states = out;
  }

  /** Step 2, jump unravelling: with probability 1 − e^{−κ deg Δt} node i copies a random neighbour's old state. */
  private coupleJump(dtS: number): void {
    const { nodes, dim, kappaPerS } = this.params;
    const s = this.states;
    const out = this.next;
    out.set(s);
    const { rowPtr, colIdx } = this.neighbours;
    const failed = this.failed;
    for (let i = 0; i < nodes; i++) {
      const deg = rowPtr[i + 1]! - rowPtr[i]!;
      if (deg === 0 || (failed !== undefined && failed[i] === 1)) continue;
      if (this.rng.uniform() >= -Math.expm1(-kappaPerS * deg * dtS)) continue;
      const j = colIdx[rowPtr[i]! + Math.min(deg - 1, Math.floor(this.rng.uniform() * deg))]!;
      // A failed neighbour has no state to give: that jump does not happen (rate κ·live degree).
      if (failed !== undefined && failed[j] === 1) continue;
      out.set(s.subarray(2 * j * dim, 2 * (j + 1) * dim), 2 * i * dim);
    }
    this.next = s;
    this.states = out;
  }

  /** Step 3: every node over the ΔE threshold is re-seeded from its healthiest healthy neighbour. */
  private veto(): VetoEvent[] {
    const { nodes, dim, deltaEThreshold } = this.params;
    const { rowPtr, colIdx } = this.neighbours;
    const events: VetoEvent[] = [];
    const failed = this.failed;
    const thr = this.thresholds;
    for (let i = 0; i < nodes; i++) {
      if (failed !== undefined && failed[i] === 1) continue;
      const de = this.deltaE[i]!;
      if (!(de > (thr === undefined ? deltaEThreshold : thr[i]!))) continue;
      let src = -1;
      if (this.params.reseed === "neighbour") for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const j = colIdx[p]!;
        if (failed !== undefined && failed[j] === 1) continue;
        const dj = this.deltaE[j]!;
        if (dj <= (thr === undefined ? deltaEThreshold : thr[j]!) && (src < 0 || dj < this.deltaE[src]! || (dj === this.deltaE[src]! && j < src))) src = j;
      }
      // Healthy sources are never re-seeded in this pass, so copying in place is safe.
      if (src >= 0) this.states.copyWithin(2 * i * dim, 2 * src * dim, 2 * (src + 1) * dim);
      else writeOdos(this.states, dim, i);
      events.push({ kind: "veto", timeS: this.timeS, node: i, deltaE: de, source: src, energyJ: this.vetoJ });
    }
    return events;
  }

  private rcfNeighbourMean(): number {
    const { rowPtr, colIdx } = this.neighbours;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < this.params.nodes; i++) {
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const j = colIdx[p]!;
        if (j > i && (this.failed === undefined || (this.failed[i] === 0 && this.failed[j] === 0))) {
          sum += rcfPair(this.states, this.params.dim, i, j);
          count++;
        }
      }
    }
    return count > 0 ? sum / count : Number.NaN;
  }

  /** Total vetoes since init. */
  get vetoes(): number {
    return this.vetoesTotal;
  }

  /** A copy of the whole state (typed arrays copied). */
  snapshot(): MeshSnapshot {
    return {
      timeS: this.timeS,
      vetoesTotal: this.vetoesTotal,
      externalClock: this.externalClock,
      states: this.states.slice(),
      clockErrorS: this.clockErrorS.slice(),
      appliedClockErrorS: this.appliedClockErrorS.slice(),
      clockRate: this.clockRate.slice(),
      detuningRadS: this.detuningRadS.slice(),
      ...(this.failed ? { failed: this.failed.slice() } : {}),
      ...(this.thresholds ? { thresholds: this.thresholds.slice() } : {}),
    };
  }

  /** Restore a snapshot taken from a mesh with the same parameters. */
  restore(snap: MeshSnapshot): void {
    if (snap.states.length !== this.states.length || snap.clockErrorS.length !== this.params.nodes) {
      throw InputError.of("snapshot", `a snapshot of a mesh with N = ${this.params.nodes}, d = ${this.params.dim}`, `~states of length ${snap.states.length}`);
    }
    this.timeS = snap.timeS;
    this.vetoesTotal = snap.vetoesTotal;
    this.externalClock = snap.externalClock;
    this.states.set(snap.states);
    this.clockErrorS.set(snap.clockErrorS);
    this.appliedClockErrorS.set(snap.appliedClockErrorS);
    this.clockRate.set(snap.clockRate);
    this.detuningRadS.set(snap.detuningRadS);
    this.failed = snap.failed ? snap.failed.slice() : undefined;
    this.thresholds = snap.thresholds ? snap.thresholds.slice() : undefined;
  }

  // ---- Faults (issue 5): failed nodes, spares reloaded from the Black Sarcophagus, storm thresholds.

  private checkNode(i: number, where: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.params.nodes) throw InputError.of(where, `a node index in [0, ${this.params.nodes})`, i);
  }

  /** True if node `i` has failed and not been restored. */
  isFailed(i: number): boolean {
    this.checkNode(i, "node");
    return this.failed !== undefined && this.failed[i] === 1;
  }

  /** Number of failed nodes. */
  get failedCount(): number {
    let n = 0;
    if (this.failed) for (let i = 0; i < this.failed.length; i++) n += this.failed[i]!;
    return n;
  }

  /** Node `i`'s state (2·d interleaved re/im), copied into `out` (allocated when absent). */
  nodeState(i: number, out = new Float64Array(2 * this.params.dim)): Float64Array {
    this.checkNode(i, "node");
    if (out.length !== 2 * this.params.dim) throw InputError.of("out", `${2 * this.params.dim} numbers (d complex amplitudes)`, out);
    out.set(this.states.subarray(2 * i * this.params.dim, 2 * (i + 1) * this.params.dim));
    return out;
  }

  /**
   * Write node `i`'s state exactly as given (no renormalisation, so a reload is bit for bit):
   * `state` holds d complex amplitudes interleaved re/im, finite, with ‖ψ‖ = 1 within 1e-9.
   */
  setNodeState(i: number, state: Float64Array): void {
    this.checkNode(i, "node");
    const dim = this.params.dim;
    if (!(state instanceof Float64Array) || state.length !== 2 * dim) throw InputError.of("state", `a Float64Array of ${2 * dim} numbers (d = ${dim} complex amplitudes)`, state);
    let n2 = 0;
    for (let k = 0; k < 2 * dim; k++) {
      const x = state[k]!;
      if (!Number.isFinite(x)) throw InputError.of(`state[${k}]`, "a finite number", x);
      n2 += x * x;
    }
    if (!(Math.abs(n2 - 1) <= 1e-9)) throw InputError.of("state", "a normalised state (‖ψ‖² = 1 within 1e-9)", `~‖ψ‖² = ${n2}`);
    this.states.set(state, 2 * i * dim);
  }

  /**
   * Node `i` fails (§3.2, issue 5): it is isolated — it neither evolves, couples nor is vetoed,
   * and its neighbours couple only to live nodes — and its state is lost (set to 0, so its RCF
   * with every node is 0 until a spare takes its place).
   */
  failNode(i: number): void {
    this.checkNode(i, "node");
    this.failed ??= new Uint8Array(this.params.nodes);
    this.failed[i] = 1;
    this.states.fill(0, 2 * i * this.params.dim, 2 * (i + 1) * this.params.dim);
  }

  /**
   * A spare takes failed node `i`'s place (its index and links) with `state` — the Black
   * Sarcophagus's last snapshot — written bit for bit (see `setNodeState`). Its phase reference
   * starts aligned with the node's current clock error (no phase jump from the outage).
   */
  restoreNode(i: number, state: Float64Array): void {
    this.checkNode(i, "node");
    if (!this.isFailed(i)) throw InputError.of(`node ${i}`, "a failed node (restoreNode replaces a failed node by a spare)", "~a live node");
    this.setNodeState(i, state);
    this.failed![i] = 0;
    this.appliedClockErrorS[i] = this.clockErrorS[i]!;
  }

  /** Node `i`'s ΔE veto threshold (the mesh's `deltaEThreshold` unless set per node). */
  threshold(i: number): number {
    this.checkNode(i, "node");
    return this.thresholds === undefined ? this.params.deltaEThreshold : this.thresholds[i]!;
  }

  /** Set node `i`'s ΔE veto threshold, in (0, 1) (V2000: 0.02 inside a CME region during the storm). */
  setNodeThreshold(i: number, deltaEThreshold: number): void {
    this.checkNode(i, "node");
    if (typeof deltaEThreshold !== "number" || !(deltaEThreshold > 0 && deltaEThreshold < 1)) throw InputError.of("deltaEThreshold", "a number in (0, 1)", deltaEThreshold);
    this.thresholds ??= new Float64Array(this.params.nodes).fill(this.params.deltaEThreshold);
    this.thresholds[i] = deltaEThreshold;
  }
}

function buildTopology(p: MeshParams): Neighbours {
  if (p.topology === "complete") return completeGraph(p.nodes);
  if (p.topology === "clusters") return clusteredRings(p.nodes, p.clusterSize, p.degree);
  return ringLattice(p.nodes, p.degree);
}

function maxDegree(nb: Neighbours): number {
  let m = 0;
  for (let i = 0; i < nb.nodes; i++) m = Math.max(m, nb.rowPtr[i + 1]! - nb.rowPtr[i]!);
  return Math.max(m, 1);
}

function rms(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / x.length);
}
