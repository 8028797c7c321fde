/**
 * `steadystate`: the stationary state of the Lindblad master equation, L ρ_ss = 0, Tr ρ_ss = 1.
 *
 * Exact reduction: L is block diagonal over the connected components of its sparsity graph
 * (lindblad-blocks.ts). The trace involves only populations ρ_ii, so the steady state lives in
 * the component(s) holding the populations; every other component's steady part is 0 (a block
 * without populations conserves no trace, and its only stationary solution is 0 when the state
 * is unique). Only that block is solved: for the two-mode cavity at N = 15, 2255 of 50625
 * unknowns. Within it, the population equation with the weakest diagonal is replaced by the trace
 * condition.
 *
 * Uniqueness: if the populations fall into two or more components, each conserves its own
 * partial trace and the steady state is not unique; this raises a SolverError instead of
 * returning one arbitrary solution. A unique steady state also needs the populations' block
 * itself to have a one-dimensional kernel (e.g. decoherence-free subspaces break this); then the
 * direct solve reports a singular system.
 */
import { InputError, SolverError } from "../errors.js";
import { csrAdd, csrAdjoint, csrMatmul, csrMatvec, type CsrMatrix } from "../numeric/complex/index.js";
import { bicgstab, csrSubmatrix, ilu0, rcmOrdering, sparseLuSolve } from "../numeric/sparse/index.js";
import { assembleLindblad, lindbladComponents, selectLabelled } from "./lindblad-blocks.js";
import { Qobj } from "./qobj.js";

/** Options of `steadystate`. */
export interface SteadystateOptions {
  /** 'direct' (numeric/sparse's pivoting sparse LU: RCM with the trace row in the dense border, up to 2 refinement steps, skipped once the residual is at rounding level) or 'iterative' (BiCGSTAB + ILU(0)). Default 'direct'. */
  readonly method?: "direct" | "iterative";
  /** Relative residual target of the iterative method (default 1e-13). */
  readonly tol?: number;
  /** Iteration budget of the iterative method (default 5000). */
  readonly maxIter?: number;
}

function requireOper(A: Qobj, dims: readonly number[] | null, path: string): void {
  if (!(A instanceof Qobj) || A.type !== "oper" || A.dims[0].join() !== A.dims[1].join()) {
    throw InputError.of(path, "a square operator Qobj", A instanceof Qobj ? `~a ${A.type} with dims ${JSON.stringify(A.dims)}` : A);
  }
  if (dims !== null && A.dims[0].join() !== dims.join()) throw InputError.of(path, `an operator on dims ${JSON.stringify(dims)}`, `~dims ${JSON.stringify(A.dims)}`);
}

/** BiCGSTAB + ILU(0) on the system reordered by RCM (which suits ILU(0)); x in the original order. */
function solveIterative(M: CsrMatrix, b: Float64Array, options: SteadystateOptions): Float64Array {
  const perm = rcmOrdering(M);
  const P = csrSubmatrix(M, perm);
  const bp = new Float64Array(b.length);
  for (let k = 0; k < perm.length; k++) {
    bp[2 * k] = b[2 * perm[k]!]!;
    bp[2 * k + 1] = b[2 * perm[k]! + 1]!;
  }
  const xp = bicgstab((out, v) => csrMatvec(out, P, v), bp, { tol: options.tol ?? 1e-13, maxIter: options.maxIter ?? 5000, precondition: ilu0(P).apply }).x;
  const x = new Float64Array(b.length);
  for (let k = 0; k < perm.length; k++) {
    x[2 * perm[k]!] = xp[2 * k]!;
    x[2 * perm[k]! + 1] = xp[2 * k + 1]!;
  }
  return x;
}

/**
 * The population equation to give up for the trace condition: the one with the smallest
 * diagonal |L_qq| (e.g. a dark ground state with no loss of its own has none at all, which
 * ILU(0) could not pivot on). Any population row works for the exact solution.
 */
function weakestPopulationRow(A: CsrMatrix, traceCols: Int32Array): number {
  let best = traceCols[0]!, bestMag = Infinity;
  for (let t = 0; t < traceCols.length; t++) {
    const q = traceCols[t]!;
    let mag = 0;
    for (let p = A.rowPtr[q]!; p < A.rowPtr[q + 1]!; p++) {
      if (A.colIdx[p] === q) mag = Math.hypot(A.data[2 * p]!, A.data[2 * p + 1]!);
    }
    if (mag < bestMag) { bestMag = mag; best = q; }
  }
  return best;
}

