/**
 * The resonance mesh across the Earth–Mars gap (§5.2): two shells, each a `ResonanceMesh` with
 * the mesh's own physics (mesh.ts: detuning, UMT clock phases, dephasing, κ coupling, ODOS veto),
 * coupled to each other across the gap with the other side's state one light-time late.
 *
 * Time scales. A tick of the interplanetary run is seconds to hours, the light-time 3–22 min, and
 * the mesh's own rates κ ≈ 10⁹ s⁻¹, γ ≈ 10⁶ s⁻¹ (Appendix B). The reduction (docs/MODEL.md,
 * "Mesh across the gap"):
 *  1. clocks: every Mars node's phase reference carries the Earth–Mars UMT residual r(t) of the
 *     tick on top of its own drawn clock error (Earth is the reference), fed through
 *     `setClockErrors` exactly as the UMT model feeds the single-shell mesh;
 *  2. each shell relaxes within the tick: `settleSteps` inner mesh steps of `settleDtS` (a window
 *     of ns, against κ⁻¹ = 1 ns): the steady balance of dephasing, coupling and veto. The shell's
 *     inner time advances by that window per tick, not by the tick itself;
 *  3. each shell emits its state, the phase-aligned mean ket φ_S = normalise(Σ_i e^{−i arg⟨ODOS|ψ_i⟩} ψ_i),
 *     into a history stamped with the tick's time;
 *  4. across the gap, when the link is up, every node of shell S is pulled toward the other
 *     side's state as emitted at t − τ (τ the tick's light-time; history interpolated between the
 *     two entries that bracket t − τ), with the coupling term of mesh.ts integrated exactly over
 *     the tick for a fixed source: ψ_i ← normalise(e^{−κ_gap Δt} ψ_i + (1 − e^{−κ_gap Δt}) e^{iα} φ̃).
 *     The received state carries the phase the sender's clock had at emission, so the cross term
 *     rotates by ω_k·[r(t) − r(t − τ)] — the residual's change over the light-time, i.e. its
 *     frequency error — against the receiver's own reference. Before one light-time has passed,
 *     or with the link down, nothing arrives and there is no cross coupling.
 *
 * Coherence (means of RCF = |⟨ψ_i|ψ_j⟩|², §2.1, over node pairs, exact in O(N d²) through
 * M_S = Σ_{i∈S} |ψ_i⟩⟨ψ_i|): within each shell, the simultaneous Earth–Mars mean
 * Tr(M_E M_M)/(N_E N_M), global over all pairs of both shells, and across the gap as the coupling
 * sees it: ½[⟨φ̃_M|M_E|φ̃_M⟩/N_E + ⟨φ̃_E|M_M|φ̃_E⟩/N_M], a direction counting 0 when nothing arrives.
 *
 * A pure state machine: no clock, no I/O; randomness from one stream per shell.
 */
import { assert, InputError } from "../../errors.js";
import { maxStableDtS, type MeshRandom, type MeshSnapshot, ResonanceMesh } from "./mesh.js";
import type { MeshParams } from "./mesh-params.js";
import { normaliseNode } from "./node-states.js";

/** Largest number of history entries per side we hold (25 doubles each at d = 12). */
export const GAP_HISTORY_MAX = 200_000;

/** Parameters of the mesh across the gap. */
export interface GapMeshParams {
  /** The Earth shell's mesh (mesh-params.ts; `coupling` meanField or jump). */
  readonly earth: Partial<MeshParams> & { nodes: number };
  /** The Mars shell's mesh (same d as Earth's). */
  readonly mars: Partial<MeshParams> & { nodes: number };
  /** Cross-gap coupling rate per node, 1/s (the paper gives none: a twin input). */
  readonly kappaGapPerS: number;
  /** Inner mesh steps per tick (the shell's relaxation window). */
  readonly settleSteps: number;
  /** Inner step, s (default: half the mesh's stable limit 1/(κ·degree)). */
  readonly settleDtS?: number;
  /** Longest light-time the history must reach back, s (Earth–Mars ≤ 1342 s). */
  readonly lightTimeMaxS: number;
  /** Shortest tick, s: with `lightTimeMaxS` it sizes the history ring. */
  readonly tickMinS: number;
}

