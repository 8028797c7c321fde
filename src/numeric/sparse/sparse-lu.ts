/**
 * Sparse direct solver for complex CSR systems: a fill-reducing reverse Cuthill–McKee ordering
 * (dense rows such as a trace condition ignored, their variables moved to a short dense border),
 * then a row-frontal (variable-band) LU with threshold partial pivoting inside the front.
 *
 * Rows enter the dense front when elimination reaches their first column (after reordering)
 * and leave it as pivot rows of U. Only the envelope is ever stored, in a ring of width W
 * (the widest front the ordering allows), so work is ~Σ_k (front rows)·(pivot-row length) and
 * every inner loop is a contiguous complex axpy.
 */
import { InputError, SolverError } from "../../errors.js";
import { checkCsr, checkVec } from "../complex/check.js";
import { csrMatvec } from "../complex/csr.js";
import type { CsrMatrix } from "../complex/types.js";
import { frontMemory, type FrontMemory } from "./front-simd.js";
import { rcmOrdering } from "./graph.js";

/** Options of `sparseLuFactor` / `sparseLuSolve`. */
export interface SparseLuOptions {
  /**
   * Symmetric ordering: 'rcm' (default, fill-reducing) or 'natural' (the given order). Either
   * way the variables of dense rows (see `denseRows`) go last, into the dense border.
   */
  readonly ordering?: "rcm" | "natural";
  /** Accept a pivot whose magnitude is ≥ threshold · the column maximum (default 0.1; 1 = partial pivoting). */
  readonly pivotThreshold?: number;
  /** Most iterative-refinement steps in `sparseLuSolve` (default 1; none once the residual is at rounding level). */
  readonly refine?: number;
  /**
   * The elimination's inner loop: 'simd' (default; WebAssembly SIMD where available, else the
   * scalar loop) or 'scalar'. Both give the same factors bit for bit.
   */
  readonly kernel?: "simd" | "scalar";
}

/** A factorisation of P_r B = L U with B = Q A Qᵀ (Q the ordering); `solve` reuses it. */
export interface SparseLu {
  readonly n: number;
  /** Stored entries of L and U (a measure of fill). */
  readonly nnzFactors: number;
  /** Solve A x = b; writes `out` (n complex entries) and returns it. */
  solve(b: Float64Array, out?: Float64Array): Float64Array;
}

/** Refuse fronts whose dense storage would exceed this many doubles (1 GiB). */
const MAX_FRONT_DOUBLES = 2 ** 27;

class Growable {
  i32: Int32Array;
  f64: Float64Array;
  n = 0;
  constructor(cap: number) {
    this.i32 = new Int32Array(cap);
    this.f64 = new Float64Array(2 * cap);
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.i32.length) return;
    const cap = Math.max(2 * this.i32.length, this.n + extra);
    const i = new Int32Array(cap);
    i.set(this.i32.subarray(0, this.n));
    const f = new Float64Array(2 * cap);
    f.set(this.f64.subarray(0, 2 * this.n));
    this.i32 = i;
    this.f64 = f;
  }
  /** Append entry (index, re + i·im); room must have been reserved. */
  push(index: number, re: number, im: number): void {
    const n = this.n;
    this.i32[n] = index;
    this.f64[2 * n] = re;
    this.f64[2 * n + 1] = im;
    this.n = n + 1;
  }
}

/** Factor storage reused by transient factorisations (L, U); not kept beyond 2^20 entries. */
const factorPool: Array<Growable | undefined> = [undefined, undefined];
const POOL_MAX = 2 ** 20;

function pooled(which: number, guess: number): Growable {
  const g = factorPool[which];
  if (g === undefined) return (factorPool[which] = new Growable(guess));
  g.n = 0;
  g.reserve(guess);
  return g;
}

/** Drop pooled storage that grew past POOL_MAX (a large system should not stay resident). */
function trimPool(): void {
  for (let w = 0; w < factorPool.length; w++) {
    if ((factorPool[w]?.i32.length ?? 0) > POOL_MAX) factorPool[w] = undefined;
  }
}

/**
 * Symbolic data of the reordered matrix. Columns [0, nBand) form the band, handled in a ring of
 * width W; columns [nBand, n) are the border: the variables of dense rows, kept as a short
 * dense tail of every front row so they never widen the band.
 */
