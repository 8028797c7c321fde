/**
 * Hermitian eigensolver: A = V diag(λ) V† with λ real ascending and V unitary.
 *
 * Householder reduction to a real symmetric tridiagonal matrix (complex reflectors, then a
 * diagonal phase), implicit-shift QL on the tridiagonal (eigenvalues only, and eigenvectors below
 * `DIVIDE_CONQUER_N_MIN` rows) or divide and conquer (eigenvectors from that order on, as LAPACK's
 * zheevd), and back-transformation of the real eigenvectors through the phases and reflectors.
 * O(n³) with row-major inner loops.
 */
import { cmatZeros } from "../complex/dense.js";
import type { CMatrix } from "../complex/types.js";
import { HERMITIAN_REL_TOL, requireHermitian } from "./hermitian-input.js";
import { type ReflectorRows, reflectorRows } from "./reflector-simd.js";
import { tql } from "./tql.js";
import { tridiagonalEigen } from "./tridiagonal-dc.js";
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
  const maxAbs = requireHermitian("A", A, options.hermTol ?? HERMITIAN_REL_TOL);
  const n = A.rows;
  // Scale by a power of two (exact) to max|A_ij| ≈ 1, so QL's convergence test and the
  // reflectors stay clear of underflow/overflow; eigenvalues are scaled back at the end.
  const [s1, s2] = powerOfTwoScale(maxAbs);
  const tri = tridiagonalize(s1 === 1 && s2 === 1 ? A.data : A.data.map((x) => x * s1 * s2), n);
  const d = tri.d;
  if (wantVectors && n >= DIVIDE_CONQUER_N_MIN) {
    // Divide and conquer for the tridiagonal eigenvectors: values come back ascending.
    const dc = tridiagonalEigen(d, tri.e);
    const values = dc.values.map((x) => x / s1 / s2);
    return { values, vectors: backTransform(tri, dc.vectors, dc.order) };
  }
  const z = wantVectors ? identityReal(n) : null;
  tql(d, tri.e, z);
  const order = ascendingOrder(d);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = (d[order[k]!]!) / s1 / s2;
  if (z === null) return { values, vectors: null };
  return { values, vectors: backTransform(tri, z, order) };
}

/**
 * From this order on, eigh's eigenvectors of the tridiagonal matrix come from divide and conquer
 * (tridiagonal-dc.ts) instead of QL: below it, QL's rotations cost less than the merges.
 */
export const DIVIDE_CONQUER_N_MIN = 160;

/** Eigenvalues of a Hermitian matrix, ascending (like numpy.linalg.eigvalsh). */
export function eigvalsh(A: CMatrix, options: Omit<EighOptions, "vectors"> = {}): Float64Array {
  return eigh(A, { ...options, vectors: false }).values;
}

/**
 * [2^e1, 2^e2] with 2^(e1+e2) · m in [0.5, 1) for m = max|a_ij| ([1, 1] for the zero matrix); split
 * in two factors so that neither over/underflows even for subnormal or huge entries.
 */
function powerOfTwoScale(m: number): [number, number] {
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
  order.sort((x, y) => d[x]! - d[y]!);
  return order;
}

