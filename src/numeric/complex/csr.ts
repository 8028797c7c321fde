/**
 * Complex compressed-sparse-row kernels (see `types.ts`). Constructors and algebra return new
 * matrices with sorted, duplicate-free rows; `csrMatvec`/`csrMatvecAdd` write into `out`.
 */
import { DimensionError, InputError, requireInt } from "../../errors.js";
import { checkCsr, checkMat, checkNoAlias, checkVec } from "./check.js";
import { cmatZeros } from "./dense.js";
import type { CMatrix, CsrMatrix } from "./types.js";

/** CSR copy of a dense matrix, keeping entries with |a_ij| > dropTol (default 0: all nonzeros). */
export function csrFromDense(A: CMatrix, dropTol = 0): CsrMatrix {
  checkMat("A", A);
  if (!(dropTol >= 0)) throw InputError.of("dropTol", "a number ≥ 0", dropTol);
  const { rows, cols, data: a } = A;
  const rowPtr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let k = 0; k < rows * cols; k++) if (Math.hypot(a[2 * k]!, a[2 * k + 1]!) > dropTol) nnz++;
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const re = a[2 * (i * cols + j)]!;
      const im = a[2 * (i * cols + j) + 1]!;
      if (Math.hypot(re, im) > dropTol) {
        colIdx[p] = j;
        data[2 * p] = re;
        data[2 * p + 1] = im;
        p++;
      }
    }
    rowPtr[i + 1] = p;
  }
  return { rows, cols, rowPtr, colIdx, data };
}

/** Dense copy of a CSR matrix. */
export function csrToDense(A: CsrMatrix): CMatrix {
  checkCsr("A", A);
  const D = cmatZeros(A.rows, A.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const o = 2 * (i * A.cols + A.colIdx[p]!);
      D.data[o] = A.data[2 * p]!;
      D.data[o + 1] = A.data[2 * p + 1]!;
    }
  }
  return D;
}

/**
 * CSR from coordinate triplets (i[k], j[k], re[k] + i·im[k]); duplicates are summed
 * (explicit zeros are kept). Two stable counting sorts (by column, then by row) give sorted rows.
 */
export function csrFromTriplets(rows: number, cols: number, i: Int32Array, j: Int32Array, re: Float64Array, im: Float64Array): CsrMatrix {
  requireInt(rows, "rows", 0);
  requireInt(cols, "cols", 0);
  const m = i.length;
  if (j.length !== m || re.length !== m || im.length !== m) {
    throw new DimensionError("csrFromTriplets: j, re, im", `length ${m} like i`, `lengths ${j.length}, ${re.length}, ${im.length}`);
  }
  for (let k = 0; k < m; k++) {
    const ik = i[k]!;
    const jk = j[k]!;
    if (ik < 0 || ik >= rows) throw InputError.of(`i[${k}]`, `a row index in [0, ${rows - 1}]`, ik);
    if (jk < 0 || jk >= cols) throw InputError.of(`j[${k}]`, `a column index in [0, ${cols - 1}]`, jk);
    if (!Number.isFinite(re[k]) || !Number.isFinite(im[k])) throw InputError.of(`re[${k}], im[${k}]`, "finite numbers", `~${re[k]}, ${im[k]}`);
  }
  const byCol = countingOrder(j, cols, null);
  const order = countingOrder(i, rows, byCol);
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(m);
  const data = new Float64Array(2 * m);
  let p = -1;
  let lastRow = -1;
  let lastCol = -1;
  for (let t = 0; t < m; t++) {
    const k = order[t]!;
    const r = i[k]!;
    const c = j[k]!;
    if (r !== lastRow || c !== lastCol) {
      p++;
      colIdx[p] = c;
      rowPtr[r + 1] = rowPtr[r + 1]! + 1;
      lastRow = r;
      lastCol = c;
    }
    data[2 * p] = data[2 * p]! + re[k]!;
    data[2 * p + 1] = data[2 * p + 1]! + im[k]!;
  }
  for (let r = 0; r < rows; r++) rowPtr[r + 1] = rowPtr[r + 1]! + rowPtr[r]!;
  const nnz = p + 1;
  return { rows, cols, rowPtr, colIdx: colIdx.slice(0, nnz), data: data.slice(0, 2 * nnz) };
}

/** Stable counting sort of positions by `key` (values in [0, n)); `within` is a prior order to keep. */
function countingOrder(key: Int32Array, n: number, within: Int32Array | null): Int32Array {
  const m = key.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[key[k]! + 1] = (start[key[k]! + 1]!) + 1;
  for (let r = 0; r < n; r++) start[r + 1] = start[r + 1]! + start[r]!;
  const order = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    const k = within === null ? t : within[t]!;
    const r = key[k]!;
    order[start[r]!] = k;
    start[r] = start[r]! + 1;
  }
  return order;
}

/** The n×n identity in CSR. */
export function csrIdentity(n: number): CsrMatrix {
  requireInt(n, "n", 0);
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(n);
  const data = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    rowPtr[k + 1] = k + 1;
    colIdx[k] = k;
    data[2 * k] = 1;
  }
  return { rows: n, cols: n, rowPtr, colIdx, data };
}

