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
 * With `coupling: density` each node is a d×d density matrix and the tick is density-mesh.ts's
 * (Appendix B's equation itself); the hooks here only size the arrays and add one phase.
 *
 * A pure state machine: no clock, no I/O; all randomness from the stream passed in (one stream
 * per node block with `MeshLayout.blocks` > 1; the per-block kernels are in mesh-blocks.ts).
 */
import { InputError } from "../../errors.js";
import { type RandomStreamState, zigguratTables } from "../../numeric/random/stream.js";
import { checkHierarchical, CLUSTER_SIZE_DEFAULT, type HierarchicalWork, hierarchicalCoherence, hierarchicalTree, hierarchicalWork, workFits } from "./coherence-hierarchical.js";
import type { CoherenceResult } from "./coherence.js";
import { checkDensityState, type DensityMatrices, densityNodeLength, drawInitialDensityBlock } from "./density-mesh.js";
import { type BlockExecutor, type BlockKernels, blockBounds, drawInitialBlock, edgeMirrors, type MeshBuffers, PARTIALS, PHASE_COUPLE, PHASE_COUPLE_SECOND, PHASE_PHASES, PHASE_RCF, PHASE_VETO, SequentialBlocks, STREAM_SLOT } from "./mesh-blocks.js";
import { bindMeshKernels, streamsHandWords } from "./mesh-kernels.js";
import { Arena, type ArrayAlloc, ArenaSizer, TypedArrays } from "./mesh-arena.js";
import { MeshFaultState } from "./mesh-fault-state.js";
import { type MeshParams, resolveMeshParams } from "./mesh-params.js";
import type { NodeStates } from "./node-states.js";
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
  /**
   * Absent from new snapshots: the static detunings are drawn at init from the run's seed and never
   * change, so the mesh a checkpoint is restored into already holds them (N·d numbers: a third of
   * a checkpoint). Accepted, and written back, when an older checkpoint carries them.
   */
  readonly detuningRadS?: Float64Array;
  /** 1 = failed, per node; absent while every node is live. */
  readonly failed?: Uint8Array;
  /** Each node's ΔE veto threshold; absent while all are the mesh's `deltaEThreshold`. */
  readonly thresholds?: Float64Array;
  /** Present with mesh.blocks > 1: each block stream's state, in block order. */
  readonly blockRandom?: ReadonlyArray<BlockStreamState>;
};

/** A block stream's saved state (a `RandomStream`'s `getState()`). */
export type BlockStreamState = { readonly generator: "xoshiro256**"; readonly key: string; readonly s: string };

/** A block stream: draws, splits into named children and saves its position (a `RandomStream` satisfies it). */
export interface RandomStreamLike extends MeshRandom {
  split(name: string): RandomStreamLike;
  getState(): RandomStreamState;
  setState(state: RandomStreamState): unknown;
}

/** Largest tick we accept: κ·Δt·degree ≤ 1, or the explicit coupling update overshoots. */
export function maxStableDtS(p: MeshParams): number {
  return p.kappaPerS > 0 ? 1 / (p.kappaPerS * p.degree) : Number.POSITIVE_INFINITY;
}

/**
 * How the tick is cut into node blocks (docs/CLUSTER.md). `blocks` = 1 (default) is the classic
 * mesh: one stream, node order. With `blocks` = B > 1 the nodes form B contiguous blocks, block b
 * draws from `rng.split("block-" + b)`, and sums are reduced in block order: the result depends on
 * B but not on how many threads run the blocks. `shared` puts every array on SharedArrayBuffers
 * (for a threaded executor, sim/executors/mesh-shard.ts).
 */
export interface MeshLayout {
  readonly blocks: number;
  readonly shared?: boolean;
  /**
   * false: keep the arrays out of a WebAssembly memory (the mesh's kernels then run as
   * JavaScript). Default: a ket mesh's arrays live in one shared WebAssembly memory where that is
   * available (results are the same bit for bit either way).
   */
  readonly arena?: boolean;
}

