/**
 * The complex-array contract of pqms/numeric.
 *
 * All complex data is interleaved `Float64Array` (re, im, re, im, …). A complex vector of
 * length n is a `Float64Array` of length 2n.
 */

/**
 * Dense complex matrix, row-major: element (i, j) has its real part at `data[2*(i*cols+j)]`
 * and its imaginary part at `data[2*(i*cols+j)+1]`; `data.length === 2*rows*cols`.
 */
export interface CMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Complex compressed-sparse-row matrix. Row i holds the entries `rowPtr[i] .. rowPtr[i+1]-1`;
 * `colIdx[k]` is the column of entry k, sorted ascending within each row, no duplicates;
 * `data[2k]`, `data[2k+1]` its real and imaginary part. `rowPtr.length === rows+1`,
 * `colIdx.length === nnz`, `data.length === 2*nnz`.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly data: Float64Array;
}
