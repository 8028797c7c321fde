/**
 * Sparse direct solver for complex CSR systems: a fill-reducing reverse Cuthill–McKee ordering,
 * then a row-frontal (variable-band) LU with threshold partial pivoting inside the front.
 *
 * Rows enter the dense front when elimination reaches their first column (after reordering)
 * and leave it as pivot rows of U. Only the envelope is ever stored, in a ring of width W
 * (the widest front the ordering allows), so work is ~Σ_k (front rows)·(pivot-row length) and
 * every inner loop is a contiguous complex axpy.
 */
import { InputError, SolverError } from "../../errors.js";
import { checkCsr, checkVec } from "../complex/check.js";
import { csrMatvec } from "../complex/csr.js";
import type { CsrMatrix } from "../complex/types.js";
import { rcmOrdering } from "./graph.js";

/** Options of `sparseLuFactor` / `sparseLuSolve`. */
export interface SparseLuOptions {
  /** Fill-reducing symmetric ordering (default 'rcm'). */
  readonly ordering?: "rcm" | "natural";
  /** Accept a pivot whose magnitude is ≥ threshold · the column maximum (default 0.1; 1 = partial pivoting). */
  readonly pivotThreshold?: number;
  /** Iterative-refinement steps in `sparseLuSolve` (default 1). */
  readonly refine?: number;
}

/** A factorisation of P_r B = L U with B = Q A Qᵀ (Q the ordering); `solve` reuses it. */
export interface SparseLu {
  readonly n: number;
  /** Stored entries of L and U (a measure of fill). */
  readonly nnzFactors: number;
  /** Solve A x = b; writes `out` (n complex entries) and returns it. */
  solve(b: Float64Array, out?: Float64Array): Float64Array;
}

/** Refuse fronts whose dense storage would exceed this many doubles (1 GiB). */
const MAX_FRONT_DOUBLES = 2 ** 27;

class Growable {
  i32: Int32Array;
  f64: Float64Array;
  n = 0;
  constructor(cap: number) {
    this.i32 = new Int32Array(cap);
    this.f64 = new Float64Array(2 * cap);
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.i32.length) return;
    const cap = Math.max(2 * this.i32.length, this.n + extra);
    const i = new Int32Array(cap);
    i.set(this.i32.subarray(0, this.n));
    const f = new Float64Array(2 * cap);
    f.set(this.f64.subarray(0, 2 * this.n));
    this.i32 = i;
    this.f64 = f;
  }
}

/** Symbolic data of the reordered matrix: first/last column per row, and the front bounds. */
interface Symbolic {
  perm: Int32Array;
  inv: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** Rows bucketed by first column: rows startPtr[k]..startPtr[k+1]-1 of byFirst. */
  startPtr: Int32Array;
  byFirst: Int32Array;
  width: number;
  maxActive: number;
  normMax: number;
}

function symbolic(A: CsrMatrix, ordering: "rcm" | "natural"): Symbolic {
  const n = A.rows;
  const perm = ordering === "rcm" ? rcmOrdering(A) : Int32Array.from({ length: n }, (_, k) => k);
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k] as number] = k;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  let normMax = 0;
  for (let r = 0; r < n; r++) {
    const i = perm[r] as number;
    let f = n;
    let l = -1;
    for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
      const c = inv[A.colIdx[p] as number] as number;
      if (c < f) f = c;
      if (c > l) l = c;
      normMax = Math.max(normMax, Math.abs(A.data[2 * p] as number), Math.abs(A.data[2 * p + 1] as number));
    }
    if (l < 0) throw new SolverError(`sparseLuSolve: matrix is singular (row ${i} has no stored entries)`);
    first[r] = f;
    last[r] = l;
  }
  const startPtr = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) startPtr[(first[r] as number) + 1] = (startPtr[(first[r] as number) + 1] as number) + 1;
  for (let k = 0; k < n; k++) startPtr[k + 1] = (startPtr[k + 1] as number) + (startPtr[k] as number);
  const byFirst = new Int32Array(n);
  const at = startPtr.slice(0, n);
  for (let r = 0; r < n; r++) {
    const f = first[r] as number;
    byFirst[at[f] as number] = r;
    at[f] = (at[f] as number) + 1;
  }
  let width = 1;
  let maxActive = 0;
  let reach = -1;
  for (let k = 0; k < n; k++) {
    for (let t = startPtr[k] as number; t < (startPtr[k + 1] as number); t++) reach = Math.max(reach, last[byFirst[t] as number] as number);
    width = Math.max(width, reach - k + 1);
    maxActive = Math.max(maxActive, (startPtr[k + 1] as number) - k);
  }
  return { perm, inv, first, last, startPtr, byFirst, width, maxActive, normMax };
}