/** What the gap mesh takes each tick from the geometry and the UMT model. */
export interface GapTickInput {
  /** Time at the end of the tick, s since the run's start (strictly increasing). */
  readonly tS: number;
  /** Earth–Mars one-way light-time this tick, s, in [0, lightTimeMaxS]. */
  readonly lightTimeS: number;
  /** True when a usable Earth↔Mars path exists this tick. */
  readonly linkUp: boolean;
  /** Mars clock minus Earth clock (UMT residual), s. */
  readonly residualS: number;
}

/** Coherence after one tick (the metric names of the interplanetary run). */
export interface GapMeshMetrics {
  readonly coherenceEarth: number;
  readonly coherenceMars: number;
  /** As the cross-gap coupling sees it (0 for a direction where nothing arrived). */
  readonly coherenceAcross: number;
  /** Simultaneous mean RCF over Earth–Mars pairs (what no node can observe in time). */
  readonly coherenceAcrossInstant: number;
  readonly coherenceGlobal: number;
  /** Directions (0, 1, 2) in which a delayed state arrived and coupled this tick. */
  readonly gapDirectionsCoupled: number;
  /** True once a state has crossed the gap in either direction (before that, coherence across is undefined). */
  readonly crossedEver: boolean;
  readonly vetoesEarth: number;
  readonly vetoesMars: number;
  /**
   * Mean ΔE (1 − |⟨ODOS|ψ_i⟩|², §2.3) the guardian saw at the tick's first inner step, per shell:
   * what the clock phases and the cross pull since the previous tick did to the nodes, before
   * any veto re-seeded them.
   */
  readonly deltaEEarthMean: number;
  readonly deltaEMarsMean: number;
}

/** Everything needed to continue exactly (the shells' streams are the caller's, saved by it). */
export type GapMeshSnapshot = {
  readonly timeS: number;
  readonly started: boolean;
  readonly earth: MeshSnapshot;
  readonly mars: MeshSnapshot;
  readonly earthClockBaseS: Float64Array;
  readonly marsClockBaseS: Float64Array;
  /** History ring: entry times, s; Earth's and Mars' emitted kets (2d each); head and count. */
  readonly historyTimesS: Float64Array;
  readonly historyEarth: Float64Array;
  readonly historyMars: Float64Array;
  readonly historyHead: number;
  readonly historyCount: number;
  /** Time of the newest entry the ring has overwritten; meaningful when `historyEvicted`. */
  readonly historyEvictedS: number;
  readonly historyEvicted: boolean;
  /** A state has crossed the gap at least once. */
  readonly crossedEver: boolean;
};

function positive(x: unknown, path: string, unit: string): number {
  if (typeof x !== "number" || !Number.isFinite(x) || !(x > 0)) throw InputError.of(path, `a finite number > 0 ${unit}`, x);
  return x;
}

/** History entries needed: every tick back to one light-time, the bracketing one, and slack. */
export function gapHistoryLength(lightTimeMaxS: number, tickMinS: number): number {
  return Math.ceil(lightTimeMaxS / tickMinS) + 3;
}

export class GapMesh {
  readonly earth: ResonanceMesh;
  readonly mars: ResonanceMesh;
  readonly params: GapMeshParams;
  readonly dim: number;
  readonly settleDtS: number;
  private readonly capacity: number;
  private readonly times: Float64Array;
  private readonly histE: Float64Array;
  private readonly histM: Float64Array;
  private head = 0;
  private count = 0;
  private evicted = false;
  private evictedS = 0;
  private timeS = 0;
  private started = false;
  private crossedEver = false;
  private readonly baseE: Float64Array;
  private readonly baseM: Float64Array;
  private readonly clockM: Float64Array;
  // Scratch (no allocation per tick).
  private readonly recvE: Float64Array;
  private readonly recvM: Float64Array;
  private readonly node: Float64Array;
  private readonly rhoE: Float64Array;
  private readonly rhoM: Float64Array;

