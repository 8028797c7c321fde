/**
 * Matrix exponential e^A of a complex square matrix by Padé approximation with scaling and
 * squaring (Higham 2005, SIAM J. Matrix Anal. Appl. 26:1179, Algorithm 2.3): the lowest Padé
 * order m ∈ {3, 5, 7, 9} with ‖A‖₁ ≤ θ_m, else m = 13 on A/2^s, squared s times.
 * r_m(A) = (V − U)⁻¹ (V + U) with U odd, V even in A.
 *
 * The scaling for m = 13 follows Al-Mohy & Higham 2009 (SIAM J. Matrix Anal. Appl. 31:970,
 * Theorem 4.2): the backward error series h_27 is bounded through α_p(A) = max(d_p, d_{p+1}),
 * d_k = ‖A^k‖₁^{1/k}, for any p with p(p − 1) ≤ 27, i.e. p ≤ 5. d_2, d_4, d_6 come exactly from
 * the powers the Padé evaluation needs anyway; d_3 and d_5 are bounded by ‖A‖‖A²‖ and ‖A‖‖A⁴‖.
 * s = ⌈log₂(min_p α_p / θ13)⌉ ≤ Higham 2005's ⌈log₂(‖A‖₁ / θ13)⌉: fewer squarings when the
 * powers of A shrink faster than its norm (e.g. non-normal or random matrices).
 */
import { DimensionError, InputError, SolverError } from "../../errors.js";
import { checkMat } from "../complex/check.js";
import { hypot } from "../hypot.js";
import { cmatAxpy, cmatIdentity, cmatScale, cmatZeros } from "../complex/dense.js";
import { cmatmulSimd } from "../complex/matmul-simd.js";
import type { CMatrix } from "../complex/types.js";
import { luFactor, luSolveMatrix } from "./lu.js";

/** θ_m of Higham 2005, Table 2.3 (double precision). */
const THETA = { 3: 1.495585217958292e-2, 5: 2.539398330063230e-1, 7: 9.504178996162932e-1, 9: 2.097847961257068, 13: 5.371920351148152 } as const;

/** Padé coefficients b_0..b_m (Higham 2005, eq. 2.11 and Algorithm 2.3). */
const PADE: Record<3 | 5 | 7 | 9, readonly number[]> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
};
const B13 = [64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1] as const;

/** Maximum absolute column sum ‖A‖₁. */
export function cmatNorm1(A: CMatrix): number {
  checkMat("A", A);
  return columnNorm1(A, false);
}

/**
 * ‖P‖₁ of a power of A for the choice of s: |z| as √(re² + im²) where the squares neither
 * overflow nor underflow (within an ulp or two of `cmatNorm1`'s, which can move s only at a tie),
 * `hypot` elsewhere.
 */
export function powerNorm1(P: CMatrix): number {
  return columnNorm1(P, true);
}

/** Squares between these keep √(re² + im²) accurate (no overflow, no subnormal rounding). */
const SQUARE_MIN = 2 ** -1000;
const SQUARE_MAX = 2 ** 1000;

/** |re + i·im| as √(re² + im²) where the squares stay in range, `hypot` elsewhere. */
function absBySquares(re: number, im: number): number {
  const q = re * re + im * im;
  return q > SQUARE_MIN && q < SQUARE_MAX ? Math.sqrt(q) : hypot(re, im);
}

/** The largest column sum of |A_ij|, each |z| by `hypot`, or (`squares`) by √(re² + im²) where that is accurate. */
function columnNorm1(A: CMatrix, squares: boolean): number {
  const n = A.cols;
  const a = A.data;
  const colSum = new Float64Array(n);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0, k = 2 * i * n; j < n; j++, k += 2) {
      colSum[j] = colSum[j]! + (squares ? absBySquares(a[k]!, a[k + 1]!) : hypot(a[k]!, a[k + 1]!));
    }
  }
  let m = 0;
  for (let j = 0; j < n; j++) m = Math.max(m, colSum[j]!);
  return m;
}

/**
 * e^A for a square complex matrix (e.g. the propagator e^{−iHt} of a Hamiltonian H).
 *
 * @param A n×n complex matrix with finite entries.
 * @returns a new n×n matrix.
 * @throws DimensionError (non-square), InputError (non-finite entry), SolverError (overflow).
 */
