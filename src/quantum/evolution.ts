/**
 * The linear ODE behind `mesolve`: dx/dt = (G₀ + Σ_k f_k(t) G_k) x for a complex vector x
 * (a vectorised density matrix, or a ket), integrated with DOPRI5.
 *
 * Exact speed-ups, both general:
 * - Block reduction: only the invariant blocks (sparsity components) where x(0) ≠ 0 are
 *   evolved; the others stay exactly zero.
 * - Rotating frame (interaction picture of the diagonal): with Ω = Im diag G₀ and
 *   x = e^{iΩt} ⊙ y, y obeys dy/dt = e^{−iΩt} ⊙ M (e^{iΩt} ⊙ y), M = G₀ − i·diag(Ω) (+ time
 *   terms). The phases are recomputed from t in every evaluation (no accumulated rotation), so
 *   the transformation is exact; it removes the fast free rotation (e.g. the cavity's ω), and
 *   DOPRI5 then steps on the slow coupling and damping scales only.
 */
import { InputError } from "../errors.js";
import { csrMatvec, csrMatvecAdd, type CsrMatrix } from "../numeric/complex/index.js";
import { Dopri5, type Dopri5Options, type OdeStats } from "../numeric/ode/index.js";
import { conjMatvecAdd } from "./hermitian-half.js";

/** A generator term with a real time-dependent coefficient. */
export interface TimeTerm {
  readonly G: CsrMatrix;
  /** The part acting on conj(x), for a state kept as the upper triangle of a Hermitian matrix (hermitian-half.ts). */
  readonly Gc?: CsrMatrix;
  readonly f: (t: number) => number;
}

/** Called at each output time with the lab-frame state x (scratch: copy what you keep). */
export type EvolutionOutput = (index: number, t: number, x: Float64Array) => void;

/** Removes Im diag(G) into phase classes; returns M, per-index class, and the class frequencies. */
function splitDiagonalPhase(G: CsrMatrix): { M: CsrMatrix; phaseClass: Int32Array; omega: Float64Array } {
  const n = G.rows;
  const diagIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = G.rowPtr[i]!; p < G.rowPtr[i + 1]!; p++) if (G.colIdx[p] === i) diagIm[i] = G.data[2 * p + 1]!;
  }
  // Group equal frequencies (to rounding) so cos/sin are evaluated once per class, not per index.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => diagIm[a]! - diagIm[b]!);
  const omegas: number[] = [];
  const phaseClass = new Int32Array(n);
  for (const i of order) {
    const w = diagIm[i]!;
    const last = omegas[omegas.length - 1];
    if (last === undefined || Math.abs(w - last) > 1e-13 * Math.max(1, Math.abs(w))) omegas.push(w);
    phaseClass[i] = omegas.length - 1;
  }
  const omega = Float64Array.from(omegas);
  const data = G.data.slice();
  for (let i = 0; i < n; i++) {
    for (let p = G.rowPtr[i]!; p < G.rowPtr[i + 1]!; p++) {
      if (G.colIdx[p] === i) data[2 * p + 1] = data[2 * p + 1]! - (omega[phaseClass[i]!]!);
    }
  }
  return { M: { ...G, data }, phaseClass, omega };
}

/**
 * True when every nonzero M_ij joins two indices of the same phase class, and every nonzero of
 * the conjugate part Mc_ij joins frequencies ω_i = −ω_j (then e^{−iΩt} M e^{iΩt} = M and the
 * conjugate part is static too).
 */
function couplesWithinClasses(M: CsrMatrix, Mc: CsrMatrix | null, phaseClass: Int32Array, omega: Float64Array): boolean {
  for (let i = 0; i < M.rows; i++) {
    for (let p = M.rowPtr[i]!; p < M.rowPtr[i + 1]!; p++) {
      if (phaseClass[M.colIdx[p]!] !== phaseClass[i] && (M.data[2 * p] !== 0 || M.data[2 * p + 1] !== 0)) return false;
    }
    if (Mc === null) continue;
    for (let p = Mc.rowPtr[i]!; p < Mc.rowPtr[i + 1]!; p++) {
      const wi = omega[phaseClass[i]!]!, wj = omega[phaseClass[Mc.colIdx[p]!]!]!;
      // Class frequencies are representatives within 1e-13 (relative) of the exact ones.
      if (Math.abs(wi + wj) > 4e-13 * Math.max(1, Math.abs(wi)) && (Mc.data[2 * p] !== 0 || Mc.data[2 * p + 1] !== 0)) return false;
    }
  }
  return true;
}

/** Integrates dx/dt = (G₀ + Σ f_k(t) G_k) x on one (already block-reduced) space. */
export class LinearEvolution {
  readonly n: number;
  private readonly M: CsrMatrix;
  /** Part acting on conj(x) (upper-triangle state of a Hermitian matrix), or null. */
  private readonly Mc: CsrMatrix | null;
  private readonly terms: readonly TimeTerm[];
  private readonly rotating: boolean;
  private readonly phaseClass: Int32Array;
  private readonly omega: Float64Array;
  private readonly cosT: Float64Array;
  private readonly sinT: Float64Array;
  private readonly x: Float64Array;
  private readonly xOut: Float64Array;
  /** M only couples indices of equal frequency and there are no time terms: the frame generator is M itself. */
  private readonly frameStatic: boolean;

