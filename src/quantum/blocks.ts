/**
 * Invariant blocks of a sparse linear generator: the connected components of its sparsity
 * graph (edge i–j when G_ij ≠ 0 or G_ji ≠ 0). dx/dt = Gx never moves amplitude between
 * components, so a component where x(0) vanishes stays exactly zero, and a linear system
 * G x = b splits into independent systems, one per component.
 */
import type { CsrMatrix } from "../numeric/complex/index.js";

/** Component label (0-based, in order of first appearance) of every index, and the count. */
export function sparsityComponents(mats: readonly CsrMatrix[], n: number): { label: Int32Array; count: number } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) { const next = parent[i] as number; parent[i] = r; i = next; }
    return r;
  };
  for (const A of mats) {
    for (let i = 0; i < A.rows; i++) {
      for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
        if (A.data[2 * p] === 0 && A.data[2 * p + 1] === 0) continue; // explicit zeros couple nothing
        const a = find(i), b = find(A.colIdx[p] as number);
        if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
      }
    }
  }
  const label = new Int32Array(n).fill(-1);
  const rootLabel = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] === -1) rootLabel[r] = count++;
    label[i] = rootLabel[r] as number;
  }
  return { label, count };
}

/** Indices (ascending) whose component is in `keep`, and the map global → local (−1 outside). */
export function selectComponents(label: Int32Array, keep: ReadonlySet<number>): { indices: Int32Array; local: Int32Array } {
  const n = label.length;
  const local = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (keep.has(label[i] as number)) local[i] = m++;
  const indices = new Int32Array(m);
  for (let i = 0; i < n; i++) if ((local[i] as number) >= 0) indices[local[i] as number] = i;
  return { indices, local };
}

/** The principal submatrix A[idx, idx] (rows/cols in `indices`, renumbered by `local`). */
export function restrict(A: CsrMatrix, indices: Int32Array, local: Int32Array): CsrMatrix {
  const m = indices.length;
  const rowPtr = new Int32Array(m + 1);
  let nnz = 0;
  for (let r = 0; r < m; r++) {
    const i = indices[r] as number;
    for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) if ((local[A.colIdx[p] as number] as number) >= 0) nnz++;
    rowPtr[r + 1] = nnz;
  }
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  let q = 0;
  for (let r = 0; r < m; r++) {
    const i = indices[r] as number;
    for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
      const c = local[A.colIdx[p] as number] as number;
      if (c < 0) continue;
      colIdx[q] = c; // local numbering is monotone, so columns stay sorted
      data[2 * q] = A.data[2 * p] as number;
      data[2 * q + 1] = A.data[2 * p + 1] as number;
      q++;
    }
  }
  return { rows: m, cols: m, rowPtr, colIdx, data };
}
