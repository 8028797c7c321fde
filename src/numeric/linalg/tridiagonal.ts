/**
 * Householder reduction of a Hermitian matrix to real symmetric tridiagonal form (internal).
 *
 * T_c = Q† A Q with Q = H_0 H_1 ⋯ H_{n−3}, H_k = I − β_k u_k u_k† (Hermitian, unitary). T_c has
 * complex off-diagonals e_k; the diagonal phase D = diag(δ) with δ_{k+1} = δ_k e_k/|e_k| gives
 * T_r = D† T_c D real with off-diagonals |e_k|, so A = (Q D) T_r (Q D)†.
 */
import { hypot } from "../hypot.js";
import { type Rank2Rows, rank2Rows } from "./rank2-simd.js";

/** Work arrays of one reduction; `a` holds u_k in the strictly upper part of row k. */
export interface Tridiagonal {
  readonly n: number;
  /** n×n interleaved work matrix: lower triangle destroyed, row k upper part = u_k. */
  readonly a: Float64Array;
  /** β_k of each reflector (0 when no reflection was needed). */
  readonly beta: Float64Array;
  /** Diagonal of T_r (length n). */
  readonly d: Float64Array;
  /** Off-diagonal of T_r: e[k] = T_r[k+1][k] ≥ 0 (length n, e[n−1] = 0). */
  readonly e: Float64Array;
  /** Phases δ_k interleaved (length 2n). */
  readonly phase: Float64Array;
}

/**
 * Reduce Hermitian A (interleaved row-major, only the lower triangle read) to tridiagonal form.
 * Works on the lower triangle with a row-major Hermitian matvec and rank-2 update.
 */
export function tridiagonalize(A: Float64Array, n: number, useSimd = true): Tridiagonal {
  // From SIMD_N_MIN rows on, A is reduced in the rank-2 SIMD module's memory (rank2-simd.ts).
  const simd = useSimd && n >= SIMD_N_MIN ? rank2Rows(n) : undefined;
  if (simd !== undefined) simd.a.set(A.subarray(0, 2 * n * n));
  const a = simd?.a ?? A.slice();
  const beta = new Float64Array(n);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const ec = new Float64Array(2 * n);
  const p = simd?.p ?? new Float64Array(2 * n);
  for (let k = 0; k < n - 2; k++) {
    reduceColumn(a, n, k, beta, ec, p, simd);
  }
  if (n >= 2) {
    ec[2 * (n - 2)] = a[2 * ((n - 1) * n + n - 2)]!;
    ec[2 * (n - 2) + 1] = a[2 * ((n - 1) * n + n - 2) + 1]!;
  }
  for (let i = 0; i < n; i++) d[i] = a[2 * (i * n + i)]!;
  const phase = new Float64Array(2 * n);
  phase[0] = 1;
  const c = new Float64Array(2);
  for (let k = 0; k < n - 1; k++) {
    const er = ec[2 * k]!;
    const ei = ec[2 * k + 1]!;
    e[k] = hypot(er, ei);
    const pr = phase[2 * k]!;
    const pi = phase[2 * k + 1]!;
    // δ_{k+1} = δ_k · e_k/|e_k| (1 when e_k = 0).
    unitPhaseInto(er, ei, c, 0);
    const cr = c[0]!;
    const ci = c[1]!;
    phase[2 * (k + 1)] = pr * cr - pi * ci;
    phase[2 * (k + 1) + 1] = pr * ci + pi * cr;
  }
  // The module's memory is reused by the next reduction: hand back a copy.
  return { n, a: simd === undefined ? a : a.slice(), beta, d, e, phase };
}

/** Below this order the SIMD update's set-up costs more than it saves. */
const SIMD_N_MIN = 16;

/**
 * out[o] + i·out[o+1] = z/|z| for z = re + i·im (1 when z = 0), a unit number to rounding for
 * every z: dividing by max(|re|, |im|) first (a correctly rounded quotient of the stored values)
 * means |z| is never formed from subnormal or underflowing parts, whose hypot has only a few
 * significant bits left.
 */
function unitPhaseInto(re: number, im: number, out: Float64Array, o: number): void {
  const m = Math.max(Math.abs(re), Math.abs(im));
  if (m === 0) {
    out[o] = 1;
    out[o + 1] = 0;
    return;
  }
  const xr = re / m;
  const xi = im / m;
  const r = hypot(xr, xi);
  out[o] = xr / r;
  out[o + 1] = xi / r;
}

/**
 * Exponent e with 2^e · m in about [0.5, 1) for finite m > 0 (log2 rounding may move it to 1,
 * which is as safe). Scaling up by 2^e is exact, subnormal values included.
 */
