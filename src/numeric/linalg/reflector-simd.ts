/**
 * The two row passes of eigh's back-transformation (two Householder reflectors at a time, see
 * `applyReflectorPair` in eigh.ts) with WebAssembly SIMD, bit for bit the scalar passes.
 *
 * A complex entry x = [x_r, x_i] sits in one lane pair; a complex coefficient w multiplies it as
 *   w·x = [w_r, w_r]·[x_r, x_i] + [−w_i, w_i]·[x_i, x_r],
 * which is the scalar (w_r x_r − w_i x_i, w_r x_i + w_i x_r) operation for operation (a·(−b) is
 * −(a b) exactly, and x + (−y) is x − y exactly), summed in the scalar loop's order. The
 * coefficients of a row pair are written as those lane vectors (128 bytes a pair) before a call.
 *
 *   acc: R1 += w1_i·V_i + w1_{i+1}·V_{i+1},  R2 += w2_i·V_i + w2_{i+1}·V_{i+1}  (w = conj(u))
 *   upd: V_i −= u1_i·S1 + u2_i·S2,  V_{i+1} −= u1_{i+1}·S1 + u2_{i+1}·S2
 *
 * V (n×n complex, row-major), R1/S1 and R2/S2 and the coefficients live in the module's memory;
 * the scalar code works on the same memory through a Float64Array view. The module is written out
 * byte by byte (numeric/wasm/module-bytes.ts); where WebAssembly SIMD is missing, `reflectorRows`
 * returns undefined and eigh keeps its scalar passes.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters and locals of `acc` / `upd` (vp, cp, r1, r2, pairs, rowBytes): vp the first row of
// the pairs, cp their coefficients, r1/r2 the two row vectors; all byte addresses.
const VP = 0;
const CP = 1;
const R1 = 2;
const R2 = 3;
const PAIRS = 4;
const RB = 5;
const P = 6;
const C = 7;
const AD = 8;
const AD2 = 9;
const W = [10, 11, 12, 13, 14, 15, 16, 17] as const;
const X = 18;
const XS = 19;
const Y = 20;
const YS = 21;

const simd = {
  v128Store: (offset: number) => [0xfd, 0x0b, 4, offset],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  /** i8x16.shuffle swapping the two doubles of a vector (with itself as both operands). */
  swap: [0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7],
};

/** w·v for coefficient vectors W[k], W[k+1] and locals v, vs (v swapped). */
function cmul(k: number, v: number, vs: number): number[] {
  return [...op.get(W[k]!), ...op.get(v), ...op.f64x2Mul, ...op.get(W[k + 1]!), ...op.get(vs), ...op.f64x2Mul, ...op.f64x2Add];
}