  /**
   * @param G0 the constant generator (on x); `G0c`, when given, its part on conj(x): then
   *   dx/dt = G0 x + G0c conj(x) (+ time terms likewise), real-linear in x.
   */
  constructor(G0: CsrMatrix, terms: readonly TimeTerm[], rotatingFrame: boolean, G0c: CsrMatrix | null = null) {
    this.n = G0.rows;
    this.terms = terms;
    this.Mc = G0c !== null && G0c.colIdx.length > 0 ? G0c : null;
    const split = splitDiagonalPhase(G0);
    this.rotating = rotatingFrame && split.omega.some((w) => w !== 0);
    this.M = this.rotating ? split.M : G0;
    this.phaseClass = split.phaseClass;
    this.omega = this.rotating ? split.omega : new Float64Array(0);
    this.cosT = new Float64Array(this.omega.length);
    this.sinT = new Float64Array(this.omega.length);
    this.x = new Float64Array(2 * this.n);
    this.xOut = new Float64Array(2 * this.n);
    this.frameStatic = this.rotating && terms.length === 0 && couplesWithinClasses(this.M, this.Mc, this.phaseClass, this.omega);
  }

  /** Whether the rotating frame is in use (some Im diag G₀ ≠ 0 and it was requested). */
  get usesRotatingFrame(): boolean {
    return this.rotating;
  }

  private phases(t: number): void {
    const w = this.omega;
    for (let u = 0; u < w.length; u++) {
      this.cosT[u] = Math.cos(w[u]! * t);
      this.sinT[u] = Math.sin(w[u]! * t);
    }
  }

  /** out = e^{±iΩt} ⊙ v (sign +1: frame → lab, −1: lab → frame); phases must be current. */
  private rotate(out: Float64Array, v: Float64Array, sign: number): void {
    const pc = this.phaseClass, c = this.cosT, s = this.sinT;
    for (let i = 0; i < this.n; i++) {
      const u = pc[i]!;
      const cr = c[u]!, si = sign * s[u]!;
      const vr = v[2 * i]!, vi = v[2 * i + 1]!;
      out[2 * i] = cr * vr - si * vi;
      out[2 * i + 1] = cr * vi + si * vr;
    }
  }

  /** dy = e^{−iΩt} ⊙ (M x): the matvec with the back-rotation fused into its row loop. */
  private matvecRotated(dy: Float64Array, x: Float64Array): void {
    const A = this.M, rp = A.rowPtr, ci = A.colIdx, d = A.data;
    const C = this.Mc, crp = C?.rowPtr, cci = C?.colIdx, cd = C?.data;
    const pc = this.phaseClass, cs = this.cosT, sn = this.sinT;
    for (let i = 0; i < A.rows; i++) {
      let re = 0, im = 0;
      const end = rp[i + 1]!;
      for (let p = rp[i]!; p < end; p++) {
        const j = 2 * ci[p]!;
        const ar = d[2 * p]!, ai = d[2 * p + 1]!;
        const xr = x[j]!, xi = x[j + 1]!;
        re += ar * xr - ai * xi;
        im += ar * xi + ai * xr;
      }
      if (crp !== undefined && cci !== undefined && cd !== undefined) {
        const cend = crp[i + 1]!;
        for (let p = crp[i]!; p < cend; p++) {
          const j = 2 * cci[p]!;
          const ar = cd[2 * p]!, ai = cd[2 * p + 1]!;
          const xr = x[j]!, xi = -x[j + 1]!;
          re += ar * xr - ai * xi;
          im += ar * xi + ai * xr;
        }
      }
      const u = pc[i]!;
      const c = cs[u]!, s = sn[u]!;
      dy[2 * i] = c * re + s * im;
      dy[2 * i + 1] = c * im - s * re;
    }
  }

  private readonly rhs = (t: number, y: Float64Array, dy: Float64Array): void => {
    let x = y;
    if (this.frameStatic) {
      // e^{−iΩt} M e^{iΩt} = M when M never couples different frequencies: no phases needed.
      csrMatvec(dy, this.M, y);
      if (this.Mc !== null) conjMatvecAdd(dy, this.Mc, y, 1);
      return;
    }
    if (this.rotating) {
      this.phases(t);
      this.rotate(this.x, y, 1);
      x = this.x;
      if (this.terms.length === 0) {
        this.matvecRotated(dy, x);
        return;
      }
    }
    csrMatvec(dy, this.M, x);
    if (this.Mc !== null) conjMatvecAdd(dy, this.Mc, x, 1);
    for (let k = 0; k < this.terms.length; k++) {
      const term = this.terms[k] as TimeTerm;
      const f = term.f(t);
      if (!Number.isFinite(f)) throw InputError.of(`H time-dependent coefficient ${k + 1} at t = ${t}`, "a finite real number", f);
      if (f !== 0) {
        csrMatvecAdd(dy, term.G, x, f, 0);
        if (term.Gc !== undefined) conjMatvecAdd(dy, term.Gc, x, f);
      }
    }
    if (this.rotating) {
      // dy currently holds M x in the lab frame; bring it back: dy ← e^{−iΩt} ⊙ dy (in place is safe).
      this.rotate(dy, dy, -1);
    }
  };

  /** Integrate from tlist[0] (state x0) and report the lab-frame state at every tlist time. */
  solve(x0: Float64Array, tlist: ArrayLike<number>, onOutput: EvolutionOutput, options: Dopri5Options): OdeStats {
    const t0 = tlist[0]!;
    const y0 = new Float64Array(2 * this.n);
    if (this.rotating) {
      this.phases(t0);
      this.rotate(y0, x0, -1);
    } else y0.set(x0);
    const solver = new Dopri5(this.rhs, 2 * this.n);
    return solver.solve(t0, y0, tlist, (i, t, y) => {
      if (this.rotating) {
        this.phases(t);
        this.rotate(this.xOut, y, 1);
        onOutput(i, t, this.xOut);
      } else onOutput(i, t, y);
    }, options);
  }
}