  private constructor(p: GapMeshParams, earth: ResonanceMesh, mars: ResonanceMesh, settleDtS: number) {
    this.params = p;
    this.earth = earth;
    this.mars = mars;
    this.dim = earth.params.dim;
    this.settleDtS = settleDtS;
    const d2 = 2 * this.dim;
    this.capacity = gapHistoryLength(p.lightTimeMaxS, p.tickMinS);
    this.times = new Float64Array(this.capacity);
    this.histE = new Float64Array(this.capacity * d2);
    this.histM = new Float64Array(this.capacity * d2);
    this.baseE = earth.buffers.clockErrorS.slice();
    this.baseM = mars.buffers.clockErrorS.slice();
    this.clockM = new Float64Array(mars.params.nodes);
    this.recvE = new Float64Array(d2);
    this.recvM = new Float64Array(d2);
    this.node = new Float64Array(d2);
    this.rhoE = new Float64Array(2 * this.dim * this.dim);
    this.rhoM = new Float64Array(2 * this.dim * this.dim);
  }

  /** Validate, draw both shells (Earth from `rngEarth`, Mars from `rngMars`) and size the history. */
  static init(p: GapMeshParams, rngEarth: MeshRandom, rngMars: MeshRandom): GapMesh {
    positive(p.lightTimeMaxS, "gapMesh.lightTimeMaxS", "s");
    positive(p.tickMinS, "gapMesh.tickMinS", "s");
    if (typeof p.kappaGapPerS !== "number" || !Number.isFinite(p.kappaGapPerS) || p.kappaGapPerS < 0) throw InputError.of("gapMesh.kappaGapPerS", "a finite number ≥ 0 1/s", p.kappaGapPerS);
    if (!Number.isInteger(p.settleSteps) || p.settleSteps < 1 || p.settleSteps > 100_000) throw InputError.of("gapMesh.settleSteps", "an integer in [1, 100000]", p.settleSteps);
    const len = gapHistoryLength(p.lightTimeMaxS, p.tickMinS);
    if (len > GAP_HISTORY_MAX) {
      throw InputError.of("gapMesh.tickMinS", `a tick with lightTimeMaxS / tickMinS + 3 ≤ ${GAP_HISTORY_MAX} history entries`, `~${len} entries (lightTimeMaxS ${p.lightTimeMaxS} s, tickMinS ${p.tickMinS} s)`);
    }
    for (const [side, m] of [["earth", p.earth], ["mars", p.mars]] as const) {
      if (m.coupling === "density") throw InputError.of(`gapMesh.${side}.coupling`, "meanField or jump (the cross-gap term couples kets)", m.coupling);
    }
    const earth = ResonanceMesh.init(p.earth, rngEarth);
    const mars = ResonanceMesh.init(p.mars, rngMars);
    if (earth.params.dim !== mars.params.dim) throw InputError.of("gapMesh.mars.dim", `the Earth shell's d = ${earth.params.dim}`, mars.params.dim);
    const limit = Math.min(maxStableDtS(earth.params), maxStableDtS(mars.params));
    let dt = p.settleDtS;
    if (dt === undefined) {
      dt = Number.isFinite(limit) ? limit / 2 : 1e-10;
    } else if (typeof dt !== "number" || !(dt > 0) || !(dt <= limit)) {
      throw InputError.of("gapMesh.settleDtS", `a step in (0, ${limit.toExponential(3)}] s (κ·Δt·degree ≤ 1 in both shells)`, dt);
    }
    return new GapMesh(p, earth, mars, dt);
  }

  /** Time of the last tick, s. */
  get time(): number {
    return this.timeS;
  }

  /** History entries held now (for tests and displays). */
  get historyLength(): number {
    return this.count;
  }