interface Symbolic {
  perm: Int32Array;
  inv: Int32Array;
  nBand: number;
  /** First/last band column of each (permuted) row; first = nBand, last = −1 without band entries. */
  first: Int32Array;
  last: Int32Array;
  /** Rows bucketed by first column (0..nBand): rows startPtr[k]..startPtr[k+1]-1 of byFirst. */
  startPtr: Int32Array;
  byFirst: Int32Array;
  /** Ring width of the sparse rows' band storage. */
  width: number;
  maxActive: number;
  nDense: number;
  /** Row equilibration: row i of A is multiplied by rowScale[i] (1 / its largest |re|, |im|). */
  rowScale: Float64Array;
  /** Dense-row flag per original row. */
  dense: Uint8Array;
  /** Largest |re|, |im| of each (permuted) column after row equilibration: the singularity scale. */
  colMax: Float64Array;
}

/**
 * Rows with more than max(32, 10 × the mean row count) entries (e.g. a trace condition). The
 * ordering ignores them and puts their variables in the border; in the front they stay active
 * and pivot only when no sparse row offers an acceptable pivot.
 */
function denseRows(A: CsrMatrix): Uint8Array {
  const n = A.rows;
  const limit = Math.max(32, (10 * A.rowPtr[n]!) / Math.max(1, n));
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (A.rowPtr[i + 1]! - A.rowPtr[i]! > limit) flags[i] = 1;
  return flags;
}

function ordering(A: CsrMatrix, kind: "rcm" | "natural", dense: Uint8Array): { perm: Int32Array; nBand: number } {
  const n = A.rows;
  const rcm = kind === "natural" ? Int32Array.from({ length: n }, (_, k) => k) : rcmOrdering(A, { ignoreRows: dense });
  const perm = new Int32Array(n);
  let t = 0;
  for (const v of rcm) if (!dense[v]) perm[t++] = v;
  const nBand = t;
  for (let v = 0; v < n; v++) if (dense[v]) perm[t++] = v;
  return { perm, nBand };
}

function symbolic(A: CsrMatrix, kind: "rcm" | "natural"): Symbolic {
  const n = A.rows;
  const dense = denseRows(A);
  const { perm, nBand } = ordering(A, kind, dense);
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]!] = k;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const rowScale = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = perm[r]!;
    let f = nBand;
    let l = -1;
    let rowMax = 0;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const c = inv[A.colIdx[p]!]!;
      if (c < nBand) {
        if (c < f) f = c;
        if (c > l) l = c;
      }
      rowMax = Math.max(rowMax, Math.abs(A.data[2 * p]!), Math.abs(A.data[2 * p + 1]!));
    }
    if (rowMax === 0) throw new SolverError(`sparseLuSolve: matrix is singular (row ${i} has no nonzero entries)`);
    first[r] = f;
    last[r] = l;
    rowScale[i] = 1 / rowMax;
  }
  const colMax = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const c = inv[A.colIdx[p]!]!;
      const v = Math.max(Math.abs(A.data[2 * p]!), Math.abs(A.data[2 * p + 1]!)) * rowScale[i]!;
      if (v > colMax[c]!) colMax[c] = v;
    }
  }
  const startPtr = new Int32Array(nBand + 2);
  for (let r = 0; r < n; r++) startPtr[first[r]! + 1] = (startPtr[first[r]! + 1]!) + 1;
  for (let k = 0; k <= nBand; k++) startPtr[k + 1] = startPtr[k + 1]! + startPtr[k]!;
  const byFirst = new Int32Array(n);
  const at = startPtr.slice(0, nBand + 1);
  for (let r = 0; r < n; r++) {
    const f = first[r]!;
    byFirst[at[f]!] = r;
    at[f] = at[f]! + 1;
  }
  let width = 1;
  let maxActive = 0;
  let reach = -1;
  for (let k = 0; k <= nBand; k++) {
    for (let t = startPtr[k]!; t < startPtr[k + 1]!; t++) {
      const r = byFirst[t]!;
      // Dense rows are stored at full width, outside the ring, so they do not set its width.
      if (!dense[perm[r]!]) reach = Math.max(reach, last[r]!);
    }
    if (k < nBand) width = Math.max(width, reach - k + 1);
    maxActive = Math.max(maxActive, startPtr[k + 1]! - k);
  }
  return { perm, inv, nBand, first, last, startPtr, byFirst, width, maxActive, nDense: n - nBand, rowScale, dense, colMax };
}

/**
 * Factor a square complex CSR matrix for repeated solves. Rows are equilibrated (scaled to
 * max |re|, |im| = 1) before elimination.
 * @throws InputError for a non-square matrix or non-finite entries; SolverError when the matrix
 *   is (numerically) singular — no pivot above n·ε times its column's scale in the equilibrated matrix —
 *   or its front is too wide to store (split it with `connectedComponents`, or use `bicgstab`).
 */
export function sparseLuFactor(A: CsrMatrix, options: SparseLuOptions = {}): SparseLu {
  return factor(A, options, false);
}

