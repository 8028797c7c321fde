/**
 * The resonance mesh with Appendix B's master equation taken literally (`mesh.coupling: density`):
 * every node holds a d×d density matrix ρ_i (Hermitian, trace 1, positive semidefinite) and
 *
 *   dρ_i/dt = −i[H_i, ρ_i] + γ Σ_k (P_k ρ_i P_k − ½{P_k, ρ_i}) + Σ_{j∈N(i)} κ (ρ_j − ρ_i),
 *
 * with H_i = diag(δ_ik) (the node's detuning; its UMT clock error τ_i moves its phase reference by
 * ω_k τ_i, Theorem 1) and L_i the dephasing of the pure-state mesh (mesh.ts), now exact instead of
 * unravelled: coherences ρ_kl (k ≠ l) decay at rate γ. The equation is linear (docs/MODEL.md).
 *
 * One tick of length Δt is a Strang splitting, each factor a positive trace-preserving map:
 *  1. local half step, exact: ρ_kl ← e^{iφ_k} e^{−iφ_l} e^{−γΔt/2} ρ_kl (k ≠ l) with
 *     φ_k = −δ_k Δt/2 − ω_k Δτ_i (the clock change Δτ_i enters once, here), a Schur product
 *     with a positive semidefinite matrix;
 *  2. coupling, second-order Taylor of exp(κΔt(W − D)) (W the adjacency, D the live degrees) in
 *     two Jacobi sweeps: y = x + A x / 2 into the other buffer, then x ← x + A y in place (a
 *     sweep reads the neighbours of one buffer and writes only its own node of the other). Every
 *     coefficient is ≥ 0 when κΔt·degree ≤ 1 (mesh.ts's tick limit), so ρ_i stays a convex-like
 *     positive combination of the old states: Hermitian, trace 1 and positive;
 *  3. local half step again (no clock change), then ΔE_i = 1 − ⟨ODOS|ρ_i|ODOS⟩;
 *  4. the ODOS veto as in mesh.ts (re-seed from the healthiest healthy neighbour or |ODOS⟩⟨ODOS|);
 *  5. pairwise RCF over the edges as Tr(ρ_i ρ_j) (the swap-test reading; theorem2.ts).
 * Local factors are exact, the coupling factor second order: the tick is second order in Δt and
 * matches `mesolve` on theorem2.ts's embedding to ≤ 1e-8 at small Δt (density-mesh.test.ts).
 *
 * No draws happen after the initial states except the UMT clock walk: γ enters exactly.
 * Layout: node i's matrix at data[L·i .. L·(i+1)), L = 2d², row-major, interleaved re/im
 * (12×12 complex doubles = 2304 bytes a node at d = 12).
 *
 * Kernels per node block, like mesh-blocks.ts (which dispatches here), so the threaded executor
 * (sim/executors/mesh-shard.ts) runs them unchanged and bit-identically for any thread count.
 */
import { InputError } from "../../errors.js";
import { eigvalsh } from "../../numeric/linalg/eigh.js";
import { advanceClocks, type BlockRandom, type MeshBuffers, type MeshPhase, measureDeltaE, type NodeForm, overlapEdges, PHASE_COUPLE, PHASE_COUPLE_SECOND, PHASE_PHASES, PHASE_VETO, veto } from "./mesh-blocks.js";

/** N density matrices of d×d: node i's at data[2d²·i .. 2d²·(i+1)), row-major, interleaved re/im. */
export interface DensityMatrices {
  readonly nodes: number;
  readonly dim: number;
  readonly data: Float64Array;
}

/** Doubles one node's density matrix takes (d×d complex, interleaved). */
export function densityNodeLength(dim: number): number {
  return 2 * dim * dim;
}

/** Scratch (per thread: each worker has its own module instance). */
let scratch = new Float64Array(0);
function scratchOf(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  return scratch;
}

