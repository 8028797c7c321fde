/**
 * The resonance mesh tick cut into node blocks (docs/CLUSTER.md, "Sharding one large mesh"):
 * pure per-block kernels over the mesh's typed arrays, one random stream per block, and the
 * in-process executor that runs the blocks one after the other. A threaded executor
 * (sim/executors/mesh-shard.ts) runs the same kernels on the same arrays held in
 * SharedArrayBuffers; each kernel writes only its own block's nodes and slots, and reads other
 * blocks only where the previous phase left them, so the result depends on the block layout but
 * never on which thread ran which block, nor in what order.
 *
 * Phases of one tick (mesh.ts, steps 1–3), each over all blocks, a barrier after each:
 *  A. clocks and phases (own nodes only; draws the block's normals);
 *  B. coupling (Jacobi: reads neighbours' states of the current buffer, writes own nodes of the
 *     other buffer; `jump` draws the block's uniforms), then ΔE of own nodes and the block's
 *     partial sums — ΔE sum, ΔE max, live count;
 *  C. veto of own nodes (reads neighbours' ΔE from B; a re-seed source is healthy, so no pass
 *     writes it), veto records into the block's slots;
 *  D. RCF over edges (i < j) with i in the block: partial sum and count.
 * The caller reduces the partials and merges the veto records in block order (= node order).
 * `mesh.coupling: density` runs density-mesh.ts's kernels through the same phases (plus
 * PHASE_COUPLE_SECOND) on d×d density matrices.
 */
import type { HierarchicalWork } from "./coherence-hierarchical.js";
import type { MeshParams } from "./mesh-params.js";
import { runDensityBlockPhase } from "./density-mesh.js";
import { normaliseNode } from "./node-states.js";
import { deltaENode, writeOdos } from "./odos.js";
import { rcfPair } from "./rcf.js";
import type { Neighbours } from "./topology.js";
import { STREAM_WORDS } from "../../numeric/random/stream.js";

/** The random source one block draws from (a `RandomStream` satisfies it). */
export interface BlockRandom {
  normal(): number;
  uniform(): number;
}

/** Phase codes (see the file comment). */
export const PHASE_PHASES = 0;
export const PHASE_COUPLE = 1;
export const PHASE_VETO = 2;
export const PHASE_RCF = 3;
/** `density` coupling only: the second coupling sweep, then the local half step and ΔE (density-mesh.ts). */
export const PHASE_COUPLE_SECOND = 4;
/**
 * Not a tick phase: the hierarchical coherence sample's parallel parts (`hierarchicalPart`), one
 * part per thread over the current states, for an executor that implements `hierarchicalParts`.
 */
export const PHASE_SAMPLE = 5;
export type MeshPhase = typeof PHASE_PHASES | typeof PHASE_COUPLE | typeof PHASE_VETO | typeof PHASE_RCF | typeof PHASE_COUPLE_SECOND;

/** Int32 words per block stream in `MeshBuffers.streamWords`: a stream's `STREAM_WORDS`, padded to whole 8-byte slots. */
export const STREAM_SLOT = STREAM_WORDS + 1;

/** Partial slots per block: ΔE sum, ΔE max, live nodes, RCF edge sum, edge count. */
export const PARTIALS = 5;

