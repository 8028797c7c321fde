/**
 * `mesolve`: the Lindblad master equation (or the Schrödinger equation for a ket without
 * collapse operators), QuTiP's signature and result.
 *
 *   dρ/dt = −i[H(t), ρ] + Σ_k ( c_k ρ c_k† − ½ {c_k† c_k, ρ} ),   H(t) = H₀ + Σ_j f_j(t) H_j
 *
 * Method: the vectorised equation (column stacking, see superop.ts) restricted to the invariant
 * blocks that hold ρ(0) (exact: the other blocks stay zero), integrated by adaptive DOPRI5 in the
 * rotating frame of the Liouvillian's imaginary diagonal (exact; see evolution.ts); output times
 * are reached by the method's dense output, and expectation values are computed only there.
 */
import { DimensionError, InputError } from "../errors.js";
import type { CsrMatrix } from "../numeric/complex/index.js";
import { csrAdd, csrAdjoint, csrMatmul, csrScale } from "../numeric/complex/index.js";
import type { OdeStats } from "../numeric/ode/index.js";
import { connectedComponents, csrSubmatrix } from "../numeric/sparse/index.js";
import { LinearEvolution, type TimeTerm } from "./evolution.js";
import { Qobj } from "./qobj.js";
import { assembleLindblad, lindbladComponents, selectLabelled } from "./lindblad-blocks.js";
import { halfMap, splitHalf, type HalfMap } from "./hermitian-half.js";

/** A time-dependent Hamiltonian term `[H_j, f_j]`: H_j (Hermitian) times the real coefficient f_j(t). */
export type HTerm = readonly [Qobj, (t: number) => number];

/** QuTiP's list form: `H0`, or `[H0, [H1, f1], [H2, f2], …]` (constant parts may repeat). */
export type HSpec = Qobj | ReadonlyArray<Qobj | HTerm>;

/** Solver options (QuTiP's defaults for atol/rtol). */
export interface MesolveOptions {
  /** Absolute tolerance of the adaptive integrator (default 1e-8). */
  readonly atol?: number;
  /** Relative tolerance (default 1e-6). */
  readonly rtol?: number;
  /** Largest step in units of t (default: unlimited). */
  readonly maxStep?: number;
  /** Step budget (default 100000); exceeding it raises a SolverError naming the time reached. */
  readonly maxSteps?: number;
  /** Called after each output time with (done, total). */
  readonly progress?: (done: number, total: number) => void;
  /** Keep the state at every output time (default: only when no eOps are given, like QuTiP). */
  readonly storeStates?: boolean;
  /** Evolve only the invariant blocks holding ρ(0) (exact; default true). */
  readonly blockReduce?: boolean;
  /** Integrate in the rotating frame of Im diag L (exact; default true). */
  readonly rotatingFrame?: boolean;
  /** Density matrices: integrate only the upper triangle ρ_mn, m ≤ n, reading ρ_nm as conj(ρ_mn) (exact; default true). */
  readonly hermitianHalf?: boolean;
}

/** Work statistics of one `mesolve` call. */
export interface MesolveStats extends OdeStats {
  /** 'dm' (Lindblad on ρ) or 'ket' (Schrödinger on ψ). */
  readonly mode: "dm" | "ket";
  /** Complex unknowns integrated (after block reduction) and before it. */
  readonly nUnknowns: number;
  readonly nUnknownsFull: number;
  readonly rotatingFrame: boolean;
  /** Complex unknowns the integrator actually carries (the upper triangle when `hermitianHalf`). */
  readonly nIntegrated: number;
  readonly hermitianHalf: boolean;
}

/** Result of `mesolve` (QuTiP's `Result`). */
export interface MesolveResult {
  readonly times: number[];
  /** `expect[k][i]` = ⟨eOps[k]⟩ at `times[i]` (real part). */
  readonly expect: number[][];
  /** Imaginary parts (zero for Hermitian eOps). */
  readonly expectIm: number[][];
  /** States at every output time when stored. */
  readonly states?: Qobj[];
  readonly finalState: Qobj;
  readonly stats: MesolveStats;
}

