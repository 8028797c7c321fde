/**
 * Dormand–Prince 5(4) explicit Runge–Kutta integrator with adaptive steps and dense output.
 *
 * Solves y' = f(t, y) for a real state `y ∈ ℝⁿ` (complex states are interleaved re/im vectors).
 * The scheme follows Hairer, Nørsett & Wanner, *Solving ODEs I* (2nd ed., §II.5, code DOPRI5):
 * FSAL (the 7th stage of one step is the 1st of the next), local error of the embedded 4th-order
 * solution measured in the RMS norm weighted by `atol + rtol·max(|y_old|, |y_new|)`, PI step-size
 * control (β = 0.04, safety 0.9, step ratio bounded in [0.2, 10]), first step chosen by Hairer's
 * `hinit`, and the standard 4th-order continuous extension (`contd5`) so that output times are
 * hit exactly by interpolation without shortening steps.
 *
 * The inner loop allocates nothing: all stage vectors are preallocated per solver.
 */
import { InputError, SolverError, requireFinite } from "../../errors.js";

/** Right-hand side: write f(t, y) into `dydt` (length n). Must not keep references to `y`. */
export type OdeRhs = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Tolerances and limits of the adaptive integrator. */
export interface Dopri5Options {
  /** Absolute tolerance per component (default 1e-8). */
  readonly atol?: number;
  /** Relative tolerance (default 1e-6). */
  readonly rtol?: number;
  /** Largest step allowed, in units of t (default: the whole interval). */
  readonly maxStep?: number;
  /** Most steps (accepted + rejected) before giving up with a SolverError (default 100000). */
  readonly maxSteps?: number;
  /** First trial step; 0 or absent selects it automatically (Hairer's hinit). */
  readonly firstStep?: number;
}

/** Work done by one integration. */
export interface OdeStats {
  /** Steps attempted (accepted + rejected). */
  nSteps: number;
  nAccepted: number;
  nRejected: number;
  /** Evaluations of the right-hand side. */
  nEvals: number;
}

/**
 * Called at each requested output time with the (interpolated) state. `y` is scratch owned by the
 * solver: copy what you need before returning.
 */
export type OdeOutput = (index: number, t: number, y: Float64Array) => void;

// Butcher tableau of Dormand–Prince 5(4) (Hairer's DOPRI5 constants).
const C2 = 0.2, C3 = 0.3, C4 = 0.8, C5 = 8 / 9;
const A21 = 0.2;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// Error coefficients: 5th-order minus embedded 4th-order weights.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// Dense output (4th-order continuous extension, Hairer's contd5).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

// Step-size control (Hairer's defaults).
const SAFE = 0.9, FAC_MIN = 0.2, FAC_MAX = 10, BETA = 0.04, EXPO1 = 0.2 - BETA * 0.75;

/** Resolved options. */
interface Settings {
  atol: number;
  rtol: number;
  maxStep: number;
  maxSteps: number;
  firstStep: number;
}

function settings(o: Dopri5Options, span: number): Settings {
  const atol = requireFinite(o.atol ?? 1e-8, "options.atol");
  const rtol = requireFinite(o.rtol ?? 1e-6, "options.rtol");
  if (atol < 0 || rtol < 0 || atol + rtol <= 0) throw InputError.of("options.atol/rtol", "non-negative tolerances, not both 0", `~atol=${atol}, rtol=${rtol}`);
  const maxStep = o.maxStep === undefined || o.maxStep === 0 ? span : requireFinite(o.maxStep, "options.maxStep");
  if (!(maxStep > 0)) throw InputError.of("options.maxStep", "a positive step", maxStep);
  const maxSteps = o.maxSteps ?? 100_000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw InputError.of("options.maxSteps", "an integer ≥ 1", maxSteps);
  const firstStep = o.firstStep ?? 0;
  if (!Number.isFinite(firstStep) || firstStep < 0) throw InputError.of("options.firstStep", "a finite step ≥ 0 (0 = automatic)", firstStep);
  return { atol, rtol, maxStep, maxSteps, firstStep };
}

/**
 * An adaptive Dormand–Prince 5(4) integrator for a fixed state size `n`. Reusable: each `solve`
 * starts fresh but keeps the preallocated work arrays.
 */
export class Dopri5 {
  readonly n: number;
  private readonly f: OdeRhs;
  private readonly y: Float64Array;
  private readonly y1: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly ysti: Float64Array;
  /** Dense-output coefficients r1..r5, each of length n. */
  private readonly cont: Float64Array;
  private readonly yOut: Float64Array;
  private readonly stats: OdeStats = { nSteps: 0, nAccepted: 0, nRejected: 0, nEvals: 0 };