  /** Advance one tick: clocks, settle, emit, couple across the gap, measure. */
  step(input: GapTickInput): GapMeshMetrics {
    const { tS, lightTimeS, linkUp, residualS } = input;
    if (typeof tS !== "number" || !Number.isFinite(tS) || (this.started && !(tS > this.timeS)) || tS < 0) {
      throw InputError.of("tS", `a finite time > the previous tick's ${this.timeS} s`, tS);
    }
    if (typeof lightTimeS !== "number" || !(lightTimeS >= 0 && lightTimeS <= this.params.lightTimeMaxS)) {
      throw InputError.of("lightTimeS", `a light-time in [0, lightTimeMaxS = ${this.params.lightTimeMaxS}] s`, lightTimeS);
    }
    if (typeof residualS !== "number" || !Number.isFinite(residualS)) throw InputError.of("residualS", "a finite time in s", residualS);
    if (typeof linkUp !== "boolean") throw InputError.of("linkUp", "true or false (a usable Earth↔Mars path this tick)", linkUp);
    const dtTickS = this.started ? tS - this.timeS : tS;
    // 1. clocks: Earth is the reference; Mars carries the residual.
    this.earth.setClockErrors(this.baseE);
    for (let j = 0; j < this.clockM.length; j++) this.clockM[j] = this.baseM[j]! + residualS;
    this.mars.setClockErrors(this.clockM);
    // 2. each shell relaxes within the tick.
    let vetoesEarth = 0;
    let vetoesMars = 0;
    let deltaEEarthMean = 0;
    let deltaEMarsMean = 0;
    for (let s = 0; s < this.params.settleSteps; s++) {
      // The mesh's edge-RCF pass is not read here (coherence is measured over all pairs below).
      const e = this.earth.step(this.settleDtS, false).metrics;
      const m = this.mars.step(this.settleDtS, false).metrics;
      vetoesEarth += e.vetoes;
      vetoesMars += m.vetoes;
      if (s === 0) {
        deltaEEarthMean = e.deltaEMean;
        deltaEMarsMean = m.deltaEMean;
      }
    }
    // 3. emit.
    this.push(tS);
    this.timeS = tS;
    this.started = true;
    // 4. couple across the gap (both sources read before either shell is pulled).
    const atS = tS - lightTimeS;
    // Both sides' histories share the ring's times: one search finds the entry for both.
    const k = linkUp ? this.bracket(atS) : -1;
    const haveM = k >= 0 && this.received(this.histM, atS, k, this.recvM);
    const haveE = k >= 0 && this.received(this.histE, atS, k, this.recvE);
    const w = -Math.expm1(-this.params.kappaGapPerS * Math.max(dtTickS, 0));
    if (haveM && w > 0) this.pull(this.earth, this.recvM, w);
    if (haveE && w > 0) this.pull(this.mars, this.recvE, w);
    if (haveE || haveM) this.crossedEver = true;
    return { ...this.measure(haveE, haveM), vetoesEarth, vetoesMars, deltaEEarthMean, deltaEMarsMean };
  }

  /** Push both shells' emitted states at time `tS` into the ring. */
  private push(tS: number): void {
    const d2 = 2 * this.dim;
    const slot = (this.head + this.count) % this.capacity;
    if (this.count === this.capacity) {
      this.evicted = true;
      this.evictedS = this.times[this.head]!;
      this.head = (this.head + 1) % this.capacity;
    } else {
      this.count++;
    }
    this.times[slot] = tS;
    emittedState(this.earth, this.histE.subarray(slot * d2, (slot + 1) * d2));
    emittedState(this.mars, this.histM.subarray(slot * d2, (slot + 1) * d2));
  }

