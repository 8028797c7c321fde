/**
 * The trailing update of `luFactor`'s rank-4 panels with WebAssembly SIMD, bit for bit the scalar
 * `rowSub4` it replaces.
 *
 * For each trailing row i, with c_t = A[i][j+t] (t < 4, the panel's multipliers) and y_t row j+t,
 *   A[i][c] −= c_0·y_0[c] + c_1·y_1[c] + c_2·y_2[c] + c_3·y_3[c]   for columns c in [from, to),
 * summed left to right with each complex product as (re·re − im·im, re·im + im·re), as rowSub4
 * does. A complex entry [x_r, x_i] sits in one lane pair, and c·y = [c_r, c_r]·y + [−c_i, c_i]·swap(y)
 * performs the scalar operations lane by lane (a·(−b) is −(a b) exactly and p + (−q) is p − q
 * exactly). A row whose four multipliers are all zero is skipped, as in rowSub4. The matrix lives in
 * the module's memory while `luFactor` runs; the module is written out byte by byte
 * (numeric/wasm/module-bytes.ts). Where WebAssembly SIMD is missing, `luRows` returns undefined
 * and luFactor keeps its scalar rows.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { F64, I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters and locals of `sub4(w, i0, i1, j, from, to)`: w the row width in bytes (16n), rows
// i0 … i1−1, panel rows j … j+3, columns from … to−1 (complex entries); the matrix at byte 0.
const W = 0;
const I0 = 1;
const I1 = 2;
const J = 3;
const FROM = 4;
const TO = 5;
const ROW = 6;
const YJ = 7;
const P = 8;
const END = 9;
const CA = 10;
const CR = [11, 12, 13, 14] as const;
const CI = [15, 16, 17, 18] as const;
const Y = 19;
const V = 20;
const CRE = 21;
const CIM = 22;
const NZ = 23;

/** [−1, 1] as a v128 constant (little-endian doubles). */
const MINUS_PLUS = [...new Uint8Array(new Float64Array([-1, 1]).buffer)];

function sub4Body(): number[] {
  const coefficients: number[] = [...op.i32(0), ...op.set(NZ)];
  for (let t = 0; t < 4; t++) {
    coefficients.push(...op.get(CA), ...op.f64Load(16 * t), ...op.set(CRE));
    coefficients.push(...op.get(CA), ...op.f64Load(16 * t + 8), ...op.set(CIM));
    coefficients.push(...op.get(NZ), ...op.get(CRE), ...op.f64(0), ...op.f64Ne, ...op.i32Or, ...op.get(CIM), ...op.f64(0), ...op.f64Ne, ...op.i32Or, ...op.set(NZ));
    coefficients.push(...op.get(CRE), ...op.f64x2Splat, ...op.set(CR[t]!));
    coefficients.push(...op.get(CIM), ...op.f64x2Splat, ...op.v128Const(MINUS_PLUS), ...op.f64x2Mul, ...op.set(CI[t]!));
  }
  // v = Σ_t c_t·y_t[P] in rowSub4's order, then A[i][P] −= v.
  const entry: number[] = [];
  for (let t = 0; t < 4; t++) {
    entry.push(...op.get(YJ), ...op.get(P), ...op.i32Add);
    if (t > 0) entry.push(...op.get(W), ...op.i32(t), ...op.i32Mul, ...op.i32Add);
    entry.push(...op.v128Load(0), ...op.set(Y));
    if (t === 0) {
      entry.push(...op.get(CR[0]!), ...op.get(Y), ...op.f64x2Mul);
    } else {
      entry.push(...op.get(V), ...op.get(CR[t]!), ...op.get(Y), ...op.f64x2Mul, ...op.f64x2Add);
    }
    entry.push(...op.get(CI[t]!), ...op.get(Y), ...op.get(Y), ...op.swapLanes, ...op.f64x2Mul, ...op.f64x2Add, ...op.set(V));
  }
  entry.push(...op.get(ROW), ...op.get(P), ...op.i32Add, ...op.get(ROW), ...op.get(P), ...op.i32Add, ...op.v128Load(0), ...op.get(V), ...op.f64x2Sub, ...op.v128Store(0));
  return [
    // YJ = j·w, the first panel row; END = 16·to.
    ...op.get(J), ...op.get(W), ...op.i32Mul, ...op.set(YJ),
    ...op.get(TO), ...op.i32(16), ...op.i32Mul, ...op.set(END),
    ...op.block, ...op.loop,
    ...op.get(I0), ...op.get(I1), ...op.i32GeS, ...op.brIf(1),
    ...op.get(I0), ...op.get(W), ...op.i32Mul, ...op.set(ROW),
    ...op.get(ROW), ...op.get(J), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.set(CA),
    ...coefficients,
    ...op.get(NZ), ...op.if,
    ...op.get(FROM), ...op.i32(16), ...op.i32Mul, ...op.set(P),
    ...op.block, ...op.loop,
    ...op.get(P), ...op.get(END), ...op.i32GeS, ...op.brIf(1),
    ...entry,
    ...op.get(P), ...op.i32(16), ...op.i32Add, ...op.set(P),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.end,
    ...op.get(I0), ...op.i32(1), ...op.i32Add, ...op.set(I0),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type Sub4Fn = (w: number, i0: number, i1: number, j: number, from: number, to: number) => void;

const luKernel = new WasmKernel(
  () => moduleBytes([{ name: "sub4", params: [I32, I32, I32, I32, I32, I32], locals: [[5, I32], [10, V128], [2, F64], [1, I32]], body: sub4Body() }]),
  (exports) => exports.sub4 as Sub4Fn,
);

/** An n×n interleaved matrix in the module's memory, and its rank-4 row update. */
export interface LuRows {
  /** The matrix (2n² doubles, row-major interleaved) at byte 0 of the module's memory. */
  readonly a: Float64Array;
  /** Rows i0 … i1−1, columns from … to−1: A[i] −= Σ_t A[i][j+t]·A[j+t] (t < 4), as rowSub4. */
  sub4(i0: number, i1: number, j: number, from: number, to: number): void;
}

/** Memory for order n with A copied in; undefined where WebAssembly SIMD is missing. */
export function luRows(a: Float64Array, n: number): LuRows | undefined {
  const scratch = n === 0 ? undefined : luKernel.scratch(16 * n * n);
  if (scratch === undefined) return undefined;
  const { fns: sub4, f64 } = scratch;
  const view = f64.subarray(0, 2 * n * n);
  view.set(a.subarray(0, 2 * n * n));
  return { a: view, sub4: (i0, i1, j, from, to) => sub4(16 * n, i0, i1, j, from, to) };
}
