/**
 * Implicit-shift QL iteration for a real symmetric tridiagonal matrix (internal), after
 * EISPACK tql2 / JAMA: Wilkinson-type shift from the leading 2×2, Givens chase from the bottom.
 */
import { SolverError } from "../../errors.js";

const EPS = 2 ** -52;
/**
 * Off-diagonals below this are dropped. Callers scale T to max|T_ij| ≈ 1 first, so this is far
 * below EPS·‖T‖ (backward stable), and it keeps Givens rotations away from subnormal numbers,
 * whose few significant bits would make the rotations non-orthogonal.
 */
const TINY = 2 ** -960;
/** Iteration budget per eigenvalue; LAPACK uses 30, QL converges cubically in practice. */
const MAX_ITER_PER_VALUE = 60;

/**
 * Diagonalise T (diagonal d, off-diagonal e with e[i] = T[i+1][i], e[n−1] = 0) in place:
 * afterwards d holds the eigenvalues (unsorted). When `zt` (n×n real, row-major, initially I)
 * is given, row j of zt becomes the eigenvector of eigenvalue d[j]: rotations act on two
 * contiguous rows, which keeps the hot loop cache-friendly.
 */
export function tql(d: Float64Array, e: Float64Array, zt: Float64Array | null): void {
  const n = d.length;
  if (n === 0) return;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > Math.max(EPS * tst1, TINY)) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_ITER_PER_VALUE) {
          throw new SolverError(`eigh: QL iteration did not converge for eigenvalue ${l} after ${MAX_ITER_PER_VALUE} sweeps (|e| = ${Math.abs(e[l] as number)}); the matrix may hold huge dynamic range — rescale it`);
        }
        f += shiftAndChase(d, e, l, m, zt, n);
      } while (Math.abs(e[l] as number) > Math.max(EPS * tst1, TINY));
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}

/** One implicit QL sweep on the block l..m; returns the shift absorbed into d. */
function shiftAndChase(d: Float64Array, e: Float64Array, l: number, m: number, zt: Float64Array | null, n: number): number {
  let g = d[l] as number;
  let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
  let r = Math.hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = (e[l] as number) / (p + r);
  d[l + 1] = (e[l] as number) * (p + r);
  const dl1 = d[l + 1] as number;
  let h = g - (d[l] as number);
  for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
  const shift = h;
  p = d[m] as number;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1] as number;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    const ei = e[i] as number;
    g = c * ei;
    h = c * p;
    r = Math.hypot(p, ei);
    e[i + 1] = s * r;
    s = ei / r;
    c = p / r;
    p = c * (d[i] as number) - s * g;
    d[i + 1] = h + s * (c * g + s * (d[i] as number));
    if (zt !== null) rotateRows(zt, n, i, c, s);
  }
  p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

/** Rows i, i+1 of zt ← [c −s; s c] applied from the left (columns of Z rotated). */
function rotateRows(zt: Float64Array, n: number, i: number, c: number, s: number): void {
  const r0 = i * n;
  const r1 = r0 + n;
  for (let k = 0; k < n; k++) {
    const zi = zt[r0 + k] as number;
    const h = zt[r1 + k] as number;
    zt[r1 + k] = s * zi + c * h;
    zt[r0 + k] = c * zi - s * h;
  }
}