/**
 * Factor a square complex CSR matrix for repeated solves.
 * @throws InputError for a non-square matrix or non-finite entries; SolverError when the matrix
 *   is (numerically) singular — no pivot above n·ε·max|A| in some column — or its front is too
 *   wide to store (split it with `connectedComponents`, or use `bicgstab`).
 */
export function sparseLuFactor(A: CsrMatrix, options: SparseLuOptions = {}): SparseLu {
  checkCsr("A", A);
  if (A.rows !== A.cols) throw InputError.of("A", "a square CSR matrix", `~${A.rows}x${A.cols}`);
  for (let k = 0; k < A.data.length; k++) {
    if (!Number.isFinite(A.data[k])) throw InputError.of(`A.data[${k}]`, "a finite number", A.data[k]);
  }
  const tau = options.pivotThreshold ?? 0.1;
  if (!(tau > 0 && tau <= 1)) throw InputError.of("options.pivotThreshold", "a number in (0, 1]", tau);
  const n = A.rows;
  if (n === 0) return { n, nnzFactors: 0, solve: (_b, out) => out ?? new Float64Array(0) };
  const sym = symbolic(A, options.ordering ?? "rcm");
  const W = sym.width;
  if (sym.maxActive * 2 * W > MAX_FRONT_DOUBLES) {
    throw new SolverError(`sparseLuSolve: front of ${sym.maxActive} rows × ${W} columns exceeds the ${MAX_FRONT_DOUBLES * 8 / 2 ** 30} GiB limit; split the system with connectedComponents/csrSubmatrix or use bicgstab with ilu0`);
  }
  return numeric(A, sym, tau);
}