  constructor(f: OdeRhs, n: number) {
    if (!Number.isInteger(n) || n < 1) throw InputError.of("n", "a state size ≥ 1", n);
    this.f = f;
    this.n = n;
    const mk = (): Float64Array => new Float64Array(n);
    this.y = mk(); this.y1 = mk(); this.ysti = mk(); this.yOut = mk();
    this.k1 = mk(); this.k2 = mk(); this.k3 = mk(); this.k4 = mk(); this.k5 = mk(); this.k6 = mk(); this.k7 = mk();
    this.cont = new Float64Array(5 * n);
  }

  /**
   * Integrate from `t0` (state `y0`) through the increasing output times `tOut` (all ≥ t0),
   * calling `onOutput` at each. An output time equal to t0 reports y0 itself.
   * @returns the work statistics.
   * @throws SolverError when `maxSteps` is exhausted or the step underflows.
   */
  solve(t0: number, y0: Float64Array, tOut: ArrayLike<number>, onOutput: OdeOutput, options: Dopri5Options = {}): OdeStats {
    const n = this.n;
    if (y0.length !== n) throw InputError.of("y0", `a state of length ${n}`, y0);
    requireFinite(t0, "t0");
    checkOutputTimes(t0, tOut);
    for (let i = 0; i < n; i++) if (!Number.isFinite(y0[i]!)) throw InputError.of(`y0[${i}]`, "a finite number", y0[i]);
    const nOut = tOut.length;
    const tEnd = nOut > 0 ? tOut[nOut - 1]! : t0;
    const s = settings(options, Math.max(tEnd - t0, Number.MIN_VALUE));
    const st = this.stats;
    st.nSteps = 0; st.nAccepted = 0; st.nRejected = 0; st.nEvals = 0;
    this.y.set(y0);
    let iOut = 0;
    while (iOut < nOut && tOut[iOut]! === t0) onOutput(iOut++, t0, this.y);
    if (iOut === nOut) return { ...st };
    this.f(t0, this.y, this.k1);
    st.nEvals++;
    const h = s.firstStep > 0 ? Math.min(s.firstStep, s.maxStep) : this.initialStep(t0, s);
    this.integrate(t0, tEnd, h, s, tOut, iOut, onOutput);
    return { ...st };
  }