/**
 * `sparseLuFactor`; with `transient`, L and U are built in module-level buffers that the next
 * transient factorisation reuses, so the caller must be done with this one before that (as
 * `sparseLuSolve` is): a one-shot solve then allocates (and the collector frees) no factor storage.
 */
function factor(A: CsrMatrix, options: SparseLuOptions, transient: boolean): SparseLu {
  checkCsr("A", A);
  if (A.rows !== A.cols) throw InputError.of("A", "a square CSR matrix", `~${A.rows}x${A.cols}`);
  for (let k = 0; k < A.data.length; k++) {
    if (!Number.isFinite(A.data[k])) throw InputError.of(`A.data[${k}]`, "a finite number", A.data[k]);
  }
  const tau = options.pivotThreshold ?? 0.1;
  const kernel = options.kernel ?? "simd";
  if (kernel !== "simd" && kernel !== "scalar") throw InputError.of("options.kernel", "'simd' or 'scalar'", kernel);
  const simd = kernel === "simd";
  if (!(tau > 0 && tau <= 1)) throw InputError.of("options.pivotThreshold", "a number in (0, 1]", tau);
  const n = A.rows;
  if (n === 0) return { n, nnzFactors: 0, solve: (_b, out) => out ?? new Float64Array(0) };
  const sym = symbolic(A, options.ordering ?? "rcm");
  const slot = 2 * sym.width + 2 * (n - sym.nBand);
  if (sym.maxActive * slot + sym.nDense * 2 * n > MAX_FRONT_DOUBLES) {
    throw new SolverError(`sparseLuSolve: front of ${sym.maxActive} rows × ${slot / 2} columns (+ ${sym.nDense} dense rows) exceeds the ${(MAX_FRONT_DOUBLES * 8) / 2 ** 30} GiB limit; split the system with connectedComponents/csrSubmatrix or use bicgstab with ilu0`);
  }
  try {
    return numeric(A, sym, tau, simd, transient);
  } catch (e) {
    if (!(e instanceof RingOverflow)) throw e;
    // A dense row had to pivot inside the band: its fill is wider than the ring. Redo the
    // factorisation with the ring as wide as the band (no wrap), within the same memory limit.
    const full = { ...sym, width: sym.nBand };
    if (full.maxActive * (2 * full.width + 2 * (n - sym.nBand)) + sym.nDense * 2 * n > MAX_FRONT_DOUBLES) {
      throw new SolverError(`sparseLuSolve: a dense row had to be used as pivot and the widened front (${full.maxActive} rows × ${full.width} columns) exceeds the memory limit; use bicgstab with ilu0`);
    }
    return numeric(A, full, tau, simd, transient);
  }
}

/** Internal signal: a pivot row is longer than the sparse rows' ring. */
class RingOverflow extends Error {}

/**
 * Front state. Each active row has a band ring of `rw` columns (W for sparse rows, nBand — no
 * wrap — for dense rows, which live in their own buffer) followed by the nb border columns.
 */
interface Front {
  readonly W: number;
  readonly nb: number;
  readonly nBand: number;
  /** Sparse rows' slots (size 2W + 2nb each) and dense rows' slots (size 2nBand + 2nb each). */
  readonly data: Float64Array;
  readonly denseData: Float64Array;
  readonly row: Int32Array;
  readonly slot: Int32Array;
  /** Offset of the row's slot in its buffer. */
  readonly base: Int32Array;
  /** Last band column that may be nonzero. */
  readonly ext: Int32Array;
  readonly isDense: Int32Array;
  /** Scratch: squared pivot-candidate magnitudes. */
  readonly mag2: Float64Array;
  /** Scratch: where the current column sits in each active row's buffer (set by `choosePivot`). */
  readonly colAt: Int32Array;
  count: number;
}

function bufferOf(f: Front, a: number): Float64Array {
  return f.isDense[a] ? f.denseData : f.data;
}

