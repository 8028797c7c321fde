/**
 * The sparse LU's pivot search and elimination step on WebAssembly SIMD (the search with scalar
 * instructions, in the module so that its loops over the front's rows leave JavaScript; the same
 * comparisons on the same doubles as `choosePivot`). Elimination: every active front row a with multiplier
 * l_a = (lr, li) gets y_a[c] −= l_a · u[c] over the pivot row's columns, one complex entry a lane
 * pair, bit for bit the scalar `axpyNeg` of sparse-lu.ts.
 *
 * With L1 = [lr, lr], L2 = [−li, li] and u = [ur, ui], swap(u) = [ui, ur]:
 *   L1·u + L2·swap(u) = [lr ur + (−li) ui, lr ui + li ur],
 * which equals the scalar (lr ur − li ui, lr ui + li ur) exactly ((−a)·b = −(a·b), and x + (−y) is
 * x − y), and y − that is the scalar's y − (…): no fused multiply-add on either side.
 *
 * A row's columns lie in up to three runs of its slot (the ring's tail [s0, W), its head [0, …)
 * when the pivot row wraps, and the border), each at a byte offset from the row's base; the pivot
 * row's values are one contiguous run read in the same order. Rows go two at a time (each u
 * value loaded and swapped once for both), the last odd one alone. The caller keeps the front (all
 * sparse rows' slots), the pivot row, the rows' base addresses (i32) and their [L1, L2] pairs in
 * the module's memory.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { F64, I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters of `elim(bases, coefs, count, u, d1, n1, d2, n2, d3, n3)` (byte addresses, offsets
// and lengths) and locals.
const BASES = 0;
const COEFS = 1;
const COUNT = 2;
const U = 3;
const SEG = [[4, 5], [6, 7], [8, 9]] as const;
const R = 10;
const END_R = 11;
const BASE = 12;
const P = 13;
const Q = 14;
const E = 15;
const C = 16;
const L1 = 17;
const L2 = 18;
const UU = 19;
const BASE_B = 20;
const P_B = 21;
const L1_B = 22;
const L2_B = 23;
const US = 24;


/** A row the elimination updates: locals of its slot's base, its running pointer and its [L1, L2]. */
interface Row { readonly base: number; readonly p: number; readonly l1: number; readonly l2: number }
const ROW_A: Row = { base: BASE, p: P, l1: L1, l2: L2 };
const ROW_B: Row = { base: BASE_B, p: P_B, l1: L1_B, l2: L2_B };

/**
 * One run for `rows`: y[p] −= L1·u[Q] + L2·swap(u[Q]) for p from the row's base + d over n bytes,
 * Q continuing; each u value loaded and swapped once for all rows.
 */