/** V = H_0 ⋯ H_{n−3} · D · Z, with V's column k = column order[k] of z. */
function backTransform(tri: Tridiagonal, z: Float64Array, order: Int32Array): CMatrix {
  const { n, a, beta, phase } = tri;
  const V = cmatZeros(n, n);
  // From SIMD_N_MIN rows on, V and the row vectors live in the SIMD module's memory.
  const rows = n >= SIMD_N_MIN ? reflectorRows(n) : undefined;
  const v = rows?.v ?? V.data;
  for (let i = 0; i < n; i++) {
    const pr = phase[2 * i]!;
    const pi = phase[2 * i + 1]!;
    const row = 2 * i * n;
    for (let k = 0; k < n; k++) {
      const zik = z[i * n + order[k]!]!;
      v[row + 2 * k] = pr * zik;
      v[row + 2 * k + 1] = pi * zik;
    }
  }
  const r = rows?.r1 ?? new Float64Array(2 * n);
  const r2 = rows?.r2 ?? new Float64Array(2 * n);
  let k = n - 3;
  // With divide and conquer (n ≥ DIVIDE_CONQUER_N_MIN) an odd count of reflectors leaves the
  // two-row H_{n−3} alone, applied first, instead of H_0 on all rows at the end on the scalar pass.
  if (n >= DIVIDE_CONQUER_N_MIN && k >= 0 && k % 2 === 0) {
    if (beta[k] !== 0) applyReflector(v, n, a, 2 * k * n, k + 1, beta[k]!, r);
    k--;
  }
  // Two reflectors per pass over V halve the loads and stores of V.
  for (; k >= 1; k -= 2) applyReflectorPair(v, n, a, k - 1, beta[k - 1]!, beta[k]!, r, r2, rows);
  if (k === 0 && beta[0] !== 0) applyReflector(v, n, a, 0, 1, beta[0]!, r);
  if (rows !== undefined) V.data.set(v);
  return V;
}

/** Below this order the SIMD passes' set-up costs more than they save. */
const SIMD_N_MIN = 16;

/**
 * Coefficients of the row pairs from row i for reflector-simd.ts: per row the lane vectors
 * [w_r, w_r], [−w_i, w_i] of w = u1_i then u2_i, with w = conj(u) when `conj`.
 */
function writeCoefficients(coef: Float64Array, a: Float64Array, u1: number, u2: number, i: number, pairs: number, conj: boolean): void {
  const sg = conj ? -1 : 1;
  for (let p = 0; p < pairs; p++) {
    for (let h = 0; h < 2; h++) {
      const row = i + 2 * p + h;
      const o = 16 * p + 8 * h;
      const ar = a[u1 + 2 * row]!;
      const ai = sg * a[u1 + 2 * row + 1]!;
      const br = a[u2 + 2 * row]!;
      const bi = sg * a[u2 + 2 * row + 1]!;
      coef[o] = ar;
      coef[o + 1] = ar;
      coef[o + 2] = -ai;
      coef[o + 3] = ai;
      coef[o + 4] = br;
      coef[o + 5] = br;
      coef[o + 6] = -bi;
      coef[o + 7] = bi;
    }
  }
}

/**
 * V ← H_j H_{j+1} V with H = I − β u u† (u_j stored in row j of a from column j+1, u_{j+1} in
 * row j+1 from column j+2): with R1 = u_j†V, R2 = u_{j+1}†V and γ = u_j†u_{j+1},
 * V −= u_j (β1 R1 − β1 β2 γ R2) + u_{j+1} (β2 R2).
 */