function numeric(A: CsrMatrix, sym: Symbolic, tau: number, simd: boolean, transient: boolean): SparseLu {
  const n = A.rows;
  const { nBand } = sym;
  const nb = n - nBand;
  const W = sym.width;
  const slotSize = 2 * W + 2 * nb;
  const denseSize = 2 * nBand + 2 * nb;
  // With the SIMD kernels, every slot (sparse, then dense: one address space, so `base` is
  // absolute) and the row tables the kernels read live in their module's memory.
  const mem = simd && sym.maxActive > 0 ? frontMemory(sym.maxActive * slotSize, sym.nDense * denseSize, W + nb, sym.maxActive) : undefined;
  const piv = mem?.pivot;
  const tables = mem ?? {
    base: new Int32Array(sym.maxActive),
    ext: new Int32Array(sym.maxActive),
    isDense: new Int32Array(sym.maxActive),
    mag2: new Float64Array(sym.maxActive),
    colAt: new Int32Array(sym.maxActive),
  };
  const f: Front = {
    W, nb, nBand,
    data: mem?.all ?? new Float64Array(sym.maxActive * slotSize),
    denseData: mem?.all ?? new Float64Array(sym.nDense * denseSize),
    row: new Int32Array(sym.maxActive),
    slot: new Int32Array(sym.maxActive),
    base: tables.base, ext: tables.ext, isDense: tables.isDense, mag2: tables.mag2, colAt: tables.colAt,
    count: 0,
  };
  const denseBase = mem?.denseAt ?? 0;
  const freeSlots = Int32Array.from({ length: sym.maxActive }, (_, s) => sym.maxActive - 1 - s);
  let nFree = sym.maxActive;
  let nextDense = 0;
  const pivRow = new Int32Array(n);
  // Start near the expected fill (about half the ring per row for each factor), so the
  // factors are not copied over and over while they grow; capped at 2^22 entries to begin with.
  const guess = Math.min(2 ** 22, Math.max(8 * n, (n * W) >> 1));
  const L = transient ? pooled(0, guess) : new Growable(guess);
  const lPtr = new Int32Array(n + 1);
  const U = transient ? pooled(1, guess) : new Growable(guess);
  const uStart = new Int32Array(n + 1);
  const uBorder = new Float64Array(2 * n * nb);
  const eps = n * 2 ** -52;
  for (let k = 0; k < n; k++) {
    if (k <= nBand) {
      for (let t = sym.startPtr[k]!; t < sym.startPtr[k + 1]!; t++) {
        const r = sym.byFirst[t]!;
        const a = f.count++;
        const dense = sym.dense[sym.perm[r]!]!;
        const s = dense ? nextDense++ : freeSlots[--nFree]!;
        f.row[a] = r;
        f.slot[a] = s;
        f.base[a] = dense ? denseBase + s * denseSize : s * slotSize;
        f.ext[a] = sym.last[r]!;
        f.isDense[a] = dense;
        scatterRow(A, sym, r, f, a, k);
      }
    }
    const pa = choosePivot(f, k, tau, mem);
    const pBuf = pa < 0 ? f.data : bufferOf(f, pa);
    const pBase = pa < 0 ? 0 : f.base[pa]!;
    const pCo = pa < 0 ? 0 : f.colAt[pa]!;
    const pv = pa < 0 ? 0 : modulus(pBuf[pCo]!, pBuf[pCo + 1]!);
    const tiny = eps * sym.colMax[k]!;
    if (!(pv > tiny)) {
      throw new SolverError(`sparseLuSolve: matrix is singular to working precision (pivot candidate ${pv.toExponential(3)} ≤ n·ε·(column scale) = ${tiny.toExponential(3)} in the row-equilibrated matrix, at elimination step ${k} of ${n})`);
    }
    const pExt = k < nBand ? f.ext[pa]! : k - 1;
    if (pExt - k + 1 > W) throw new RingOverflow();
    const prw = f.isDense[pa] ? nBand : W;
    pivRow[k] = f.row[pa]!;
    // U's row k: the pivot (band or border), band columns k+1..pExt, and the border; clear the slot.
    const len = k < nBand ? pExt - k + 1 : 0;
    U.reserve(len);
    // Columns k..pExt: ring positions k mod prw onwards, then from 0 where they wrap.
    const k0 = k % prw;
    const run1 = Math.min(len, prw - k0);
    // The SIMD kernel reads the pivot row's band columns k+1..pExt, then its border, in one run
    // of `piv` (written here beside U when the kernel is used).
    const uf = U.f64;
    const u0 = 2 * U.n;
    for (let t = 0; t < len; t++) {
      const o = pBase + 2 * (t < run1 ? k0 + t : t - run1);
      const vr = pBuf[o]!;
      const vi = pBuf[o + 1]!;
      uf[u0 + 2 * t] = vr;
      uf[u0 + 2 * t + 1] = vi;
      pBuf[o] = 0;
      pBuf[o + 1] = 0;
      if (piv !== undefined && t > 0) {
        piv[2 * t - 2] = vr;
        piv[2 * t - 1] = vi;
      }
    }
    U.n += len;
    uStart[k + 1] = U.n;
    const bo = 2 * k * nb;
    const pBorder = pBase + 2 * prw;
    const pivBorder = 2 * Math.max(0, pExt - k);
    for (let t = 0; t < 2 * nb; t++) {
      const v = pBuf[pBorder + t]!;
      uBorder[bo + t] = v;
      pBuf[pBorder + t] = 0;
      if (piv !== undefined) piv[pivBorder + t] = v;
    }
    const pr = k < nBand ? (U.f64[2 * uStart[k]!]!) : (uBorder[bo + 2 * (k - nBand)]!);
    const pi = k < nBand ? (U.f64[2 * uStart[k]! + 1]!) : (uBorder[bo + 2 * (k - nBand) + 1]!);
    if (!f.isDense[pa]) freeSlots[nFree++] = f.slot[pa]!;
    f.count--;
    f.row[pa] = f.row[f.count]!;
    f.slot[pa] = f.slot[f.count]!;
    f.base[pa] = f.base[f.count]!;
    f.ext[pa] = f.ext[f.count]!;
    f.isDense[pa] = f.isDense[f.count]!;
    f.colAt[pa] = f.colAt[f.count]!;
    eliminate(f, k, pExt, pr, pi, U.f64, uStart[k]! + 1, uBorder, bo, L, mem);
    lPtr[k + 1] = L.n;
  }
  const lRow = L.i32;
  const lVal = L.f64;
  const uVal = U.f64;
  const factors: Factors = { pivRow, lPtr, lRow, lVal, uStart, uVal, uBorder };
  return {
    n,
    nnzFactors: L.n + U.n + n * nb,
    solve: (b, out = new Float64Array(2 * n)) => solveFactors(sym, factors, b, out),
  };
}