function numeric(A: CsrMatrix, sym: Symbolic, tau: number): SparseLu {
  const n = A.rows;
  const W = sym.width;
  const W2 = 2 * W;
  const front = new Float64Array(sym.maxActive * W2);
  const freeSlots = Int32Array.from({ length: sym.maxActive }, (_, s) => sym.maxActive - 1 - s);
  let nFree = sym.maxActive;
  // Active rows: permuted row id, slot, current last possibly-nonzero column.
  const actRow = new Int32Array(sym.maxActive);
  const actSlot = new Int32Array(sym.maxActive);
  const actExt = new Int32Array(sym.maxActive);
  let nAct = 0;
  const pivRow = new Int32Array(n);
  const L = new Growable(4 * n);
  const lPtr = new Int32Array(n + 1);
  const U = new Growable(8 * n); // i32 unused beyond uStart bookkeeping
  const uStart = new Int32Array(n + 1);
  const tiny = n * 2 ** -52 * sym.normMax;
  for (let k = 0; k < n; k++) {
    for (let t = sym.startPtr[k] as number; t < (sym.startPtr[k + 1] as number); t++) {
      const r = sym.byFirst[t] as number;
      const slot = freeSlots[--nFree] as number;
      scatterRow(A, sym, r, front, slot * W2, W);
      actRow[nAct] = r;
      actSlot[nAct] = slot;
      actExt[nAct] = sym.last[r] as number;
      nAct++;
    }
    const kk = 2 * (k % W);
    // Threshold partial pivoting: among rows with |v| ≥ τ·max, the shortest (least fill).
    let vmax = 0;
    for (let a = 0; a < nAct; a++) {
      const o = (actSlot[a] as number) * W2 + kk;
      vmax = Math.max(vmax, Math.hypot(front[o] as number, front[o + 1] as number));
    }
    if (!(vmax > tiny)) {
      throw new SolverError(`sparseLuSolve: matrix is singular to working precision (largest pivot candidate ${vmax.toExponential(3)} ≤ n·ε·max|A| = ${tiny.toExponential(3)} at elimination step ${k} of ${n})`);
    }
    let pa = -1;
    for (let a = 0; a < nAct; a++) {
      const o = (actSlot[a] as number) * W2 + kk;
      if (Math.hypot(front[o] as number, front[o + 1] as number) >= tau * vmax && (pa < 0 || (actExt[a] as number) < (actExt[pa] as number))) pa = a;
    }
    const pSlot = actSlot[pa] as number;
    const pExt = actExt[pa] as number;
    pivRow[k] = actRow[pa] as number;
    const pBase = pSlot * W2;
    // Store U's row k (columns k..pExt) and clear the pivot row's slot.
    const len = pExt - k + 1;
    U.reserve(len);
    for (let c = k; c <= pExt; c++) {
      const o = pBase + 2 * (c % W);
      U.f64[2 * U.n] = front[o] as number;
      U.f64[2 * U.n + 1] = front[o + 1] as number;
      U.n++;
      front[o] = 0;
      front[o + 1] = 0;
    }
    uStart[k + 1] = U.n;
    nAct--;
    actRow[pa] = actRow[nAct] as number;
    actSlot[pa] = actSlot[nAct] as number;
    actExt[pa] = actExt[nAct] as number;
    freeSlots[nFree++] = pSlot;
    eliminate(front, W, k, pExt, U.f64, uStart[k] as number, nAct, actRow, actSlot, actExt, L);
    lPtr[k + 1] = L.n;
  }
  const lRow = L.i32;
  const lVal = L.f64;
  const uVal = U.f64;
  return {
    n,
    nnzFactors: L.n + U.n,
    solve: (b, out = new Float64Array(2 * n)) => solveFactors(sym, pivRow, lPtr, lRow, lVal, uStart, uVal, b, out),
  };
}

function scatterRow(A: CsrMatrix, sym: Symbolic, r: number, front: Float64Array, base: number, W: number): void {
  const i = sym.perm[r] as number;
  for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
    const o = base + 2 * ((sym.inv[A.colIdx[p] as number] as number) % W);
    front[o] = A.data[2 * p] as number;
    front[o + 1] = A.data[2 * p + 1] as number;
  }
}

/** Eliminate column k from every active row with the pivot row u (U values from uOff, columns k..pExt). */
function eliminate(front: Float64Array, W: number, k: number, pExt: number, u: Float64Array, uOff: number, nAct: number, actRow: Int32Array, actSlot: Int32Array, actExt: Int32Array, L: Growable): void {
  const W2 = 2 * W;
  const pr = u[2 * uOff] as number;
  const pi = u[2 * uOff + 1] as number;
  const den = pr * pr + pi * pi;
  const ir = pr / den;
  const ii = -pi / den;
  const kk = 2 * (k % W);
  // Columns k+1..pExt occupy ring positions [s0, W) then [0, e1) when they wrap.
  const s0 = (k + 1) % W;
  const len = pExt - k;
  const firstLen = Math.min(len, W - s0);
  L.reserve(nAct);
  for (let a = 0; a < nAct; a++) {
    const base = (actSlot[a] as number) * W2;
    const vr = front[base + kk] as number;
    const vi = front[base + kk + 1] as number;
    if (vr === 0 && vi === 0) continue;
    front[base + kk] = 0;
    front[base + kk + 1] = 0;
    const lr = vr * ir - vi * ii;
    const li = vr * ii + vi * ir;
    L.i32[L.n] = actRow[a] as number;
    L.f64[2 * L.n] = lr;
    L.f64[2 * L.n + 1] = li;
    L.n++;
    axpyNeg(front, base + 2 * s0, u, 2 * (uOff + 1), firstLen, lr, li);
    if (len > firstLen) axpyNeg(front, base, u, 2 * (uOff + 1 + firstLen), len - firstLen, lr, li);
    if (pExt > (actExt[a] as number)) actExt[a] = pExt;
  }
}