/**
 * Initial draws of block b, in exactly the pure mesh's order (drawInitialBlock): the node's state
 * ψ around ODOS (or Haar), normalised, stored as ρ = |ψ⟩⟨ψ|; then detunings; then clock error
 * and rate. So a density mesh starts from the pure mesh's states with the same seed.
 */
export function drawInitialDensityBlock(m: MeshBuffers, b: number, rng: BlockRandom): void {
  const { dim, initialSpread, detuningStdRadS, clockErrorStdS, clockDriftStd } = m.params;
  const lo = m.bounds[b]!;
  const hi = m.bounds[b + 1]!;
  const s = m.states[0];
  const haar = m.params.initialState === "haar";
  const a = haar ? 0 : 1 / Math.sqrt(dim);
  const spread = haar ? 1 : initialSpread;
  const psi = scratchOf(2 * dim);
  const L = densityNodeLength(dim);
  for (let i = lo; i < hi; i++) {
    let n2 = 0;
    for (let k = 0; k < dim; k++) {
      psi[2 * k] = a + spread * rng.normal();
      psi[2 * k + 1] = spread * rng.normal();
    }
    for (let k = 0; k < 2 * dim; k++) n2 += psi[k]! * psi[k]!;
    const norm = Math.sqrt(n2);
    for (let k = 0; k < 2 * dim; k++) psi[k] = psi[k]! / norm;
    writeProjector(s, L * i, psi, dim);
  }
  if (detuningStdRadS > 0) for (let x = lo * dim; x < hi * dim; x++) m.detuningRadS[x] = detuningStdRadS * rng.normal();
  for (let i = lo; i < hi; i++) {
    m.clockErrorS[i] = clockErrorStdS * rng.normal();
    m.clockRate[i] = clockDriftStd * rng.normal();
  }
}

/** ρ = |ψ⟩⟨ψ| (ψ: d complex amplitudes interleaved) into out[o ..]: ρ_kl = ψ_k conj(ψ_l). */
export function writeProjector(out: Float64Array, o: number, psi: Float64Array, dim: number): void {
  for (let k = 0; k < dim; k++) {
    const kr = psi[2 * k]!;
    const ki = psi[2 * k + 1]!;
    for (let l = 0; l < dim; l++) {
      const lr = psi[2 * l]!;
      const li = psi[2 * l + 1]!;
      out[o + 2 * (k * dim + l)] = kr * lr + ki * li;
      out[o + 2 * (k * dim + l) + 1] = ki * lr - kr * li;
    }
  }
}

/** Run phase `phase` of the density tick for block b (see the file comment; mesh-blocks.ts calls it). */
export function runDensityBlockPhase(m: MeshBuffers, phase: MeshPhase, b: number, rng: BlockRandom, dtS: number, cur: number, externalClock: boolean): void {
  const lo = m.bounds[b]!;
  const hi = m.bounds[b + 1]!;
  const s = m.states[cur]!;
  const coupled = m.params.kappaPerS > 0;
  if (phase === PHASE_PHASES) {
    if (!externalClock) advanceClocks(m, lo, hi, rng, dtS);
    localHalfStep(m, lo, hi, s, dtS / 2, true);
  } else if (phase === PHASE_COUPLE) {
    if (coupled) couplePredict(m, lo, hi, s, m.states[1 - cur]!, dtS);
  } else if (phase === PHASE_COUPLE_SECOND) {
    if (coupled) coupleCorrect(m, lo, hi, s, m.states[1 - cur]!, dtS);
    localHalfStep(m, lo, hi, s, dtS / 2, false);
    measureDeltaE(m, b, lo, hi, s, DENSITY_NODES);
  } else if (phase === PHASE_VETO) {
    veto(m, b, lo, hi, s, DENSITY_NODES);
  } else {
    overlapEdges(m, b, lo, hi, s, DENSITY_NODES);
  }
}

