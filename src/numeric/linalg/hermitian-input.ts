/** Input guard for solvers that need a finite Hermitian matrix (internal to numeric/linalg). */
import { DimensionError, InputError } from "../../errors.js";
import { checkMat } from "../complex/check.js";
import type { CMatrix } from "../complex/types.js";
import { hypot } from "../hypot.js";

/** Default relative Hermiticity tolerance: |A_ij − conj(A_ji)| ≤ 1e-10 · max_ij |A_ij|. */
export const HERMITIAN_REL_TOL = 1e-10;

/**
 * Throws DimensionError for a non-square matrix and InputError for a non-finite entry or for
 * |A_ij − conj(A_ji)| > relTol · max_kl |A_kl| (relative, so scaling A does not change the verdict).
 */
export function requireHermitian(name: string, A: CMatrix, relTol: number): void {
  checkMat(name, A);
  if (A.rows !== A.cols) throw new DimensionError(name, "a square matrix", `${A.rows}x${A.cols}`);
  if (!(relTol >= 0)) throw InputError.of("hermTol", "a number ≥ 0", relTol);
  const n = A.rows;
  const a = A.data;
  let scale = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (!Number.isFinite(v)) {
      const e = k >> 1;
      throw InputError.of(`${name}[${Math.floor(e / n)}][${e % n}]`, "a finite complex number", v);
    }
    scale = Math.max(scale, Math.abs(v));
  }
  const tol = relTol * scale;
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
}