/**
 * Threshold partial pivoting: among rows with |v| ≥ τ·max, the one with the shortest band
 * (least fill). Dense rows compete only when no sparse row reaches 1e-3 of the column maximum.
 */
function choosePivot(f: Front, k: number, tau: number, mem: FrontMemory | undefined): number {
  // Squared magnitudes throughout (Math.hypot is slow and the comparisons need no square root).
  let vAll = 0;
  let vSparse = 0;
  const { mag2, colAt, isDense, base, ext, data, denseData } = f;
  const count = f.count;
  // Column k's place in a sparse row's slot and in a dense row's (no ring): band column c at
  // 2 (c mod W) resp. 2c; border column c at 2 rw + 2 (c − nBand), after the rw band columns.
  const sparseAt = k < f.nBand ? 2 * (k % f.W) : 2 * f.W + 2 * (k - f.nBand);
  const denseAt = 2 * k;
  // The SIMD module runs this function's loops on the tables in its memory (the same doubles).
  if (mem !== undefined) return mem.choosePivot(count, sparseAt, denseAt, tau * tau);
  for (let a = 0; a < count; a++) {
    const dense = isDense[a] === 1;
    const y = dense ? denseData : data;
    const o = base[a]! + (dense ? denseAt : sparseAt);
    colAt[a] = o;
    const re = y[o]!, im = y[o + 1]!;
    const v = re * re + im * im;
    mag2[a] = v;
    if (v > vAll) vAll = v;
    if (!dense && v > vSparse) vSparse = v;
  }
  const sparseOnly = vSparse >= 1e-6 * vAll;
  const limit = tau * tau * (sparseOnly ? vSparse : vAll);
  let pa = -1;
  let paExt = 0;
  for (let a = 0; a < count; a++) {
    if (sparseOnly && isDense[a] === 1) continue;
    const v = mag2[a]!;
    if (v > 0 && v >= limit && (pa < 0 || ext[a]! < paExt)) {
      pa = a;
      paExt = ext[a]!;
    }
  }
  return pa;
}

/**
 * Row r's entries into active slot a, at step k = its first band column (or nBand without band
 * entries). A sparse row's band columns c lie in [k, k + W), so their ring position c mod W is
 * c − k + (k mod W), less W once it passes W: no division per entry.
 */
function scatterRow(A: CsrMatrix, sym: Symbolic, r: number, f: Front, a: number, k: number): void {
  const i = sym.perm[r]!;
  const s = sym.rowScale[i]!;
  const dense = f.isDense[a] === 1;
  const y = dense ? f.denseData : f.data;
  const base = f.base[a]!;
  const nBand = f.nBand;
  const rw = dense ? nBand : f.W;
  const shift = dense ? 0 : (k % f.W) - k;
  const inv = sym.inv;
  for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
    const c = inv[A.colIdx[p]!]!;
    let pos: number;
    if (c < nBand) {
      pos = c + shift;
      if (pos >= rw) pos -= rw;
    } else {
      pos = rw + c - nBand;
    }
    const o = base + 2 * pos;
    y[o] = s * A.data[2 * p]!;
    y[o + 1] = s * A.data[2 * p + 1]!;
  }
}