  /**
   * The position (counted from the ring's head) of the newest entry emitted at or before `atS`;
   * −1 when nothing was emitted that early (the signal has not arrived yet).
   */
  private bracket(atS: number): number {
    if (this.count === 0) return -1;
    const oldest = this.times[this.head]!;
    if (atS < oldest) {
      if (this.evicted) {
        throw InputError.of("gapMesh.lightTimeMaxS", `a history reaching back ${(this.timeS - atS).toFixed(3)} s (raise lightTimeMaxS or tickMinS to match the run)`, `~history back to ${this.timeS - this.evictedS} s`);
      }
      return -1;
    }
    // Times ascend from head; entries are few per light-time.
    let k = this.count - 1;
    while (k > 0 && this.times[(this.head + k) % this.capacity]! > atS) k--;
    return k;
  }

  /**
   * The state of `hist` emitted at `atS`, interpolated between the entry at position `k`
   * (`bracket`) and the next (the later one phase-aligned to the earlier) and normalised, into
   * `out`. False when the emitted state is empty.
   */
  private received(hist: Float64Array, atS: number, k: number, out: Float64Array): boolean {
    const d2 = 2 * this.dim;
    const cap = this.capacity;
    const a = (this.head + k) % cap;
    const ta = this.times[a]!;
    if (k === this.count - 1 || ta === atS) {
      out.set(hist.subarray(a * d2, (a + 1) * d2));
    } else {
      const b = (this.head + k + 1) % cap;
      const u = (atS - ta) / (this.times[b]! - ta);
      interpolateAligned(hist, a * d2, b * d2, u, this.dim, out);
    }
    return normaliseKet(out);
  }

  /** ψ_i ← normalise((1 − w) ψ_i + w e^{iα_i} φ) for every live node, α_i aligning φ to ψ_i. */
  private pull(mesh: ResonanceMesh, phi: Float64Array, w: number): void {
    const dim = this.dim;
    const s = mesh.nodeStates.data;
    const x = this.node;
    for (let i = 0; i < mesh.params.nodes; i++) {
      if (mesh.faults.isFailed(i)) continue;
      const o = 2 * i * dim;
      let re = 0;
      let im = 0;
      for (let k = 0; k < 2 * dim; k += 2) {
        // ⟨φ|ψ_i⟩
        re += phi[k]! * s[o + k]! + phi[k + 1]! * s[o + k + 1]!;
        im += phi[k]! * s[o + k + 1]! - phi[k + 1]! * s[o + k]!;
      }
      const a = Math.sqrt(re * re + im * im);
      const cr = a > 0 ? (w * re) / a : w;
      const ci = a > 0 ? (w * im) / a : 0;
      for (let k = 0; k < 2 * dim; k += 2) {
        x[k] = (1 - w) * s[o + k]! + cr * phi[k]! - ci * phi[k + 1]!;
        x[k + 1] = (1 - w) * s[o + k + 1]! + cr * phi[k + 1]! + ci * phi[k]!;
      }
      normaliseNode(x, dim, 0);
      mesh.setNodeState(i, x);
    }
  }

  private measure(haveE: boolean, haveM: boolean): Omit<GapMeshMetrics, "vetoesEarth" | "vetoesMars" | "deltaEEarthMean" | "deltaEMarsMean"> {
    const nE = this.earth.params.nodes;
    const nM = this.mars.params.nodes;
    const qE = sumRho(this.earth, this.rhoE);
    const qM = sumRho(this.mars, this.rhoM);
    const dim = this.dim;
    const pairsEE = (traceProduct(this.rhoE, this.rhoE) - qE) / 2;
    const pairsMM = (traceProduct(this.rhoM, this.rhoM) - qM) / 2;
    const pairsEM = traceProduct(this.rhoE, this.rhoM);
    const n = nE + nM;
    const seenE = haveM ? expectation(this.rhoE, this.recvM, dim) / nE : 0;
    const seenM = haveE ? expectation(this.rhoM, this.recvE, dim) / nM : 0;
    return {
      coherenceEarth: pairsEE / ((nE * (nE - 1)) / 2),
      coherenceMars: pairsMM / ((nM * (nM - 1)) / 2),
      coherenceAcross: (seenE + seenM) / 2,
      coherenceAcrossInstant: pairsEM / (nE * nM),
      coherenceGlobal: (pairsEE + pairsMM + pairsEM) / ((n * (n - 1)) / 2),
      gapDirectionsCoupled: (haveE ? 1 : 0) + (haveM ? 1 : 0),
      crossedEver: this.crossedEver,
    };
  }