/** Most blocks a mesh may be cut into. */
export const MESH_BLOCKS_MAX = 65_536;

/** The arrays `carve` allocates: the fault state's and the tick's (all of `MeshBuffers` but the layout). */
interface Carved {
  readonly faults: MeshFaultState;
  readonly neighbours: Neighbours;
  readonly arrays: Omit<MeshBuffers, "params" | "neighbours" | "bounds">;
}

/**
 * Every array of a mesh from `alloc`, in one fixed order (an `ArenaSizer` run first sizes an
 * `Arena` for the same calls). The mode frequencies ω_k and the ziggurat's tables are written here;
 * in an arena the neighbour lists are copied in (its kernels read them there).
 */
function carve(params: MeshParams, neighbours: Neighbours, blocks: number, alloc: ArrayAlloc): Carved {
  const { nodes, dim } = params;
  const nodeLength = params.coupling === "density" ? densityNodeLength(dim) : 2 * dim;
  const faults = new MeshFaultState(nodes, params.deltaEThreshold, alloc);
  const omegaRadS = alloc.f64(dim);
  for (let k = 0; k < omegaRadS.length; k++) omegaRadS[k] = params.omega0RadS + k * params.modeSpacingRadS;
  const inArena = !(alloc instanceof TypedArrays);
  const own = inArena ? { nodes: neighbours.nodes, rowPtr: alloc.i32(neighbours.rowPtr.length), colIdx: alloc.i32(neighbours.colIdx.length) } : neighbours;
  // (An ArenaSizer hands out empty arrays: nothing to copy into them.)
  if (inArena && own.rowPtr.length > 0) {
    own.rowPtr.set(neighbours.rowPtr);
    own.colIdx.set(neighbours.colIdx);
  }
  const zig = zigguratTables();
  const zigX = alloc.f64(inArena ? zig.x.length : 0);
  const zigRatio = alloc.f64(inArena ? zig.ratio.length : 0);
  if (zigX.length > 0) {
    zigX.set(zig.x);
    zigRatio.set(zig.ratio);
  }
  const edges = inArena ? neighbours.colIdx.length : 0;
  const edgeMirror = alloc.i32(edges);
  if (edgeMirror.length > 0) edgeMirrors(neighbours, edgeMirror);
  return {
    faults,
    neighbours: own,
    arrays: {
      omegaRadS,
      states: [alloc.f64(nodeLength * nodes), alloc.f64(nodeLength * nodes)],
      deltaE: alloc.f64(nodes), clockErrorS: alloc.f64(nodes), appliedClockErrorS: alloc.f64(nodes), clockRate: alloc.f64(nodes),
      detuningRadS: alloc.f64(nodes * dim),
      failed: faults.failed,
      thresholds: faults.thresholds,
      partials: alloc.f64(PARTIALS * blocks),
      vetoRec: alloc.f64(3 * nodes),
      vetoCount: alloc.i32(blocks),
      streamWords: alloc.i32(inArena ? STREAM_SLOT * blocks : 0),
      zigX, zigRatio,
      edgeMirror, edgeOverlaps: alloc.f64(2 * edges),
    },
  };
}

export class ResonanceMesh {
  readonly params: MeshParams;
  readonly neighbours: Neighbours;
  /** Every array of the tick (a view for executors; do not write outside `step`). */
  readonly buffers: MeshBuffers;
  /** One stream per block (block 0's is the mesh's stream itself when there is one block). */
  readonly blockRandom: readonly RandomStreamLike[];
  /** Failed nodes and per-node veto thresholds (shared with the kernels through `buffers`). */
  readonly faults: MeshFaultState;
  /** The shared WebAssembly memory every array lives in, when they do (see `MeshLayout.arena`). */
  readonly arena: Arena | undefined;
  /** This thread's WebAssembly kernels on the arena (undefined: the JavaScript kernels run). */
  readonly blockKernels: BlockKernels | undefined;
  private cur = 0;
  private executor: BlockExecutor;
  private readonly vetoJ: number;
  private externalClock = false;
  private elapsedS = 0;
  private vetoesSinceInit = 0;
  /** The hierarchical sample's scratch on this thread (kept from sample to sample). */
  private sampleWork: HierarchicalWork | undefined;

