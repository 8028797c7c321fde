/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by divide and conquer
 * (Cuppen 1981; the deflation and secular-equation steps of LAPACK dstedc / dlaed0–dlaed4;
 * eigenvectors by the Löwner formula of Gu & Eisenstat 1995, SIAM J. Matrix Anal. Appl. 16:172,
 * which keeps them orthogonal to working precision however close the eigenvalues are).
 *
 * T is split in the middle as diag(T1, T2) + ρ v vᵀ (v = e_last ⊕ e_first, the corner entries of
 * T1 and T2 reduced by ρ); each half is solved recursively (blocks of at most `LEAF` rows by the
 * QL iteration of tql.ts), and the two are merged by the rank-one update
 *   D + ρ z zᵀ,  z = [last row of Q1, first row of Q2],
 * whose eigenvalues are the roots of the secular equation 1/ρ + Σ z_j²/(d_j − λ) = 0. Entries of z
 * that are negligible, and pairs of nearly equal d_j (rotated so one z entry vanishes), deflate:
 * their eigenpairs are those of D. The merged eigenvectors are Q·U, with U the K×K eigenvectors of
 * the undeflated part; that product, the bulk of the work, runs on SIMD (real-matmul-simd.ts).
 *
 * Internal to numeric/linalg: `eigh` uses it for the eigenvectors from `DIVIDE_CONQUER_N_MIN` rows on.
 */
import { hypot } from "../hypot.js";
import { realMatmulTransposedB } from "./real-matmul-simd.js";
import { tql } from "./tql.js";

/** Unit roundoff (LAPACK's dlamch('E')). */
const EPS = 2 ** -53;
/**
 * Blocks of at most this many rows are solved by QL. LAPACK's SMLSIZ is 25; here QL with its SIMD
 * rotations on a block of about 56 rows costs less than two more levels of merges (n = 225).
 */
export const LEAF = 60;
/** Iteration cap of one secular root; the bracketing bisection guarantees progress regardless. */
const MAX_SECULAR_ITER = 80;

/**
 * An eigendecomposition of a block: values ascending, vectors n×n row-major, column order[k] the
 * eigenvector of values[k] (the columns are not moved into ascending order).
 */
export interface TridiagonalEigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
  readonly order: Int32Array;
}
type Eigen = TridiagonalEigen;

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of the symmetric tridiagonal T with
 * diagonal d and off-diagonal e (e[i] = T[i+1][i]; e[n−1] is ignored). d and e are not changed.
 * Callers scale T to max|T_ij| ≈ 1 (as `eigh` does).
 *
 * @returns values ascending, and the n×n row-major matrix whose column order[k] is the eigenvector of values[k].
 * @throws SolverError if the QL iteration of a leaf block does not converge.
 */
export function tridiagonalEigen(d: Float64Array, e: Float64Array): Eigen {
  const n = d.length;
  const dw = d.slice();
  return solve(dw, e, 0, n);
}

function solve(d: Float64Array, e: Float64Array, lo: number, n: number): Eigen {
  if (n <= LEAF) return leaf(d, e, lo, n);
  const n1 = n >> 1;
  const rho = e[lo + n1 - 1]!;
  const r = Math.abs(rho);
  // T = diag(T1 − r e_last e_lastᵀ, T2 − r e_1 e_1ᵀ) + r v vᵀ, v = [e_last; sign(ρ) e_1].
  d[lo + n1 - 1] = d[lo + n1 - 1]! - r;
  d[lo + n1] = d[lo + n1]! - r;
  const top = solve(d, e, lo, n1);
  const bottom = solve(d, e, lo + n1, n - n1);
  return merge(top, bottom, n1, n - n1, r, rho < 0 ? -1 : 1);
}

/** QL on rows lo … lo+n−1 (from the identity), sorted ascending. */
function leaf(d: Float64Array, e: Float64Array, lo: number, n: number): Eigen {
  const dd = d.slice(lo, lo + n);
  const ee = e.slice(lo, lo + n);
  ee[n - 1] = 0;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  tql(dd, ee, z);
  const order = Int32Array.from({ length: n }, (_, k) => k);
  order.sort((x, y) => dd[x]! - dd[y]!);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = dd[order[k]!]!;
  return { values, vectors: z, order };
}

/**
 * Eigendecomposition of diag(Q1, Q2)·(diag(λ1, λ2) + r z zᵀ)·diag(Q1, Q2)ᵀ, the merge of the two
 * halves (LAPACK dlaed1: dlaed2 deflation, dlaed4 roots, dlaed3 vectors).
 */