/** A matrix whose sparsity pattern is the union of the patterns of `mats` (all entries 1). */
function patternUnion(mats: readonly CsrMatrix[], n: number): CsrMatrix {
  const ones = (A: CsrMatrix): CsrMatrix => {
    const data = new Float64Array(A.data.length);
    for (let k = 0; k < data.length; k += 2) data[k] = A.data[k] !== 0 || A.data[k + 1] !== 0 ? 1 : 0;
    return { ...A, data };
  };
  const zero: CsrMatrix = { rows: n, cols: n, rowPtr: new Int32Array(n + 1), colIdx: new Int32Array(0), data: new Float64Array(0) };
  return mats.reduce((acc, A) => csrAdd(acc, ones(A)), zero);
}

function checkTlist(tlist: ArrayLike<number>): void {
  if (tlist === null || typeof tlist !== "object" || typeof tlist.length !== "number" || tlist.length === 0) {
    throw InputError.of("tlist", "a non-empty array of times", tlist);
  }
  for (let i = 0; i < tlist.length; i++) {
    const t = tlist[i];
    if (typeof t !== "number" || !Number.isFinite(t)) throw InputError.of(`tlist[${i}]`, "a finite time", t);
    if (i > 0 && t <= tlist[i - 1]!) throw InputError.of(`tlist[${i}]`, `a time > tlist[${i - 1}] = ${tlist[i - 1]} (strictly increasing)`, t);
  }
}

function splitH(H: HSpec): { H0: Qobj[]; terms: Array<[Qobj, (t: number) => number]> } {
  if (H instanceof Qobj) return { H0: [H], terms: [] };
  if (!Array.isArray(H) || H.length === 0) throw InputError.of("H", "a Qobj or a non-empty list [H0, [H1, f1], …]", H);
  const H0: Qobj[] = [];
  const terms: Array<[Qobj, (t: number) => number]> = [];
  H.forEach((h, k) => {
    if (h instanceof Qobj) H0.push(h);
    else if (Array.isArray(h) && h.length === 2 && h[0] instanceof Qobj && typeof h[1] === "function") terms.push([h[0], h[1]]);
    else throw InputError.of(`H[${k}]`, "a Qobj or a pair [Qobj, (t) => number]", h);
  });
  return { H0, terms };
}

function requireOnSpace(A: Qobj, dims: readonly number[], path: string, herm: boolean): void {
  if (!(A instanceof Qobj) || A.type !== "oper") throw InputError.of(path, "an operator Qobj", A instanceof Qobj ? `~a ${A.type}` : A);
  if (A.dims[0].join() !== dims.join() || A.dims[1].join() !== dims.join()) {
    throw new DimensionError(path, `an operator with dims ${JSON.stringify([dims, dims])}`, JSON.stringify(A.dims));
  }
  if (herm && !A.isHerm) throw InputError.of(path, "a Hermitian operator", "~a non-Hermitian operator");
}

/** Interleaved complex vector of a ket, or the column-stacked vec of a density matrix. */
function vectorise(state: Qobj): Float64Array {
  const D = state.dense();
  if (state.type === "ket") return D.data.slice();
  const d = D.rows;
  const v = new Float64Array(2 * d * d);
  for (let m = 0; m < d; m++) {
    for (let n = 0; n < d; n++) {
      v[2 * (m + n * d)] = D.data[2 * (m * d + n)]!;
      v[2 * (m + n * d) + 1] = D.data[2 * (m * d + n) + 1]!;
    }
  }
  return v;
}

/** Sparse readout of ⟨A⟩ from the reduced state: linear (dm) or sesquilinear (ket) form. */
interface Readout {
  /** dm: local (or upper-triangle) index k; ket: local row i */
  a: Int32Array;
  /** dm with a half map: 1 where the entry is read as conj(x_k) */
  cj: Uint8Array;
  /** ket only: local column j */
  b: Int32Array;
  re: Float64Array;
  im: Float64Array;
}