function applyReflectorPair(v: Float64Array, n: number, a: Float64Array, j: number, b1: number, b2: number, r1: Float64Array, r2: Float64Array, rows: ReflectorRows | undefined): void {
  const u1 = 2 * j * n;
  const u2 = 2 * (j + 1) * n;
  r1.fill(0);
  r2.fill(0);
  // Row j+1: only u_j has support there.
  accumulateConj(r1, v, 2 * (j + 1) * n, a[u1 + 2 * (j + 1)]!, a[u1 + 2 * (j + 1) + 1]!, n);
  let gr = 0;
  let gi = 0;
  for (let i = j + 2; i < n; i++) {
    const ar = a[u1 + 2 * i]!;
    const ai = -a[u1 + 2 * i + 1]!;
    const br = a[u2 + 2 * i]!;
    const bi = -a[u2 + 2 * i + 1]!;
    // γ = Σ conj(u1_i) u2_i
    gr += ar * br + ai * bi;
    gi += ar * -bi + ai * br;
  }
  // R1 += conj(u1_i) V_i, R2 += conj(u2_i) V_i, two rows of V per pass over r1, r2 (register
  // blocking: each r element is loaded and stored once per two rows).
  let i = j + 2;
  if (rows !== undefined) {
    const pairs = (n - i) >> 1;
    writeCoefficients(rows.coef, a, u1, u2, i, pairs, true);
    rows.acc(i, pairs);
    i += 2 * pairs;
  }
  for (; i + 1 < n; i += 2) {
    const ar = a[u1 + 2 * i]!;
    const ai = -a[u1 + 2 * i + 1]!;
    const br = a[u2 + 2 * i]!;
    const bi = -a[u2 + 2 * i + 1]!;
    const cr = a[u1 + 2 * i + 2]!;
    const ci = -a[u1 + 2 * i + 3]!;
    const dr = a[u2 + 2 * i + 2]!;
    const di = -a[u2 + 2 * i + 3]!;
    const row = 2 * i * n;
    const row2 = row + 2 * n;
    for (let c = 0; c < 2 * n; c += 2) {
      const xr = v[row + c]!;
      const xi = v[row + c + 1]!;
      const yr = v[row2 + c]!;
      const yi = v[row2 + c + 1]!;
      r1[c] = r1[c]! + (ar * xr - ai * xi) + (cr * yr - ci * yi);
      r1[c + 1] = r1[c + 1]! + (ar * xi + ai * xr) + (cr * yi + ci * yr);
      r2[c] = r2[c]! + (br * xr - bi * xi) + (dr * yr - di * yi);
      r2[c + 1] = r2[c + 1]! + (br * xi + bi * xr) + (dr * yi + di * yr);
    }
  }
  for (; i < n; i++) {
    const ar = a[u1 + 2 * i]!;
    const ai = -a[u1 + 2 * i + 1]!;
    const br = a[u2 + 2 * i]!;
    const bi = -a[u2 + 2 * i + 1]!;
    const row = 2 * i * n;
    for (let c = 0; c < 2 * n; c += 2) {
      const xr = v[row + c]!;
      const xi = v[row + c + 1]!;
      r1[c] = r1[c]! + ar * xr - ai * xi;
      r1[c + 1] = r1[c + 1]! + ar * xi + ai * xr;
      r2[c] = r2[c]! + br * xr - bi * xi;
      r2[c + 1] = r2[c + 1]! + br * xi + bi * xr;
    }
  }
  // S1 = β1 R1 − β1 β2 γ R2 (into r1), S2 = β2 R2 (into r2).
  const fr = b1 * b2 * gr;
  const fi = b1 * b2 * gi;
  for (let c = 0; c < 2 * n; c += 2) {
    const xr = r2[c]!;
    const xi = r2[c + 1]!;
    r1[c] = b1 * r1[c]! - (fr * xr - fi * xi);
    r1[c + 1] = b1 * r1[c + 1]! - (fr * xi + fi * xr);
    r2[c] = b2 * xr;
    r2[c + 1] = b2 * xi;
  }
  subtractOuter(v, 2 * (j + 1) * n, a[u1 + 2 * (j + 1)]!, a[u1 + 2 * (j + 1) + 1]!, r1, n);
  // V_i −= u1_i S1 + u2_i S2, two rows per pass over S1, S2.
  i = j + 2;
  if (rows !== undefined) {
    const pairs = (n - i) >> 1;
    writeCoefficients(rows.coef, a, u1, u2, i, pairs, false);
    rows.upd(i, pairs);
    i += 2 * pairs;
  }
  for (; i + 1 < n; i += 2) {
    const ar = a[u1 + 2 * i]!;
    const ai = a[u1 + 2 * i + 1]!;
    const br = a[u2 + 2 * i]!;
    const bi = a[u2 + 2 * i + 1]!;
    const cr = a[u1 + 2 * i + 2]!;
    const ci = a[u1 + 2 * i + 3]!;
    const dr = a[u2 + 2 * i + 2]!;
    const di = a[u2 + 2 * i + 3]!;
    const row = 2 * i * n;
    const row2 = row + 2 * n;
    for (let c = 0; c < 2 * n; c += 2) {
      const pr = r1[c]!;
      const pi = r1[c + 1]!;
      const qr = r2[c]!;
      const qi = r2[c + 1]!;
      v[row + c] = v[row + c]! - (ar * pr - ai * pi) - (br * qr - bi * qi);
      v[row + c + 1] = v[row + c + 1]! - (ar * pi + ai * pr) - (br * qi + bi * qr);
      v[row2 + c] = v[row2 + c]! - (cr * pr - ci * pi) - (dr * qr - di * qi);
      v[row2 + c + 1] = v[row2 + c + 1]! - (cr * pi + ci * pr) - (dr * qi + di * qr);
    }
  }
  for (; i < n; i++) {
    const ar = a[u1 + 2 * i]!;
    const ai = a[u1 + 2 * i + 1]!;
    const br = a[u2 + 2 * i]!;
    const bi = a[u2 + 2 * i + 1]!;
    const row = 2 * i * n;
    for (let c = 0; c < 2 * n; c += 2) {
      const pr = r1[c]!;
      const pi = r1[c + 1]!;
      const qr = r2[c]!;
      const qi = r2[c + 1]!;
      v[row + c] = v[row + c]! - (ar * pr - ai * pi) - (br * qr - bi * qi);
      v[row + c + 1] = v[row + c + 1]! - (ar * pi + ai * pr) - (br * qi + bi * qr);
    }
  }
}