/** Replace row `r` of A by the trace functional Σ_i ρ_ii (columns `traceCols`). */
function withTraceRow(A: CsrMatrix, r: number, traceCols: Int32Array): CsrMatrix {
  const cols = Array.from(traceCols).sort((a, b) => a - b);
  const oldLen = A.rowPtr[r + 1]! - A.rowPtr[r]!;
  const nnz = A.colIdx.length - oldLen + cols.length;
  const rowPtr = new Int32Array(A.rows + 1), colIdx = new Int32Array(nnz), data = new Float64Array(2 * nnz);
  let q = 0;
  for (let i = 0; i < A.rows; i++) {
    if (i === r) {
      for (const c of cols) { colIdx[q] = c; data[2 * q] = 1; q++; }
    } else {
      for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
        colIdx[q] = A.colIdx[p]!; data[2 * q] = A.data[2 * p]!; data[2 * q + 1] = A.data[2 * p + 1]!; q++;
      }
    }
    rowPtr[i + 1] = q;
  }
  return { rows: A.rows, cols: A.cols, rowPtr, colIdx, data };
}

/**
 * Steady state ρ_ss of dρ/dt = −i[H, ρ] + Σ_k D[c_k]ρ (ħ = 1), normalised to Tr ρ_ss = 1 and
 * made exactly Hermitian ((ρ + ρ†)/2, as QuTiP does).
 * @param H Hermitian Hamiltonian, or null for dissipation only.
 * @param cOps collapse operators (at least one; without dissipation the steady state is not unique).
 * @throws SolverError when the steady state is not unique or a solver fails.
 */
export function steadystate(H: Qobj | null, cOps: readonly Qobj[], options: SteadystateOptions = {}): Qobj {
  const method = options.method ?? "direct";
  if (method !== "direct" && method !== "iterative") throw InputError.of("options.method", "'direct' or 'iterative'", method);
  if (!Array.isArray(cOps) || cOps.length === 0) throw InputError.of("cOps", "at least one collapse operator (without dissipation the steady state is not unique)", cOps);
  const ref = H ?? (cOps[0] as Qobj);
  requireOper(ref, null, H === null ? "cOps[0]" : "H");
  const dims = ref.dims[0];
  if (H !== null && !H.isHerm) throw InputError.of("H", "a Hermitian Hamiltonian", "~a non-Hermitian operator");
  cOps.forEach((c, k) => requireOper(c, dims, `cOps[${k}]`));
  const d = ref.data.rows;
  const jumps = cOps.map((c) => c.data);
  const zero: CsrMatrix = { rows: d, cols: d, rowPtr: new Int32Array(d + 1), colIdx: new Int32Array(0), data: new Float64Array(0) };
  const K = jumps.reduce((acc, c) => csrAdd(acc, csrMatmul(csrAdjoint(c), c), 1, 0, 0, -0.5), H === null ? zero : H.data);

  const diag = Int32Array.from({ length: d }, (_, i) => i + i * d);
  const { label, count } = lindbladComponents({ d, ks: [K], jumps }, diag);
  if (count > 1) {
    throw new SolverError(`steadystate: the populations ρ_ii fall into ${count} uncoupled blocks of the Liouvillian, so the steady state is not unique (each block keeps its own trace); add dissipation or coupling that connects them`);
  }
  const { indices, local } = selectLabelled(label, () => true);
  const A = assembleLindblad(d, K, jumps, indices, local);
  const traceCols = Int32Array.from(diag, (k) => local[k]!);
  const r0 = weakestPopulationRow(A, traceCols);
  const M = withTraceRow(A, r0, traceCols);
  const b = new Float64Array(2 * indices.length);
  b[2 * r0] = 1;
  const x = method === "direct"
    // sparseLuSolve orders by RCM itself, keeping the dense trace row's variables in a short border.
    ? sparseLuSolve(M, b, { refine: 2 })
    : solveIterative(M, b, options);

  const rho = new Float64Array(2 * d * d);
  for (let q = 0; q < indices.length; q++) {
    const k = indices[q]!;
    const m = k % d, n = (k - m) / d;
    rho[2 * (m * d + n)] = x[2 * q]!;
    rho[2 * (m * d + n) + 1] = x[2 * q + 1]!;
  }
  // Exact Hermitian part and unit trace (both hold for the exact solution).
  let tr = 0;
  for (let i = 0; i < d; i++) tr += rho[2 * (i * d + i)]!;
  if (!(Math.abs(tr) > 0) || !Number.isFinite(tr)) throw new SolverError(`steadystate: the solution has trace ${tr}; the system is singular`);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const re = ((rho[2 * (i * d + j)]!) + (rho[2 * (j * d + i)]!)) / (2 * tr);
      const im = ((rho[2 * (i * d + j) + 1]!) - (rho[2 * (j * d + i) + 1]!)) / (2 * tr);
      rho[2 * (i * d + j)] = re; rho[2 * (i * d + j) + 1] = im;
      rho[2 * (j * d + i)] = re; rho[2 * (j * d + i) + 1] = -im;
    }
  }
  return new Qobj({ rows: d, cols: d, data: rho }, [dims, dims]);
}