function makeReadout(A: CsrMatrix, d: number, local: Int32Array, mode: "dm" | "ket", hm: HalfMap | null): Readout {
  const a: number[] = [], b: number[] = [], cj: number[] = [], re: number[] = [], im: number[] = [];
  for (let r = 0; r < A.rows; r++) {
    for (let p = A.rowPtr[r]!; p < A.rowPtr[r + 1]!; p++) {
      const c = A.colIdx[p]!;
      if (mode === "dm") {
        const k = local[c + r * d]!; // Tr(Aρ) = Σ A_rc ρ_cr, vec index c + r·d
        if (k < 0) continue;
        a.push(hm === null ? k : hm.half[k]!);
        cj.push(hm === null ? 0 : hm.lower[k]!);
      } else {
        const i = local[r]!, j = local[c]!;
        if (i < 0 || j < 0) continue;
        a.push(i); b.push(j);
      }
      re.push(A.data[2 * p]!);
      im.push(A.data[2 * p + 1]!);
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), cj: Uint8Array.from(cj), re: Float64Array.from(re), im: Float64Array.from(im) };
}

function readout(R: Readout, x: Float64Array, mode: "dm" | "ket"): [number, number] {
  let sr = 0, si = 0;
  for (let q = 0; q < R.a.length; q++) {
    const ar = R.re[q]!, ai = R.im[q]!;
    const k = 2 * R.a[q]!;
    if (mode === "dm") {
      const xr = x[k]!, xi = R.cj[q] === 1 ? -x[k + 1]! : x[k + 1]!;
      sr += ar * xr - ai * xi; si += ar * xi + ai * xr;
    } else {
      const j = 2 * R.b[q]!;
      const yr = x[j]!, yi = x[j + 1]!;
      const tr = ar * yr - ai * yi, ti = ar * yi + ai * yr; // A_ij ψ_j
      const cr = x[k]!, ci = -x[k + 1]!; // conj ψ_i
      sr += cr * tr - ci * ti; si += cr * ti + ci * tr;
    }
  }
  return [sr, si];
}

/** The block's vector from its upper triangle (lower entries are conjugates). */
function expandHalf(xh: Float64Array, hm: HalfMap): Float64Array {
  const m = hm.half.length;
  const x = new Float64Array(2 * m);
  for (let q = 0; q < m; q++) {
    const h = hm.half[q]!;
    x[2 * q] = xh[2 * h]!;
    x[2 * q + 1] = hm.lower[q] === 1 ? -xh[2 * h + 1]! : xh[2 * h + 1]!;
  }
  return x;
}

/** Rebuild the full state Qobj from the reduced vector. */
function stateFrom(x: Float64Array, indices: Int32Array, d: number, dims: readonly number[], mode: "dm" | "ket"): Qobj {
  if (mode === "ket") {
    const v = new Float64Array(2 * d);
    for (let q = 0; q < indices.length; q++) { const i = indices[q]!; v[2 * i] = x[2 * q]!; v[2 * i + 1] = x[2 * q + 1]!; }
    return new Qobj({ rows: d, cols: 1, data: v }, [dims, dims.map(() => 1)]);
  }
  const D = new Float64Array(2 * d * d);
  for (let q = 0; q < indices.length; q++) {
    const k = indices[q]!;
    const m = k % d, n = (k - m) / d; // vec index m + n·d ↔ ρ_mn
    D[2 * (m * d + n)] = x[2 * q]!;
    D[2 * (m * d + n) + 1] = x[2 * q + 1]!;
  }
  return new Qobj({ rows: d, cols: d, data: D }, [dims, dims]);
}

/**
 * The generator pieces (G₀ and the time-dependent G_j) restricted to the invariant blocks that
 * hold the seeds (all indices when `reduce` is false): −iH for kets, the Lindbladian for ρ.
 */
