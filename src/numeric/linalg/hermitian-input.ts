/** Input guard for solvers that need a finite Hermitian matrix (internal to numeric/linalg). */
import { assert, DimensionError, InputError } from "../../errors.js";
import { checkMat } from "../complex/check.js";
import type { CMatrix } from "../complex/types.js";
import { hypot } from "../hypot.js";

/** Default relative Hermiticity tolerance: |A_ij − conj(A_ji)| ≤ 1e-10 · max_ij |A_ij|. */
export const HERMITIAN_REL_TOL = 1e-10;

/**
 * Throws DimensionError for a non-square matrix and InputError for a non-finite entry or for
 * |A_ij − conj(A_ji)| > relTol · max_kl |A_kl| (relative, so scaling A does not change the verdict).
 * Returns max_kl |A_kl| (over real and imaginary parts).
 */
export function requireHermitian(name: string, A: CMatrix, relTol: number): number {
  checkMat(name, A);
  if (A.rows !== A.cols) throw new DimensionError(name, "a square matrix", `${A.rows}x${A.cols}`);
  if (!(relTol >= 0)) throw InputError.of("hermTol", "a number ≥ 0", relTol);
  const n = A.rows;
  const a = A.data;
  // One pass over TILE × TILE tiles (the column-wise reads of A_ji stay in cache): max|entry|
  // (NaN or ∞ if any entry is not finite) and the largest |A_ij − conj(A_ji)|. The verdicts and
  // messages are those of the row-by-row scans below, which only run when one fails.
  let scale = 0;
  let worst = 0;
  for (let i0 = 0; i0 < n; i0 += TILE) {
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const i1 = Math.min(n, i0 + TILE);
      const j1 = Math.min(n, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        for (let j = Math.max(i, j0); j < j1; j++) {
          const xr = a[2 * (i * n + j)]!;
          const xi = a[2 * (i * n + j) + 1]!;
          const yr = a[2 * (j * n + i)]!;
          const yi = a[2 * (j * n + i) + 1]!;
          scale = Math.max(scale, Math.abs(xr), Math.abs(xi), Math.abs(yr), Math.abs(yi));
          const dr = xr - yr;
          const di = xi + yi;
          if (dr !== 0 || di !== 0) worst = Math.max(worst, hypot(dr, di));
        }
      }
    }
  }
  if (!Number.isFinite(scale)) firstNonFinite(name, a, n);
  const tol = relTol * scale;
  if (worst > tol) firstViolation(name, a, n, tol, relTol);
  return scale;
}

/** Throws for the first non-finite entry in storage order. */
function firstNonFinite(name: string, a: Float64Array, n: number): never {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (!Number.isFinite(v)) {
      const e = k >> 1;
      throw InputError.of(`${name}[${Math.floor(e / n)}][${e % n}]`, "a finite complex number", v);
    }
  }
  assert(false, "the storage-order scan finds the non-finite entry the tiled scan saw");
}

/** Side length of the tiles of the Hermiticity check. */
const TILE = 16;

/** Throws for the first pair (row by row) with |A_ij − conj(A_ji)| > tol. */
function firstViolation(name: string, a: Float64Array, n: number, tol: number, relTol: number): never {
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const dr = (a[2 * (i * n + j)]!) - (a[2 * (j * n + i)]!);
      const di = (a[2 * (i * n + j) + 1]!) + (a[2 * (j * n + i) + 1]!);
      if (dr === 0 && di === 0) continue;
      const dev = hypot(dr, di);
      if (dev > tol) {
        throw InputError.of(name, `a Hermitian matrix (|A_ij − conj(A_ji)| ≤ ${relTol} · max|A| = ${tol.toExponential(2)})`, `~|A[${i}][${j}] − conj(A[${j}][${i}])| = ${dev.toExponential(3)}`);
      }
    }
  }
  assert(false, "the row scan finds the violating pair the tiled scan saw");
}
