/** Shape and aliasing guards shared by the complex kernels (internal). */
import { DimensionError, InputError, requireInt } from "../../errors.js";
import type { CMatrix, CsrMatrix } from "./types.js";

/** Throws unless `A` is a consistent dense matrix (`data.length === 2*rows*cols`). */
export function checkMat(name: string, A: CMatrix): void {
  if (A === null || typeof A !== "object" || !(A.data instanceof Float64Array)) {
    throw InputError.of(name, "a CMatrix {rows, cols, data: Float64Array}", A);
  }
  if (!Number.isInteger(A.rows) || !Number.isInteger(A.cols) || A.rows < 0 || A.cols < 0 || A.data.length !== 2 * A.rows * A.cols) {
    throw new DimensionError(`${name}.data`, `length 2*rows*cols for a ${A.rows}x${A.cols} matrix`, `length ${A.data.length}`);
  }
}

/** Throws unless `A` is a consistent CSR matrix (array lengths agree; row pointers monotone). */
export function checkCsr(name: string, A: CsrMatrix): void {
  if (A === null || typeof A !== "object" || !(A.rowPtr instanceof Int32Array) || !(A.colIdx instanceof Int32Array) || !(A.data instanceof Float64Array)) {
    throw InputError.of(name, "a CsrMatrix {rows, cols, rowPtr: Int32Array, colIdx: Int32Array, data: Float64Array}", A);
  }
  requireInt(A.rows, `${name}.rows`, 0);
  requireInt(A.cols, `${name}.cols`, 0);
  if (A.rowPtr.length !== A.rows + 1) throw new DimensionError(`${name}.rowPtr`, `length rows+1 = ${A.rows + 1}`, `length ${A.rowPtr.length}`);
  const nnz = A.rowPtr[A.rows] ?? 0;
  if (A.rowPtr[0] !== 0 || A.colIdx.length !== nnz || A.data.length !== 2 * nnz) {
    throw new DimensionError(`${name}`, `rowPtr[0] = 0, colIdx.length = nnz = ${nnz}, data.length = 2*nnz`, `rowPtr[0] = ${A.rowPtr[0]}, colIdx.length = ${A.colIdx.length}, data.length = ${A.data.length}`);
  }
}

/** Throws unless the complex vector `x` has `n` complex entries (`2n` doubles). */
export function checkVec(name: string, x: Float64Array, n: number): void {
  if (!(x instanceof Float64Array)) throw InputError.of(name, `a Float64Array of length ${2 * n} (${n} complex entries)`, x);
  if (x.length !== 2 * n) throw new DimensionError(name, `length ${2 * n} (${n} complex entries, interleaved)`, `length ${x.length}`);
}

/** Throws unless `out` has shape rows×cols. */
export function checkOut(name: string, out: CMatrix, rows: number, cols: number): void {
  checkMat(name, out);
  if (out.rows !== rows || out.cols !== cols) throw new DimensionError(name, `${rows}x${cols}`, `${out.rows}x${out.cols}`);
}

/** True when two typed arrays share any memory. */
export function overlaps(a: Float64Array, b: Float64Array): boolean {
  if (a.buffer !== b.buffer) return false;
  const a0 = a.byteOffset;
  const a1 = a0 + a.byteLength;
  const b0 = b.byteOffset;
  const b1 = b0 + b.byteLength;
  return a0 < b1 && b0 < a1;
}

/** Throws when `out` shares memory with `input` where the kernel cannot work in place. */
export function checkNoAlias(what: string, out: Float64Array, input: Float64Array, inputName: string): void {
  if (overlaps(out, input)) throw new DimensionError(what, `an output that does not share memory with ${inputName}`, `an output aliasing ${inputName}`);
}