/**
 * Eliminate column k from every active row with pivot (pr, pi), band row u[uOff..] (columns
 * k+1..pExt) and border row. Sparse rows are updated two at a time so each pivot-row value is
 * loaded once per pair.
 */
function eliminate(f: Front, k: number, pExt: number, pr: number, pi: number, u: Float64Array, uOff: number, uBorder: Float64Array, bo: number, L: Growable, mem: FrontMemory | undefined): void {
  const { W, nb, data } = f;
  const den = pr * pr + pi * pi;
  const ir = pr / den;
  const ii = -pi / den;
  L.reserve(f.count);
  if (mem !== undefined) {
    eliminateSimd(f, k, pExt, ir, ii, u, uOff, uBorder, bo, L, mem);
    return;
  }
  const len = Math.max(0, pExt - k);
  // Sparse rows: band columns k+1..pExt occupy ring positions [s0, W) then [0, …) when they wrap.
  const s0 = (k + 1) % W;
  const firstLen = Math.min(len, W - s0);
  let pending = -1;
  let pr0 = 0;
  let pi0 = 0;
  for (let a = 0; a < f.count; a++) {
    if (f.isDense[a]) {
      eliminateDense(f, a, k, pExt, ir, ii, u, uOff, uBorder, bo, L);
      continue;
    }
    const base = f.base[a]!;
    const co = f.colAt[a]!;
    const vr = data[co]!;
    const vi = data[co + 1]!;
    if (vr === 0 && vi === 0) continue;
    const lr = vr * ir - vi * ii;
    const li = vr * ii + vi * ir;
    L.push(f.row[a]!, lr, li);
    if (len > 0 && pExt > f.ext[a]!) f.ext[a] = pExt;
    data[co] = 0;
    data[co + 1] = 0;
    if (pending < 0) {
      pending = base;
      pr0 = lr;
      pi0 = li;
      continue;
    }
    if (len > 0) {
      axpyNeg2(data, pending + 2 * s0, base + 2 * s0, u, 2 * uOff, firstLen, pr0, pi0, lr, li);
      if (len > firstLen) axpyNeg2(data, pending, base, u, 2 * (uOff + firstLen), len - firstLen, pr0, pi0, lr, li);
    }
    if (nb > 0) axpyNeg2(data, pending + 2 * W, base + 2 * W, uBorder, bo, nb, pr0, pi0, lr, li);
    pending = -1;
  }
  if (pending >= 0) {
    if (len > 0) {
      axpyNeg(data, pending + 2 * s0, u, 2 * uOff, firstLen, pr0, pi0);
      if (len > firstLen) axpyNeg(data, pending, u, 2 * (uOff + firstLen), len - firstLen, pr0, pi0);
    }
    if (nb > 0) axpyNeg(data, pending + 2 * W, uBorder, bo, nb, pr0, pi0);
  }
}

/**
 * `eliminate` with the sparse rows' updates queued for the SIMD kernel (front-simd.ts), one call
 * per step: the same multipliers, fill bookkeeping and bits.
 */
function eliminateSimd(f: Front, k: number, pExt: number, ir: number, ii: number, u: Float64Array, uOff: number, uBorder: Float64Array, bo: number, L: Growable, mem: FrontMemory): void {
  const { W, nb, row, isDense } = f;
  const len = Math.max(0, pExt - k);
  const s0 = (k + 1) % W;
  const firstLen = Math.min(len, W - s0);
  const count = f.count;
  // The module computes the sparse rows' multipliers, clears their column-k entries, widens
  // their bands and queues them; here they are stored in L in row order, dense rows done as in
  // `eliminate` (`eliminateDense`).
  const queued = mem.multipliers(count, ir, ii, pExt, len > 0);
  const { flag, lv } = mem;
  const lRow = L.i32;
  const lVal = L.f64;
  let ln = L.n;
  for (let a = 0; a < count; a++) {
    if (flag[a] === 1) {
      lRow[ln] = row[a]!;
      lVal[2 * ln] = lv[2 * a]!;
      lVal[2 * ln + 1] = lv[2 * a + 1]!;
      ln++;
    } else if (isDense[a] === 1) {
      L.n = ln;
      eliminateDense(f, a, k, pExt, ir, ii, u, uOff, uBorder, bo, L);
      ln = L.n;
    }
  }
  L.n = ln;
  if (queued > 0 && len + nb > 0) mem.eliminate(queued, 16 * s0, firstLen, 0, len - firstLen, 16 * W, nb);
}