/** Every array one tick reads or writes. */
export interface MeshBuffers {
  readonly params: MeshParams;
  readonly neighbours: Neighbours;
  /** Mode frequencies ω_k, rad/s (d). */
  readonly omegaRadS: Float64Array;
  /** The two state buffers (2·N·d each); which one is current is the caller's `cur`. */
  readonly states: readonly [Float64Array, Float64Array];
  readonly deltaE: Float64Array;
  readonly clockErrorS: Float64Array;
  readonly appliedClockErrorS: Float64Array;
  readonly clockRate: Float64Array;
  readonly detuningRadS: Float64Array;
  /** 1 = failed, per node (mesh-fault-state.ts). */
  readonly failed: Uint8Array;
  /** Each node's ΔE veto threshold. */
  readonly thresholds: Float64Array;
  /** Block b covers nodes [bounds[b], bounds[b+1]) (blocks + 1 entries). */
  readonly bounds: Int32Array;
  /** PARTIALS slots per block. */
  readonly partials: Float64Array;
  /** Veto records (node, ΔE, source) of block b start at 3·bounds[b]; `vetoCount[b]` of them. */
  readonly vetoRec: Float64Array;
  readonly vetoCount: Int32Array;
  /**
   * In an arena only (mesh-arena.ts; empty otherwise): each block stream's generator words
   * (`STREAM_SLOT` int32s per block, the stream moved there), and the ziggurat's tables, for the
   * kernels that draw in WebAssembly.
   */
  readonly streamWords: Int32Array;
  readonly zigX: Float64Array;
  readonly zigRatio: Float64Array;
  /**
   * In an arena only (empty otherwise), for the coupling kernel: `edgeMirror[p]` is the entry of
   * the reverse edge of neighbour-list entry p (the entry of i in j's list for i's entry of j,
   * k-th occurrence to k-th occurrence), −1 for none or a self-loop; `edgeOverlaps` two doubles
   * per entry, scratch the kernel passes an overlap through from one node to its neighbour.
   */
  readonly edgeMirror: Int32Array;
  readonly edgeOverlaps: Float64Array;
}

/**
 * `edgeMirror` of a neighbour list into `out` (one entry per colIdx entry): entry p of i's list
 * (neighbour j) ↦ the entry of j's list holding i, the k-th such for the k-th j in i's list; −1
 * where j's list has no such entry, or j = i. O(E log degree): each list's entries sorted by
 * neighbour (ties in list order), then a binary search in j's.
 */
export function edgeMirrors(nb: Neighbours, out: Int32Array): void {
  const { rowPtr, colIdx } = nb;
  const order = new Int32Array(colIdx.length);
  for (let p = 0; p < order.length; p++) order[p] = p;
  for (let i = 0; i < nb.nodes; i++) {
    order.subarray(rowPtr[i]!, rowPtr[i + 1]!).sort((x, y) => colIdx[x]! - colIdx[y]! || x - y);
  }
  out.fill(-1);
  for (let i = 0; i < nb.nodes; i++) {
    let k = 0;
    for (let r = rowPtr[i]!; r < rowPtr[i + 1]!; r++) {
      const p = order[r]!;
      const j = colIdx[p]!;
      k = r > rowPtr[i]! && colIdx[order[r - 1]!] === j ? k + 1 : 0;
      if (j === i) continue;
      // The first sorted entry of j's list with neighbour ≥ i, then the k-th equal to i.
      let lo = rowPtr[j]!;
      let hi = rowPtr[j + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (colIdx[order[mid]!]! < i) lo = mid + 1;
        else hi = mid;
      }
      const q = lo + k;
      if (q < rowPtr[j + 1]! && colIdx[order[q]!] === i) out[p] = order[q]!;
    }
  }
}

/** Contiguous block bounds: block b = [⌊bN/B⌋, ⌊(b+1)N/B⌋). */
export function blockBounds(nodes: number, blocks: number): Int32Array {
  const b = new Int32Array(blocks + 1);
  for (let k = 0; k <= blocks; k++) b[k] = Math.floor((k * nodes) / blocks);
  return b;
}

/**
 * Initial draws of block b from its stream, in the unsharded mesh's order restricted to the
 * block: the states of its nodes (around ODOS, or Haar), then their detunings, then clock error
 * and rate node by node.
 */
export function drawInitialBlock(m: MeshBuffers, b: number, rng: BlockRandom): void {
  const { dim, initialSpread, detuningStdRadS, clockErrorStdS, clockDriftStd } = m.params;
  const lo = m.bounds[b]!;
  const hi = m.bounds[b + 1]!;
  const s = m.states[0];
  const a = m.params.initialState === "haar" ? 0 : 1 / Math.sqrt(dim);
  const spread = m.params.initialState === "haar" ? 1 : initialSpread;
  for (let i = lo; i < hi; i++) {
    const o = 2 * i * dim;
    for (let k = 0; k < dim; k++) {
      // Haar: i.i.d. complex Gaussians, normalised (a = 0, spread = 1).
      s[o + 2 * k] = a + spread * rng.normal();
      s[o + 2 * k + 1] = spread * rng.normal();
    }
    normaliseNode(s, dim, i);
  }
  if (detuningStdRadS > 0) for (let x = lo * dim; x < hi * dim; x++) m.detuningRadS[x] = detuningStdRadS * rng.normal();
  for (let i = lo; i < hi; i++) {
    m.clockErrorS[i] = clockErrorStdS * rng.normal();
    m.clockRate[i] = clockDriftStd * rng.normal();
  }
}