function merge(top: Eigen, bottom: Eigen, n1: number, n2: number, r: number, sign: number): Eigen {
  const n = n1 + n2;
  // Q = diag(Q1, Q2) with column supports (1 top rows, 2 bottom rows, 3 both after a rotation).
  const Q = new Float64Array(n * n);
  gatherColumns(top, n1, Q, n, 0, 0);
  gatherColumns(bottom, n2, Q, n, n1, n1);
  const support = new Uint8Array(n);
  const D = new Float64Array(n);
  const z = new Float64Array(n);
  for (let k = 0; k < n1; k++) {
    D[k] = top.values[k]!;
    z[k] = Q[(n1 - 1) * n + k]!;
    support[k] = 1;
  }
  for (let k = 0; k < n2; k++) {
    D[n1 + k] = bottom.values[k]!;
    z[n1 + k] = sign * Q[n1 * n + n1 + k]!;
    support[n1 + k] = 2;
  }
  // Unit z (‖z‖² = 2 up to rounding), ρ absorbing the norm.
  let zz = 0;
  for (let k = 0; k < n; k++) zz += z[k]! * z[k]!;
  const zn = Math.sqrt(zz);
  for (let k = 0; k < n; k++) z[k] = z[k]! / zn;
  const rho = r * zz;
  // Poles ascending (the two halves are each ascending: a merge).
  const perm = new Int32Array(n);
  for (let a = 0, b = n1, k = 0; k < n; k++) perm[k] = b >= n || (a < n1 && D[a]! <= D[b]!) ? a++ : b++;
  const ds = new Float64Array(n);
  const zs = new Float64Array(n);
  let dmax = 0;
  let zmax = 0;
  for (let k = 0; k < n; k++) {
    ds[k] = D[perm[k]!]!;
    zs[k] = z[perm[k]!]!;
    dmax = Math.max(dmax, Math.abs(ds[k]!));
    zmax = Math.max(zmax, Math.abs(zs[k]!));
  }
  const tol = 8 * EPS * Math.max(dmax, zmax);
  // Deflation (dlaed2): kept poles in kd/kz/kcol, deflated eigenpairs in defVal/defCol.
  const kd = new Float64Array(n);
  const kz = new Float64Array(n);
  const kcol = new Int32Array(n);
  const defVal = new Float64Array(n);
  const defCol = new Int32Array(n);
  let K = 0;
  let nd = 0;
  if (rho * zmax <= tol) {
    for (let j = 0; j < n; j++) {
      defVal[nd] = ds[j]!;
      defCol[nd++] = perm[j]!;
    }
  } else {
    let pj = -1;
    for (let j = 0; j < n; j++) {
      if (rho * Math.abs(zs[j]!) <= tol) {
        defVal[nd] = ds[j]!;
        defCol[nd++] = perm[j]!;
        continue;
      }
      if (pj < 0) {
        pj = j;
        continue;
      }
      let s = zs[pj]!;
      let c = zs[j]!;
      const tau = hypot(c, s);
      const t = ds[j]! - ds[pj]!;
      c /= tau;
      s = -s / tau;
      if (Math.abs(t * c * s) <= tol) {
        // Rotate columns pj, j so that z_pj = 0: pj deflates with the rotated column.
        zs[j] = tau;
        zs[pj] = 0;
        const cp = perm[pj]!;
        const cj = perm[j]!;
        for (let row = 0; row < n; row++) {
          const x = Q[row * n + cp]!;
          const y = Q[row * n + cj]!;
          Q[row * n + cp] = c * x + s * y;
          Q[row * n + cj] = c * y - s * x;
        }
        support[cp] = support[cp]! | support[cj]!;
        support[cj] = support[cp]!;
        const dp = ds[pj]! * c * c + ds[j]! * s * s;
        ds[j] = ds[pj]! * s * s + ds[j]! * c * c;
        ds[pj] = dp;
        defVal[nd] = dp;
        defCol[nd++] = cp;
      } else {
        kd[K] = ds[pj]!;
        kz[K] = zs[pj]!;
        kcol[K++] = perm[pj]!;
      }
      pj = j;
    }
    if (pj >= 0) {
      kd[K] = ds[pj]!;
      kz[K] = zs[pj]!;
      kcol[K++] = perm[pj]!;
    }
  }
  // Secular roots: λ_i = kd[org_i] + τ_i, and delta[i·K + j] = kd[j] − λ_i.
  const lam = new Float64Array(K);
  const delta = new Float64Array(K * K);
  secularRoots(kd.subarray(0, K), kz.subarray(0, K), rho, lam, delta);
  // Gu–Eisenstat: the z for which the computed λ are exact eigenvalues (dlaed3).
  const zhat = new Float64Array(K);
  for (let i = 0; i < K; i++) zhat[i] = delta[i * K + i]!;
  for (let j = 0; j < K; j++) {
    const row = j * K;
    const dj = kd[j]!;
    for (let i = 0; i < j; i++) zhat[i] = zhat[i]! * (delta[row + i]! / (kd[i]! - dj));
    for (let i = j + 1; i < K; i++) zhat[i] = zhat[i]! * (delta[row + i]! / (kd[i]! - dj));
  }
  for (let i = 0; i < K; i++) zhat[i] = Math.sqrt(Math.max(0, -zhat[i]!)) * (kz[i]! < 0 ? -1 : 1);
  // The eigenvectors of the kept part, root j in row j of delta (Uᵀ): zhat_i / (kd_i − λ_j), unit length.
  const scale = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    const row = j * K;
    let ss = 0;
    for (let i = 0; i < K; i++) {
      const v = zhat[i]! / delta[row + i]!;
      delta[row + i] = v;
      ss += v * v;
    }
    scale[j] = 1 / Math.sqrt(ss);
  }
  // Result columns 0 … K−1: rows of Q1 (resp. Q2) times the rows of U whose column has support
  // there; columns K … n−1: the deflated columns of Q.
  const vectors = new Float64Array(n * n);
  productOnSupport(Q, n, 0, n1, kcol, support, 1, delta, scale, K, vectors);
  productOnSupport(Q, n, n1, n, kcol, support, 2, delta, scale, K, vectors);
  if (nd > 0) {
    for (let row = 0; row < n; row++) {
      const o = row * n + K;
      const q = row * n;
      for (let t = 0; t < nd; t++) vectors[o + t] = Q[q + defCol[t]!]!;
    }
  }
  // All eigenpairs, ascending: secular roots (columns 0 … K−1) and deflated ones (K …).
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const valueOf = (c: number): number => (c < K ? lam[c]! : defVal[c - K]!);
  order.sort((a, b) => valueOf(a) - valueOf(b) || a - b);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = valueOf(order[k]!);
  return { values, vectors, order };
}

