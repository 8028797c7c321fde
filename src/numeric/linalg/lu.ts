/**
 * Dense complex LU factorisation with partial pivoting, P A = L U (LAPACK zgetrf convention),
 * and the triangular solves that use it.
 */
import { DimensionError, InputError, SolverError } from "../../errors.js";
import { checkMat, checkNoAlias, checkOut, checkVec } from "../complex/check.js";
import type { CMatrix } from "../complex/types.js";

/** A factorisation P A = L U: `lu` holds U on and above the diagonal and L (unit diagonal) below. */
export interface LuFactors {
  readonly lu: CMatrix;
  /** Row k was swapped with row piv[k] at step k (LAPACK ipiv, 0-based). */
  readonly piv: Int32Array;
}

/**
 * Factor a square complex matrix with partial pivoting (pivot = largest |re| + |im| in the column).
 * Row-major right-looking elimination: every update is a contiguous row axpy.
 *
 * @throws DimensionError when A is not square; InputError for non-finite entries;
 *   SolverError when a pivot column is exactly zero (A singular).
 */
export function luFactor(A: CMatrix): LuFactors {
  checkMat("A", A);
  if (A.rows !== A.cols) throw new DimensionError("luFactor: A", "a square matrix", `${A.rows}x${A.cols}`);
  const n = A.rows;
  const a = A.data.slice();
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k])) throw InputError.of(`A[${Math.floor((k >> 1) / n)}][${(k >> 1) % n}]`, "a finite complex number", a[k]);
  }
  const piv = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = pivotRow(a, n, k);
    piv[k] = p;
    const pr = a[2 * (p * n + k)]!;
    const pi = a[2 * (p * n + k) + 1]!;
    if (pr === 0 && pi === 0) throw new SolverError(`luFactor: matrix is singular (column ${k} has no nonzero pivot at or below the diagonal)`);
    if (p !== k) swapRows(a, n, k, p);
    // 1/pivot
    const den = pr * pr + pi * pi;
    const ir = pr / den;
    const ii = -pi / den;
    const rowK = 2 * k * n;
    for (let i = k + 1; i < n; i++) {
      const rowI = 2 * i * n;
      const xr = a[rowI + 2 * k]!;
      const xi = a[rowI + 2 * k + 1]!;
      if (xr === 0 && xi === 0) continue;
      const lr = xr * ir - xi * ii;
      const li = xr * ii + xi * ir;
      a[rowI + 2 * k] = lr;
      a[rowI + 2 * k + 1] = li;
      for (let j = 2 * (k + 1); j < 2 * n; j += 2) {
        const ur = a[rowK + j]!;
        const ui = a[rowK + j + 1]!;
        a[rowI + j] = a[rowI + j]! - (lr * ur - li * ui);
        a[rowI + j + 1] = a[rowI + j + 1]! - (lr * ui + li * ur);
      }
    }
  }
  return { lu: { rows: n, cols: n, data: a }, piv };
}

function pivotRow(a: Float64Array, n: number, k: number): number {
  let p = k;
  let best = -1;
  for (let i = k; i < n; i++) {
    const v = Math.abs(a[2 * (i * n + k)]!) + Math.abs(a[2 * (i * n + k) + 1]!);
    if (v > best) {
      best = v;
      p = i;
    }
  }
  return p;
}

function swapRows(a: Float64Array, n: number, r: number, s: number): void {
  const ra = 2 * r * n;
  const sa = 2 * s * n;
  for (let j = 0; j < 2 * n; j++) {
    const t = a[ra + j]!;
    a[ra + j] = a[sa + j]!;
    a[sa + j] = t;
  }
}

/**
 * Solve A x = b from `luFactor(A)`; b has n complex entries (2n doubles). Writes `out`
 * (may be b itself) and returns it.
 */