  /** A copy of the whole state, history included. */
  snapshot(): GapMeshSnapshot {
    return {
      timeS: this.timeS, started: this.started,
      earth: this.earth.snapshot(), mars: this.mars.snapshot(),
      earthClockBaseS: this.baseE.slice(), marsClockBaseS: this.baseM.slice(),
      historyTimesS: this.times.slice(), historyEarth: this.histE.slice(), historyMars: this.histM.slice(),
      historyHead: this.head, historyCount: this.count, historyEvictedS: this.evictedS, historyEvicted: this.evicted,
      crossedEver: this.crossedEver,
    };
  }

  /** Restore a snapshot of a gap mesh with the same parameters. */
  restore(snap: GapMeshSnapshot): void {
    const expect = (name: string, got: Float64Array, n: number) => {
      if (!(got instanceof Float64Array) || got.length !== n) throw InputError.of(`snapshot.${name}`, `a Float64Array of ${n} numbers (a gap mesh with the same parameters)`, got);
    };
    expect("historyTimesS", snap.historyTimesS, this.capacity);
    expect("historyEarth", snap.historyEarth, this.histE.length);
    expect("historyMars", snap.historyMars, this.histM.length);
    expect("earthClockBaseS", snap.earthClockBaseS, this.baseE.length);
    expect("marsClockBaseS", snap.marsClockBaseS, this.baseM.length);
    const intIn = (name: string, v: number, hi: number) => {
      if (!Number.isInteger(v) || v < 0 || v > hi) throw InputError.of(`snapshot.${name}`, `an integer in [0, ${hi}]`, v);
    };
    intIn("historyHead", snap.historyHead, this.capacity - 1);
    intIn("historyCount", snap.historyCount, this.capacity);
    this.earth.restore(snap.earth);
    this.mars.restore(snap.mars);
    this.timeS = snap.timeS;
    this.started = snap.started;
    this.baseE.set(snap.earthClockBaseS);
    this.baseM.set(snap.marsClockBaseS);
    this.times.set(snap.historyTimesS);
    this.histE.set(snap.historyEarth);
    this.histM.set(snap.historyMars);
    this.head = snap.historyHead;
    this.count = snap.historyCount;
    this.evictedS = snap.historyEvictedS;
    this.evicted = snap.historyEvicted;
    this.crossedEver = snap.crossedEver;
  }
}

/** φ = Σ_i e^{−i arg⟨ODOS|ψ_i⟩} ψ_i over live nodes (unnormalised; normalised on receipt). */
export function emittedState(mesh: ResonanceMesh, out: Float64Array): Float64Array {
  const dim = mesh.params.dim;
  const s = mesh.nodeStates.data;
  assert(out.length === 2 * dim, "emittedState: out holds one ket");
  out.fill(0);
  for (let i = 0; i < mesh.params.nodes; i++) {
    if (mesh.faults.isFailed(i)) continue;
    const o = 2 * i * dim;
    let re = 0;
    let im = 0;
    for (let k = 0; k < 2 * dim; k += 2) {
      re += s[o + k]!;
      im += s[o + k + 1]!;
    }
    const a = Math.sqrt(re * re + im * im);
    // e^{−iθ} with θ = arg Σ_k ψ_ik; a node orthogonal to ODOS keeps its phase.
    const cr = a > 0 ? re / a : 1;
    const ci = a > 0 ? -im / a : 0;
    for (let k = 0; k < 2 * dim; k += 2) {
      const xr = s[o + k]!;
      const xi = s[o + k + 1]!;
      out[k] = out[k]! + cr * xr - ci * xi;
      out[k + 1] = out[k + 1]! + cr * xi + ci * xr;
    }
  }
  return out;
}

