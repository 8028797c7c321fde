/**
 * Hermitian eigensolver: A = V diag(λ) V† with λ real ascending and V unitary.
 *
 * Householder reduction to a real symmetric tridiagonal matrix (complex reflectors, then a
 * diagonal phase), implicit-shift QL on the tridiagonal, and back-transformation of the real
 * eigenvectors through the phases and reflectors. O(n³) with row-major inner loops.
 */
import { cmatZeros } from "../complex/dense.js";
import type { CMatrix } from "../complex/types.js";
import { HERMITIAN_REL_TOL, requireHermitian } from "./hermitianInput.js";
import { tql } from "./tql.js";
import { type Tridiagonal, tridiagonalize } from "./tridiagonal.js";

/** Options of `eigh`. */
export interface EighOptions {
  /** Compute eigenvectors (default true). */
  readonly vectors?: boolean;
  /** Relative Hermiticity tolerance: |A_ij − conj(A_ji)| ≤ hermTol · max|A| (default 1e-10). */
  readonly hermTol?: number;
}

/** Result of `eigh`: `vectors` column k is the unit eigenvector of `values[k]`. */
export interface EighResult {
  readonly values: Float64Array;
  readonly vectors: CMatrix | null;
}

/**
 * Eigenvalues (ascending) and eigenvectors of a Hermitian matrix, like numpy.linalg.eigh.
 * Only the lower triangle is used after the Hermiticity check.
 *
 * @param A n×n Hermitian matrix.
 * @throws DimensionError when A is not square; InputError for a non-finite entry or when A is
 *   not Hermitian to the relative tolerance `hermTol`; SolverError if QL fails to converge.
 */
export function eigh(A: CMatrix, options: EighOptions = {}): EighResult {
  const wantVectors = options.vectors ?? true;
  requireHermitian("A", A, options.hermTol ?? HERMITIAN_REL_TOL);
  const n = A.rows;
  // Scale by a power of two (exact) to max|A_ij| ≈ 1, so QL's convergence test and the
  // reflectors stay clear of underflow/overflow; eigenvalues are scaled back at the end.
  const [s1, s2] = powerOfTwoScale(A.data);
  const tri = tridiagonalize(s1 === 1 && s2 === 1 ? A.data : A.data.map((x) => x * s1 * s2), n);
  const d = tri.d;
  const zt = wantVectors ? identityReal(n) : null;
  tql(d, tri.e, zt);
  const order = ascendingOrder(d);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = (d[order[k] as number] as number) / s1 / s2;
  if (zt === null) return { values, vectors: null };
  return { values, vectors: backTransform(tri, zt, order) };
}

/** Eigenvalues of a Hermitian matrix, ascending (like numpy.linalg.eigvalsh). */
export function eigvalsh(A: CMatrix, options: Omit<EighOptions, "vectors"> = {}): Float64Array {
  return eigh(A, { ...options, vectors: false }).values;
}

/**
 * [2^e1, 2^e2] with 2^(e1+e2) · max|a| in [0.5, 1) ([1, 1] for the zero matrix); split in two
 * factors so that neither over/underflows even for subnormal or huge entries.
 */
function powerOfTwoScale(a: Float64Array): [number, number] {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] as number));
  if (m === 0) return [1, 1];
  const e = -Math.floor(Math.log2(m)) - 1;
  const e1 = Math.trunc(e / 2);
  return [2 ** e1, 2 ** (e - e1)];
}

function identityReal(n: number): Float64Array {
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  return z;
}

function ascendingOrder(d: Float64Array): Int32Array {
  const order = Int32Array.from({ length: d.length }, (_, k) => k);
  order.sort((x, y) => (d[x] as number) - (d[y] as number));
  return order;
}

/** V = H_0 ⋯ H_{n−3} · D · Z, with Z's column k = row order[k] of zt. */
function backTransform(tri: Tridiagonal, zt: Float64Array, order: Int32Array): CMatrix {
  const { n, a, beta, phase } = tri;
  const V = cmatZeros(n, n);
  const v = V.data;
  for (let i = 0; i < n; i++) {
    const pr = phase[2 * i] as number;
    const pi = phase[2 * i + 1] as number;
    const row = 2 * i * n;
    for (let k = 0; k < n; k++) {
      const z = zt[(order[k] as number) * n + i] as number;
      v[row + 2 * k] = pr * z;
      v[row + 2 * k + 1] = pi * z;
    }
  }
  const r = new Float64Array(2 * n);
  for (let k = n - 3; k >= 0; k--) {
    const b = beta[k] as number;
    if (b !== 0) applyReflector(v, n, a, 2 * k * n, k + 1, b, r);
  }
  return V;
}

/** V ← (I − β u u†) V for u stored at a[rowU + 2i], i ≥ s; r is scratch (2n). */
function applyReflector(v: Float64Array, n: number, a: Float64Array, rowU: number, s: number, b: number, r: Float64Array): void {
  r.fill(0);
  // r = u† V (row vector), accumulated row by row.
  for (let i = s; i < n; i++) {
    const ur = a[rowU + 2 * i] as number;
    const ui = -(a[rowU + 2 * i + 1] as number);
    const row = 2 * i * n;
    for (let k = 0; k < 2 * n; k += 2) {
      const xr = v[row + k] as number;
      const xi = v[row + k + 1] as number;
      r[k] = (r[k] as number) + ur * xr - ui * xi;
      r[k + 1] = (r[k + 1] as number) + ur * xi + ui * xr;
    }
  }
  for (let i = s; i < n; i++) {
    const ur = b * (a[rowU + 2 * i] as number);
    const ui = b * (a[rowU + 2 * i + 1] as number);
    const row = 2 * i * n;
    for (let k = 0; k < 2 * n; k += 2) {
      const xr = r[k] as number;
      const xi = r[k + 1] as number;
      v[row + k] = (v[row + k] as number) - (ur * xr - ui * xi);
      v[row + k + 1] = (v[row + k + 1] as number) - (ur * xi + ui * xr);
    }
  }
}