function reducedGenerators(mode: "dm" | "ket", d: number, Hsum: CsrMatrix, Ht: readonly CsrMatrix[], jumps: readonly CsrMatrix[], seeds: readonly number[], reduce: boolean): { G0: CsrMatrix; Gt: CsrMatrix[]; indices: Int32Array; local: Int32Array } {
  if (mode === "ket") {
    const A0 = csrScale(Hsum, 0, -1);
    const At = Ht.map((h) => csrScale(h, 0, -1));
    const labels = reduce ? connectedComponents(patternUnion([A0, ...At], d)).labels : new Int32Array(d);
    const keep = new Set(seeds.map((i) => labels[i]!));
    const { indices, local } = selectLabelled(labels, (l) => keep.has(l));
    return { G0: csrSubmatrix(A0, indices), Gt: At.map((A) => csrSubmatrix(A, indices)), indices, local };
  }
  const K = jumps.reduce((acc, c) => csrAdd(acc, csrMatmul(csrAdjoint(c), c), 1, 0, 0, -0.5), Hsum);
  const label = reduce ? lindbladComponents({ d, ks: [K, ...Ht], jumps }, seeds).label : new Int32Array(d * d);
  const { indices, local } = selectLabelled(label, () => true);
  return { G0: assembleLindblad(d, K, jumps, indices, local), Gt: Ht.map((h) => assembleLindblad(d, h, [], indices, local)), indices, local };
}

/**
 * Evolve ρ(0) (or |ψ(0)⟩) under the Lindblad master equation and return expectation values
 * and/or states at the times `tlist` (QuTiP's `mesolve(H, rho0, tlist, c_ops, e_ops, options)`).
 *
 * @param H Hamiltonian (Hermitian, angular-frequency units, ħ = 1), or QuTiP's list form
 *   `[H0, [H1, t => f1(t)], …]` with real coefficient functions.
 * @param rho0 initial density matrix or ket (a ket with collapse operators is turned into |ψ⟩⟨ψ|;
 *   without them it is evolved as a ket).
 * @param tlist output times, strictly increasing; the integration starts at tlist[0].
 * @param cOps collapse operators (rates folded in, c = √γ A).
 * @param opts.eOps operators whose expectation values are returned (`expect[k][i]`).
 */