/**
 * The phase and coupling steps as WebAssembly kernels on an arena's memory (mesh-kernels.ts),
 * bound to one thread's instance; bit for bit `applyPhases` and `coupleMeanField` + `measureDeltaE`.
 */
export interface BlockKernels {
  /**
   * `applyPhases`, after `advanceClocks` when `advanceClocks` is true (which the caller asks only
   * where the clock walk draws nothing). Absent when the block streams cannot hand their
   * generator words to the kernel.
   */
  phases: ((b: number, lo: number, hi: number, s: Float64Array, dtS: number, advanceClocks: boolean) => void) | undefined;
  coupleMeanField(b: number, lo: number, hi: number, s: Float64Array, out: Float64Array, dtS: number): void;
  overlapEdges(b: number, lo: number, hi: number, s: Float64Array): void;
}

/**
 * Run phase `phase` for block b. `cur` is the current state buffer (0 or 1) at the start of the
 * tick; `externalClock` turns the built-in clock walk off. With `kernels` the phase and mean-field
 * coupling steps run as WebAssembly (the same numbers).
 */
export function runBlockPhase(m: MeshBuffers, phase: MeshPhase, b: number, rng: BlockRandom, dtS: number, cur: number, externalClock: boolean, kernels?: BlockKernels): void {
  if (m.params.coupling === "density") {
    runDensityBlockPhase(m, phase, b, rng, dtS, cur, externalClock);
    return;
  }
  const lo = m.bounds[b]!;
  const hi = m.bounds[b + 1]!;
  const s = m.states[cur]!;
  if (phase === PHASE_PHASES) {
    // Without a clock walk the clock step draws nothing, so the phase kernel takes it node by node.
    const clockInKernel = kernels?.phases !== undefined && !(clockWalk(m, dtS) > 0);
    if (!externalClock && !clockInKernel) advanceClocks(m, lo, hi, rng, dtS);
    if (kernels?.phases) kernels.phases(b, lo, hi, s, dtS, !externalClock && clockInKernel);
    else applyPhases(m, lo, hi, s, rng, dtS);
  } else if (phase === PHASE_COUPLE) {
    let now = s;
    if (m.params.kappaPerS > 0) {
      now = m.states[1 - cur]!;
      if (m.params.coupling === "meanField" && kernels) {
        kernels.coupleMeanField(b, lo, hi, s, now, dtS);
        return;
      }
      if (m.params.coupling === "meanField") coupleMeanField(m, lo, hi, s, now, dtS);
      else coupleJump(m, lo, hi, s, now, rng, dtS);
    }
    measureDeltaE(m, b, lo, hi, now, KET_NODES);
  } else if (phase === PHASE_VETO) {
    veto(m, b, lo, hi, s, KET_NODES);
  } else if (kernels) {
    kernels.overlapEdges(b, lo, hi, s);
  } else {
    overlapEdges(m, b, lo, hi, s, KET_NODES);
  }
}

/**
 * What the ΔE, veto and edge phases need of a node's representation: a ket here, a density
 * matrix in density-mesh.ts. The phases themselves (which nodes, which source, which records)
 * are the same for both.
 */
export interface NodeForm {
  /** Doubles per node. */
  length(dim: number): number;
  deltaE(s: Float64Array, dim: number, i: number): number;
  writeOdos(s: Float64Array, dim: number, i: number): void;
  /** The pair coherence of nodes i and j: |⟨ψ_i|ψ_j⟩|², or Tr(ρ_iρ_j). */
  overlap(s: Float64Array, dim: number, i: number, j: number): number;
}