export function expm(A: CMatrix): CMatrix {
  checkMat("A", A);
  if (A.rows !== A.cols) throw new DimensionError("expm: A", "a square matrix", `${A.rows}x${A.cols}`);
  for (let k = 0; k < A.data.length; k++) {
    if (!Number.isFinite(A.data[k])) throw InputError.of(`A[${Math.floor((k >> 1) / A.cols)}][${(k >> 1) % A.cols}]`, "a finite complex number", A.data[k]);
  }
  const n = A.rows;
  const norm = cmatNorm1(A);
  for (const m of [3, 5, 7, 9] as const) {
    if (norm <= THETA[m]) return checked(padeLow(A, PADE[m]), norm);
  }
  const A2 = cmatmulSimd(cmatZeros(n, n), A, A);
  const A4 = cmatmulSimd(cmatZeros(n, n), A2, A2);
  const A6 = cmatmulSimd(cmatZeros(n, n), A4, A2);
  const n2 = powerNorm1(A2), n4 = powerNorm1(A4), n6 = powerNorm1(A6);
  const d2 = Math.sqrt(n2), d3 = Math.cbrt(norm * n2), d4 = n4 ** 0.25, d5 = (norm * n4) ** 0.2, d6 = n6 ** (1 / 6);
  const alpha = Math.min(norm, Math.max(d2, d3), Math.max(d3, d4), Math.max(d4, d5), Math.max(d5, d6));
  let s = Math.max(0, Math.ceil(Math.log2(alpha / THETA[13])));
  // Powers of A/2^s: scale the ones already computed (2^-288 and up cannot underflow them).
  const scalePowers = Number.isFinite(n6) && s <= 48;
  // Huge ‖A‖ (A⁶ overflows, or scaled powers could underflow): Higham 2005's scaling on ‖A‖₁.
  if (!scalePowers) s = Math.max(0, Math.ceil(Math.log2(norm / THETA[13])));
  const f = 2 ** -s;
  const As = cmatScale(cmatZeros(n, n), A, f, 0);
  let X: CMatrix;
  if (scalePowers) {
    X = pade13(As, cmatScale(A2, A2, f ** 2, 0), cmatScale(A4, A4, f ** 4, 0), cmatScale(A6, A6, f ** 6, 0));
  } else {
    const B2 = cmatmulSimd(cmatZeros(n, n), As, As);
    const B4 = cmatmulSimd(cmatZeros(n, n), B2, B2);
    X = pade13(As, B2, B4, cmatmulSimd(cmatZeros(n, n), B4, B2));
  }
  let Y = cmatZeros(n, n);
  for (let k = 0; k < s; k++) {
    cmatmulSimd(Y, X, X);
    [X, Y] = [Y, X];
  }
  return checked(X, norm);
}


function checked(X: CMatrix, norm: number): CMatrix {
  const x = X.data;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (!Number.isFinite(v)) throw new SolverError(`expm: result overflows double precision (‖A‖₁ = ${norm.toExponential(3)}); scale A down, e.g. take a shorter time step`);
  }
  return X;
}

/** r_m(A) for m ≤ 9: U = A Σ_odd b_j A^{j−1}, V = Σ_even b_j A^j. */
function padeLow(A: CMatrix, b: readonly number[]): CMatrix {
  const n = A.rows;
  const I = cmatIdentity(n);
  const U0 = cmatScale(cmatZeros(n, n), I, b[1]!, 0);
  const V = cmatScale(cmatZeros(n, n), I, b[0]!, 0);
  const A2 = cmatmulSimd(cmatZeros(n, n), A, A);
  let P = A2;
  for (let j = 2; j < b.length; j += 2) {
    cmatAxpy(V, V, P, b[j]!, 0);
    cmatAxpy(U0, U0, P, b[j + 1]!, 0);
    if (j + 2 < b.length) P = cmatmulSimd(cmatZeros(n, n), P, A2);
  }
  const U = cmatmulSimd(cmatZeros(n, n), A, U0);
  return solvePade(U, V);
}