/** out = (1 − u)·a + u·e^{iβ}·b, β aligning entry b to entry a (both in `hist`). */
function interpolateAligned(hist: Float64Array, oa: number, ob: number, u: number, dim: number, out: Float64Array): void {
  let re = 0;
  let im = 0;
  for (let k = 0; k < 2 * dim; k += 2) {
    // ⟨b|a⟩
    re += hist[ob + k]! * hist[oa + k]! + hist[ob + k + 1]! * hist[oa + k + 1]!;
    im += hist[ob + k]! * hist[oa + k + 1]! - hist[ob + k + 1]! * hist[oa + k]!;
  }
  const m = Math.sqrt(re * re + im * im);
  const cr = m > 0 ? re / m : 1;
  const ci = m > 0 ? im / m : 0;
  for (let k = 0; k < 2 * dim; k += 2) {
    const br = hist[ob + k]!;
    const bi = hist[ob + k + 1]!;
    out[k] = (1 - u) * hist[oa + k]! + u * (cr * br - ci * bi);
    out[k + 1] = (1 - u) * hist[oa + k + 1]! + u * (cr * bi + ci * br);
  }
}

/** Normalise a ket in place; false (left as is) when its norm is 0. */
function normaliseKet(x: Float64Array): boolean {
  let n2 = 0;
  for (let k = 0; k < x.length; k++) n2 += x[k]! * x[k]!;
  if (!(n2 > 0)) return false;
  const inv = 1 / Math.sqrt(n2);
  for (let k = 0; k < x.length; k++) x[k] = x[k]! * inv;
  return true;
}

/** M = Σ_i |ψ_i⟩⟨ψ_i| over live nodes into `out` (d×d, interleaved, row-major); returns Σ_i ‖ψ_i‖⁴. */
export function sumRho(mesh: ResonanceMesh, out: Float64Array): number {
  const dim = mesh.params.dim;
  const s = mesh.nodeStates.data;
  out.fill(0);
  let q = 0;
  for (let i = 0; i < mesh.params.nodes; i++) {
    if (mesh.faults.isFailed(i)) continue;
    const o = 2 * i * dim;
    let n2 = 0;
    for (let k = 0; k < dim; k++) {
      const ar = s[o + 2 * k]!;
      const ai = s[o + 2 * k + 1]!;
      n2 += ar * ar + ai * ai;
      const row = 2 * k * dim;
      for (let l = 0; l < dim; l++) {
        // ψ_k conj(ψ_l)
        const br = s[o + 2 * l]!;
        const bi = s[o + 2 * l + 1]!;
        out[row + 2 * l] = out[row + 2 * l]! + ar * br + ai * bi;
        out[row + 2 * l + 1] = out[row + 2 * l + 1]! + ai * br - ar * bi;
      }
    }
    q += n2 * n2;
  }
  return q;
}

/** Tr(A B) for Hermitian A, B: Σ_kl A_kl conj(B_kl), real part. */
function traceProduct(a: Float64Array, b: Float64Array): number {
  let t = 0;
  for (let x = 0; x < a.length; x += 2) t += a[x]! * b[x]! + a[x + 1]! * b[x + 1]!;
  return t;
}

/** ⟨φ|M|φ⟩ = Σ_i |⟨φ|ψ_i⟩|² for M = Σ_i |ψ_i⟩⟨ψ_i|. */
function expectation(m: Float64Array, phi: Float64Array, dim: number): number {
  let re = 0;
  for (let k = 0; k < dim; k++) {
    const pr = phi[2 * k]!;
    const pi = phi[2 * k + 1]!;
    // (Mφ)_k
    let yr = 0;
    let yi = 0;
    for (let l = 0; l < dim; l++) {
      const mr = m[2 * (k * dim + l)]!;
      const mi = m[2 * (k * dim + l) + 1]!;
      const qr = phi[2 * l]!;
      const qi = phi[2 * l + 1]!;
      yr += mr * qr - mi * qi;
      yi += mr * qi + mi * qr;
    }
    re += pr * yr + pi * yi;
  }
  return re;
}
