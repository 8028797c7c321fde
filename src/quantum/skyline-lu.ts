/**
 * Skyline LU for the steady-state system (private to the quantum layer). The trace condition
 * makes one row of the system dense across the populations; a skyline (profile) factorisation
 * stores that row as one long L row at O(n·profile) cost, where a frontal solver widens its
 * whole front to n. No pivoting: tiny pivots are perturbed and iterative refinement restores the
 * accuracy, and the caller falls back to numeric/'s pivoting sparse LU if refinement fails.
 */
import { SolverError } from "../errors.js";
import type { CsrMatrix } from "../numeric/complex/index.js";

/** out = A x (complex CSR). */
export function spmv(out: Float64Array, A: CsrMatrix, x: Float64Array): void {
  const rp = A.rowPtr, ci = A.colIdx, d = A.data;
  for (let i = 0; i < A.rows; i++) {
    let re = 0, im = 0;
    for (let p = rp[i] as number; p < (rp[i + 1] as number); p++) {
      const j = 2 * (ci[p] as number);
      const ar = d[2 * p] as number, ai = d[2 * p + 1] as number, xr = x[j] as number, xi = x[j + 1] as number;
      re += ar * xr - ai * xi; im += ar * xi + ai * xr;
    }
    out[2 * i] = re; out[2 * i + 1] = im;
  }
}

/**
 * Skyline (profile) LU without pivoting, Crout order: L is stored by rows from each row's first
 * nonzero column, U by columns from each column's first nonzero row; fill stays inside these
 * envelopes, so an RCM ordering keeps the work near n·(profile width)². Tiny pivots are replaced
 * by 1e-13·max|A| (static pivoting); `solveRefined` then recovers full accuracy by iterative
 * refinement against A, and reports a singular system if it cannot.
 */
export class SkylineLu {
  private readonly n: number;
  private readonly fc: Int32Array;
  private readonly fr: Int32Array;
  private readonly lOff: Int32Array;
  private readonly uOff: Int32Array;
  private readonly lv: Float64Array;
  private readonly uv: Float64Array;
  private readonly dv: Float64Array;
  /** Number of pivots that had to be perturbed. */
  readonly perturbed: number;

