/**
 * BiCGSTAB (van der Vorst 1992) for complex linear systems A x = b with optional right
 * preconditioning: iterates on A M⁻¹ y = b, x = M⁻¹ y. Complex vectors are interleaved.
 */
import { InputError, SolverError } from "../../errors.js";
import { checkVec } from "../complex/check.js";

/** out = A x for complex vectors (out and x never alias). */
export type LinearOperator = (out: Float64Array, x: Float64Array) => void;

/** Options of `bicgstab`. */
export interface BicgstabOptions {
  /** Initial guess (n complex entries); default 0. */
  readonly x0?: Float64Array;
  /** Relative residual target ‖b − A x‖ / ‖b‖ (default 1e-10). */
  readonly tol?: number;
  /** Iteration budget (default 10·n + 100). */
  readonly maxIter?: number;
  /** out = M⁻¹ r, e.g. `ilu0(A).apply`. */
  readonly precondition?: LinearOperator;
}

/** Result of `bicgstab`: `residual` is the true relative residual ‖b − A x‖/‖b‖ at exit. */
export interface BicgstabResult {
  readonly x: Float64Array;
  readonly iterations: number;
  readonly residual: number;
}

function norm2(x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k]! * x[k]!;
  return Math.sqrt(s);
}

/** Σ conj(a_k) b_k into out[0], out[1]. */
function cdot(out: Float64Array, a: Float64Array, b: Float64Array): void {
  let re = 0;
  let im = 0;
  for (let k = 0; k < a.length; k += 2) {
    const ar = a[k]!;
    const ai = a[k + 1]!;
    const br = b[k]!;
    const bi = b[k + 1]!;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  out[0] = re;
  out[1] = im;
}

/**
 * Solve A x = b by BiCGSTAB, A given as a matrix-free operator.
 *
 * @param apply out = A x (n complex entries each).
 * @param b right-hand side, n complex entries (2n doubles).
 * @throws SolverError naming the residual reached when `maxIter` is exhausted or the method
 *   breaks down; InputError for bad options.
 */
export function bicgstab(apply: LinearOperator, b: Float64Array, options: BicgstabOptions = {}): BicgstabResult {
  if (!(b instanceof Float64Array) || b.length % 2 !== 0) throw InputError.of("b", "a Float64Array of even length (interleaved complex)", b);
  const n = b.length / 2;
  const tol = options.tol ?? 1e-10;
  if (!(tol > 0)) throw InputError.of("options.tol", "a number > 0", tol);
  const maxIter = options.maxIter ?? 10 * n + 100;
  if (!Number.isInteger(maxIter) || maxIter < 1) throw InputError.of("options.maxIter", "an integer ≥ 1", maxIter);
  const M = options.precondition;
  const x = new Float64Array(2 * n);
  if (options.x0 !== undefined) {
    checkVec("options.x0", options.x0, n);
    x.set(options.x0);
  }
  const bNorm = norm2(b);
  if (bNorm === 0) return { x: new Float64Array(2 * n), iterations: 0, residual: 0 };
  const target = tol * bNorm;
  const r = new Float64Array(2 * n);
  const rHat = new Float64Array(2 * n);
  const p = new Float64Array(2 * n);
  const v = new Float64Array(2 * n);
  const s = new Float64Array(2 * n);
  const t = new Float64Array(2 * n);
  const pHat = M ? new Float64Array(2 * n) : p;
  const sHat = M ? new Float64Array(2 * n) : s;
  const dot = new Float64Array(2);
  trueResidual(apply, b, x, r);
  let iter = 0;
  let rNorm = norm2(r);
  while (iter < maxIter) {
    if (rNorm <= target) {
      trueResidual(apply, b, x, r); // guard against drift of the recursive residual
      rNorm = norm2(r);
      if (rNorm <= target) return { x, iterations: iter, residual: rNorm / bNorm };
    }
    // (Re)start: shadow residual r̂ = r, p = r.
    rHat.set(r);
    p.set(r);
    cdot(dot, rHat, r);
    let rhoR = dot[0]!;
    let rhoI = dot[1]!;
    let restart = false;
    while (iter < maxIter && !restart) {
      iter++;
      if (M) M(pHat, p);
      apply(v, pHat);
      cdot(dot, rHat, v);
      const den = dot[0]! ** 2 + dot[1]! ** 2;
      if (den === 0 || !Number.isFinite(den)) break;
      // α = ρ / ⟨r̂, v⟩
      const alR = (rhoR * dot[0]! + rhoI * dot[1]!) / den;
      const alI = (rhoI * dot[0]! - rhoR * dot[1]!) / den;
      caxpyTo(s, r, v, -alR, -alI);
      caxpyTo(x, x, pHat, alR, alI);
      if (norm2(s) <= target) {
        r.set(s);
        rNorm = norm2(r);
        break;
      }
      if (M) M(sHat, s);
      apply(t, sHat);
      cdot(dot, t, s);
      const tt = norm2(t) ** 2;
      if (tt === 0) break;
      const omR = dot[0]! / tt;
      const omI = dot[1]! / tt;
      caxpyTo(x, x, sHat, omR, omI);
      caxpyTo(r, s, t, -omR, -omI);
      rNorm = norm2(r);
      if (rNorm <= target) break;
      cdot(dot, rHat, r);
      const rhoNewR = dot[0]!;
      const rhoNewI = dot[1]!;
      const rhoAbs = Math.hypot(rhoNewR, rhoNewI);
      if (rhoAbs <= 1e-30 * norm2(rHat) * rNorm || Math.hypot(omR, omI) === 0) {
        restart = true; // near breakdown: restart with r̂ = r
        break;
      }
      // β = (ρ_new/ρ)(α/ω); p = r + β (p − ω v)
      const [qR, qI] = cdiv(rhoNewR, rhoNewI, rhoR, rhoI);
      const [wR, wI] = cdiv(alR, alI, omR, omI);
      const beR = qR * wR - qI * wI;
      const beI = qR * wI + qI * wR;
      updateDirection(p, r, v, beR, beI, omR, omI);
      rhoR = rhoNewR;
      rhoI = rhoNewI;
    }
    if (!restart && rNorm > target && iter < maxIter) {
      // Breakdown without convergence: restart once more from the true residual.
      trueResidual(apply, b, x, r);
      const before = rNorm;
      rNorm = norm2(r);
      if (!(rNorm < before) && !(rNorm <= target)) break;
    }
  }
  trueResidual(apply, b, x, r);
  rNorm = norm2(r);
  if (rNorm <= target) return { x, iterations: iter, residual: rNorm / bNorm };
  throw new SolverError(
    `bicgstab: relative residual ${(rNorm / bNorm).toExponential(3)} after ${iter} iterations, above tol ${tol}; ` +
      "raise options.maxIter, pass a preconditioner (e.g. ilu0(A).apply), or use the direct solver sparseLuSolve",
  );
}

function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  const d = br * br + bi * bi;
  return [(ar * br + ai * bi) / d, (ai * br - ar * bi) / d];
}