/** Steps 1 and 3: ρ_kl ← e^{i(φ_k − φ_l)} e^{−γh} ρ_kl for k < l, and ρ_lk its conjugate (Hermitian exactly). */
function localHalfStep(m: MeshBuffers, lo: number, hi: number, s: Float64Array, h: number, clock: boolean): void {
  const { dim, gammaPerS } = m.params;
  const damp = Math.exp(-gammaPerS * h);
  const det = m.detuningRadS;
  const failed = m.failed;
  const L = densityNodeLength(dim);
  const u = scratchOf(2 * dim);
  for (let i = lo; i < hi; i++) {
    if (failed[i] === 1) continue;
    let dTau = 0;
    if (clock) {
      dTau = m.clockErrorS[i]! - m.appliedClockErrorS[i]!;
      m.appliedClockErrorS[i] = m.clockErrorS[i]!;
    }
    for (let k = 0; k < dim; k++) {
      const phi = -(det[i * dim + k]! * h) - m.omegaRadS[k]! * dTau;
      u[2 * k] = Math.cos(phi);
      u[2 * k + 1] = Math.sin(phi);
    }
    const o = L * i;
    for (let k = 0; k < dim; k++) {
      const kr = u[2 * k]!;
      const ki = u[2 * k + 1]!;
      for (let l = k + 1; l < dim; l++) {
        // f = u_k conj(u_l) e^{−γh}
        const fr = (kr * u[2 * l]! + ki * u[2 * l + 1]!) * damp;
        const fi = (ki * u[2 * l]! - kr * u[2 * l + 1]!) * damp;
        const x = o + 2 * (k * dim + l);
        const re = s[x]!;
        const im = s[x + 1]!;
        const nr = fr * re - fi * im;
        const ni = fr * im + fi * re;
        s[x] = nr;
        s[x + 1] = ni;
        const y = o + 2 * (l * dim + k);
        s[y] = nr;
        s[y + 1] = -ni;
      }
    }
  }
}

/** Live neighbours of node i. */
function liveDegree(m: MeshBuffers, i: number): number {
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  let deg = rowPtr[i + 1]! - rowPtr[i]!;
  for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) deg -= failed[colIdx[p]!]!;
  return deg;
}

/** Coupling sweep 1: y_i = (1 − κΔt·deg_i/2) x_i + (κΔt/2) Σ_{j live} x_j, into `y` (the other buffer). */
function couplePredict(m: MeshBuffers, lo: number, hi: number, x: Float64Array, y: Float64Array, dtS: number): void {
  const L = densityNodeLength(m.params.dim);
  const half = (m.params.kappaPerS * dtS) / 2;
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    const o = L * i;
    if (failed[i] === 1) {
      y.fill(0, o, o + L);
      continue;
    }
    const self = 1 - half * liveDegree(m, i);
    for (let e = o; e < o + L; e++) y[e] = self * x[e]!;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!;
      if (failed[j] === 1) continue;
      const d = L * j - o;
      for (let e = o; e < o + L; e++) y[e] = y[e]! + half * x[e + d]!;
    }
  }
}

/** Coupling sweep 2: x_i ← x_i + κΔt (Σ_{j live} y_j − deg_i y_i), in place (no other node reads x now). */
function coupleCorrect(m: MeshBuffers, lo: number, hi: number, x: Float64Array, y: Float64Array, dtS: number): void {
  const L = densityNodeLength(m.params.dim);
  const g = m.params.kappaPerS * dtS;
  const { rowPtr, colIdx } = m.neighbours;
  const failed = m.failed;
  for (let i = lo; i < hi; i++) {
    if (failed[i] === 1) continue;
    const o = L * i;
    const gd = g * liveDegree(m, i);
    for (let e = o; e < o + L; e++) x[e] = x[e]! - gd * y[e]!;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!;
      if (failed[j] === 1) continue;
      const d = L * j - o;
      for (let e = o; e < o + L; e++) x[e] = x[e]! + g * y[e + d]!;
    }
  }
}

