/**
 * Sparse complex linear solvers for steady states (private to the quantum layer until
 * numeric/ offers its own): reverse Cuthill–McKee ordering, a skyline (profile) LU with
 * iterative refinement, and BiCGSTAB preconditioned by ILU(0).
 */
import { SolverError } from "../errors.js";
import type { CsrMatrix } from "../numeric/complex/index.js";
import { csrTranspose } from "../numeric/complex/index.js";

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

/** Reverse Cuthill–McKee ordering of the symmetrised pattern: `perm[new] = old`. */
export function rcmOrder(A: CsrMatrix): Int32Array {
  const n = A.rows;
  const T = csrTranspose(A);
  const nbrs: number[][] = Array.from({ length: n }, () => []);
  for (const M of [A, T]) {
    for (let i = 0; i < n; i++) for (let p = M.rowPtr[i] as number; p < (M.rowPtr[i + 1] as number); p++) if (M.colIdx[p] !== i) (nbrs[i] as number[]).push(M.colIdx[p] as number);
  }
  const adj = nbrs.map((l) => [...new Set(l)]);
  const deg = adj.map((l) => l.length);
  adj.forEach((l) => l.sort((a, b) => (deg[a] as number) - (deg[b] as number)));
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => (deg[a] as number) - (deg[b] as number));
  for (const start of byDegree) {
    if (seen[start]) continue;
    seen[start] = 1;
    let head = order.length;
    order.push(start);
    while (head < order.length) {
      const v = order[head++] as number;
      for (const w of adj[v] as number[]) if (!seen[w]) { seen[w] = 1; order.push(w); }
    }
  }
  return Int32Array.from(order.reverse());
}

/** P A Pᵀ for `perm[new] = old`. */
export function permuteSym(A: CsrMatrix, perm: Int32Array): CsrMatrix {
  const n = A.rows;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k] as number] = k;
  const rowPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) { const i = perm[k] as number; rowPtr[k + 1] = (rowPtr[k] as number) + (A.rowPtr[i + 1] as number) - (A.rowPtr[i] as number); }
  const nnz = rowPtr[n] as number;
  const colIdx = new Int32Array(nnz), data = new Float64Array(2 * nnz);
  for (let k = 0; k < n; k++) {
    const i = perm[k] as number;
    const start = rowPtr[k] as number;
    const ent: Array<[number, number]> = [];
    for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) ent.push([inv[A.colIdx[p] as number] as number, p]);
    ent.sort((a, b) => a[0] - b[0]);
    ent.forEach(([c, p], t) => { colIdx[start + t] = c; data[2 * (start + t)] = A.data[2 * p] as number; data[2 * (start + t) + 1] = A.data[2 * p + 1] as number; });
  }
  return { rows: n, cols: n, rowPtr, colIdx, data };
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

/** ILU(0): incomplete LU on A's own pattern (rows sorted, diagonal present). */
export class Ilu0 {
  private readonly lu: Float64Array;
  private readonly diag: Int32Array;

  constructor(private readonly A: CsrMatrix) {
    const n = A.rows;
    const lu = A.data.slice();
    const diag = new Int32Array(n).fill(-1);
    const pos = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      for (let p = A.rowPtr[i] as number; p < (A.rowPtr[i + 1] as number); p++) if (A.colIdx[p] === i) diag[i] = p;
      if (diag[i] === -1) throw new SolverError(`steadystate (iterative): ILU(0) needs a structural diagonal; row ${i} has none — use method 'direct'`);
    }
    for (let i = 0; i < n; i++) {
      const s = A.rowPtr[i] as number, e = A.rowPtr[i + 1] as number;
      for (let p = s; p < e; p++) pos[A.colIdx[p] as number] = p;
      for (let p = s; p < e; p++) {
        const k = A.colIdx[p] as number;
        if (k >= i) break;
        const dk = diag[k] as number;
        const pr = lu[2 * dk] as number, pi = lu[2 * dk + 1] as number, den = pr * pr + pi * pi;
        if (den === 0) throw new SolverError(`steadystate (iterative): zero pivot in ILU(0) at row ${k} — use method 'direct'`);
        const ar = lu[2 * p] as number, ai = lu[2 * p + 1] as number;
        const lr = (ar * pr + ai * pi) / den, li = (ai * pr - ar * pi) / den;
        lu[2 * p] = lr; lu[2 * p + 1] = li;
        for (let q = dk + 1; q < (A.rowPtr[k + 1] as number); q++) {
          const t = pos[A.colIdx[q] as number] as number;
          if (t < s || t >= e) continue; // fill outside the pattern is dropped
          const ur = lu[2 * q] as number, ui = lu[2 * q + 1] as number;
          lu[2 * t] = (lu[2 * t] as number) - (lr * ur - li * ui);
          lu[2 * t + 1] = (lu[2 * t + 1] as number) - (lr * ui + li * ur);
        }
      }
      for (let p = s; p < e; p++) pos[A.colIdx[p] as number] = -1;
    }
    this.lu = lu; this.diag = diag;
  }

  /** out = (LU)⁻¹ v. */
  apply(out: Float64Array, v: Float64Array): void {
    const { A, lu, diag } = this;
    const n = A.rows;
    out.set(v);
    for (let i = 0; i < n; i++) {
      let sr = out[2 * i] as number, si = out[2 * i + 1] as number;
      for (let p = A.rowPtr[i] as number; p < (diag[i] as number); p++) {
        const j = 2 * (A.colIdx[p] as number), lr = lu[2 * p] as number, li = lu[2 * p + 1] as number;
        sr -= lr * (out[j] as number) - li * (out[j + 1] as number); si -= lr * (out[j + 1] as number) + li * (out[j] as number);
      }
      out[2 * i] = sr; out[2 * i + 1] = si;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sr = out[2 * i] as number, si = out[2 * i + 1] as number;
      const dp = diag[i] as number;
      for (let p = dp + 1; p < (A.rowPtr[i + 1] as number); p++) {
        const j = 2 * (A.colIdx[p] as number), ur = lu[2 * p] as number, ui = lu[2 * p + 1] as number;
        sr -= ur * (out[j] as number) - ui * (out[j + 1] as number); si -= ur * (out[j + 1] as number) + ui * (out[j] as number);
      }
      const pr = lu[2 * dp] as number, pi = lu[2 * dp + 1] as number, den = pr * pr + pi * pi;
      out[2 * i] = (sr * pr + si * pi) / den; out[2 * i + 1] = (si * pr - sr * pi) / den;
    }
  }
}