/** Q[r0 + i][c0 + k] = column order[k] of row i of the block's vectors (its columns in ascending order). */
function gatherColumns(block: Eigen, m: number, Q: Float64Array, n: number, r0: number, c0: number): void {
  const v = block.vectors;
  const order = block.order;
  for (let i = 0; i < m; i++) {
    const o = (r0 + i) * n + c0;
    const b = i * m;
    for (let k = 0; k < m; k++) Q[o + k] = v[b + order[k]!]!;
  }
}

/**
 * out[r0..r1, 0..K) (rows of width n) = Q[r0..r1, kcol[i]] · U[i, :] over the kept columns i whose
 * support has bit `part`, where U[i][j] = ut[j·K + i]·scale[j]; one real product on SIMD.
 */
function productOnSupport(Q: Float64Array, n: number, r0: number, r1: number, kcol: Int32Array, support: Uint8Array, part: number, ut: Float64Array, scale: Float64Array, K: number, out: Float64Array): void {
  const m = r1 - r0;
  const cols: number[] = [];
  for (let i = 0; i < K; i++) if ((support[kcol[i]!]! & part) !== 0) cols.push(i);
  const k = cols.length;
  if (m === 0 || k === 0 || K === 0) return;
  const A = new Float64Array(m * k);
  for (let row = 0; row < m; row++) {
    const q = (r0 + row) * n;
    for (let t = 0; t < k; t++) A[row * k + t] = Q[q + kcol[cols[t]!]!]!;
  }
  const C = realMatmulTransposedB(A, ut, Int32Array.from(cols), scale, m, k, K);
  for (let row = 0; row < m; row++) out.set(C.subarray(row * K, (row + 1) * K), (r0 + row) * n);
}

/**
 * Roots of 1/ρ + Σ_j z_j²/(d_j − λ) = 0 for ascending poles d (distinct, z_j ≠ 0 after
 * deflation) and ρ > 0: λ_i ∈ (d_i, d_{i+1}), λ_{K−1} ∈ (d_{K−1}, d_{K−1} + ρ‖z‖²]. Each root is
 * found as τ = λ − d_o from the nearer pole d_o (so τ and the differences d_j − λ keep their
 * relative accuracy), by the rational model that matches the sums left and right of the root in
 * value and slope (two poles, a quadratic; Bunch, Nielsen & Sorensen 1978 / Li 1993's "middle
 * way"), safeguarded by bisection of a bracket the sign of the secular function keeps.
 * Writes λ_i to lam and d_j − λ_i to delta[i·K + j].
 */