/**
 * Dense row a's part of `eliminate`: its multiplier l = v/p (1/p = ir + i ii) into L, its column-k
 * entry cleared and its full-width storage (band columns k+1..pExt contiguous, then the border)
 * updated by −l·u; nothing when its column-k entry is zero.
 */
function eliminateDense(f: Front, a: number, k: number, pExt: number, ir: number, ii: number, u: Float64Array, uOff: number, uBorder: Float64Array, bo: number, L: Growable): void {
  const y = f.denseData;
  const co = f.colAt[a]!;
  const vr = y[co]!;
  const vi = y[co + 1]!;
  if (vr === 0 && vi === 0) return;
  const lr = vr * ir - vi * ii;
  const li = vr * ii + vi * ir;
  L.push(f.row[a]!, lr, li);
  const len = pExt - k;
  if (len > 0 && pExt > f.ext[a]!) f.ext[a] = pExt;
  y[co] = 0;
  y[co + 1] = 0;
  const base = f.base[a]!;
  if (len > 0) axpyNeg(y, base + 2 * (k + 1), u, 2 * uOff, len, lr, li);
  if (f.nb > 0) axpyNeg(y, base + 2 * f.nBand, uBorder, bo, f.nb, lr, li);
}

/** |re + i im| as Math.hypot gives it up to rounding (no overflow or underflow), without its cost. */
function modulus(re: number, im: number): number {
  const a = Math.abs(re), b = Math.abs(im);
  const big = a > b ? a : b;
  if (big === 0) return 0;
  const r = (a > b ? b : a) / big;
  return big * Math.sqrt(1 + r * r);
}

/** y[yo + 2t] −= l·u[uo + 2t] and y[zo + 2t] −= m·u[uo + 2t] for t < len (complex). */
function axpyNeg2(y: Float64Array, yo: number, zo: number, u: Float64Array, uo: number, len: number, lr: number, li: number, mr: number, mi: number): void {
  for (let t = 0; t < 2 * len; t += 2) {
    const ur = u[uo + t]!;
    const ui = u[uo + t + 1]!;
    y[yo + t] = y[yo + t]! - (lr * ur - li * ui);
    y[yo + t + 1] = y[yo + t + 1]! - (lr * ui + li * ur);
    y[zo + t] = y[zo + t]! - (mr * ur - mi * ui);
    y[zo + t + 1] = y[zo + t + 1]! - (mr * ui + mi * ur);
  }
}

/** y[yo + 2t] −= (lr + i li) · u[uo + 2t] for t < m (complex). */
function axpyNeg(y: Float64Array, yo: number, u: Float64Array, uo: number, m: number, lr: number, li: number): void {
  for (let t = 0; t < 2 * m; t += 2) {
    const ur = u[uo + t]!;
    const ui = u[uo + t + 1]!;
    y[yo + t] = y[yo + t]! - (lr * ur - li * ui);
    y[yo + t + 1] = y[yo + t + 1]! - (lr * ui + li * ur);
  }
}

interface Factors {
  pivRow: Int32Array;
  lPtr: Int32Array;
  lRow: Int32Array;
  lVal: Float64Array;
  uStart: Int32Array;
  uVal: Float64Array;
  uBorder: Float64Array;
}