/** The ket form of a node (2d doubles): the ket mesh's ΔE, veto and edge phases (and their WebAssembly twins' reference). */
export const KET_NODES: NodeForm = { length: (dim) => 2 * dim, deltaE: deltaENode, writeOdos, overlap: rcfPair };

/** The clock walk's step σ_w·√Δt (no draw unless it is > 0). */
function clockWalk(m: MeshBuffers, dtS: number): number {
  return m.params.clockWalkSPerSqrtS * Math.sqrt(dtS);
}

/** τ_i ← τ_i + y_i·Δt + σ_w·√Δt·ξ for the block's nodes. */
export function advanceClocks(m: MeshBuffers, lo: number, hi: number, rng: BlockRandom, dtS: number): void {
  const walk = clockWalk(m, dtS);
  for (let i = lo; i < hi; i++) {
    let tau = m.clockErrorS[i]! + m.clockRate[i]! * dtS;
    if (walk > 0) tau += walk * rng.normal();
    m.clockErrorS[i] = tau;
  }
}

/** Step 1: detuning, clock-reference and dephasing phases per mode. */
export function applyPhases(m: MeshBuffers, lo: number, hi: number, s: Float64Array, rng: BlockRandom, dtS: number): void {
  const { dim, gammaPerS } = m.params;
  const sigma = Math.sqrt(gammaPerS * dtS);
  const det = m.detuningRadS;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    if (failed[i] === 1) continue;
    const dTau = m.clockErrorS[i]! - m.appliedClockErrorS[i]!;
    m.appliedClockErrorS[i] = m.clockErrorS[i]!;
    const o = 2 * i * dim;
    for (let k = 0; k < dim; k++) {
      let phi = -(det[i * dim + k]! * dtS) - m.omegaRadS[k]! * dTau;
      if (sigma > 0) phi += sigma * rng.normal();
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      const re = s[o + 2 * k]!;
      const im = s[o + 2 * k + 1]!;
      s[o + 2 * k] = c * re - sn * im;
      s[o + 2 * k + 1] = c * im + sn * re;
    }
  }
}

/** Step 2, mean field: ψ_i ← normalise(ψ_i + κΔt Σ_j (e^{iα_ij} ψ_j − ψ_i)), from the old states `s` into `out`. */
export function coupleMeanField(m: MeshBuffers, lo: number, hi: number, s: Float64Array, out: Float64Array, dtS: number): void {
  const { dim, kappaPerS } = m.params;
  const g = kappaPerS * dtS;
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    const o = 2 * i * dim;
    if (failed[i] === 1) {
      for (let x = o; x < o + 2 * dim; x++) out[x] = 0;
      continue;
    }
    let deg = rowPtr[i + 1]! - rowPtr[i]!;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) deg -= failed[colIdx[p]!]!;
    const self = 1 - g * deg;
    for (let x = o; x < o + 2 * dim; x++) out[x] = self * s[x]!;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      if (failed[colIdx[p]!] === 1) continue;
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
      // |⟨ψ_j|ψ_i⟩| ≤ 1, so the plain square root neither overflows nor loses range (Math.hypot's scaling is not needed, and costs ~10× as much).
      const a = Math.sqrt(re * re + im * im);
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
}

/** Step 2, jump unravelling: with probability 1 − e^{−κ deg Δt} node i copies a random neighbour's old state. */
function coupleJump(m: MeshBuffers, lo: number, hi: number, s: Float64Array, out: Float64Array, rng: BlockRandom, dtS: number): void {
  const { dim, kappaPerS } = m.params;
  out.set(s.subarray(2 * lo * dim, 2 * hi * dim), 2 * lo * dim);
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    const deg = rowPtr[i + 1]! - rowPtr[i]!;
    if (deg === 0 || (failed[i] === 1)) continue;
    if (rng.uniform() >= -Math.expm1(-kappaPerS * deg * dtS)) continue;
    const j = colIdx[rowPtr[i]! + Math.min(deg - 1, Math.floor(rng.uniform() * deg))]!;
    // A failed neighbour has no state to give: that jump does not happen (rate κ·live degree).
    if (failed[j] === 1) continue;
    out.set(s.subarray(2 * j * dim, 2 * (j + 1) * dim), 2 * i * dim);
  }
}