/** Complex dot ⟨a, b⟩ = Σ conj(a_k) b_k. */
function cdot(a: Float64Array, b: Float64Array): [number, number] {
  let re = 0, im = 0;
  for (let k = 0; k < a.length; k += 2) {
    const ar = a[k] as number, ai = a[k + 1] as number, br = b[k] as number, bi = b[k + 1] as number;
    re += ar * br + ai * bi; im += ar * bi - ai * br;
  }
  return [re, im];
}

const cdiv = (ar: number, ai: number, br: number, bi: number): [number, number] => {
  const den = br * br + bi * bi;
  return [(ar * br + ai * bi) / den, (ai * br - ar * bi) / den];
};

/**
 * Right-preconditioned BiCGSTAB (van der Vorst 1992) for A x = b; stops when the true residual
 * ‖b − Ax‖ ≤ tol‖b‖. @returns the solution and the iterations used.
 */
export function bicgstab(A: CsrMatrix, b: Float64Array, M: Ilu0, tol: number, maxIter: number): { x: Float64Array; iterations: number; residual: number } {
  const n2 = b.length;
  const x = new Float64Array(n2), r = b.slice(), rh = b.slice();
  const p = new Float64Array(n2), v = new Float64Array(n2), s = new Float64Array(n2), t = new Float64Array(n2);
  const ph = new Float64Array(n2), sh = new Float64Array(n2);
  const bn = norm(b);
  let rhoR = 1, rhoI = 0, alR = 1, alI = 0, omR = 1, omI = 0;
  let resid = norm(r) / bn;
  let it = 1;
  for (; it <= maxIter; it++) {
    const [r1R, r1I] = cdot(rh, r);
    if (r1R === 0 && r1I === 0) break;
    const [q1R, q1I] = cdiv(r1R, r1I, rhoR, rhoI);
    const [q2R, q2I] = cdiv(alR, alI, omR, omI);
    const betaR = q1R * q2R - q1I * q2I, betaI = q1R * q2I + q1I * q2R;
    for (let k = 0; k < n2; k += 2) {
      // p = r + β (p − ω v)
      const tr = (p[k] as number) - (omR * (v[k] as number) - omI * (v[k + 1] as number));
      const ti = (p[k + 1] as number) - (omR * (v[k + 1] as number) + omI * (v[k] as number));
      p[k] = (r[k] as number) + betaR * tr - betaI * ti;
      p[k + 1] = (r[k + 1] as number) + betaR * ti + betaI * tr;
    }
    M.apply(ph, p);
    spmv(v, A, ph);
    const [dR, dI] = cdot(rh, v);
    [alR, alI] = cdiv(r1R, r1I, dR, dI);
    for (let k = 0; k < n2; k += 2) {
      s[k] = (r[k] as number) - (alR * (v[k] as number) - alI * (v[k + 1] as number));
      s[k + 1] = (r[k + 1] as number) - (alR * (v[k + 1] as number) + alI * (v[k] as number));
    }
    M.apply(sh, s);
    spmv(t, A, sh);
    const [tsR, tsI] = cdot(t, s);
    const [ttR] = cdot(t, t);
    omR = tsR / ttR; omI = tsI / ttR;
    for (let k = 0; k < n2; k += 2) {
      x[k] = (x[k] as number) + (alR * (ph[k] as number) - alI * (ph[k + 1] as number)) + (omR * (sh[k] as number) - omI * (sh[k + 1] as number));
      x[k + 1] = (x[k + 1] as number) + (alR * (ph[k + 1] as number) + alI * (ph[k] as number)) + (omR * (sh[k + 1] as number) + omI * (sh[k] as number));
      r[k] = (s[k] as number) - (omR * (t[k] as number) - omI * (t[k + 1] as number));
      r[k + 1] = (s[k + 1] as number) - (omR * (t[k + 1] as number) + omI * (t[k] as number));
    }
    rhoR = r1R; rhoI = r1I;
    resid = norm(r) / bn;
    if (!Number.isFinite(resid) || (omR === 0 && omI === 0)) break; // breakdown
    if (resid <= tol) {
      // confirm with the true residual (the recursive one drifts)
      spmv(t, A, x);
      for (let k = 0; k < n2; k++) t[k] = (b[k] as number) - (t[k] as number);
      const trueRes = norm(t) / bn;
      if (trueRes <= tol * 10) return { x, iterations: it, residual: trueRes };
      r.set(t);
    }
  }
  throw new SolverError(`steadystate (iterative): BiCGSTAB+ILU(0) stopped at relative residual ${resid} after ${Math.min(it, maxIter)} of ${maxIter} iterations (tol ${tol}); raise maxIter or use method 'direct'`);
}
