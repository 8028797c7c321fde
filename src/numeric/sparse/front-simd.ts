/**
 * The sparse LU's elimination step on WebAssembly SIMD: every active front row a with multiplier
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
import { I32, moduleBytes, op, u32, V128 } from "../wasm/module-bytes.js";

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

const simd = {
  i32Load: (offset: number) => [0x28, 2, ...u32(offset)],
  v128Store: (offset: number) => [0xfd, 0x0b, 4, ...u32(offset)],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  /** i8x16.shuffle of a vector with itself: its two doubles swapped. */
  swap: [0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7],
};

/** One run: y[P] −= L1·u[Q] + L2·swap(u[Q]) for P from BASE + d over n bytes, Q continuing. */
function run(d: number, n: number): number[] {
  return [
    ...op.get(BASE), ...op.get(d), ...op.i32Add, ...op.tee(P), ...op.get(n), ...op.i32Add, ...op.set(E),
    ...op.block, ...op.loop,
    ...op.get(P), ...op.get(E), ...op.i32GeS, ...op.brIf(1),
    ...op.get(P),
    ...op.get(P), ...op.v128Load(0),
    ...op.get(L1), ...op.get(Q), ...op.v128Load(0), ...op.tee(UU), ...op.f64x2Mul,
    ...op.get(L2), ...op.get(UU), ...op.get(UU), ...simd.swap, ...op.f64x2Mul,
    ...op.f64x2Add,
    ...simd.f64x2Sub,
    ...simd.v128Store(0),
    ...op.get(P), ...op.i32(16), ...op.i32Add, ...op.set(P),
    ...op.get(Q), ...op.i32(16), ...op.i32Add, ...op.set(Q),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/** The same run for two rows (bases BASE and BASE_B), each u value loaded and swapped once. */
function runPair(d: number, n: number): number[] {
  const update = (p: number, l1: number, l2: number): number[] => [
    ...op.get(p),
    ...op.get(p), ...op.v128Load(0),
    ...op.get(l1), ...op.get(UU), ...op.f64x2Mul,
    ...op.get(l2), ...op.get(US), ...op.f64x2Mul,
    ...op.f64x2Add,
    ...simd.f64x2Sub,
    ...simd.v128Store(0),
    ...op.get(p), ...op.i32(16), ...op.i32Add, ...op.set(p),
  ];
  return [
    ...op.get(BASE_B), ...op.get(d), ...op.i32Add, ...op.set(P_B),
    ...op.get(BASE), ...op.get(d), ...op.i32Add, ...op.tee(P), ...op.get(n), ...op.i32Add, ...op.set(E),
    ...op.block, ...op.loop,
    ...op.get(P), ...op.get(E), ...op.i32GeS, ...op.brIf(1),
    ...op.get(Q), ...op.v128Load(0), ...op.tee(UU), ...op.get(UU), ...simd.swap, ...op.set(US),
    ...update(P, L1, L2),
    ...update(P_B, L1_B, L2_B),
    ...op.get(Q), ...op.i32(16), ...op.i32Add, ...op.set(Q),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

function elimBody(): number[] {
  return [
    ...op.get(BASES), ...op.tee(R), ...op.get(COUNT), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(END_R),
    ...op.get(COEFS), ...op.set(C),
    // Rows two at a time while two are left.
    ...op.block, ...op.loop,
    ...op.get(R), ...op.i32(4), ...op.i32Add, ...op.get(END_R), ...op.i32GeS, ...op.brIf(1),
    ...op.get(R), ...simd.i32Load(0), ...op.set(BASE),
    ...op.get(R), ...simd.i32Load(4), ...op.set(BASE_B),
    ...op.get(C), ...op.v128Load(0), ...op.set(L1),
    ...op.get(C), ...op.v128Load(16), ...op.set(L2),
    ...op.get(C), ...op.v128Load(32), ...op.set(L1_B),
    ...op.get(C), ...op.v128Load(48), ...op.set(L2_B),
    ...op.get(U), ...op.set(Q),
    ...runPair(SEG[0][0], SEG[0][1]),
    ...runPair(SEG[1][0], SEG[1][1]),
    ...runPair(SEG[2][0], SEG[2][1]),
    ...op.get(R), ...op.i32(8), ...op.i32Add, ...op.set(R),
    ...op.get(C), ...op.i32(64), ...op.i32Add, ...op.set(C),
    ...op.br(0),
    ...op.end, ...op.end,
    // The last row, if any, alone.
    ...op.block, ...op.loop,
    ...op.get(R), ...op.get(END_R), ...op.i32GeS, ...op.brIf(1),
    ...op.get(R), ...simd.i32Load(0), ...op.set(BASE),
    ...op.get(C), ...op.v128Load(0), ...op.set(L1),
    ...op.get(C), ...op.v128Load(16), ...op.set(L2),
    ...op.get(U), ...op.set(Q),
    ...run(SEG[0][0], SEG[0][1]),
    ...run(SEG[1][0], SEG[1][1]),
    ...run(SEG[2][0], SEG[2][1]),
    ...op.get(R), ...op.i32(4), ...op.i32Add, ...op.set(R),
    ...op.get(C), ...op.i32(32), ...op.i32Add, ...op.set(C),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type ElimFn = (bases: number, coefs: number, count: number, u: number, d1: number, n1: number, d2: number, n2: number, d3: number, n3: number) => void;

const elimKernel = new WasmKernel(
  () => moduleBytes([{ name: "elim", params: new Array<number>(10).fill(I32), locals: [[7, I32], [3, V128], [2, I32], [3, V128]], body: elimBody() }]),
  (exports) => exports.elim as ElimFn,
);

/**
 * The module's memory for one factorisation, carved as [front | pivot row | coefficients | bases],
 * and its elimination step.
 */
export interface FrontMemory {
  /** The sparse rows' slots (zeroed), `frontDoubles` doubles from byte 0. */
  readonly front: Float64Array;
  /** The pivot row's values in elimination order (band run(s), then the border). */
  readonly pivot: Float64Array;
  /** Per queued row: [lr, lr, −li, li]. */
  readonly coefs: Float64Array;
  /** Per queued row: the byte address of its slot. */
  readonly bases: Int32Array;
  /**
   * For the first `count` queued rows: y −= l·u over three runs (byte offsets from each row's
   * slot and lengths in complex entries), u read from `pivot` in order.
   */
  eliminate(count: number, d1: number, n1: number, d2: number, n2: number, d3: number, n3: number): void;
}

/** Memory and kernel for a front of `frontDoubles` doubles, pivot rows of `pivotLen` complex entries and `rows` queued rows; undefined without WebAssembly SIMD (or when it does not fit). */
export function frontMemory(frontDoubles: number, pivotLen: number, rows: number): FrontMemory | undefined {
  const pivotAt = frontDoubles + (frontDoubles & 1);
  const coefAt = pivotAt + 2 * pivotLen;
  const basesAt = coefAt + 4 * rows;
  const doubles = basesAt + Math.ceil(rows / 2) + 2;
  const ker = elimKernel.scratch(8 * doubles);
  if (ker === undefined) return undefined;
  const { fns: elim, f64 } = ker;
  f64.fill(0, 0, frontDoubles);
  const bases = new Int32Array(f64.buffer, 8 * basesAt, rows);
  return {
    front: f64.subarray(0, frontDoubles),
    pivot: f64.subarray(pivotAt, pivotAt + 2 * pivotLen),
    coefs: f64.subarray(coefAt, coefAt + 4 * rows),
    bases,
    eliminate(count, d1, n1, d2, n2, d3, n3) {
      elim(8 * basesAt, 8 * coefAt, count, 8 * pivotAt, d1, 16 * n1, d2, 16 * n2, d3, 16 * n3);
    },
  };
}