/** y[yo + 2t] −= (lr + i li) · u[uo + 2t] for t < m (complex). */
function axpyNeg(y: Float64Array, yo: number, u: Float64Array, uo: number, m: number, lr: number, li: number): void {
  for (let t = 0; t < 2 * m; t += 2) {
    const ur = u[uo + t] as number;
    const ui = u[uo + t + 1] as number;
    y[yo + t] = (y[yo + t] as number) - (lr * ur - li * ui);
    y[yo + t + 1] = (y[yo + t + 1] as number) - (lr * ui + li * ur);
  }
}

function solveFactors(sym: Symbolic, pivRow: Int32Array, lPtr: Int32Array, lRow: Int32Array, lVal: Float64Array, uStart: Int32Array, uVal: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  const n = pivRow.length;
  checkVec("b", b, n);
  checkVec("out", out, n);
  // y indexed by permuted row id; z by elimination step.
  const y = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    const i = sym.perm[r] as number;
    y[2 * r] = b[2 * i] as number;
    y[2 * r + 1] = b[2 * i + 1] as number;
  }
  const z = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const p = pivRow[k] as number;
    const zr = y[2 * p] as number;
    const zi = y[2 * p + 1] as number;
    z[2 * k] = zr;
    z[2 * k + 1] = zi;
    if (zr === 0 && zi === 0) continue;
    for (let q = lPtr[k] as number; q < (lPtr[k + 1] as number); q++) {
      const i = lRow[q] as number;
      const lr = lVal[2 * q] as number;
      const li = lVal[2 * q + 1] as number;
      y[2 * i] = (y[2 * i] as number) - (lr * zr - li * zi);
      y[2 * i + 1] = (y[2 * i + 1] as number) - (lr * zi + li * zr);
    }
  }
  // Back substitution: U row k covers columns k..k+len−1 (permuted column order).
  for (let k = n - 1; k >= 0; k--) {
    const s = uStart[k] as number;
    const len = (uStart[k + 1] as number) - s;
    let sr = z[2 * k] as number;
    let si = z[2 * k + 1] as number;
    for (let t = 1; t < len; t++) {
      const ur = uVal[2 * (s + t)] as number;
      const ui = uVal[2 * (s + t) + 1] as number;
      const xr = z[2 * (k + t)] as number;
      const xi = z[2 * (k + t) + 1] as number;
      sr -= ur * xr - ui * xi;
      si -= ur * xi + ui * xr;
    }
    const dr = uVal[2 * s] as number;
    const di = uVal[2 * s + 1] as number;
    const den = dr * dr + di * di;
    z[2 * k] = (sr * dr + si * di) / den;
    z[2 * k + 1] = (si * dr - sr * di) / den;
  }
  for (let k = 0; k < n; k++) {
    const i = sym.perm[k] as number;
    out[2 * i] = z[2 * k] as number;
    out[2 * i + 1] = z[2 * k + 1] as number;
  }
  return out;
}

/**
 * Solve the complex sparse system A x = b directly (e.g. a Liouvillian steady state with the
 * trace condition in one row), with `refine` steps of iterative refinement x += A⁻¹(b − A x).
 * @param A n×n CSR matrix; b n complex entries. Returns a new vector x.
 */
export function sparseLuSolve(A: CsrMatrix, b: Float64Array, options: SparseLuOptions = {}): Float64Array {
  checkCsr("A", A);
  checkVec("b", b, A.rows);
  const f = sparseLuFactor(A, options);
  const x = f.solve(b);
  const refine = options.refine ?? 1;
  if (!Number.isInteger(refine) || refine < 0) throw InputError.of("options.refine", "an integer ≥ 0", refine);
  if (refine > 0) {
    const r = new Float64Array(2 * A.rows);
    const dx = new Float64Array(2 * A.rows);
    for (let it = 0; it < refine; it++) {
      csrMatvec(r, A, x);
      for (let k = 0; k < r.length; k++) r[k] = (b[k] as number) - (r[k] as number);
      f.solve(r, dx);
      for (let k = 0; k < x.length; k++) x[k] = (x[k] as number) + (dx[k] as number);
    }
  }
  return x;
}