/** out = a + (cr + i ci) · y (out may alias a). */
function caxpyTo(out: Float64Array, a: Float64Array, y: Float64Array, cr: number, ci: number): void {
  for (let k = 0; k < out.length; k += 2) {
    const yr = y[k]!;
    const yi = y[k + 1]!;
    out[k] = a[k]! + cr * yr - ci * yi;
    out[k + 1] = a[k + 1]! + cr * yi + ci * yr;
  }
}

/** p = r + β (p − ω v). */
function updateDirection(p: Float64Array, r: Float64Array, v: Float64Array, beR: number, beI: number, omR: number, omI: number): void {
  for (let k = 0; k < p.length; k += 2) {
    const vr = v[k]!;
    const vi = v[k + 1]!;
    const dr = p[k]! - (omR * vr - omI * vi);
    const di = p[k + 1]! - (omR * vi + omI * vr);
    p[k] = r[k]! + beR * dr - beI * di;
    p[k + 1] = r[k + 1]! + beR * di + beI * dr;
  }
}

/** r = b − A x. */
function trueResidual(apply: LinearOperator, b: Float64Array, x: Float64Array, r: Float64Array): void {
  apply(r, x);
  for (let k = 0; k < r.length; k++) r[k] = b[k]! - r[k]!;
}