function scaleExponent(m: number): number {
  return -Math.floor(Math.log2(m)) - 1;
}

/** One Householder step: annihilate A[k+2.., k], update the trailing block, store u in row k. */
function reduceColumn(a: Float64Array, n: number, k: number, beta: Float64Array, ec: Float64Array, p: Float64Array, simd: Rank2Rows | undefined): void {
  const k1 = k + 1;
  const ar0 = a[2 * (k1 * n + k)]!;
  const ai0 = a[2 * (k1 * n + k) + 1]!;
  // Scale the column by its largest component so that squares neither underflow nor overflow.
  let tailMax = 0;
  for (let i = k + 2; i < n; i++) {
    tailMax = Math.max(tailMax, Math.abs(a[2 * (i * n + k)]!), Math.abs(a[2 * (i * n + k) + 1]!));
  }
  const rowU = 2 * k * n;
  if (tailMax === 0) {
    beta[k] = 0;
    ec[2 * k] = ar0;
    ec[2 * k + 1] = ai0;
    for (let j = 2 * k1; j < 2 * n; j++) a[rowU + j] = 0;
    return;
  }
  // Scale x by a power of two 2^(e1+e2) to max component ≈ 1: exact (subnormal components keep
  // every bit), and in two factors because 2^e alone overflows when the column is subnormal.
  const e = scaleExponent(Math.max(tailMax, Math.abs(ar0), Math.abs(ai0)));
  const s1 = 2 ** Math.trunc(e / 2);
  const s2 = 2 ** (e - Math.trunc(e / 2));
  let tail = 0;
  for (let i = k + 2; i < n; i++) {
    const xr = (a[2 * (i * n + k)]!) * s1 * s2;
    const xi = (a[2 * (i * n + k) + 1]!) * s1 * s2;
    a[rowU + 2 * i] = xr;
    a[rowU + 2 * i + 1] = xi;
    tail += xr * xr + xi * xi;
  }
  const ar = ar0 * s1 * s2;
  const ai = ai0 * s1 * s2;
  const absA = hypot(ar, ai);
  const xnorm = Math.sqrt(tail + absA * absA);
  // e^{iθ} = α/|α| must be a unit number to rounding even when α is subnormal (ar/absA is not:
  // hypot of subnormals keeps few bits, and a phase off unit length by η makes H non-unitary by η).
  unitPhaseInto(ar, ai, ec, 2 * k);
  const cr = ec[2 * k]!;
  const ci = ec[2 * k + 1]!;
  // With x scaled to max component ≈ 1: u = x + e^{iθ}‖x‖ e_1, so H x = −e^{iθ}‖x‖ e_1 and
  // β = 2/(u†u) = 1/(‖x‖(‖x‖ + |α|)); H does not depend on the scale of u.
  const b = 1 / (xnorm * (xnorm + absA));
  beta[k] = b;
  ec[2 * k] = (-cr * xnorm) / s1 / s2;
  ec[2 * k + 1] = (-ci * xnorm) / s1 / s2;
  a[rowU + 2 * k1] = ar + cr * xnorm;
  a[rowU + 2 * k1 + 1] = ai + ci * xnorm;
  hermitianMatvecLower(a, n, k1, rowU, b, p, simd);
  // K = β u†p / 2 (real for Hermitian A); q = p − K u overwrites p.
  let kr = 0;
  for (let i = k1; i < n; i++) {
    kr += a[rowU + 2 * i]! * p[2 * i]! + a[rowU + 2 * i + 1]! * p[2 * i + 1]!;
  }
  const K = 0.5 * b * kr;
  for (let i = k1; i < n; i++) {
    p[2 * i] = p[2 * i]! - K * a[rowU + 2 * i]!;
    p[2 * i + 1] = p[2 * i + 1]! - K * a[rowU + 2 * i + 1]!;
  }
  if (simd === undefined) {
    rank2UpdateLower(a, n, k1, rowU, p);
    return;
  }
  simd.update(k1, rowU, p);
  for (let i = k1; i < n; i++) a[2 * (i * n + i) + 1] = 0;
}

/**
 * p[i] = β Σ_j A_ij u_j over i, j ≥ s, reading only the lower triangle of A. With `simd` (A and
 * p in its module's memory) the row pairs run there, bit for bit the loop below.
 */