function solveFactors(sym: Symbolic, F: Factors, b: Float64Array, out: Float64Array): Float64Array {
  const n = F.pivRow.length;
  const { nBand } = sym;
  const nb = n - nBand;
  checkVec("b", b, n);
  checkVec("out", out, n);
  // y indexed by permuted row id; z by elimination step.
  const y = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    const i = sym.perm[r]!;
    const s = sym.rowScale[i]!;
    y[2 * r] = s * b[2 * i]!;
    y[2 * r + 1] = s * b[2 * i + 1]!;
  }
  const { pivRow, lPtr, lRow, lVal, uStart, uVal, uBorder } = F;
  const z = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const p = pivRow[k]!;
    const zr = y[2 * p]!;
    const zi = y[2 * p + 1]!;
    z[2 * k] = zr;
    z[2 * k + 1] = zi;
    if (zr === 0 && zi === 0) continue;
    const qEnd = lPtr[k + 1]!;
    for (let q = lPtr[k]!; q < qEnd; q++) {
      const i = lRow[q]!;
      const lr = lVal[2 * q]!;
      const li = lVal[2 * q + 1]!;
      y[2 * i] = y[2 * i]! - (lr * zr - li * zi);
      y[2 * i + 1] = y[2 * i + 1]! - (lr * zi + li * zr);
    }
  }
  // Back substitution: U row k = band columns k..k+len−1 (k < nBand) and the border columns.
  for (let k = n - 1; k >= 0; k--) {
    const s = uStart[k]!;
    const len = uStart[k + 1]! - s;
    let sr = z[2 * k]!;
    let si = z[2 * k + 1]!;
    for (let t = 1; t < len; t++) {
      const ur = uVal[2 * (s + t)]!;
      const ui = uVal[2 * (s + t) + 1]!;
      const xr = z[2 * (k + t)]!;
      const xi = z[2 * (k + t) + 1]!;
      sr -= ur * xr - ui * xi;
      si -= ur * xi + ui * xr;
    }
    const bo = 2 * k * nb;
    for (let t = Math.max(0, k + 1 - nBand); t < nb; t++) {
      const ur = uBorder[bo + 2 * t]!;
      const ui = uBorder[bo + 2 * t + 1]!;
      const xr = z[2 * (nBand + t)]!;
      const xi = z[2 * (nBand + t) + 1]!;
      sr -= ur * xr - ui * xi;
      si -= ur * xi + ui * xr;
    }
    const dr = k < nBand ? uVal[2 * s]! : (uBorder[bo + 2 * (k - nBand)]!);
    const di = k < nBand ? uVal[2 * s + 1]! : (uBorder[bo + 2 * (k - nBand) + 1]!);
    const den = dr * dr + di * di;
    z[2 * k] = (sr * dr + si * di) / den;
    z[2 * k + 1] = (si * dr - sr * di) / den;
  }
  for (let k = 0; k < n; k++) {
    const i = sym.perm[k]!;
    out[2 * i] = z[2 * k]!;
    out[2 * i + 1] = z[2 * k + 1]!;
  }
  return out;
}

/**
 * Normwise backward error at or below which a refinement step is not taken: the residual is then
 * at rounding level (‖b − A x‖∞ ≤ 4ε (‖A‖∞‖x‖∞ + ‖b‖∞)) and a correction would only move the
 * last bits.
 */
const REFINED = 2 ** -50;

/**
 * Solve the complex sparse system A x = b directly (e.g. a Liouvillian steady state with the
 * trace condition in one row), with up to `refine` steps of iterative refinement
 * x += A⁻¹(b − A x), stopping early once the residual is at rounding level (normwise backward
 * error ≤ 4ε). A last guard refuses x when ‖b − A x‖∞ > 1e-8 (‖A‖∞‖x‖∞ + ‖b‖∞): a numerically
 * singular system that slipped past the pivot test.
 * @param A n×n CSR matrix; b n complex entries. Returns a new vector x.
 */
export function sparseLuSolve(A: CsrMatrix, b: Float64Array, options: SparseLuOptions = {}): Float64Array {
  checkCsr("A", A);
  checkVec("b", b, A.rows);
  const refine = options.refine ?? 1;
  if (!Number.isInteger(refine) || refine < 0) throw InputError.of("options.refine", "an integer ≥ 0", refine);
  try {
    const f = factor(A, options, true);
    return refined(A, b, f.solve(b), f, refine);
  } finally {
    trimPool();
  }
}

/** x after up to `refine` refinement steps, checked by the residual guard (see `sparseLuSolve`). */
function refined(A: CsrMatrix, b: Float64Array, x: Float64Array, f: SparseLu, refine: number): Float64Array {
  const r = new Float64Array(2 * A.rows);
  const dx = new Float64Array(2 * A.rows);
  let aMax = 0;
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) s += modulus(A.data[2 * p]!, A.data[2 * p + 1]!);
    aMax = Math.max(aMax, s);
  }
  let bMax = 0;
  for (let k = 0; k < b.length; k++) bMax = Math.max(bMax, Math.abs(b[k]!));
  let res = 0;
  let xMax = 0;
  for (let it = 0; ; it++) {
    csrMatvec(r, A, x);
    res = 0;
    xMax = 0;
    for (let k = 0; k < r.length; k++) {
      r[k] = b[k]! - r[k]!;
      res = Math.max(res, Math.abs(r[k]!));
      xMax = Math.max(xMax, Math.abs(x[k]!));
    }
    if (it === refine || res <= REFINED * (aMax * xMax + bMax)) break;
    f.solve(r, dx);
    for (let k = 0; k < x.length; k++) x[k] = x[k]! + dx[k]!;
  }
  const bound = 1e-8 * (aMax * xMax + bMax);
  if (!(res <= bound)) {
    throw new SolverError(`sparseLuSolve: residual ‖b − A x‖∞ = ${res.toExponential(3)} exceeds 1e-8·(‖A‖‖x‖ + ‖b‖) = ${bound.toExponential(3)}; the matrix is singular or too ill-conditioned for double precision`);
  }
  return x;
}
