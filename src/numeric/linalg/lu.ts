/**
 * Dense complex LU factorisation with partial pivoting, P A = L U (LAPACK zgetrf convention),
 * and the triangular solves that use it.
 */
import { DimensionError, InputError, SolverError } from "../../errors.js";
import { checkMat, checkNoAlias, checkOut, checkVec } from "../complex/check.js";
import { cmatmulSimd } from "../complex/matmul-simd.js";
import { luRows } from "./lu-simd.js";
import type { CMatrix } from "../complex/types.js";

/** A factorisation P A = L U: `lu` holds U on and above the diagonal and L (unit diagonal) below. */
export interface LuFactors {
  readonly lu: CMatrix;
  /** Row k was swapped with row piv[k] at step k (LAPACK ipiv, 0-based). */
  readonly piv: Int32Array;
}

/**
 * Factor a square complex matrix with partial pivoting (pivot = largest |re| + |im| in the column).
 * Right-looking and blocked by panels of `PANEL` columns (the shape of LAPACK zgetrf): the panel
 * is eliminated column by column on its own columns only, then the rest of the matrix takes one
 * rank-`PANEL` update, so each trailing entry is loaded and stored once per panel, not once per
 * column. Every update is a contiguous row axpy; from 16 rows on the rank-4 trailing updates run on
 * WebAssembly SIMD (lu-simd.ts), bit for bit the same (`simd: false` keeps the scalar rows).
 *
 * @throws DimensionError when A is not square; InputError for non-finite entries;
 *   SolverError when a pivot column is exactly zero (A singular).
 */
export function luFactor(A: CMatrix, simd = true): LuFactors {
  checkMat("A", A);
  if (A.rows !== A.cols) throw new DimensionError("luFactor: A", "a square matrix", `${A.rows}x${A.cols}`);
  const n = A.rows;
  // From SIMD_N_MIN rows on, A is factored in the SIMD module's memory (lu-simd.ts).
  const rows = simd && n >= SIMD_N_MIN ? luRows(A.data, n) : undefined;
  const a = rows?.a ?? A.data.slice();
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k])) throw InputError.of(`A[${Math.floor((k >> 1) / n)}][${(k >> 1) % n}]`, "a finite complex number", a[k]);
  }
  const piv = new Int32Array(n);
  const w = 2 * n;
  for (let k0 = 0; k0 < n; k0 += PANEL) {
    const kEnd = Math.min(k0 + PANEL, n);
    factorPanel(a, n, piv, k0, kEnd);
    // U's rows k0..kEnd−1 right of the panel: a unit lower triangular solve with the panel's L.
    for (let t = k0 + 1; t < kEnd; t++) {
      for (let s = k0; s < t; s++) rowAxpy(a, w, t, s, -(a[t * w + 2 * s]!), -(a[t * w + 2 * s + 1]!), 2 * kEnd);
    }
    // The trailing rows: one rank-PANEL update with the panel's L and those rows of U.
    if (rows !== undefined && kEnd - k0 === 4) {
      rows.sub4(kEnd, n, k0, kEnd, n);
      continue;
    }
    for (let i = kEnd; i < n; i++) {
      const li = i * w + 2 * k0;
      if (kEnd - k0 === 4) {
        rowSub4(a, w, i, k0, a[li]!, a[li + 1]!, a[li + 2]!, a[li + 3]!, a[li + 4]!, a[li + 5]!, a[li + 6]!, a[li + 7]!, 2 * kEnd, w);
      } else {
        for (let s = k0; s < kEnd; s++) rowAxpy(a, w, i, s, -(a[i * w + 2 * s]!), -(a[i * w + 2 * s + 1]!), 2 * kEnd);
      }
    }
  }
  // The module's memory is reused by the next factorisation: hand back a copy.
  return { lu: { rows: n, cols: n, data: rows === undefined ? a : a.slice() }, piv };
}

/** Below this order the copies in and out of the SIMD module cost more than they save. */
const SIMD_N_MIN = 16;

/** Columns per panel of the blocked factorisation (the rank of each trailing update). */
const PANEL = 4;

/** Eliminate columns k0..kEnd−1 (pivot, swap whole rows, store L), updating only the panel's columns. */
function factorPanel(a: Float64Array, n: number, piv: Int32Array, k0: number, kEnd: number): void {
  const w = 2 * n;
  for (let k = k0; k < kEnd; k++) {
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
    const rowK = k * w;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * w;
      const xr = a[rowI + 2 * k]!;
      const xi = a[rowI + 2 * k + 1]!;
      if (xr === 0 && xi === 0) continue;
      const lr = xr * ir - xi * ii;
      const li = xr * ii + xi * ir;
      a[rowI + 2 * k] = lr;
      a[rowI + 2 * k + 1] = li;
      for (let j = 2 * (k + 1); j < 2 * kEnd; j += 2) {
        const ur = a[rowK + j]!;
        const ui = a[rowK + j + 1]!;
        a[rowI + j] = a[rowI + j]! - (lr * ur - li * ui);
        a[rowI + j + 1] = a[rowI + j + 1]! - (lr * ui + li * ur);
      }
    }
  }
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
  // Rows j < i (forward) and j > i (backward) are final when row i is reached: four at a time.
  // From SOLVE_BLOCKED_MIN rows on, rows go in blocks of SOLVE_BLOCK, and the part of each
  // block's sums over the rows solved before it is one matrix product (on SIMD, see
  // cmatmulSimd); within a block the rows go one by one as below.
  const blocked = n >= SOLVE_BLOCKED_MIN;
  const bs = blocked ? SOLVE_BLOCK : n;
  for (let i0 = 0; i0 < n; i0 += bs) {
    const i1 = Math.min(n, i0 + bs);
    if (blocked && i0 > 0) subtractProduct(x, m, a, n, i0, i1, 0, i0);
    for (let i = i0; i < i1; i++) {
      let j = blocked ? i0 : 0;
      for (; j + 3 < i; j += 4) {
        const l = 2 * (i * n + j);
        rowSub4(x, m, i, j, a[l]!, a[l + 1]!, a[l + 2]!, a[l + 3]!, a[l + 4]!, a[l + 5]!, a[l + 6]!, a[l + 7]!, 0, m);
      }
      for (; j < i; j++) rowAxpy(x, m, i, j, -(a[2 * (i * n + j)]!), -(a[2 * (i * n + j) + 1]!), 0);
    }
  }
  for (let i1 = n; i1 > 0; i1 -= bs) {
    const i0 = Math.max(0, i1 - bs);
    if (blocked && i1 < n) subtractProduct(x, m, a, n, i0, i1, i1, n);
    for (let i = i1 - 1; i >= i0; i--) solveUpperRow(x, m, a, n, i, blocked ? i1 : n);
  }
  return out;
}