function body(kind: "acc" | "upd"): number[] {
  const loadW: number[] = [];
  for (let q = 0; q < 8; q++) loadW.push(...op.get(CP), ...op.v128Load(16 * q), ...op.set(W[q]!));
  const inner: number[] = kind === "acc"
    ? [
      ...op.get(VP), ...op.get(C), ...op.i32Add, ...op.tee(AD), ...op.v128Load(0), ...op.tee(X), ...op.get(X), ...simd.swap, ...op.set(XS),
      ...op.get(AD), ...op.get(RB), ...op.i32Add, ...op.v128Load(0), ...op.tee(Y), ...op.get(Y), ...simd.swap, ...op.set(YS),
      // R1 = (R1 + w1_i·x) + w1_{i+1}·y
      ...op.get(R1), ...op.get(C), ...op.i32Add, ...op.tee(AD2),
      ...op.get(AD2), ...op.v128Load(0), ...cmul(0, X, XS), ...op.f64x2Add, ...cmul(4, Y, YS), ...op.f64x2Add, ...simd.v128Store(0),
      ...op.get(R2), ...op.get(C), ...op.i32Add, ...op.tee(AD2),
      ...op.get(AD2), ...op.v128Load(0), ...cmul(2, X, XS), ...op.f64x2Add, ...cmul(6, Y, YS), ...op.f64x2Add, ...simd.v128Store(0),
    ]
    : [
      ...op.get(R1), ...op.get(C), ...op.i32Add, ...op.v128Load(0), ...op.tee(X), ...op.get(X), ...simd.swap, ...op.set(XS),
      ...op.get(R2), ...op.get(C), ...op.i32Add, ...op.v128Load(0), ...op.tee(Y), ...op.get(Y), ...simd.swap, ...op.set(YS),
      // V_i = (V_i − u1_i·s1) − u2_i·s2, then row i+1 the same.
      ...op.get(VP), ...op.get(C), ...op.i32Add, ...op.tee(AD),
      ...op.get(AD), ...op.v128Load(0), ...cmul(0, X, XS), ...simd.f64x2Sub, ...cmul(2, Y, YS), ...simd.f64x2Sub, ...simd.v128Store(0),
      ...op.get(AD), ...op.get(RB), ...op.i32Add, ...op.tee(AD2),
      ...op.get(AD2), ...op.v128Load(0), ...cmul(4, X, XS), ...simd.f64x2Sub, ...cmul(6, Y, YS), ...simd.f64x2Sub, ...simd.v128Store(0),
    ];
  return [
    ...op.i32(0), ...op.set(P),
    ...op.block, ...op.loop,
    ...op.get(P), ...op.get(PAIRS), ...op.i32GeS, ...op.brIf(1),
    ...loadW,
    ...op.i32(0), ...op.set(C),
    ...op.loop,
    ...inner,
    ...op.get(C), ...op.i32(16), ...op.i32Add, ...op.tee(C), ...op.get(RB), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.get(VP), ...op.get(RB), ...op.get(RB), ...op.i32Add, ...op.i32Add, ...op.set(VP),
    ...op.get(CP), ...op.i32(128), ...op.i32Add, ...op.set(CP),
    ...op.get(P), ...op.i32(1), ...op.i32Add, ...op.set(P),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type PassFn = (vp: number, cp: number, r1: number, r2: number, pairs: number, rowBytes: number) => void;

const reflectorKernel = new WasmKernel(
  () => {
    const params = [I32, I32, I32, I32, I32, I32];
    const locals: Array<[number, number]> = [[4, I32], [12, V128]];
    return moduleBytes([{ name: "acc", params, locals, body: body("acc") }, { name: "upd", params, locals, body: body("upd") }]);
  },
  (exports) => ({ acc: exports.acc as PassFn, upd: exports.upd as PassFn }),
);

/** The module's memory for one back-transformation of order n, and its two passes. */
export interface ReflectorRows {
  /** V (n×n interleaved, row-major) at double 0. */
  readonly v: Float64Array;
  /** R1/S1 and R2/S2 (2n doubles each). */
  readonly r1: Float64Array;
  readonly r2: Float64Array;
  /** Coefficients: 16 doubles a row pair, written by the caller before a pass. */
  readonly coef: Float64Array;
  /** R1, R2 += the `pairs` row pairs from row `i` (coefficients conj(u) in `coef`). */
  acc(i: number, pairs: number): void;
  /** Rows from `i`, `pairs` pairs: V −= u1·S1 + u2·S2 (coefficients u in `coef`). */
  upd(i: number, pairs: number): void;
}

/** Memory and passes for order n; undefined where WebAssembly SIMD is missing. */
export function reflectorRows(n: number): ReflectorRows | undefined {
  const doubles = 2 * n * n + 4 * n + 8 * (n + 1);
  const scratch = n === 0 ? undefined : reflectorKernel.scratch(8 * doubles);
  if (scratch === undefined) return undefined;
  const { fns: { acc, upd }, f64 } = scratch;
  const r1At = 2 * n * n;
  const r2At = r1At + 2 * n;
  const coefAt = r2At + 2 * n;
  const rowBytes = 16 * n;
  return {
    v: f64.subarray(0, r1At),
    r1: f64.subarray(r1At, r2At),
    r2: f64.subarray(r2At, coefAt),
    coef: f64.subarray(coefAt, coefAt + 8 * (n + 1)),
    acc: (i, pairs) => acc(i * rowBytes, 8 * coefAt, 8 * r1At, 8 * r2At, pairs, rowBytes),
    upd: (i, pairs) => upd(i * rowBytes, 8 * coefAt, 8 * r1At, 8 * r2At, pairs, rowBytes),
  };
}