/** out = A·x (complex vectors; out must not alias x). */
export function csrMatvec(out: Float64Array, A: CsrMatrix, x: Float64Array): Float64Array {
  checkCsr("A", A);
  checkVec("csrMatvec: x", x, A.cols);
  checkVec("csrMatvec: out", out, A.rows);
  checkNoAlias("csrMatvec: out", out, x, "x");
  return matvecKernel(out, A, x, false, 1, 0);
}

/** out += (re + i·im)·A·x (complex vectors; out must not alias x). */
export function csrMatvecAdd(out: Float64Array, A: CsrMatrix, x: Float64Array, re: number, im: number): Float64Array {
  checkCsr("A", A);
  checkVec("csrMatvecAdd: x", x, A.cols);
  checkVec("csrMatvecAdd: out", out, A.rows);
  checkNoAlias("csrMatvecAdd: out", out, x, "x");
  return matvecKernel(out, A, x, true, re, im);
}

/** The row dot products of A·x, stored (`add` false) or added times (re + i·im); arguments checked by the caller. */
function matvecKernel(out: Float64Array, A: CsrMatrix, x: Float64Array, add: boolean, re: number, im: number): Float64Array {
  const { rowPtr, colIdx, data } = A;
  for (let i = 0; i < A.rows; i++) {
    let sr = 0;
    let si = 0;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const c = 2 * colIdx[p]!;
      const ar = data[2 * p]!;
      const ai = data[2 * p + 1]!;
      const xr = x[c]!;
      const xi = x[c + 1]!;
      sr += ar * xr - ai * xi;
      si += ar * xi + ai * xr;
    }
    if (add) {
      out[2 * i] = out[2 * i]! + re * sr - im * si;
      out[2 * i + 1] = out[2 * i + 1]! + re * si + im * sr;
    } else {
      out[2 * i] = sr;
      out[2 * i + 1] = si;
    }
  }
  return out;
}

/** α·A + β·B (same shapes; α = alphaRe + i·alphaIm, β = betaRe + i·betaIm). Rows merged in order. */
export function csrAdd(A: CsrMatrix, B: CsrMatrix, alphaRe = 1, alphaIm = 0, betaRe = 1, betaIm = 0): CsrMatrix {
  checkCsr("A", A);
  checkCsr("B", B);
  if (A.rows !== B.rows || A.cols !== B.cols) throw new DimensionError("csrAdd: B", `${A.rows}x${A.cols} like A`, `${B.rows}x${B.cols}`);
  const cap = A.colIdx.length + B.colIdx.length;
  const rowPtr = new Int32Array(A.rows + 1);
  const colIdx = new Int32Array(cap);
  const data = new Float64Array(2 * cap);
  let q = 0;
  for (let i = 0; i < A.rows; i++) {
    let pa = A.rowPtr[i]!;
    let pb = B.rowPtr[i]!;
    const ea = A.rowPtr[i + 1]!;
    const eb = B.rowPtr[i + 1]!;
    while (pa < ea || pb < eb) {
      const ca = pa < ea ? A.colIdx[pa]! : 0x7fffffff;
      const cb = pb < eb ? B.colIdx[pb]! : 0x7fffffff;
      let re = 0;
      let im = 0;
      if (ca <= cb) {
        const ar = A.data[2 * pa]!;
        const ai = A.data[2 * pa + 1]!;
        re += alphaRe * ar - alphaIm * ai;
        im += alphaRe * ai + alphaIm * ar;
        pa++;
      }
      if (cb <= ca) {
        const br = B.data[2 * pb]!;
        const bi = B.data[2 * pb + 1]!;
        re += betaRe * br - betaIm * bi;
        im += betaRe * bi + betaIm * br;
        pb++;
      }
      colIdx[q] = Math.min(ca, cb);
      data[2 * q] = re;
      data[2 * q + 1] = im;
      q++;
    }
    rowPtr[i + 1] = q;
  }
  return { rows: A.rows, cols: A.cols, rowPtr, colIdx: colIdx.slice(0, q), data: data.slice(0, 2 * q) };
}