export function luSolve(f: LuFactors, b: Float64Array, out: Float64Array = new Float64Array(b.length)): Float64Array {
  const n = f.lu.rows;
  checkVec("luSolve: b", b, n);
  checkVec("luSolve: out", out, n);
  if (out !== b) {
    checkNoAlias("luSolve: out", out, b, "b");
    out.set(b);
  }
  const a = f.lu.data;
  const x = out;
  for (let k = 0; k < n; k++) {
    const p = f.piv[k]!;
    if (p !== k) {
      const tr = x[2 * k]!;
      const ti = x[2 * k + 1]!;
      x[2 * k] = x[2 * p]!;
      x[2 * k + 1] = x[2 * p + 1]!;
      x[2 * p] = tr;
      x[2 * p + 1] = ti;
    }
  }
  for (let i = 0; i < n; i++) {
    const row = 2 * i * n;
    let sr = x[2 * i]!;
    let si = x[2 * i + 1]!;
    for (let j = 0; j < i; j++) {
      const lr = a[row + 2 * j]!;
      const li = a[row + 2 * j + 1]!;
      sr -= lr * x[2 * j]! - li * x[2 * j + 1]!;
      si -= lr * x[2 * j + 1]! + li * x[2 * j]!;
    }
    x[2 * i] = sr;
    x[2 * i + 1] = si;
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = 2 * i * n;
    let sr = x[2 * i]!;
    let si = x[2 * i + 1]!;
    for (let j = i + 1; j < n; j++) {
      const ur = a[row + 2 * j]!;
      const ui = a[row + 2 * j + 1]!;
      sr -= ur * x[2 * j]! - ui * x[2 * j + 1]!;
      si -= ur * x[2 * j + 1]! + ui * x[2 * j]!;
    }
    const dr = a[row + 2 * i]!;
    const di = a[row + 2 * i + 1]!;
    const den = dr * dr + di * di;
    x[2 * i] = (sr * dr + si * di) / den;
    x[2 * i + 1] = (si * dr - sr * di) / den;
  }
  return x;
}

/**
 * Solve A X = B for an n×m right-hand side from `luFactor(A)`; writes `out` (n×m, may be B)
 * and returns it. Works on whole rows, so every inner loop is a contiguous row axpy.
 */
export function luSolveMatrix(f: LuFactors, B: CMatrix, out: CMatrix = { rows: B.rows, cols: B.cols, data: new Float64Array(B.data.length) }): CMatrix {
  checkMat("B", B);
  const n = f.lu.rows;
  if (B.rows !== n) throw new DimensionError("luSolveMatrix: B.rows", `${n} (the order of A)`, `${B.rows}`);
  checkOut("luSolveMatrix: out", out, n, B.cols);
  if (out.data !== B.data) {
    checkNoAlias("luSolveMatrix: out", out.data, B.data, "B");
    out.data.set(B.data);
  }
  const m = 2 * B.cols;
  const x = out.data;
  const a = f.lu.data;
  for (let k = 0; k < n; k++) {
    const p = f.piv[k]!;
    if (p !== k) swapRowsWidth(x, m, k, p);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) rowAxpy(x, m, i, j, -(a[2 * (i * n + j)]!), -(a[2 * (i * n + j) + 1]!));
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) rowAxpy(x, m, i, j, -(a[2 * (i * n + j)]!), -(a[2 * (i * n + j) + 1]!));
    const dr = a[2 * (i * n + i)]!;
    const di = a[2 * (i * n + i) + 1]!;
    const den = dr * dr + di * di;
    const ir = dr / den;
    const ii = -di / den;
    for (let c = i * m; c < (i + 1) * m; c += 2) {
      const xr = x[c]!;
      const xi = x[c + 1]!;
      x[c] = xr * ir - xi * ii;
      x[c + 1] = xr * ii + xi * ir;
    }
  }
  return out;
}

function swapRowsWidth(x: Float64Array, m: number, r: number, s: number): void {
  for (let c = 0; c < m; c++) {
    const t = x[r * m + c]!;
    x[r * m + c] = x[s * m + c]!;
    x[s * m + c] = t;
  }
}

/** Row i += (cr + i·ci) · row j, rows of width m doubles. */
function rowAxpy(x: Float64Array, m: number, i: number, j: number, cr: number, ci: number): void {
  if (cr === 0 && ci === 0) return;
  const ri = i * m;
  const rj = j * m;
  for (let c = 0; c < m; c += 2) {
    const yr = x[rj + c]!;
    const yi = x[rj + c + 1]!;
    x[ri + c] = x[ri + c]! + cr * yr - ci * yi;
    x[ri + c + 1] = x[ri + c + 1]! + cr * yi + ci * yr;
  }
}