  private constructor(params: MeshParams, rngs: readonly RandomStreamLike[], neighbours: Neighbours, layout: MeshLayout) {
    this.params = params;
    let carved: Carved | undefined;
    if (layout.arena !== false && params.coupling !== "density") {
      const sizer = new ArenaSizer();
      carve(params, neighbours, rngs.length, sizer);
      this.arena = Arena.create(sizer.bytes);
      if (this.arena) carved = carve(params, neighbours, rngs.length, this.arena);
    }
    carved ??= carve(params, neighbours, rngs.length, new TypedArrays(layout.shared === true));
    this.neighbours = carved.neighbours;
    this.faults = carved.faults;
    this.buffers = { params, neighbours: carved.neighbours, bounds: blockBounds(params.nodes, rngs.length), ...carved.arrays };
    this.blockRandom = rngs;
    this.blockKernels = bindMeshKernels(this.buffers, this.arena?.memory, (b) => rngs[b], streamsHandWords(rngs));
    this.executor = new SequentialBlocks(this.buffers, rngs, this.blockKernels);
    this.vetoJ = vetoEnergyJ(params.vetoCriticalCurrentA, params.vetoPhaseSlipRad);
  }

  /**
   * A new mesh: parameters resolved and validated (defaults from `MESH_DEFAULTS`), states drawn
   * around the ODOS vector (node by node), then detunings, then clock errors and rates — block by
   * block when `layout.blocks` > 1, each block from its own stream (`rng` must then be splittable).
   * `neighbours` defaults to a ring lattice of `degree`.
   */
  static init(p: Partial<MeshParams> & { nodes: number }, rng: MeshRandom, neighbours?: Neighbours, layout: MeshLayout = { blocks: 1 }): ResonanceMesh {
    const params = resolveMeshParams(p);
    const blocks = layout.blocks;
    if (!Number.isInteger(blocks) || blocks < 1 || blocks > Math.min(MESH_BLOCKS_MAX, params.nodes)) {
      throw InputError.of("mesh.blocks", `an integer in [1, min(${MESH_BLOCKS_MAX}, N = ${params.nodes})]`, blocks);
    }
    let rngs: RandomStreamLike[];
    if (blocks === 1) rngs = [rng as RandomStreamLike];
    else {
      const split = (rng as Partial<RandomStreamLike>).split;
      if (typeof split !== "function") throw InputError.of("rng", "a splittable stream (RandomStream) when mesh.blocks > 1", rng);
      rngs = [];
      for (let b = 0; b < blocks; b++) rngs.push((rng as RandomStreamLike).split(`block-${b}`));
    }
    const nb = neighbours ?? buildTopology(params);
    if (neighbours) checkNeighbours(neighbours, params.nodes);
    const m = new ResonanceMesh({ ...params, degree: maxDegree(nb) }, rngs, nb, layout);
    const draw = params.coupling === "density" ? drawInitialDensityBlock : drawInitialBlock;
    for (let b = 0; b < blocks; b++) draw(m.buffers, b, rngs[b]!);
    return m;
  }

  /** Number of node blocks (1: the classic single-stream mesh). */
  get blocks(): number {
    return this.blockRandom.length;
  }

  /** Run the blocks' phases with `executor` from now on (a threaded one; see BlockExecutor). */
  setExecutor(executor: BlockExecutor): void {
    this.executor = executor;
  }

  private get states(): Float64Array {
    return this.buffers.states[this.cur]!;
  }

  /** Which state buffer is current (0 or 1); for executors. */
  get currentBuffer(): number {
    return this.cur;
  }

  /** True when nodes hold density matrices (`coupling: density`), not kets. */
  get isDensity(): boolean {
    return this.params.coupling === "density";
  }