/**
 * r_13(A) with the 6-product evaluation of Higham 2005, Algorithm 2.3, given A², A⁴, A⁶. Each
 * linear combination of powers is one pass over the entries, in the operations and order of the
 * cmatScale/cmatAxpy sequence it stands for (an axpy with real coefficient b adds b·re − 0·im to
 * the real part and b·im + 0·re to the imaginary part), so the result is that sequence's bit for bit.
 */
function pade13(A: CMatrix, A2: CMatrix, A4: CMatrix, A6: CMatrix): CMatrix {
  const n = A.rows;
  const b = B13;
  const T = cmatZeros(n, n);
  // U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
  combineEven(T, A6, A4, A2, b[13], b[11], b[9]);
  const W = cmatmulSimd(cmatZeros(n, n), A6, T);
  addEven(W, A6, A4, A2, b[7], b[5], b[3], b[1]);
  const U = cmatmulSimd(cmatZeros(n, n), A, W);
  // V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
  combineEven(T, A6, A4, A2, b[12], b[10], b[8]);
  const V = cmatmulSimd(W, A6, T);
  addEven(V, A6, A4, A2, b[6], b[4], b[2], b[0]);
  return solvePade(U, V);
}

/** out = c6·A6 + c4·A4 + c2·A2 (cmatScale, then two cmatAxpy). */
function combineEven(out: CMatrix, A6: CMatrix, A4: CMatrix, A2: CMatrix, c6: number, c4: number, c2: number): void {
  const o = out.data;
  const x6 = A6.data;
  const x4 = A4.data;
  const x2 = A2.data;
  for (let k = 0; k < o.length; k += 2) {
    let re = c6 * x6[k]! - 0 * x6[k + 1]!;
    let im = c6 * x6[k + 1]! + 0 * x6[k]!;
    re = re + c4 * x4[k]! - 0 * x4[k + 1]!;
    im = im + c4 * x4[k + 1]! + 0 * x4[k]!;
    o[k] = re + c2 * x2[k]! - 0 * x2[k + 1]!;
    o[k + 1] = im + c2 * x2[k + 1]! + 0 * x2[k]!;
  }
}

/** out += c6·A6 + c4·A4 + c2·A2 + c0·I (four cmatAxpy). */
function addEven(out: CMatrix, A6: CMatrix, A4: CMatrix, A2: CMatrix, c6: number, c4: number, c2: number, c0: number): void {
  const n = out.rows;
  const o = out.data;
  const x6 = A6.data;
  const x4 = A4.data;
  const x2 = A2.data;
  for (let i = 0; i < n; i++) {
    for (let k = 2 * i * n; k < 2 * (i + 1) * n; k += 2) {
      const id = k === 2 * (i * n + i) ? 1 : 0;
      let re = o[k]! + c6 * x6[k]! - 0 * x6[k + 1]!;
      let im = o[k + 1]! + c6 * x6[k + 1]! + 0 * x6[k]!;
      re = re + c4 * x4[k]! - 0 * x4[k + 1]!;
      im = im + c4 * x4[k + 1]! + 0 * x4[k]!;
      re = re + c2 * x2[k]! - 0 * x2[k + 1]!;
      im = im + c2 * x2[k + 1]! + 0 * x2[k]!;
      o[k] = re + c0 * id - 0 * 0;
      o[k + 1] = im + c0 * 0 + 0 * id;
    }
  }
}

/** Solve (V − U) X = (V + U); V is overwritten with V + U. */
function solvePade(U: CMatrix, V: CMatrix): CMatrix {
  const n = U.rows;
  const Q = cmatZeros(n, n);
  const q = Q.data;
  const u = U.data;
  const v = V.data;
  // cmatAxpy(Q, V, U, −1, 0) and cmatAxpy(P, V, U, 1, 0).
  for (let k = 0; k < q.length; k += 2) {
    const ur = u[k]!;
    const ui = u[k + 1]!;
    const vr = v[k]!;
    const vi = v[k + 1]!;
    q[k] = vr + -1 * ur - 0 * ui;
    q[k + 1] = vi + -1 * ui + 0 * ur;
    v[k] = vr + 1 * ur - 0 * ui;
    v[k + 1] = vi + 1 * ui + 0 * ur;
  }
  return luSolveMatrix(luFactor(Q), V, V);
}
