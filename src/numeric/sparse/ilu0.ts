/**
 * ILU(0) preconditioner for complex CSR matrices: L U ≈ A with the sparsity pattern of A
 * (Saad, Iterative Methods for Sparse Linear Systems, Algorithm 10.4). L unit lower, U upper.
 */
import { InputError, SolverError } from "../../errors.js";
import { checkCsr, checkVec } from "../complex/check.js";
import type { CsrMatrix } from "../complex/types.js";

/** An incomplete factorisation; `apply(out, r)` writes out = (L U)⁻¹ r (out may be r) and returns out. */
export interface Ilu0 {
  readonly lu: CsrMatrix;
  readonly apply: (out: Float64Array, r: Float64Array) => Float64Array;
}

/**
 * Incomplete LU with zero fill of a square CSR matrix whose diagonal entries are all stored.
 * @throws InputError when A is not square or lacks a stored diagonal entry; SolverError when a
 *   pivot vanishes (use the direct solver, or reorder/shift A).
 */
export function ilu0(A: CsrMatrix): Ilu0 {
  checkCsr("A", A);
  if (A.rows !== A.cols) throw InputError.of("A", "a square CSR matrix", `~${A.rows}x${A.cols}`);
  const n = A.rows;
  const { rowPtr, colIdx } = A;
  const a = A.data.slice();
  const diag = new Int32Array(n);
  const where = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    diag[i] = -1;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p] === i) diag[i] = p;
    if (diag[i] === -1) throw InputError.of(`A row ${i}`, "a stored diagonal entry (ILU(0) keeps A's pattern)", "none");
  }
  for (let i = 0; i < n; i++) {
    const start = rowPtr[i]!;
    const end = rowPtr[i + 1]!;
    for (let p = start; p < end; p++) where[colIdx[p]!] = p;
    for (let p = start; p < end && colIdx[p]! < i; p++) {
      const k = colIdx[p]!;
      const dk = diag[k]!;
      const ur = a[2 * dk]!;
      const ui = a[2 * dk + 1]!;
      const den = ur * ur + ui * ui;
      if (den === 0) throw new SolverError(`ilu0: zero pivot at row ${k}; use sparseLuSolve or a shifted/reordered matrix`);
      const xr = a[2 * p]!;
      const xi = a[2 * p + 1]!;
      const lr = (xr * ur + xi * ui) / den;
      const li = (xi * ur - xr * ui) / den;
      a[2 * p] = lr;
      a[2 * p + 1] = li;
      for (let q = dk + 1; q < rowPtr[k + 1]!; q++) {
        const w = where[colIdx[q]!]!;
        if (w < 0) continue;
        const yr = a[2 * q]!;
        const yi = a[2 * q + 1]!;
        a[2 * w] = a[2 * w]! - (lr * yr - li * yi);
        a[2 * w + 1] = a[2 * w + 1]! - (lr * yi + li * yr);
      }
    }
    for (let p = start; p < end; p++) where[colIdx[p]!] = -1;
    const di = diag[i]!;
    if (a[2 * di] === 0 && a[2 * di + 1] === 0) throw new SolverError(`ilu0: zero pivot at row ${i}; use sparseLuSolve or a shifted/reordered matrix`);
  }
  const lu: CsrMatrix = { rows: n, cols: n, rowPtr, colIdx, data: a };
  return { lu, apply: (out, r) => iluSolve(lu, diag, out, r) };
}

function iluSolve(lu: CsrMatrix, diag: Int32Array, out: Float64Array, r: Float64Array): Float64Array {
  const n = lu.rows;
  checkVec("ilu0.apply: r", r, n);
  checkVec("ilu0.apply: out", out, n);
  const { rowPtr, colIdx, data: a } = lu;
  if (out !== r) out.set(r);
  for (let i = 0; i < n; i++) {
    let sr = out[2 * i]!;
    let si = out[2 * i + 1]!;
    for (let p = rowPtr[i]!; p < diag[i]!; p++) {
      const c = 2 * colIdx[p]!;
      const lr = a[2 * p]!;
      const li = a[2 * p + 1]!;
      sr -= lr * out[c]! - li * out[c + 1]!;
      si -= lr * out[c + 1]! + li * out[c]!;
    }
    out[2 * i] = sr;
    out[2 * i + 1] = si;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sr = out[2 * i]!;
    let si = out[2 * i + 1]!;
    const d = diag[i]!;
    for (let p = d + 1; p < rowPtr[i + 1]!; p++) {
      const c = 2 * colIdx[p]!;
      const ur = a[2 * p]!;
      const ui = a[2 * p + 1]!;
      sr -= ur * out[c]! - ui * out[c + 1]!;
      si -= ur * out[c + 1]! + ui * out[c]!;
    }
    const dr = a[2 * d]!;
    const dI = a[2 * d + 1]!;
    const den = dr * dr + dI * dI;
    out[2 * i] = (sr * dr + si * dI) / den;
    out[2 * i + 1] = (si * dr - sr * dI) / den;
  }
  return out;
}