  /** Doubles per node state: 2d (a ket) or 2d² (a density matrix). */
  get nodeLength(): number {
    return this.isDensity ? densityNodeLength(this.params.dim) : 2 * this.params.dim;
  }

  /** The current states (a view; do not write): kets. A density mesh has `densityMatrices` instead. */
  get nodeStates(): NodeStates {
    if (this.isDensity) throw new Error("pqms internal assertion: nodeStates are kets; a mesh with coupling density holds densityMatrices");
    return { nodes: this.params.nodes, dim: this.params.dim, data: this.states };
  }

  /** A density mesh's current matrices (a view; do not write), in density-mesh.ts's layout. */
  get densityMatrices(): DensityMatrices {
    if (!this.isDensity) throw new Error("pqms internal assertion: densityMatrices exist only with coupling density; this mesh holds kets (nodeStates)");
    return { nodes: this.params.nodes, dim: this.params.dim, data: this.states };
  }

  /** Simulated time, s. */
  get timeS(): number {
    return this.elapsedS;
  }

  /**
   * Feed the nodes' UMT clock errors from outside (the UMT model, model/umt), s, one per node. From
   * then on the built-in drift model is off; the next tick applies the change since the last one.
   */
  setClockErrors(clockErrorS: Float64Array): void {
    if (clockErrorS.length !== this.params.nodes) throw InputError.of("clockErrorS", `${this.params.nodes} clock errors (one per node)`, clockErrorS);
    for (let i = 0; i < clockErrorS.length; i++) if (!Number.isFinite(clockErrorS[i]!)) throw InputError.of(`clockErrorS[${i}]`, "a finite time in s", clockErrorS[i]);
    this.buffers.clockErrorS.set(clockErrorS);
    this.externalClock = true;
  }

  /**
   * Advance by `dtS` seconds (0 < dtS ≤ 1/(κ·degree)); returns the tick's metrics and veto events.
   * With `measureEdges` false the edge pass (N·degree/2 overlaps, only for `rcfNeighbourMean`) is
   * skipped and `rcfNeighbourMean` is NaN: for a caller that reads the metrics of the last of
   * several steps only. The states, events and every other metric are the same either way.
   */
  step(dtS: number, measureEdges = true): MeshStep {
    const limit = maxStableDtS(this.params);
    if (typeof dtS !== "number" || !(dtS > 0) || !Number.isFinite(dtS) || dtS > limit) {
      throw InputError.of("dtS", `a tick in (0, ${limit.toExponential(3)}] s (κ·Δt·degree ≤ 1 keeps the explicit coupling update stable)`, dtS);
    }
    const ex = this.executor;
    const m = this.buffers;
    ex.run(PHASE_PHASES, dtS, this.cur, this.externalClock);
    ex.run(PHASE_COUPLE, dtS, this.cur, this.externalClock);
    // The density tick's second coupling sweep writes the current buffer in place.
    if (this.isDensity) ex.run(PHASE_COUPLE_SECOND, dtS, this.cur, this.externalClock);
    else if (this.params.kappaPerS > 0) this.cur = 1 - this.cur;
    this.elapsedS += dtS;
    // Reduce in block order (one block: exactly the classic node-order sums).
    let deSum = m.partials[0]!;
    let deMax = m.partials[1]!;
    let live = m.partials[2]!;
    for (let b = 1; b < this.blocks; b++) {
      deSum += m.partials[PARTIALS * b]!;
      if (m.partials[PARTIALS * b + 1]! > deMax) deMax = m.partials[PARTIALS * b + 1]!;
      live += m.partials[PARTIALS * b + 2]!;
    }
    const events: VetoEvent[] = [];
    if (this.params.vetoEnabled) {
      ex.run(PHASE_VETO, dtS, this.cur, this.externalClock);
      for (let b = 0; b < this.blocks; b++) {
        const r0 = 3 * m.bounds[b]!;
        for (let r = r0; r < r0 + 3 * m.vetoCount[b]!; r += 3) {
          events.push({ kind: "veto", timeS: this.elapsedS, node: m.vetoRec[r]!, deltaE: m.vetoRec[r + 1]!, source: m.vetoRec[r + 2]!, energyJ: this.vetoJ });
        }
      }
    }
    this.vetoesSinceInit += events.length;
    let rcfSum = Number.NaN;
    let edges = 1;
    if (measureEdges) {
      ex.run(PHASE_RCF, dtS, this.cur, this.externalClock);
      rcfSum = m.partials[3]!;
      edges = m.partials[4]!;
      for (let b = 1; b < this.blocks; b++) {
        rcfSum += m.partials[PARTIALS * b + 3]!;
        edges += m.partials[PARTIALS * b + 4]!;
      }
    }
    return {
      metrics: {
        timeS: this.elapsedS,
        rcfNeighbourMean: edges > 0 ? rcfSum / edges : Number.NaN,
        deltaEMean: live > 0 ? deSum / live : 0,
        deltaEMax: deMax,
        vetoes: events.length,
        vetoEnergyJ: events.length * this.vetoJ,
        clockErrorRmsS: rms(m.clockErrorS),
      },
      events,
    };
  }