/** ΔE of the block's live nodes into `deltaE`; ΔE sum, max and live count into the block's partials. */
export function measureDeltaE(m: MeshBuffers, b: number, lo: number, hi: number, s: Float64Array, form: NodeForm): void {
  let deSum = 0;
  let deMax = 0;
  let live = 0;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    if (failed[i] === 1) continue;
    const de = form.deltaE(s, m.params.dim, i);
    m.deltaE[i] = de;
    deSum += de;
    live++;
    if (de > deMax) deMax = de;
  }
  m.partials[PARTIALS * b] = deSum;
  m.partials[PARTIALS * b + 1] = deMax;
  m.partials[PARTIALS * b + 2] = live;
}

/** Step 3: every node of the block over its ΔE threshold is re-seeded from its healthiest healthy neighbour. */
export function veto(m: MeshBuffers, b: number, lo: number, hi: number, s: Float64Array, form: NodeForm): void {
  const { dim } = m.params;
  const L = form.length(dim);
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  const thr = m.thresholds;
  const dE = m.deltaE;
  let n = 0;
  for (let i = lo; i < hi; i++) {
    if (failed[i] === 1) continue;
    const de = dE[i]!;
    if (!(de > thr[i]!)) continue;
    let src = -1;
    if (m.params.reseed === "neighbour") for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!;
      if (failed[j] === 1) continue;
      const dj = dE[j]!;
      if (dj <= thr[j]! && (src < 0 || dj < dE[src]! || (dj === dE[src]! && j < src))) src = j;
    }
    // Healthy sources are never re-seeded in this pass (in any block), so copying in place is safe.
    if (src >= 0) s.copyWithin(L * i, L * src, L * (src + 1));
    else form.writeOdos(s, dim, i);
    const r = 3 * (lo + n);
    m.vetoRec[r] = i;
    m.vetoRec[r + 1] = de;
    m.vetoRec[r + 2] = src;
    n++;
  }
  m.vetoCount[b] = n;
}

/** The pair coherence summed over live edges (i, j), i < j, i in the block, in node order. */
export function overlapEdges(m: MeshBuffers, b: number, lo: number, hi: number, s: Float64Array, form: NodeForm): void {
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  let sum = 0;
  let count = 0;
  for (let i = lo; i < hi; i++) {
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!;
      if (j > i && failed[i] === 0 && failed[j] === 0) {
        sum += form.overlap(s, m.params.dim, i, j);
        count++;
      }
    }
  }
  m.partials[PARTIALS * b + 3] = sum;
  m.partials[PARTIALS * b + 4] = count;
}

/**
 * Runs one phase over every block and returns when all are done. The mesh calls it four times
 * per tick; how blocks are spread over threads is the executor's business and never changes a
 * number, since each block has its own stream and its own output slots.
 */
export interface BlockExecutor {
  run(phase: MeshPhase, dtS: number, cur: number, externalClock: boolean): void;
  /** Bring the block streams run elsewhere back into `rngs` (before a snapshot). */
  pull(): void;
  /** Send `rngs`' current states to wherever the blocks run (after a restore). */
  push(): void;
  /**
   * Optional (an executor with threads): run `hierarchicalPart` for every part over state buffer
   * `cur`, one part per thread, into scratch the executor keeps from sample to sample, and return
   * it, ready for `hierarchicalTree`. Without it the mesh runs the parts on its own thread.
   */
  hierarchicalParts?(cur: number, clusterSize: number): HierarchicalWork;
}

/** The in-process executor: blocks one after the other on this thread. */
export class SequentialBlocks implements BlockExecutor {
  constructor(private readonly m: MeshBuffers, private readonly rngs: readonly BlockRandom[], private readonly kernels?: BlockKernels) {}

  run(phase: MeshPhase, dtS: number, cur: number, externalClock: boolean): void {
    for (let b = 0; b < this.rngs.length; b++) runBlockPhase(this.m, phase, b, this.rngs[b]!, dtS, cur, externalClock, this.kernels);
  }

  pull(): void {}

  push(): void {}
}