function hermitianMatvecLower(a: Float64Array, n: number, s: number, rowU: number, b: number, p: Float64Array, simd?: Rank2Rows): void {
  for (let i = s; i < n; i++) {
    p[2 * i] = 0;
    p[2 * i + 1] = 0;
  }
  // Two rows (i, i+1) per pass over p: each p_j is loaded and stored once per two rows.
  let i = simd === undefined ? s : simd.matvecPairs(s, rowU);
  for (; i + 1 < n; i += 2) {
    const ur = a[rowU + 2 * i]!;
    const ui = a[rowU + 2 * i + 1]!;
    const wr = a[rowU + 2 * i + 2]!;
    const wi = a[rowU + 2 * i + 3]!;
    const row = 2 * i * n;
    const row2 = row + 2 * n;
    let sr = a[row + 2 * i]! * ur;
    let si = a[row + 2 * i]! * ui;
    let tr = a[row2 + 2 * i + 2]! * wr;
    let ti = a[row2 + 2 * i + 2]! * wi;
    for (let j = s; j < i; j++) {
      const xr = a[row + 2 * j]!;
      const xi = a[row + 2 * j + 1]!;
      const yr = a[row2 + 2 * j]!;
      const yi = a[row2 + 2 * j + 1]!;
      const vr = a[rowU + 2 * j]!;
      const vi = a[rowU + 2 * j + 1]!;
      sr += xr * vr - xi * vi;
      si += xr * vi + xi * vr;
      tr += yr * vr - yi * vi;
      ti += yr * vi + yi * vr;
      // A_ji = conj(A_ij): p_j += conj(A_ij) u_i + conj(A_{i+1,j}) u_{i+1}
      p[2 * j] = p[2 * j]! + (xr * ur + xi * ui) + (yr * wr + yi * wi);
      p[2 * j + 1] = p[2 * j + 1]! + (xr * ui - xi * ur) + (yr * wi - yi * wr);
    }
    // A_{i+1,i}: row i+1 takes A_{i+1,i} u_i, row i takes conj(A_{i+1,i}) u_{i+1}.
    const yr = a[row2 + 2 * i]!;
    const yi = a[row2 + 2 * i + 1]!;
    tr += yr * ur - yi * ui;
    ti += yr * ui + yi * ur;
    sr += yr * wr + yi * wi;
    si += yr * wi - yi * wr;
    p[2 * i] = p[2 * i]! + sr;
    p[2 * i + 1] = p[2 * i + 1]! + si;
    p[2 * i + 2] = p[2 * i + 2]! + tr;
    p[2 * i + 3] = p[2 * i + 3]! + ti;
  }
  for (; i < n; i++) {
    const ur = a[rowU + 2 * i]!;
    const ui = a[rowU + 2 * i + 1]!;
    const row = 2 * i * n;
    let sr = a[row + 2 * i]! * ur;
    let si = a[row + 2 * i]! * ui;
    for (let j = s; j < i; j++) {
      const xr = a[row + 2 * j]!;
      const xi = a[row + 2 * j + 1]!;
      const vr = a[rowU + 2 * j]!;
      const vi = a[rowU + 2 * j + 1]!;
      sr += xr * vr - xi * vi;
      si += xr * vi + xi * vr;
      p[2 * j] = p[2 * j]! + xr * ur + xi * ui;
      p[2 * j + 1] = p[2 * j + 1]! + xr * ui - xi * ur;
    }
    p[2 * i] = p[2 * i]! + sr;
    p[2 * i + 1] = p[2 * i + 1]! + si;
  }
  for (let i = s; i < n; i++) {
    p[2 * i] = b * p[2 * i]!;
    p[2 * i + 1] = b * p[2 * i + 1]!;
  }
}

/** A_ij −= u_i conj(q_j) + q_i conj(u_j) over the lower triangle of the trailing block. */
function rank2UpdateLower(a: Float64Array, n: number, s: number, rowU: number, q: Float64Array): void {
  for (let i = s; i < n; i++) {
    const ur = a[rowU + 2 * i]!;
    const ui = a[rowU + 2 * i + 1]!;
    const qr = q[2 * i]!;
    const qi = q[2 * i + 1]!;
    const row = 2 * i * n;
    for (let j = s; j <= i; j++) {
      const vr = a[rowU + 2 * j]!;
      const vi = a[rowU + 2 * j + 1]!;
      const wr = q[2 * j]!;
      const wi = q[2 * j + 1]!;
      a[row + 2 * j] = a[row + 2 * j]! - (ur * wr + ui * wi) - (qr * vr + qi * vi);
      a[row + 2 * j + 1] = a[row + 2 * j + 1]! - (ui * wr - ur * wi) - (qi * vr - qr * vi);
    }
    a[row + 2 * i + 1] = 0;
  }
}