/** ΔE(ρ_i) = 1 − ⟨ODOS|ρ_i|ODOS⟩ = 1 − (1/d) Σ_kl Re ρ_kl (§2.3 on a density matrix). */
export function densityDeltaE(data: Float64Array, dim: number, i: number): number {
  const L = densityNodeLength(dim);
  let sum = 0;
  for (let e = L * i; e < L * (i + 1); e += 2) sum += data[e]!;
  return 1 - sum / dim;
}

/** |ODOS⟩⟨ODOS| (every entry 1/d) into node i. */
export function writeDensityOdos(data: Float64Array, dim: number, i: number): void {
  const L = densityNodeLength(dim);
  for (let e = L * i; e < L * (i + 1); e += 2) {
    data[e] = 1 / dim;
    data[e + 1] = 0;
  }
}

/** Tr(ρ_i σ_j) for node i of `a` and node j of `b`: the plain dot product of the interleaved entries (σ Hermitian). */
export function densityOverlap(a: Float64Array, i: number, b: Float64Array, j: number, dim: number): number {
  const L = densityNodeLength(dim);
  const oa = L * i;
  const ob = L * j;
  let sum = 0;
  for (let e = 0; e < L; e++) sum += a[oa + e]! * b[ob + e]!;
  return sum;
}

/** Steps 4 and 5 (ΔE, veto, Tr(ρ_iρ_j) over edges) are mesh-blocks.ts's phases on density matrices. */
const DENSITY_NODES: NodeForm = {
  length: densityNodeLength,
  deltaE: densityDeltaE,
  writeOdos: writeDensityOdos,
  overlap: (s, dim, i, j) => densityOverlap(s, i, s, j, dim),
};

/** Largest |ρ_kl − conj(ρ_lk)| accepted for a density matrix given from outside. */
const HERMITIAN_TOL = 1e-12;
/** Trace and smallest eigenvalue tolerance for a density matrix given from outside. */
const TRACE_TOL = 1e-9;

/**
 * Validate a density matrix given from outside (a reload, `setNodeState`): d×d complex entries
 * interleaved, finite, Hermitian within 1e-12, trace 1 within 1e-9, eigenvalues ≥ −1e-9.
 */
export function checkDensityState(state: Float64Array, dim: number, where = "state"): void {
  const L = densityNodeLength(dim);
  if (!(state instanceof Float64Array) || state.length !== L) throw InputError.of(where, `a Float64Array of ${L} numbers (a ${dim}×${dim} complex density matrix, interleaved re/im)`, state);
  for (let e = 0; e < L; e++) if (!Number.isFinite(state[e]!)) throw InputError.of(`${where}[${e}]`, "a finite number", state[e]);
  let tr = 0;
  for (let k = 0; k < dim; k++) {
    tr += state[2 * (k * dim + k)]!;
    for (let l = k; l < dim; l++) {
      const a = 2 * (k * dim + l);
      const c = 2 * (l * dim + k);
      const dev = Math.hypot(state[a]! - state[c]!, state[a + 1]! + state[c + 1]!);
      if (!(dev <= HERMITIAN_TOL)) throw InputError.of(where, `a Hermitian matrix (|ρ_kl − conj ρ_lk| ≤ ${HERMITIAN_TOL})`, `~|ρ_${k}${l} − conj ρ_${l}${k}| = ${dev}`);
    }
  }
  if (!(Math.abs(tr - 1) <= TRACE_TOL)) throw InputError.of(where, `trace 1 within ${TRACE_TOL}`, `~Tr ρ = ${tr}`);
  const lambdaMin = eigvalsh({ rows: dim, cols: dim, data: state })[0]!;
  if (!(lambdaMin >= -TRACE_TOL)) throw InputError.of(where, `a positive semidefinite matrix (eigenvalues ≥ −${TRACE_TOL})`, `~smallest eigenvalue ${lambdaMin}`);
}
