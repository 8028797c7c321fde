/**
 * Implicit-shift QL iteration for a real symmetric tridiagonal matrix (internal), after
 * EISPACK tql2 / JAMA: Wilkinson-type shift from the leading 2×2, Givens chase from the bottom.
 */
import { SolverError } from "../../errors.js";
import { hypot } from "../hypot.js";
import { rowRotations } from "./tql-simd.js";

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
 * afterwards d holds the eigenvalues (unsorted). When `z` (n×n real, row-major, initially I) is
 * given, column j of z becomes the eigenvector of eigenvalue d[j]. Each QL sweep's rotations are
 * recorded and then applied row by row of z (LAPACK dlasr style): one contiguous pass per row,
 * carrying one value between rotations, so each rotation costs one load and one store. From
 * `SIMD_N_MIN` rows on, the passes run on WebAssembly SIMD (tql-simd.ts), bit for bit the same;
 * `simd: false` keeps the scalar pass.
 */
export function tql(d: Float64Array, e: Float64Array, z: Float64Array | null, simd = true): void {
  const n = d.length;
  if (n === 0) return;
  const cs = z === null ? null : new Float64Array(2 * n);
  const rot = z !== null && simd && n >= SIMD_N_MIN ? rowRotations(z, n) : undefined;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > Math.max(EPS * tst1, TINY)) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_ITER_PER_VALUE) {
          throw new SolverError(`eigh: QL iteration did not converge for eigenvalue ${l} after ${MAX_ITER_PER_VALUE} sweeps (|e| = ${Math.abs(e[l]!)}); the matrix may hold huge dynamic range — rescale it`);
        }
        f += shiftAndChase(d, e, l, m, cs);
        if (rot !== undefined && cs !== null) rot.apply(cs, l, m);
        else if (z !== null && cs !== null) applySweep(z, n, l, m, cs);
      } while (Math.abs(e[l]!) > Math.max(EPS * tst1, TINY));
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  if (rot !== undefined && z !== null) rot.store(z);
}

/** Below this order the copies in and out of the SIMD module cost more than they save. */
const SIMD_N_MIN = 16;

/** One implicit QL sweep on the block l..m, recording rotation i as cs[2i], cs[2i+1] = (c, s); returns the shift. */
function shiftAndChase(d: Float64Array, e: Float64Array, l: number, m: number, cs: Float64Array | null): number {
  const n = d.length;
  let g = d[l]!;
  let p = (d[l + 1]! - g) / (2 * e[l]!);
  let r = hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = e[l]! / (p + r);
  d[l + 1] = e[l]! * (p + r);
  const dl1 = d[l + 1]!;
  let h = g - d[l]!;
  for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
  const shift = h;
  p = d[m]!;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1]!;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    const ei = e[i]!;
    g = c * ei;
    h = c * p;
    r = hypot(p, ei);
    e[i + 1] = s * r;
    s = ei / r;
    c = p / r;
    p = c * d[i]! - s * g;
    d[i + 1] = h + s * (c * g + s * d[i]!);
    if (cs !== null) {
      cs[2 * i] = c;
      cs[2 * i + 1] = s;
    }
  }
  p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

/**
 * Apply the sweep's rotations i = m−1 … l to columns (i, i+1) of every row of z. Four rows go
 * together so their carried values form independent dependency chains (latency hidden).
 */
function applySweep(z: Float64Array, n: number, l: number, m: number, cs: Float64Array): void {
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const o0 = r * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let c0 = z[o0 + m]!;
    let c1 = z[o1 + m]!;
    let c2 = z[o2 + m]!;
    let c3 = z[o3 + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[2 * i]!;
      const s = cs[2 * i + 1]!;
      const z0 = z[o0 + i]!;
      const z1 = z[o1 + i]!;
      const z2 = z[o2 + i]!;
      const z3 = z[o3 + i]!;
      z[o0 + i + 1] = s * z0 + c * c0;
      z[o1 + i + 1] = s * z1 + c * c1;
      z[o2 + i + 1] = s * z2 + c * c2;
      z[o3 + i + 1] = s * z3 + c * c3;
      c0 = c * z0 - s * c0;
      c1 = c * z1 - s * c1;
      c2 = c * z2 - s * c2;
      c3 = c * z3 - s * c3;
    }
    z[o0 + l] = c0;
    z[o1 + l] = c1;
    z[o2 + l] = c2;
    z[o3 + l] = c3;
  }
  for (; r < n; r++) {
    const o = r * n;
    let carry = z[o + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[2 * i]!;
      const s = cs[2 * i + 1]!;
      const zi = z[o + i]!;
      z[o + i + 1] = s * zi + c * carry;
      carry = c * zi - s * carry;
    }
    z[o + l] = carry;
  }
}