/** A·B (Gustavson's row-by-row product with a dense accumulator; rows sorted afterwards). */
export function csrMatmul(A: CsrMatrix, B: CsrMatrix): CsrMatrix {
  checkCsr("A", A);
  checkCsr("B", B);
  if (A.cols !== B.rows) throw new DimensionError("csrMatmul: B.rows", `A.cols = ${A.cols}`, `${B.rows}`);
  const n = B.cols;
  const acc = new Float64Array(2 * n);
  const mark = new Int32Array(n).fill(-1);
  const rowCols = new Int32Array(n);
  const rowPtr = new Int32Array(A.rows + 1);
  let cap = Math.max(16, A.colIdx.length + B.colIdx.length);
  let colIdx: Int32Array = new Int32Array(cap);
  let data: Float64Array = new Float64Array(2 * cap);
  let q = 0;
  for (let i = 0; i < A.rows; i++) {
    let cnt = 0;
    for (let pa = A.rowPtr[i]!; pa < A.rowPtr[i + 1]!; pa++) {
      const k = A.colIdx[pa]!;
      const ar = A.data[2 * pa]!;
      const ai = A.data[2 * pa + 1]!;
      for (let pb = B.rowPtr[k]!; pb < B.rowPtr[k + 1]!; pb++) {
        const j = B.colIdx[pb]!;
        const br = B.data[2 * pb]!;
        const bi = B.data[2 * pb + 1]!;
        if (mark[j] !== i) {
          mark[j] = i;
          rowCols[cnt++] = j;
          acc[2 * j] = 0;
          acc[2 * j + 1] = 0;
        }
        acc[2 * j] = acc[2 * j]! + ar * br - ai * bi;
        acc[2 * j + 1] = acc[2 * j + 1]! + ar * bi + ai * br;
      }
    }
    if (q + cnt > cap) {
      cap = Math.max(2 * cap, q + cnt);
      colIdx = grow32(colIdx, cap);
      data = grow64(data, 2 * cap);
    }
    rowCols.subarray(0, cnt).sort();
    for (let t = 0; t < cnt; t++) {
      const j = rowCols[t]!;
      colIdx[q] = j;
      data[2 * q] = acc[2 * j]!;
      data[2 * q + 1] = acc[2 * j + 1]!;
      q++;
    }
    rowPtr[i + 1] = q;
  }
  return { rows: A.rows, cols: n, rowPtr, colIdx: colIdx.slice(0, q), data: data.slice(0, 2 * q) };
}

function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function grow64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** A ⊗ B (Kronecker product); row (i·rb + k) holds row i of A times row k of B, columns j·cb + l. */
export function csrKron(A: CsrMatrix, B: CsrMatrix): CsrMatrix {
  checkCsr("A", A);
  checkCsr("B", B);
  const rows = A.rows * B.rows;
  const cols = A.cols * B.cols;
  const nnz = A.colIdx.length * B.colIdx.length;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  let q = 0;
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < B.rows; k++) {
      for (let pa = A.rowPtr[i]!; pa < A.rowPtr[i + 1]!; pa++) {
        const cOff = A.colIdx[pa]! * B.cols;
        const ar = A.data[2 * pa]!;
        const ai = A.data[2 * pa + 1]!;
        for (let pb = B.rowPtr[k]!; pb < B.rowPtr[k + 1]!; pb++) {
          const br = B.data[2 * pb]!;
          const bi = B.data[2 * pb + 1]!;
          colIdx[q] = cOff + B.colIdx[pb]!;
          data[2 * q] = ar * br - ai * bi;
          data[2 * q + 1] = ar * bi + ai * br;
          q++;
        }
      }
      rowPtr[i * B.rows + k + 1] = q;
    }
  }
  return { rows, cols, rowPtr, colIdx, data };
}

/** Aᵀ (conj = false) or A† (conj = true) by a counting transpose, which leaves rows sorted. */
function transposeImpl(A: CsrMatrix, conj: boolean): CsrMatrix {
  checkCsr("A", A);
  const nnz = A.colIdx.length;
  const rowPtr = new Int32Array(A.cols + 1);
  for (let p = 0; p < nnz; p++) rowPtr[A.colIdx[p]! + 1] = (rowPtr[A.colIdx[p]! + 1]!) + 1;
  for (let c = 0; c < A.cols; c++) rowPtr[c + 1] = rowPtr[c + 1]! + rowPtr[c]!;
  const next = rowPtr.slice(0, A.cols);
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  const sign = conj ? -1 : 1;
  for (let i = 0; i < A.rows; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const c = A.colIdx[p]!;
      const q = next[c]!;
      next[c] = q + 1;
      colIdx[q] = i;
      data[2 * q] = A.data[2 * p]!;
      data[2 * q + 1] = sign * A.data[2 * p + 1]!;
    }
  }
  return { rows: A.cols, cols: A.rows, rowPtr, colIdx, data };
}

/** Aᵀ (transpose without conjugation). */
export function csrTranspose(A: CsrMatrix): CsrMatrix {
  return transposeImpl(A, false);
}

/** A† (conjugate transpose). */
export function csrAdjoint(A: CsrMatrix): CsrMatrix {
  return transposeImpl(A, true);
}

/** (re + i·im)·A (same pattern; a new matrix). */
export function csrScale(A: CsrMatrix, re: number, im: number): CsrMatrix {
  checkCsr("A", A);
  const data = new Float64Array(A.data.length);
  for (let k = 0; k < data.length; k += 2) {
    const ar = A.data[k]!;
    const ai = A.data[k + 1]!;
    data[k] = re * ar - im * ai;
    data[k + 1] = re * ai + im * ar;
  }
  return { rows: A.rows, cols: A.cols, rowPtr: A.rowPtr.slice(), colIdx: A.colIdx.slice(), data };
}