  /**
   * Hierarchical RCF̄ of the current states (coherence-hierarchical.ts, clusters of `clusterSize`
   * consecutive nodes): `hierarchicalCoherence(nodeStates, clusterSize)` bit for bit. Its parallel
   * parts run on the executor's threads where it has them, else here; either way on scratch kept
   * from sample to sample, so the result's `edgeFrom`/`edgeTo` are views the next sample overwrites.
   */
  hierarchicalCoherence(clusterSize = CLUSTER_SIZE_DEFAULT): CoherenceResult {
    const states = this.nodeStates;
    checkHierarchical(states, clusterSize);
    const ex = this.executor;
    if (ex.hierarchicalParts) return hierarchicalTree(states, clusterSize, ex.hierarchicalParts(this.cur, clusterSize));
    if (!workFits(this.sampleWork, states.nodes, clusterSize)) this.sampleWork = hierarchicalWork(states.nodes, clusterSize);
    return hierarchicalCoherence(states, clusterSize, this.sampleWork);
  }

  /** Vetoes since init, in total (a tick's own count is `MeshMetrics.vetoes`). */
  get vetoesTotal(): number {
    return this.vetoesSinceInit;
  }

  /** A copy of the whole state (typed arrays copied); with blocks > 1 also the block streams' states. */
  snapshot(): MeshSnapshot {
    const m = this.buffers;
    if (this.blocks > 1) this.executor.pull();
    return {
      timeS: this.elapsedS,
      vetoesTotal: this.vetoesSinceInit,
      externalClock: this.externalClock,
      states: this.states.slice(),
      clockErrorS: m.clockErrorS.slice(),
      appliedClockErrorS: m.appliedClockErrorS.slice(),
      clockRate: m.clockRate.slice(),
      ...this.faults.snapshot(),
      ...(this.blocks > 1 ? { blockRandom: this.blockRandom.map((r) => { const s = r.getState(); return { generator: s.generator, key: s.key, s: s.s }; }) } : {}),
    };
  }