  constructor(private readonly A: CsrMatrix) {
    const n = A.rows;
    const fc = Int32Array.from({ length: n }, (_, i) => i), fr = Int32Array.from({ length: n }, (_, j) => j);
    let scale = 0;
    for (let i = 0; i < n; i++) {
      for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
        const j = A.colIdx[p] as number;
        if (j < i) fc[i] = Math.min(fc[i] as number, j); else if (j > i) fr[j] = Math.min(fr[j] as number, i);
        scale = Math.max(scale, Math.hypot(A.data[2 * p] as number, A.data[2 * p + 1] as number));
      }
    }
    const lOff = new Int32Array(n + 1), uOff = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) { lOff[i + 1] = (lOff[i] as number) + i - (fc[i] as number); uOff[i + 1] = (uOff[i] as number) + i - (fr[i] as number); }
    const lv = new Float64Array(2 * (lOff[n] as number)), uv = new Float64Array(2 * (uOff[n] as number)), dv = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) {
        const j = A.colIdx[p] as number;
        const o = j < i ? 2 * ((lOff[i] as number) + j - (fc[i] as number)) : j > i ? 2 * ((uOff[j] as number) + i - (fr[j] as number)) : 2 * i;
        const arr = j < i ? lv : j > i ? uv : dv;
        arr[o] = A.data[2 * p] as number; arr[o + 1] = A.data[2 * p + 1] as number;
      }
    }
    this.n = n; this.fc = fc; this.fr = fr; this.lOff = lOff; this.uOff = uOff; this.lv = lv; this.uv = uv; this.dv = dv;
    this.perturbed = this.factor(scale * 1e-13);
  }

  /** Σ_{k=k0}^{k1-1} L_rk U_kc as (re, im) into `acc` (L row r, U column c). */
  private dot(r: number, c: number, k0: number, k1: number, acc: Float64Array): void {
    const { lv, uv } = this;
    let lo = 2 * ((this.lOff[r] as number) + k0 - (this.fc[r] as number));
    let uo = 2 * ((this.uOff[c] as number) + k0 - (this.fr[c] as number));
    let re = 0, im = 0;
    for (let k = k0; k < k1; k++, lo += 2, uo += 2) {
      const ar = lv[lo] as number, ai = lv[lo + 1] as number, br = uv[uo] as number, bi = uv[uo + 1] as number;
      re += ar * br - ai * bi; im += ar * bi + ai * br;
    }
    acc[0] = re; acc[1] = im;
  }

  private factor(tiny: number): number {
    const { n, fc, fr, lOff, uOff, lv, uv, dv } = this;
    const acc = new Float64Array(2);
    let perturbed = 0;
    for (let j = 0; j < n; j++) {
      const frj = fr[j] as number, fcj = fc[j] as number;
      for (let i = frj; i < j; i++) { // U column j
        const k0 = Math.max(fc[i] as number, frj);
        if (k0 >= i) continue;
        this.dot(i, j, k0, i, acc);
        const o = 2 * ((uOff[j] as number) + i - frj);
        uv[o] = (uv[o] as number) - (acc[0] as number); uv[o + 1] = (uv[o + 1] as number) - (acc[1] as number);
      }
      for (let i = fcj; i < j; i++) { // L row j
        const k0 = Math.max(fcj, fr[i] as number);
        const o = 2 * ((lOff[j] as number) + i - fcj);
        let xr = lv[o] as number, xi = lv[o + 1] as number;
        if (k0 < i) { this.dot(j, i, k0, i, acc); xr -= acc[0] as number; xi -= acc[1] as number; }
        const pr = dv[2 * i] as number, pi = dv[2 * i + 1] as number, den = pr * pr + pi * pi;
        lv[o] = (xr * pr + xi * pi) / den; lv[o + 1] = (xi * pr - xr * pi) / den;
      }
      const k0 = Math.max(fcj, frj);
      let pr = dv[2 * j] as number, pi = dv[2 * j + 1] as number;
      if (k0 < j) { this.dot(j, j, k0, j, acc); pr -= acc[0] as number; pi -= acc[1] as number; }
      if (Math.hypot(pr, pi) <= tiny) { pr = tiny; pi = 0; perturbed++; }
      dv[2 * j] = pr; dv[2 * j + 1] = pi;
    }
    return perturbed;
  }

  /** x = U⁻¹ L⁻¹ b (in place on `x`, which holds b on entry). */
  solveInPlace(x: Float64Array): void {
    const { n, fc, fr, lOff, uOff, lv, uv, dv } = this;
    for (let i = 0; i < n; i++) { // L y = b (unit diagonal), row-oriented
      let sr = x[2 * i] as number, si = x[2 * i + 1] as number;
      let o = 2 * (lOff[i] as number);
      for (let k = fc[i] as number; k < i; k++, o += 2) {
        const lr = lv[o] as number, li = lv[o + 1] as number, yr = x[2 * k] as number, yi = x[2 * k + 1] as number;
        sr -= lr * yr - li * yi; si -= lr * yi + li * yr;
      }
      x[2 * i] = sr; x[2 * i + 1] = si;
    }
    for (let j = n - 1; j >= 0; j--) { // U x = y, column-oriented
      const pr = dv[2 * j] as number, pi = dv[2 * j + 1] as number, den = pr * pr + pi * pi;
      const sr = x[2 * j] as number, si = x[2 * j + 1] as number;
      const xr = (sr * pr + si * pi) / den, xi = (si * pr - sr * pi) / den;
      x[2 * j] = xr; x[2 * j + 1] = xi;
      let o = 2 * (uOff[j] as number);
      for (let k = fr[j] as number; k < j; k++, o += 2) {
        const ur = uv[o] as number, ui = uv[o + 1] as number;
        x[2 * k] = (x[2 * k] as number) - (ur * xr - ui * xi);
        x[2 * k + 1] = (x[2 * k + 1] as number) - (ur * xi + ui * xr);
      }
    }
  }

  /** Solve A x = b with iterative refinement until ‖b − Ax‖ ≤ tol‖b‖. */
  solveRefined(rhs: Float64Array, tol = 1e-14, maxRefine = 20): Float64Array {
    const x = rhs.slice();
    this.solveInPlace(x);
    const r = new Float64Array(rhs.length);
    const bn = norm(rhs);
    for (let it = 0; ; it++) {
      spmv(r, this.A, x);
      for (let k = 0; k < r.length; k++) r[k] = (rhs[k] as number) - (r[k] as number);
      const rn = norm(r);
      if (rn <= tol * bn) return x;
      if (it >= maxRefine || !Number.isFinite(rn)) {
        throw new SolverError(`steadystate (direct): the residual stayed at ${rn / bn} (relative) after ${it} refinement steps with ${this.perturbed} perturbed pivots; the Liouvillian block may be singular (non-unique steady state) — try method 'iterative'`);
      }
      this.solveInPlace(r);
      for (let k = 0; k < x.length; k++) x[k] = (x[k] as number) + (r[k] as number);
    }
  }
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += (v[k] as number) ** 2;
  return Math.sqrt(s);
}