function secularRoots(d: Float64Array, z: Float64Array, rho: number, lam: Float64Array, delta: Float64Array): void {
  const K = d.length;
  const z2 = new Float64Array(K);
  let zz = 0;
  for (let j = 0; j < K; j++) {
    z2[j] = z[j]! * z[j]!;
    zz += z2[j]!;
  }
  const rhoInv = 1 / rho;
  const dl = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    const last = i === K - 1;
    // Origin: the pole nearer the root (the secular function's sign at the midpoint tells); the
    // sums at the midpoint are the first iteration's (the same point in either origin).
    let o = i;
    let psi = 0;
    let dpsi = 0;
    let phi = 0;
    let dphi = 0;
    let haveSums = false;
    if (!last) {
      const mid = (d[i + 1]! - d[i]!) / 2;
      const di = d[i]!;
      for (let j = 0; j <= i; j++) {
        const t = 1 / ((d[j]! - di) - mid);
        const zt = z2[j]! * t;
        psi += zt;
        dpsi += zt * t;
      }
      for (let j = i + 1; j < K; j++) {
        const t = 1 / ((d[j]! - di) - mid);
        const zt = z2[j]! * t;
        phi += zt;
        dphi += zt * t;
      }
      if (rhoInv + psi + phi < 0) o = i + 1;
      haveSums = true;
    }
    const dO = d[o]!;
    for (let j = 0; j < K; j++) dl[j] = d[j]! - dO;
    // Bracket (lo, hi) in τ, open at the poles.
    let lo = last ? 0 : dl[i]!;
    let hi = last ? rho * zz * (1 + 8 * EPS) : dl[i + 1]!;
    let tau = last ? hi / 2 : (o === i ? dl[i + 1]! / 2 : dl[i]! / 2);
    // The model's left pole (j ≤ left counts as "left") and right pole.
    const left = last ? K - 2 : i;
    for (let it = 0; it < MAX_SECULAR_ITER; it++) {
      if (!haveSums) {
        psi = 0;
        dpsi = 0;
        phi = 0;
        dphi = 0;
        for (let j = 0; j <= left; j++) {
          const t = 1 / (dl[j]! - tau);
          const zt = z2[j]! * t;
          psi += zt;
          dpsi += zt * t;
        }
        for (let j = left + 1; j < K; j++) {
          const t = 1 / (dl[j]! - tau);
          const zt = z2[j]! * t;
          phi += zt;
          dphi += zt * t;
        }
      }
      haveSums = false;
      const w = rhoInv + psi + phi;
      if (w === 0) break;
      if (w < 0) lo = tau;
      else hi = tau;
      const err = 8 * (Math.abs(psi) + Math.abs(phi)) + 2 * rhoInv + 3 * Math.abs(tau) * (dpsi + dphi);
      if (Math.abs(w) <= EPS * err) break;
      let next = NaN;
      if (last) {
        // One-pole model at the root's own pole (index K−1): ψ + φ ≈ c' + R/(dl_{K−1} − η).
        const Dk = dl[K - 1]! - tau;
        const zk = z2[K - 1]! / Dk;
        const R = zk * Dk;
        // Rest (poles left of K−1) by value and slope at a pole of its own: psi covers j ≤ K−2.
        const Dp = K >= 2 ? dl[K - 2]! - tau : -1;
        const P = K >= 2 ? dpsi * Dp * Dp : 0;
        const c = rhoInv + (psi - (K >= 2 ? P / Dp : 0));
        next = tau + twoPoleStep(c, P, Dp, R, Dk);
      } else {
        const Di = dl[i]! - tau;
        const Di1 = dl[i + 1]! - tau;
        const P = dpsi * Di * Di;
        const Qc = dphi * Di1 * Di1;
        const c = rhoInv + (psi - P / Di) + (phi - Qc / Di1);
        next = tau + twoPoleStep(c, P, Di, Qc, Di1);
      }
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      if (next === tau || Math.abs(next - tau) <= 2 * EPS * Math.abs(tau)) {
        tau = next;
        break;
      }
      tau = next;
    }
    lam[i] = dO + tau;
    const row = i * K;
    for (let j = 0; j < K; j++) delta[row + j] = dl[j]! - tau;
  }
}

/**
 * The step x solving c + P/(Da − x) + Q/(Db − x) = 0 nearest 0 (the root of the quadratic
 * c(Da − x)(Db − x) + P(Db − x) + Q(Da − x) = 0 taken without cancellation); NaN when it has no
 * real root.
 */
function twoPoleStep(c: number, P: number, Da: number, Q: number, Db: number): number {
  // One pole only: c + Q/(Db − x) = 0 (or with P, Da).
  if (P === 0) return c === 0 ? NaN : Db + Q / c;
  if (Q === 0) return c === 0 ? NaN : Da + P / c;
  const a = c;
  const b = -(c * (Da + Db) + P + Q);
  const cc = c * Da * Db + P * Db + Q * Da;
  if (a === 0) return b === 0 ? NaN : -cc / b;
  const disc = b * b - 4 * a * cc;
  if (disc < 0) return NaN;
  const q = -(b + (b < 0 ? -1 : 1) * Math.sqrt(disc)) / 2;
  const x1 = q / a;
  const x2 = q === 0 ? 0 : cc / q;
  return Math.abs(x2) <= Math.abs(x1) ? x2 : x1;
}