function run(rows: readonly Row[], d: number, n: number): number[] {
  const [first] = rows;
  const update = ({ p, l1, l2 }: Row): number[] => [
    ...op.get(p),
    ...op.get(p), ...op.v128Load(0),
    ...op.get(l1), ...op.get(UU), ...op.f64x2Mul,
    ...op.get(l2), ...op.get(US), ...op.f64x2Mul,
    ...op.f64x2Add,
    ...op.f64x2Sub,
    ...op.v128Store(0),
    ...op.get(p), ...op.i32(16), ...op.i32Add, ...op.set(p),
  ];
  return [
    ...rows.slice(1).flatMap((r) => [...op.get(r.base), ...op.get(d), ...op.i32Add, ...op.set(r.p)]),
    ...op.get(first!.base), ...op.get(d), ...op.i32Add, ...op.tee(first!.p), ...op.get(n), ...op.i32Add, ...op.set(E),
    ...op.block, ...op.loop,
    ...op.get(first!.p), ...op.get(E), ...op.i32GeS, ...op.brIf(1),
    ...op.get(Q), ...op.v128Load(0), ...op.tee(UU), ...op.get(UU), ...op.swapLanes, ...op.set(US),
    ...rows.flatMap(update),
    ...op.get(Q), ...op.i32(16), ...op.i32Add, ...op.set(Q),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/** The loop over the queued rows, `rows.length` at a time while that many are left. */
function rowLoop(rows: readonly Row[]): number[] {
  const m = rows.length;
  return [
    ...op.block, ...op.loop,
    ...op.get(R), ...(m > 1 ? [...op.i32(4 * (m - 1)), ...op.i32Add] : []), ...op.get(END_R), ...op.i32GeS, ...op.brIf(1),
    ...rows.flatMap((r, t) => [
      ...op.get(R), ...op.i32Load(4 * t), ...op.set(r.base),
      ...op.get(C), ...op.v128Load(32 * t), ...op.set(r.l1),
      ...op.get(C), ...op.v128Load(32 * t + 16), ...op.set(r.l2),
    ]),
    ...op.get(U), ...op.set(Q),
    ...SEG.flatMap(([d, n]) => run(rows, d, n)),
    ...op.get(R), ...op.i32(4 * m), ...op.i32Add, ...op.set(R),
    ...op.get(C), ...op.i32(32 * m), ...op.i32Add, ...op.set(C),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

function elimBody(): number[] {
  return [
    ...op.get(BASES), ...op.tee(R), ...op.get(COUNT), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(END_R),
    ...op.get(COEFS), ...op.set(C),
    // Rows two at a time while two are left, then the last one, if any, alone.
    ...rowLoop([ROW_A, ROW_B]),
    ...rowLoop([ROW_A]),
  ];
}

// `pivot(count, sparseAt, denseAt, tau2, base, dense, ext, colAt, mag2) → row`: parameters
// (i32 but tau2; sparseAt/denseAt byte offsets of the column in a sparse/dense row's slot; the
// rest byte addresses of the front's row tables) and locals.
const PV = { COUNT: 0, SPARSE_AT: 1, DENSE_AT: 2, TAU2: 3, BASE: 4, DENSE: 5, EXT: 6, COL: 7, MAG: 8, A: 9, O: 10, ISD: 11, PA: 12, PAEXT: 13, SONLY: 14, OK: 15 } as const;
const PF = { VALL: 16, VSP: 17, V: 18, RE: 19, IM: 20, LIMIT: 21 } as const;


/** Address of entry `index` (a local; 4 bytes each) of the table at parameter `table`. */
const entry4 = (table: number, index: number): number[] => [...op.get(table), ...op.get(index), ...op.i32(2), ...op.i32Shl, ...op.i32Add];
const at4 = (table: number): number[] => entry4(table, PV.A);

/**
 * `choosePivot` of sparse-lu.ts, the same comparisons on the same doubles: squared magnitudes of
 * column k in every active row (recording each row's column offset), their maxima over all rows
 * and over sparse rows, then the row of shortest band among those ≥ τ²·max (sparse rows only
 * unless none reaches 1e-6 of the overall maximum); −1 when none.
 */
function pivotBody(): number[] {
  const { COUNT, SPARSE_AT, DENSE_AT, TAU2, BASE: TB, DENSE: TD, EXT: TE, COL: TC, MAG: TM, A, O, ISD, PA, PAEXT, SONLY, OK } = PV;
  const { VALL, VSP, V, RE, IM, LIMIT } = PF;
  return [
    ...op.i32(0), ...op.set(A),
    ...op.block, ...op.loop,
    ...op.get(A), ...op.get(COUNT), ...op.i32GeS, ...op.brIf(1),
    ...at4(TD), ...op.i32Load(0), ...op.set(ISD),
    ...at4(TB), ...op.i32Load(0), ...op.i32(3), ...op.i32Shl,
    ...op.get(DENSE_AT), ...op.get(SPARSE_AT), ...op.get(ISD), ...op.select, ...op.i32Add, ...op.set(O),
    ...at4(TC), ...op.get(O), ...op.i32(3), ...op.i32ShrU, ...op.i32Store(0),
    ...op.get(O), ...op.f64Load(0), ...op.set(RE),
    ...op.get(O), ...op.f64Load(8), ...op.set(IM),
    ...op.get(RE), ...op.get(RE), ...op.f64Mul, ...op.get(IM), ...op.get(IM), ...op.f64Mul, ...op.f64Add, ...op.set(V),
    ...op.get(TM), ...op.get(A), ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.get(V), ...op.f64Store(0),
    ...op.get(V), ...op.get(VALL), ...op.get(V), ...op.get(VALL), ...op.f64Gt, ...op.select, ...op.set(VALL),
    ...op.get(V), ...op.get(VSP), ...op.get(V), ...op.get(VSP), ...op.f64Gt, ...op.get(ISD), ...op.i32Eqz, ...op.i32And, ...op.select, ...op.set(VSP),
    ...op.get(A), ...op.i32(1), ...op.i32Add, ...op.set(A),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(VSP), ...op.f64(1e-6), ...op.get(VALL), ...op.f64Mul, ...op.f64Ge, ...op.set(SONLY),
    ...op.get(TAU2), ...op.get(VSP), ...op.get(VALL), ...op.get(SONLY), ...op.select, ...op.f64Mul, ...op.set(LIMIT),
    ...op.i32(-1), ...op.set(PA),
    ...op.i32(0), ...op.set(A),
    ...op.block, ...op.loop,
    ...op.get(A), ...op.get(COUNT), ...op.i32GeS, ...op.brIf(1),
    ...op.get(TM), ...op.get(A), ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.f64Load(0), ...op.set(V),
    // ok = !(sparseOnly && dense) && v > 0 && v ≥ limit && (pa < 0 || ext < paExt)
    ...op.get(SONLY), ...at4(TD), ...op.i32Load(0), ...op.i32And, ...op.i32Eqz,
    ...op.get(V), ...op.f64(0), ...op.f64Gt, ...op.i32And,
    ...op.get(V), ...op.get(LIMIT), ...op.f64Ge, ...op.i32And,
    ...op.get(PA), ...op.i32(0), ...op.i32LtS,
    ...at4(TE), ...op.i32Load(0), ...op.get(PAEXT), ...op.i32LtS, ...op.i32Or, ...op.i32And,
    ...op.set(OK),
    ...op.get(OK), ...op.if,
    ...op.get(A), ...op.set(PA),
    ...at4(TE), ...op.i32Load(0), ...op.set(PAEXT),
    ...op.end,
    ...op.get(A), ...op.i32(1), ...op.i32Add, ...op.set(A),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(PA),
  ];
}

// `mult(count, ir, ii, pExt, grow, base, dense, ext, colAt, flag, lv, bases, coefs) → queued`.
const MU = { COUNT: 0, IR: 1, II: 2, PEXT: 3, GROW: 4, BASE: 5, DENSE: 6, EXT: 7, COL: 8, FLAG: 9, LV: 10, QBASES: 11, QCOEFS: 12, A: 13, O: 14, Q: 15 } as const;
const MF = { VR: 16, VI: 17, LR: 18, LI: 19 } as const;

/** `at4` for `mult`'s row index. */
const mAt4 = (table: number): number[] => entry4(table, MU.A);

/**
 * The multipliers of `eliminateSimd` for the sparse rows (dense ones are left to JavaScript,
 * flag 0): l = v·(ir + i ii) for the row's column-k value v (rows with v = 0 flagged 0 and
 * skipped), the same products and sums as there; stores l per row (lv), clears the column entry,
 * widens the row's band end to pExt when `grow`, and queues the row's slot address and
 * [lr, lr, −li, li] for `elim`. Returns how many rows it queued.
 */
function multBody(): number[] {
  const { COUNT, IR, II, PEXT, GROW, BASE: TB, DENSE: TD, EXT: TE, COL: TC, FLAG: TF, LV, QBASES, QCOEFS, A, O, Q } = MU;
  const { VR, VI, LR, LI } = MF;
  return [
    ...op.block, ...op.loop,
    ...op.get(A), ...op.get(COUNT), ...op.i32GeS, ...op.brIf(1),
    ...mAt4(TF), ...op.i32(0), ...op.i32Store(0),
    ...mAt4(TD), ...op.i32Load(0), ...op.i32Eqz, ...op.if,
    ...mAt4(TC), ...op.i32Load(0), ...op.i32(3), ...op.i32Shl, ...op.set(O),
    ...op.get(O), ...op.f64Load(0), ...op.set(VR),
    ...op.get(O), ...op.f64Load(8), ...op.set(VI),
    ...op.get(VR), ...op.f64(0), ...op.f64Eq, ...op.get(VI), ...op.f64(0), ...op.f64Eq, ...op.i32And, ...op.i32Eqz, ...op.if,
    // lr = vr·ir − vi·ii, li = vr·ii + vi·ir
    ...op.get(VR), ...op.get(IR), ...op.f64Mul, ...op.get(VI), ...op.get(II), ...op.f64Mul, ...op.f64Sub, ...op.set(LR),
    ...op.get(VR), ...op.get(II), ...op.f64Mul, ...op.get(VI), ...op.get(IR), ...op.f64Mul, ...op.f64Add, ...op.set(LI),
    ...mAt4(TF), ...op.i32(1), ...op.i32Store(0),
    ...op.get(LV), ...op.get(A), ...op.i32(4), ...op.i32Shl, ...op.i32Add, ...op.get(LR), ...op.f64Store(0),
    ...op.get(LV), ...op.get(A), ...op.i32(4), ...op.i32Shl, ...op.i32Add, ...op.get(LI), ...op.f64Store(8),
    ...op.get(GROW), ...op.get(PEXT), ...mAt4(TE), ...op.i32Load(0), ...op.i32GtS, ...op.i32And, ...op.if,
    ...mAt4(TE), ...op.get(PEXT), ...op.i32Store(0),
    ...op.end,
    ...op.get(O), ...op.f64(0), ...op.f64Store(0),
    ...op.get(O), ...op.f64(0), ...op.f64Store(8),
    ...op.get(QBASES), ...op.get(Q), ...op.i32(2), ...op.i32Shl, ...op.i32Add,
    ...mAt4(TB), ...op.i32Load(0), ...op.i32(3), ...op.i32Shl, ...op.i32Store(0),
    ...op.get(QCOEFS), ...op.get(Q), ...op.i32(5), ...op.i32Shl, ...op.i32Add, ...op.set(O),
    ...op.get(O), ...op.get(LR), ...op.f64Store(0),
    ...op.get(O), ...op.get(LR), ...op.f64Store(8),
    ...op.get(O), ...op.get(LI), ...op.f64Neg, ...op.f64Store(16),
    ...op.get(O), ...op.get(LI), ...op.f64Store(24),
    ...op.get(Q), ...op.i32(1), ...op.i32Add, ...op.set(Q),
    ...op.end,
    ...op.end,
    ...op.get(A), ...op.i32(1), ...op.i32Add, ...op.set(A),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(Q),
  ];
}

type MultFn = (count: number, ir: number, ii: number, pExt: number, grow: number, base: number, dense: number, ext: number, colAt: number, flag: number, lv: number, bases: number, coefs: number) => number;
type ElimFn = (bases: number, coefs: number, count: number, u: number, d1: number, n1: number, d2: number, n2: number, d3: number, n3: number) => void;
type PivotFn = (count: number, sparseAt: number, denseAt: number, tau2: number, base: number, dense: number, ext: number, colAt: number, mag2: number) => number;

const elimKernel = new WasmKernel(
  () => moduleBytes([
    { name: "elim", params: new Array<number>(10).fill(I32), locals: [[7, I32], [3, V128], [2, I32], [3, V128]], body: elimBody() },
    { name: "pivot", params: [I32, I32, I32, F64, I32, I32, I32, I32, I32], results: [I32], locals: [[7, I32], [6, F64]], body: pivotBody() },
    { name: "mult", params: [I32, F64, F64, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32], results: [I32], locals: [[3, I32], [4, F64]], body: multBody() },
  ]),
  (exports) => ({ elim: exports.elim as ElimFn, pivot: exports.pivot as PivotFn, mult: exports.mult as MultFn }),
);

/**
 * The module's memory for one factorisation, carved as [sparse slots | dense slots | pivot row |
 * coefficients | squared magnitudes | multipliers | bases | the front's row tables], and its
 * three kernels.
 */
export interface FrontMemory {
  /** The whole memory as doubles: slots are addressed from 0 (sparse ones first, zeroed). */
  readonly all: Float64Array;
  /** Where the dense rows' slots begin (doubles). */
  readonly denseAt: number;
  /** The pivot row's values in elimination order (band run(s), then the border). */
  readonly pivot: Float64Array;
  /** The front's row tables (per active row): slot offset in doubles, dense flag, band end, column offset, squared magnitude. */
  readonly base: Int32Array;
  readonly isDense: Int32Array;
  readonly ext: Int32Array;
  readonly colAt: Int32Array;
  readonly mag2: Float64Array;
  /** Per active row after `multipliers`: 1 when it was queued (its l in `lv`), else 0. */
  readonly flag: Int32Array;
  /** Per active row: its multiplier (re, im) after `multipliers`. */
  readonly lv: Float64Array;
  /** The sparse rows' multipliers for pivot (1/p = ir + i ii), queued for `eliminate`; returns the queue's length. */
  multipliers(count: number, ir: number, ii: number, pExt: number, grow: boolean): number;
  /**
   * For the first `count` queued rows: y −= l·u over three runs (byte offsets from each row's
   * slot and lengths in complex entries), u read from `pivot` in order.
   */
  eliminate(count: number, d1: number, n1: number, d2: number, n2: number, d3: number, n3: number): void;
  /** `choosePivot` over the first `count` rows of the tables (column offsets in doubles within a slot). */
  choosePivot(count: number, sparseAt: number, denseAt: number, tau2: number): number;
}

/**
 * Memory and kernels for `frontDoubles` doubles of sparse slots, `denseDoubles` of dense ones,
 * pivot rows of `pivotLen` complex entries and `rows` active rows; undefined without WebAssembly
 * SIMD (or when it does not fit).
 */
export function frontMemory(frontDoubles: number, denseDoubles: number, pivotLen: number, rows: number): FrontMemory | undefined {
  const even = (x: number): number => x + (x & 1);
  const denseAt = even(frontDoubles);
  const pivotAt = even(denseAt + denseDoubles);
  const coefAt = pivotAt + 2 * pivotLen;
  const magAt = coefAt + 4 * rows;
  const lvAt = magAt + rows;
  const intsAt = lvAt + 2 * rows;
  const doubles = intsAt + Math.ceil((6 * rows) / 2) + 2;
  const ker = elimKernel.scratch(8 * doubles);
  if (ker === undefined) return undefined;
  const { fns: { elim, pivot, mult }, f64 } = ker;
  f64.fill(0, 0, pivotAt);
  const ints = (t: number): Int32Array => new Int32Array(f64.buffer, 8 * intsAt + 4 * t * rows, rows);
  // Written and read by the module only: per queued row its slot's byte address and [lr, lr, −li, li].
  const bases = ints(0);
  const coefs = f64.subarray(coefAt, coefAt + 4 * rows);
  const pivotRow = f64.subarray(pivotAt, pivotAt + 2 * pivotLen);
  const mem = {
    all: f64,
    denseAt,
    pivot: pivotRow,
    base: ints(1),
    isDense: ints(2),
    ext: ints(3),
    colAt: ints(4),
    mag2: f64.subarray(magAt, magAt + rows),
    flag: ints(5),
    lv: f64.subarray(lvAt, lvAt + 2 * rows),
  };
  // The module's pointers are the tables' byte offsets (f64 views the memory from byte 0).
  const [baseB, denseB, extB, colB, magB, flagB, lvB, basesB, coefsB, pivotB] =
    [mem.base, mem.isDense, mem.ext, mem.colAt, mem.mag2, mem.flag, mem.lv, bases, coefs, pivotRow].map((t) => t.byteOffset);
  return {
    ...mem,
    multipliers(count, ir, ii, pExt, grow) {
      return mult(count, ir, ii, pExt, grow ? 1 : 0, baseB!, denseB!, extB!, colB!, flagB!, lvB!, basesB!, coefsB!);
    },
    eliminate(count, d1, n1, d2, n2, d3, n3) {
      elim(basesB!, coefsB!, count, pivotB!, d1, 16 * n1, d2, 16 * n2, d3, 16 * n3);
    },
    choosePivot(count, sparseAt, denseAtCol, tau2) {
      return pivot(count, 8 * sparseAt, 8 * denseAtCol, tau2, baseB!, denseB!, extB!, colB!, magB!);
    },
  };
}