/** Rows at least this many use the blocked triangular solves. */
const SOLVE_BLOCKED_MIN = 48;
/** Rows per block of the blocked triangular solves. */
const SOLVE_BLOCK = 16;

/** X[r0:r1] −= LU[r0:r1, c0:c1] · X[c0:c1] (rows of m doubles), as one product. */
function subtractProduct(x: Float64Array, m: number, a: Float64Array, n: number, r0: number, r1: number, c0: number, c1: number): void {
  const T = { rows: r1 - r0, cols: c1 - c0, data: new Float64Array(2 * (r1 - r0) * (c1 - c0)) };
  for (let i = r0; i < r1; i++) T.data.set(a.subarray(2 * (i * n + c0), 2 * (i * n + c1)), 2 * (i - r0) * (c1 - c0));
  const P = cmatmulSimd({ rows: r1 - r0, cols: m / 2, data: new Float64Array((r1 - r0) * m) }, T, { rows: c1 - c0, cols: m / 2, data: x.subarray(c0 * m, c1 * m) });
  const p = P.data;
  const o = r0 * m;
  for (let k = 0; k < p.length; k++) x[o + k] = x[o + k]! - p[k]!;
}

/** Row i of the backward solve: subtract U's rows i+1 … jEnd−1 (four at a time), then divide by U_ii. */
function solveUpperRow(x: Float64Array, m: number, a: Float64Array, n: number, i: number, jEnd: number): void {
  let j = i + 1;
  for (; j + 3 < jEnd; j += 4) {
    const u = 2 * (i * n + j);
    rowSub4(x, m, i, j, a[u]!, a[u + 1]!, a[u + 2]!, a[u + 3]!, a[u + 4]!, a[u + 5]!, a[u + 6]!, a[u + 7]!, 0, m);
  }
  for (; j < jEnd; j++) rowAxpy(x, m, i, j, -(a[2 * (i * n + j)]!), -(a[2 * (i * n + j) + 1]!), 0);
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

function swapRowsWidth(x: Float64Array, m: number, r: number, s: number): void {
  for (let c = 0; c < m; c++) {
    const t = x[r * m + c]!;
    x[r * m + c] = x[s * m + c]!;
    x[s * m + c] = t;
  }
}

/** Row i += (cr + i·ci) · row j over the doubles from `from` to the end, rows of width m doubles. */
function rowAxpy(x: Float64Array, m: number, i: number, j: number, cr: number, ci: number, from: number): void {
  if (cr === 0 && ci === 0) return;
  const ri = i * m;
  const rj = j * m;
  for (let c = from; c < m; c += 2) {
    const yr = x[rj + c]!;
    const yi = x[rj + c + 1]!;
    x[ri + c] = x[ri + c]! + cr * yr - ci * yi;
    x[ri + c + 1] = x[ri + c + 1]! + cr * yi + ci * yr;
  }
}

/**
 * Row i −= c0·row j + c1·row (j+1) + c2·row (j+2) + c3·row (j+3) over the doubles [from, to),
 * rows of width m doubles: four multiply-adds per load and store of row i.
 */
function rowSub4(
  x: Float64Array, m: number, i: number, j: number,
  c0r: number, c0i: number, c1r: number, c1i: number, c2r: number, c2i: number, c3r: number, c3i: number,
  from: number, to: number,
): void {
  if (c0r === 0 && c0i === 0 && c1r === 0 && c1i === 0 && c2r === 0 && c2i === 0 && c3r === 0 && c3i === 0) return;
  const ri = i * m;
  const r0 = j * m;
  const r1 = r0 + m;
  const r2 = r1 + m;
  const r3 = r2 + m;
  for (let c = from; c < to; c += 2) {
    const y0r = x[r0 + c]!;
    const y0i = x[r0 + c + 1]!;
    const y1r = x[r1 + c]!;
    const y1i = x[r1 + c + 1]!;
    const y2r = x[r2 + c]!;
    const y2i = x[r2 + c + 1]!;
    const y3r = x[r3 + c]!;
    const y3i = x[r3 + c + 1]!;
    x[ri + c] = x[ri + c]! - (c0r * y0r - c0i * y0i + c1r * y1r - c1i * y1i + c2r * y2r - c2i * y2i + c3r * y3r - c3i * y3i);
    x[ri + c + 1] = x[ri + c + 1]! - (c0r * y0i + c0i * y0r + c1r * y1i + c1i * y1r + c2r * y2i + c2i * y2r + c3r * y3i + c3i * y3r);
  }
}