export function mesolve(H: HSpec, rho0: Qobj, tlist: ArrayLike<number>, cOps: readonly Qobj[] = [], opts: { eOps?: readonly Qobj[]; options?: MesolveOptions } = {}): MesolveResult {
  const o = opts.options ?? {};
  const eOps = opts.eOps ?? [];
  checkTlist(tlist);
  if (!(rho0 instanceof Qobj) || (rho0.type !== "ket" && rho0.type !== "oper")) {
    throw InputError.of("rho0", "a ket or a density matrix", rho0 instanceof Qobj ? `~a ${rho0.type}` : rho0);
  }
  if (!Array.isArray(cOps)) throw InputError.of("cOps", "an array of collapse operators", cOps);
  if (!Array.isArray(eOps)) throw InputError.of("eOps", "an array of operators", eOps);
  const { H0, terms } = splitH(H);
  const dims = rho0.dims[0];
  if (rho0.type === "oper") requireOnSpace(rho0, dims, "rho0", true);
  H0.forEach((h, k) => requireOnSpace(h, dims, `H[${k}]`, true));
  terms.forEach(([h], k) => requireOnSpace(h, dims, `H time-dependent term ${k + 1}`, true));
  cOps.forEach((c, k) => requireOnSpace(c, dims, `cOps[${k}]`, false));
  eOps.forEach((e, k) => requireOnSpace(e, dims, `eOps[${k}]`, false));

  const mode: "dm" | "ket" = rho0.type === "ket" && cOps.length === 0 ? "ket" : "dm";
  const state0 = rho0.type === "ket" && mode === "dm" ? rho0.mul(rho0.dag()) : rho0;
  const d = state0.data.rows;
  const zero: CsrMatrix = { rows: d, cols: d, rowPtr: new Int32Array(d + 1), colIdx: new Int32Array(0), data: new Float64Array(0) };
  const Hsum = H0.reduce((acc, h) => csrAdd(acc, h.data), zero);
  const x0Full = vectorise(state0);
  const seeds: number[] = [];
  for (let i = 0; i < x0Full.length / 2; i++) if (x0Full[2 * i] !== 0 || x0Full[2 * i + 1] !== 0) seeds.push(i);
  if (seeds.length === 0) throw InputError.of("rho0", "a non-zero state", "~the zero vector");
  const { G0, Gt, indices, local } = reducedGenerators(mode, d, Hsum, terms.map(([h]) => h.data), cOps.map((c) => c.data), seeds, o.blockReduce !== false);
  const nFull = mode === "ket" ? d : d * d;
  const x0 = new Float64Array(2 * indices.length);
  for (let q = 0; q < indices.length; q++) { x0[2 * q] = x0Full[2 * indices[q]!]!; x0[2 * q + 1] = x0Full[2 * indices[q]! + 1]!; }
  // ρ(0) is Hermitian (checked) and L preserves Hermiticity: carry only the upper triangle.
  const hm = mode === "dm" && o.hermitianHalf !== false ? halfMap(d, indices, local) : null;
  let evo: LinearEvolution;
  let x0Int = x0;
  if (hm !== null) {
    const g0 = splitHalf(G0, hm);
    const timeTerms: TimeTerm[] = terms.map(([, f], k) => { const g = splitHalf(Gt[k] as CsrMatrix, hm); return { G: g.D, Gc: g.C, f }; });
    evo = new LinearEvolution(g0.D, timeTerms, o.rotatingFrame !== false, g0.C);
    x0Int = new Float64Array(2 * hm.nHalf);
    for (let h = 0; h < hm.nHalf; h++) { const q = hm.upper[h]!; x0Int[2 * h] = x0[2 * q]!; x0Int[2 * h + 1] = x0[2 * q + 1]!; }
  } else {
    evo = new LinearEvolution(G0, terms.map(([, f], k) => ({ G: Gt[k] as CsrMatrix, f })), o.rotatingFrame !== false);
  }
  const readouts = eOps.map((e) => makeReadout(e.data, d, local, mode, hm));
  const toState = (x: Float64Array): Qobj => stateFrom(hm === null ? x : expandHalf(x, hm), indices, d, dims, mode);

  const nT = tlist.length;
  const expectRe = eOps.map(() => new Array<number>(nT).fill(0));
  const expectIm = eOps.map(() => new Array<number>(nT).fill(0));
  const storeStates = o.storeStates ?? eOps.length === 0;
  const states: Qobj[] = [];
  let finalState: Qobj | null = null;
  const ode = evo.solve(x0Int, tlist, (i, _t, x) => {
    for (let k = 0; k < readouts.length; k++) {
      const [re, im] = readout(readouts[k] as Readout, x, mode);
      (expectRe[k] as number[])[i] = re;
      (expectIm[k] as number[])[i] = im;
    }
    if (storeStates) states.push(toState(x));
    if (i === nT - 1) finalState = storeStates ? (states[states.length - 1] as Qobj) : toState(x);
    o.progress?.(i + 1, nT);
  }, { atol: o.atol ?? 1e-8, rtol: o.rtol ?? 1e-6, maxStep: o.maxStep, maxSteps: o.maxSteps });
  return {
    times: Array.from(tlist),
    expect: expectRe,
    expectIm,
    ...(storeStates ? { states } : {}),
    finalState: finalState as unknown as Qobj,
    stats: { ...ode, mode, nUnknowns: indices.length, nUnknownsFull: nFull, rotatingFrame: evo.usesRotatingFrame, nIntegrated: evo.n, hermitianHalf: hm !== null },
  };
}