/** r += conj(u) · V[row, :] for one row (u = ur + i·ui). */
function accumulateConj(r: Float64Array, v: Float64Array, row: number, ur: number, ui: number, n: number): void {
  for (let c = 0; c < 2 * n; c += 2) {
    const xr = v[row + c]!;
    const xi = v[row + c + 1]!;
    r[c] = r[c]! + ur * xr + ui * xi;
    r[c + 1] = r[c + 1]! + ur * xi - ui * xr;
  }
}

/** V[row, :] −= u · s for one row (u = ur + i·ui). */
function subtractOuter(v: Float64Array, row: number, ur: number, ui: number, s: Float64Array, n: number): void {
  for (let c = 0; c < 2 * n; c += 2) {
    const pr = s[c]!;
    const pi = s[c + 1]!;
    v[row + c] = v[row + c]! - (ur * pr - ui * pi);
    v[row + c + 1] = v[row + c + 1]! - (ur * pi + ui * pr);
  }
}

/** V ← (I − β u u†) V for u stored at a[rowU + 2i], i ≥ s; r is scratch (2n). */
function applyReflector(v: Float64Array, n: number, a: Float64Array, rowU: number, s: number, b: number, r: Float64Array): void {
  r.fill(0);
  // r = u† V (row vector), accumulated row by row.
  for (let i = s; i < n; i++) {
    const ur = a[rowU + 2 * i]!;
    const ui = -a[rowU + 2 * i + 1]!;
    const row = 2 * i * n;
    for (let k = 0; k < 2 * n; k += 2) {
      const xr = v[row + k]!;
      const xi = v[row + k + 1]!;
      r[k] = r[k]! + ur * xr - ui * xi;
      r[k + 1] = r[k + 1]! + ur * xi + ui * xr;
    }
  }
  for (let i = s; i < n; i++) {
    const ur = b * a[rowU + 2 * i]!;
    const ui = b * a[rowU + 2 * i + 1]!;
    const row = 2 * i * n;
    for (let k = 0; k < 2 * n; k += 2) {
      const xr = r[k]!;
      const xi = r[k + 1]!;
      v[row + k] = v[row + k]! - (ur * xr - ui * xi);
      v[row + k + 1] = v[row + k + 1]! - (ur * xi + ui * xr);
    }
  }
}
