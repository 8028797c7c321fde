/**
 * The Householder tridiagonalisation's rank-2 update of the lower triangle,
 *   A_ij −= u_i conj(q_j) + q_i conj(u_j)   (s ≤ j ≤ i < n),
 * with WebAssembly SIMD, bit for bit `rank2UpdateLower` in tridiagonal.ts.
 *
 * One complex entry a lane pair: with q_j = [w_r, w_i] and its swap [w_i, w_r],
 *   u_i conj(q_j) = [u_r, −u_r]·[w_r, w_i] + [u_i, u_i]·[w_i, w_r],
 * lane 0 u_r w_r + u_i w_i and lane 1 (−u_r w_i) + u_i w_r, which equal the scalar
 * (u_r w_r + u_i w_i, u_i w_r − u_r w_i) exactly (a sum does not depend on its order of two terms,
 * and (−x) + y is y − x). A_ij becomes (A_ij − u_i conj(q_j)) − q_i conj(u_j) as there.
 *
 * A (n×n interleaved, row-major) lives in the module's memory at byte 0 for the whole reduction;
 * per step the caller writes [q_j, swap q_j, u_j, swap u_j] (64 bytes a column j) and per row
 * [u_r, −u_r], [u_i, u_i], [q_r, −q_r], [q_i, q_i] (64 bytes a row i). Where WebAssembly SIMD is
 * missing, `rank2Rows` returns undefined and the scalar update runs.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters and locals of `rank2(rowBytes, cols, coef, s, n)`: cols the per-column vectors,
// coef the per-row vectors (both indexed from 0 = column / row s); byte addresses.
const RB = 0;
const COLS = 1;
const COEF = 2;
const S = 3;
const N = 4;
const I = 5;
const PA = 6;
const END = 7;
const PV = 8;
const PC = 9;
const W = [10, 11, 12, 13] as const;

const simd = {
  v128Store: (offset: number) => [0xfd, 0x0b, 4, offset],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  i32Mul: [0x6c],
};

function rank2Body(): number[] {
  const loadW: number[] = [];
  for (let q = 0; q < 4; q++) loadW.push(...op.get(PC), ...op.v128Load(16 * q), ...op.set(W[q]!));
  return [
    ...op.get(S), ...op.set(I),
    ...op.get(COEF), ...op.set(PC),
    ...op.block, ...op.loop,
    ...op.get(I), ...op.get(N), ...op.i32GeS, ...op.brIf(1),
    ...loadW,
    // PA = row i, column s; END = row i, column i + 1.
    ...op.get(I), ...op.get(RB), ...simd.i32Mul, ...op.tee(END), ...op.get(S), ...op.i32(16), ...simd.i32Mul, ...op.i32Add, ...op.set(PA),
    ...op.get(END), ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.i32(16), ...simd.i32Mul, ...op.i32Add, ...op.set(END),
    ...op.get(COLS), ...op.set(PV),
    ...op.loop,
    ...op.get(PA),
    ...op.get(PA), ...op.v128Load(0),
    ...op.get(W[0]!), ...op.get(PV), ...op.v128Load(0), ...op.f64x2Mul, ...op.get(W[1]!), ...op.get(PV), ...op.v128Load(16), ...op.f64x2Mul, ...op.f64x2Add,
    ...simd.f64x2Sub,
    ...op.get(W[2]!), ...op.get(PV), ...op.v128Load(32), ...op.f64x2Mul, ...op.get(W[3]!), ...op.get(PV), ...op.v128Load(48), ...op.f64x2Mul, ...op.f64x2Add,
    ...simd.f64x2Sub,
    ...simd.v128Store(0),
    ...op.get(PV), ...op.i32(64), ...op.i32Add, ...op.set(PV),
    ...op.get(PA), ...op.i32(16), ...op.i32Add, ...op.tee(PA), ...op.get(END), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.get(PC), ...op.i32(64), ...op.i32Add, ...op.set(PC),
    ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type Rank2Fn = (rowBytes: number, cols: number, coef: number, s: number, n: number) => void;

const rank2Kernel = new WasmKernel(
  () => moduleBytes([{ name: "rank2", params: [I32, I32, I32, I32, I32], locals: [[5, I32], [4, V128]], body: rank2Body() }]),
  (exports) => exports.rank2 as Rank2Fn,
);

/** The module's memory for one reduction of order n, and its update. */
export interface Rank2Rows {
  /** A (n×n interleaved, row-major). */
  readonly a: Float64Array;
  /** A_ij −= u_i conj(q_j) + q_i conj(u_j) for s ≤ j ≤ i < n; u is row `rowU`/(2n) of A from column s. */
  update(s: number, rowU: number, q: Float64Array): void;
}

/** Memory and update for order n; undefined where WebAssembly SIMD is missing. */
export function rank2Rows(n: number): Rank2Rows | undefined {
  const doubles = 2 * n * n + 16 * n;
  const scratch = n === 0 ? undefined : rank2Kernel.scratch(8 * doubles);
  if (scratch === undefined) return undefined;
  const { fns: rank2, f64 } = scratch;
  const a = f64.subarray(0, 2 * n * n);
  const colsAt = 2 * n * n;
  const coefAt = colsAt + 8 * n;
  return {
    a,
    update(s: number, rowU: number, q: Float64Array): void {
      for (let j = s; j < n; j++) {
        const o = colsAt + 8 * (j - s);
        const wr = q[2 * j]!;
        const wi = q[2 * j + 1]!;
        const vr = f64[rowU + 2 * j]!;
        const vi = f64[rowU + 2 * j + 1]!;
        f64[o] = wr;
        f64[o + 1] = wi;
        f64[o + 2] = wi;
        f64[o + 3] = wr;
        f64[o + 4] = vr;
        f64[o + 5] = vi;
        f64[o + 6] = vi;
        f64[o + 7] = vr;
        const c = coefAt + 8 * (j - s);
        f64[c] = vr;
        f64[c + 1] = -vr;
        f64[c + 2] = vi;
        f64[c + 3] = vi;
        f64[c + 4] = wr;
        f64[c + 5] = -wr;
        f64[c + 6] = wi;
        f64[c + 7] = wi;
      }
      rank2(16 * n, 8 * colsAt, 8 * coefAt, s, n);
    },
  };
}