  /** The main stepping loop; writes outputs through dense interpolation. */
  private integrate(t0: number, tEnd: number, hStart: number, s: Settings, tOut: ArrayLike<number>, iOutStart: number, onOutput: OdeOutput): void {
    const st = this.stats;
    let t = t0, h = hStart, facOld = 1e-4, reject = false, iOut = iOutStart;
    const nOut = tOut.length;
    while (iOut < nOut) {
      if (st.nSteps >= s.maxSteps) {
        throw new SolverError(
          `DOPRI5 used its ${s.maxSteps} steps (maxSteps) and reached t = ${t} of the target t = ${tEnd}; ` +
          `raise options.maxSteps or loosen options.atol/rtol (now ${s.atol}/${s.rtol})`);
      }
      if (0.1 * Math.abs(h) <= Math.abs(t) * 2.220446049250313e-16) {
        throw new SolverError(`DOPRI5 step size underflow (h = ${h}) at t = ${t} before the target t = ${tEnd}; the problem may be stiff or the right-hand side non-finite`);
      }
      let last = false;
      if (t + 1.01 * h - tEnd > 0) { h = tEnd - t; last = true; }
      st.nSteps++;
      const err = this.step(t, h, s);
      const fac11 = Math.pow(err, EXPO1);
      // PI (Lund-stabilised) control: fac = h/hnew.
      let fac = fac11 / Math.pow(facOld, BETA);
      fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFE));
      let hNew = h / fac;
      if (err <= 1) {
        facOld = Math.max(err, 1e-4);
        st.nAccepted++;
        this.accept(h);
        const tOld = t;
        t = last ? tEnd : t + h;
        while (iOut < nOut && tOut[iOut]! <= t) {
          const tk = tOut[iOut]!;
          onOutput(iOut++, tk, tk === t ? this.y : this.interpolate((tk - tOld) / h));
        }
        if (Math.abs(hNew) > s.maxStep) hNew = s.maxStep;
        if (reject) hNew = Math.min(hNew, h);
        reject = false;
      } else {
        hNew = h / Math.min(1 / FAC_MIN, fac11 / SAFE);
        reject = true;
        if (st.nAccepted >= 1) st.nRejected++;
        if (!Number.isFinite(err)) hNew = h * FAC_MIN;
      }
      h = hNew;
    }
  }

  /**
   * One trial step of size h from (t, y) with k1 = f(t, y). Leaves the candidate in y1, f at the
   * candidate in k7, the dense coefficient r5 in cont[4n..5n), and returns the scaled error norm.
   */
  private step(t: number, h: number, s: Settings): number {
    const { n, f, y, y1, k1, k2, k3, k4, k5, k6, k7, ysti, cont } = this;
    for (let i = 0; i < n; i++) y1[i] = y[i]! + h * A21 * k1[i]!;
    f(t + C2 * h, y1, k2);
    for (let i = 0; i < n; i++) y1[i] = y[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
    f(t + C3 * h, y1, k3);
    for (let i = 0; i < n; i++) y1[i] = y[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
    f(t + C4 * h, y1, k4);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
    }
    f(t + C5 * h, y1, k5);
    for (let i = 0; i < n; i++) {
      ysti[i] = y[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! +
        A64 * k4[i]! + A65 * k5[i]!);
    }
    f(t + h, ysti, k6);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i]! + h * (A71 * k1[i]! + A73 * k3[i]! + A74 * k4[i]! +
        A75 * k5[i]! + A76 * k6[i]!);
    }
    f(t + h, y1, k7);
    this.stats.nEvals += 6;
    let errSq = 0;
    const r5 = 4 * n;
    for (let i = 0; i < n; i++) {
      const a = k1[i]!, c = k3[i]!, d = k4[i]!, e = k5[i]!, g = k6[i]!, q = k7[i]!;
      cont[r5 + i] = h * (D1 * a + D3 * c + D4 * d + D5 * e + D6 * g + D7 * q);
      const errI = h * (E1 * a + E3 * c + E4 * d + E5 * e + E6 * g + E7 * q);
      const yi = y[i]!, yn = y1[i]!;
      const sk = s.atol + s.rtol * Math.max(Math.abs(yi), Math.abs(yn));
      const r = errI / sk;
      errSq += r * r;
    }
    return Math.sqrt(errSq / n);
  }

  /** Accept the step: fill the dense-output coefficients, advance y, reuse k7 as the next k1 (FSAL). */
  private accept(h: number): void {
    const { n, y, y1, k1, k7, cont } = this;
    for (let i = 0; i < n; i++) {
      const y0 = y[i]!, yNew = y1[i]!;
      const yDiff = yNew - y0;
      const bspl = h * k1[i]! - yDiff;
      cont[i] = y0;
      cont[n + i] = yDiff;
      cont[2 * n + i] = bspl;
      cont[3 * n + i] = yDiff - h * k7[i]! - bspl;
    }
    y.set(y1);
    k1.set(k7);
  }

  /** Dense output at θ ∈ [0, 1] of the last accepted step (4th order). */
  private interpolate(theta: number): Float64Array {
    const { n, cont, yOut } = this;
    const theta1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      yOut[i] = cont[i]! + theta * (cont[n + i]! + theta1 * (cont[2 * n + i]! +
        theta * (cont[3 * n + i]! + theta1 * cont[4 * n + i]!)));
    }
    return yOut;
  }

  /** Hairer's hinit: a first step from the sizes of y, f and an estimate of the second derivative. */
  private initialStep(t: number, s: Settings): number {
    const { n, f, y, y1, k1, k2 } = this;
    let dnf = 0, dny = 0;
    for (let i = 0; i < n; i++) {
      const sk = s.atol + s.rtol * Math.abs(y[i]!);
      dnf += (k1[i]! / sk) ** 2;
      dny += (y[i]! / sk) ** 2;
    }
    let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
    h = Math.min(h, s.maxStep);
    for (let i = 0; i < n; i++) y1[i] = y[i]! + h * k1[i]!;
    f(t + h, y1, k2);
    this.stats.nEvals++;
    let der2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = s.atol + s.rtol * Math.abs(y[i]!);
      der2 += ((k2[i]! - k1[i]!) / sk) ** 2;
    }
    der2 = Math.sqrt(der2) / h;
    const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : Math.pow(0.01 / der12, 1 / 5);
    return Math.min(100 * Math.abs(h), h1, s.maxStep);
  }
}

/** Output times must be finite, strictly increasing, and not before t0. */
function checkOutputTimes(t0: number, tOut: ArrayLike<number>): void {
  let prev = t0;
  for (let i = 0; i < tOut.length; i++) {
    const t = tOut[i]!;
    if (!Number.isFinite(t)) throw InputError.of(`tOut[${i}]`, "a finite time", t);
    if (i === 0 ? t < t0 : t <= prev) {
      throw InputError.of(`tOut[${i}]`, i === 0 ? `a time ≥ t0 = ${t0}` : `a time > tOut[${i - 1}] = ${prev} (strictly increasing)`, t);
    }
    prev = t;
  }
}

/**
 * Integrate y' = f(t, y) from t0 through `tOut` with DOPRI5 and return the states at the output
 * times (`ys[i]` is a copy) and the work statistics. Convenience wrapper over `Dopri5`.
 */
export function dopri5(f: OdeRhs, t0: number, y0: Float64Array, tOut: ArrayLike<number>, options: Dopri5Options = {}): { ys: Float64Array[]; stats: OdeStats } {
  const ys: Float64Array[] = [];
  const stats = new Dopri5(f, y0.length).solve(t0, y0, tOut, (_i, _t, y) => { ys.push(Float64Array.from(y)); }, options);
  return { ys, stats };
}