  /** Restore a snapshot taken from a mesh with the same parameters (and block count). */
  restore(snap: MeshSnapshot): void {
    if (snap.states.length !== this.states.length || snap.clockErrorS.length !== this.params.nodes) {
      throw InputError.of("snapshot", `a snapshot of a mesh with N = ${this.params.nodes}, d = ${this.params.dim}`, `~states of length ${snap.states.length}`);
    }
    if ((snap.blockRandom?.length ?? 1) !== this.blocks) {
      throw InputError.of("snapshot.blockRandom", `the streams of ${this.blocks} block(s) (mesh.blocks must match the checkpoint's)`, `~${snap.blockRandom?.length ?? 1} block(s)`);
    }
    const m = this.buffers;
    this.elapsedS = snap.timeS;
    this.vetoesSinceInit = snap.vetoesTotal;
    this.externalClock = snap.externalClock;
    this.states.set(snap.states);
    m.clockErrorS.set(snap.clockErrorS);
    m.appliedClockErrorS.set(snap.appliedClockErrorS);
    m.clockRate.set(snap.clockRate);
    if (snap.detuningRadS !== undefined) {
      if (snap.detuningRadS.length !== m.detuningRadS.length) throw InputError.of("snapshot.detuningRadS", `${m.detuningRadS.length} detunings (N·d)`, `~${snap.detuningRadS.length}`);
      m.detuningRadS.set(snap.detuningRadS);
    }
    this.faults.restore(snap);
    if (snap.blockRandom) {
      snap.blockRandom.forEach((s, b) => this.blockRandom[b]!.setState(s));
      this.executor.push();
    }
  }

  // ---- Faults (state in mesh-fault-state.ts): failed nodes, spares reloaded from the Black Sarcophagus, storm thresholds.

  private checkNode(i: number, where: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.params.nodes) throw InputError.of(where, `a node index in [0, ${this.params.nodes})`, i);
  }

  /** True if node `i` has failed and not been restored. */
  isFailed(i: number): boolean {
    this.checkNode(i, "node");
    return this.faults.isFailed(i);
  }

  /** Number of failed nodes. */
  get failedCount(): number {
    return this.faults.failedCount;
  }

  /** Node `i`'s state (`nodeLength` numbers: a ket or a density matrix, interleaved re/im), copied into `out` (allocated when absent). */
  nodeState(i: number, out = new Float64Array(this.nodeLength)): Float64Array {
    this.checkNode(i, "node");
    const L = this.nodeLength;
    if (out.length !== L) throw InputError.of("out", `${L} numbers (${this.isDensity ? "a d×d complex matrix" : "d complex amplitudes"})`, out);
    out.set(this.states.subarray(L * i, L * (i + 1)));
    return out;
  }

  /**
   * Write node `i`'s state exactly as given (no renormalisation, so a reload is bit for bit):
   * `state` holds d complex amplitudes interleaved re/im, finite, with ‖ψ‖ = 1 within 1e-9 (with
   * `coupling: density`, a d×d density matrix: Hermitian, trace 1, positive; `checkDensityState`).
   */
  setNodeState(i: number, state: Float64Array): void {
    this.checkNode(i, "node");
    const dim = this.params.dim;
    if (this.isDensity) {
      checkDensityState(state, dim);
      this.states.set(state, densityNodeLength(dim) * i);
      return;
    }
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
   * Node `i` fails (§3.2): it is isolated — it neither evolves, couples nor is vetoed,
   * and its neighbours couple only to live nodes — and its state is lost (set to 0, so its RCF
   * with every node is 0 until a spare takes its place).
   */
  failNode(i: number): void {
    this.checkNode(i, "node");
    this.faults.fail(i);
    this.states.fill(0, this.nodeLength * i, this.nodeLength * (i + 1));
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
    this.faults.revive(i);
    this.buffers.appliedClockErrorS[i] = this.buffers.clockErrorS[i]!;
  }

  /** Node `i`'s ΔE veto threshold (the mesh's `deltaEThreshold` unless set per node). */
  threshold(i: number): number {
    this.checkNode(i, "node");
    return this.faults.threshold(i);
  }

  /** Set node `i`'s ΔE veto threshold, in (0, 1) (V2000: 0.02 inside a CME region during the storm). */
  setNodeThreshold(i: number, deltaEThreshold: number): void {
    this.checkNode(i, "node");
    if (typeof deltaEThreshold !== "number" || !(deltaEThreshold > 0 && deltaEThreshold < 1)) throw InputError.of("deltaEThreshold", "a number in (0, 1)", deltaEThreshold);
    this.faults.setThreshold(i, deltaEThreshold);
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
