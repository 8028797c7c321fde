/** Principal submatrices of CSR matrices, for splitting block-diagonal systems. */
import { InputError } from "../../errors.js";
import { checkCsr } from "../complex/check.js";
import type { CsrMatrix } from "../complex/types.js";

/**
 * The submatrix A[idx, idx] (rows and columns `idx`, in that order), e.g. one block of a
 * block-diagonal system found by `connectedComponents`.
 * @param idx distinct indices in [0, n).
 */
export function csrSubmatrix(A: CsrMatrix, idx: Int32Array): CsrMatrix {
  checkCsr("A", A);
  const pos = new Int32Array(A.cols).fill(-1);
  idx.forEach((c, t) => {
    if (!(c >= 0 && c < A.cols && c < A.rows)) throw InputError.of(`idx[${t}]`, `an index in [0, ${Math.min(A.rows, A.cols) - 1}]`, c);
    if (pos[c] !== -1) throw InputError.of(`idx[${t}]`, "distinct indices", c);
    pos[c] = t;
  });
  const m = idx.length;
  const rowPtr = new Int32Array(m + 1);
  let nnz = 0;
  for (let t = 0; t < m; t++) {
    const i = idx[t]!;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) if (pos[A.colIdx[p]!] !== -1) nnz++;
    rowPtr[t + 1] = nnz;
  }
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  let q = 0;
  for (let t = 0; t < m; t++) {
    const i = idx[t]!;
    const start = q;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const c = pos[A.colIdx[p]!]!;
      if (c === -1) continue;
      colIdx[q] = c;
      data[2 * q] = A.data[2 * p]!;
      data[2 * q + 1] = A.data[2 * p + 1]!;
      q++;
    }
    sortRow(colIdx, data, start, q);
  }
  return { rows: m, cols: m, rowPtr, colIdx, data };
}

/** Insertion sort of one row's (column, value) pairs; rows stay short. */
function sortRow(colIdx: Int32Array, data: Float64Array, s: number, e: number): void {
  for (let a = s + 1; a < e; a++) {
    const c = colIdx[a]!;
    const re = data[2 * a]!;
    const im = data[2 * a + 1]!;
    let b = a - 1;
    while (b >= s && colIdx[b]! > c) {
      colIdx[b + 1] = colIdx[b]!;
      data[2 * (b + 1)] = data[2 * b]!;
      data[2 * (b + 1) + 1] = data[2 * b + 1]!;
      b--;
    }
    colIdx[b + 1] = c;
    data[2 * (b + 1)] = re;
    data[2 * (b + 1) + 1] = im;
  }
}
