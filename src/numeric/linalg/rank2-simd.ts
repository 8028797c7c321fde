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
    ...op.get(I), ...op.get(RB), ...op.i32Mul, ...op.tee(END), ...op.get(S), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.set(PA),
    ...op.get(END), ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.set(END),
    ...op.get(COLS), ...op.set(PV),
    ...op.loop,
    ...op.get(PA),
    ...op.get(PA), ...op.v128Load(0),
    ...op.get(W[0]!), ...op.get(PV), ...op.v128Load(0), ...op.f64x2Mul, ...op.get(W[1]!), ...op.get(PV), ...op.v128Load(16), ...op.f64x2Mul, ...op.f64x2Add,
    ...op.f64x2Sub,
    ...op.get(W[2]!), ...op.get(PV), ...op.v128Load(32), ...op.f64x2Mul, ...op.get(W[3]!), ...op.get(PV), ...op.v128Load(48), ...op.f64x2Mul, ...op.f64x2Add,
    ...op.f64x2Sub,
    ...op.v128Store(0),
    ...op.get(PV), ...op.i32(64), ...op.i32Add, ...op.set(PV),
    ...op.get(PA), ...op.i32(16), ...op.i32Add, ...op.tee(PA), ...op.get(END), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.get(PC), ...op.i32(64), ...op.i32Add, ...op.set(PC),
    ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

// Parameters and locals of `matvec(rowBytes, cols, coef, p, u, s, n)`: cols holds per column j
// [v_r, v_r, −v_i, v_i] and coef per row i [u_r, −u_r, u_i, u_i] (32 bytes each, from j = i = s),
// p the output vector and u row `rowU` of A (its column j at u + 16 j); byte addresses.
const MV = { RB: 0, COLS: 1, COEF: 2, P: 3, U: 4, S: 5, N: 6, I: 7, RI: 8, RI1: 9, J: 10, PC: 11, PP: 12, END: 13, CI: 14 } as const;
const MVV = { S: 15, T: 16, X: 17, Y: 18, XS: 19, YS: 20, VR: 21, VI: 22, CU: 23, CUI: 24, CW: 25, CWI: 26 } as const;

const swap = [0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
const f64x2Splat = [0xfd, 0x14];

/** a·b + c·d as f64x2 (locals), the products' sum in this order. */
const mulAdd = (a: number, b: number, c: number, d: number): number[] => [
  ...op.get(a), ...op.get(b), ...op.f64x2Mul, ...op.get(c), ...op.get(d), ...op.f64x2Mul, ...op.f64x2Add,
];

/**
 * `hermitianMatvecLower`'s row pairs (i, i + 1) for i = s, s + 2, … while i + 1 < n, bit for bit:
 * with X = A_ij, Y = A_{i+1,j}, swap(X) = [x_i, x_r] and the column vectors V_R = [v_r, v_r],
 * V_I = [−v_i, v_i],
 *   X·V_R + swap(X)·V_I = [x_r v_r − x_i v_i, x_i v_r + x_r v_i]        (= the scalar A_ij v_j),
 *   X·C_U + swap(X)·C_UI = [x_r u_r + x_i u_i, −x_i u_r + x_r u_i]     (= conj(A_ij) u_i),
 * with C_U = [u_r, −u_r], C_UI = [u_i, u_i]; (−a)·b = −(a·b), x + (−y) = x − y and a two-term sum
 * does not depend on its order, so each lane is the scalar's value. p_j becomes
 * (p_j + conj(A_ij) u_i) + conj(A_{i+1,j}) u_{i+1}, and the pair's own terms follow as there.
 */
function matvecBody(): number[] {
  const { RB, COLS, COEF, P, U, S, N, I, RI, RI1, J, PC, PP, END, CI } = MV;
  const V = MVV;
  return [
    ...op.get(S), ...op.set(I),
    ...op.get(COEF), ...op.set(CI),
    ...op.block, ...op.loop,
    ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.get(N), ...op.i32GeS, ...op.brIf(1),
    // Rows i and i + 1 (byte offsets of their column 0); the row constants of u_i and u_{i+1}.
    ...op.get(I), ...op.get(RB), ...op.i32Mul, ...op.tee(RI), ...op.get(RB), ...op.i32Add, ...op.set(RI1),
    ...op.get(CI), ...op.v128Load(0), ...op.set(V.CU),
    ...op.get(CI), ...op.v128Load(16), ...op.set(V.CUI),
    ...op.get(CI), ...op.v128Load(32), ...op.set(V.CW),
    ...op.get(CI), ...op.v128Load(48), ...op.set(V.CWI),
    // S = Re A_ii · u_i, T = Re A_{i+1,i+1} · u_{i+1}.
    ...op.get(RI), ...op.get(I), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.f64Load(0), ...f64x2Splat,
    ...op.get(U), ...op.get(I), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.v128Load(0), ...op.f64x2Mul, ...op.set(V.S),
    ...op.get(RI1), ...op.get(I), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.f64Load(16), ...f64x2Splat,
    ...op.get(U), ...op.get(I), ...op.i32(16), ...op.i32Mul, ...op.i32Add, ...op.v128Load(16), ...op.f64x2Mul, ...op.set(V.T),
    // j = s … i − 1.
    ...op.get(S), ...op.i32(16), ...op.i32Mul, ...op.set(J),
    ...op.get(I), ...op.i32(16), ...op.i32Mul, ...op.set(END),
    ...op.get(COLS), ...op.set(PC),
    ...op.get(P), ...op.get(J), ...op.i32Add, ...op.set(PP),
    ...op.block, ...op.loop,
    ...op.get(J), ...op.get(END), ...op.i32GeS, ...op.brIf(1),
    ...op.get(RI), ...op.get(J), ...op.i32Add, ...op.v128Load(0), ...op.tee(V.X), ...op.get(V.X), ...swap, ...op.set(V.XS),
    ...op.get(RI1), ...op.get(J), ...op.i32Add, ...op.v128Load(0), ...op.tee(V.Y), ...op.get(V.Y), ...swap, ...op.set(V.YS),
    ...op.get(PC), ...op.v128Load(0), ...op.set(V.VR),
    ...op.get(PC), ...op.v128Load(16), ...op.set(V.VI),
    ...op.get(V.S), ...mulAdd(V.X, V.VR, V.XS, V.VI), ...op.f64x2Add, ...op.set(V.S),
    ...op.get(V.T), ...mulAdd(V.Y, V.VR, V.YS, V.VI), ...op.f64x2Add, ...op.set(V.T),
    ...op.get(PP),
    ...op.get(PP), ...op.v128Load(0), ...mulAdd(V.X, V.CU, V.XS, V.CUI), ...op.f64x2Add,
    ...mulAdd(V.Y, V.CW, V.YS, V.CWI), ...op.f64x2Add,
    ...op.v128Store(0),
    ...op.get(PP), ...op.i32(16), ...op.i32Add, ...op.set(PP),
    ...op.get(PC), ...op.i32(32), ...op.i32Add, ...op.set(PC),
    ...op.get(J), ...op.i32(16), ...op.i32Add, ...op.set(J),
    ...op.br(0),
    ...op.end, ...op.end,
    // Y = A_{i+1,i}: T += A_{i+1,i} u_i (column i's vectors, at PC now), S += conj(A_{i+1,i}) u_{i+1}.
    ...op.get(RI1), ...op.get(END), ...op.i32Add, ...op.v128Load(0), ...op.tee(V.Y), ...op.get(V.Y), ...swap, ...op.set(V.YS),
    ...op.get(PC), ...op.v128Load(0), ...op.set(V.VR),
    ...op.get(PC), ...op.v128Load(16), ...op.set(V.VI),
    ...op.get(V.T), ...mulAdd(V.Y, V.VR, V.YS, V.VI), ...op.f64x2Add, ...op.set(V.T),
    ...op.get(V.S), ...mulAdd(V.Y, V.CW, V.YS, V.CWI), ...op.f64x2Add, ...op.set(V.S),
    // p_i += S, p_{i+1} += T.
    ...op.get(PP), ...op.get(PP), ...op.v128Load(0), ...op.get(V.S), ...op.f64x2Add, ...op.v128Store(0),
    ...op.get(PP), ...op.get(PP), ...op.v128Load(16), ...op.get(V.T), ...op.f64x2Add, ...op.v128Store(16),
    ...op.get(CI), ...op.i32(64), ...op.i32Add, ...op.set(CI),
    ...op.get(I), ...op.i32(2), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type Rank2Fn = (rowBytes: number, cols: number, coef: number, s: number, n: number) => void;
type MatvecFn = (rowBytes: number, cols: number, coef: number, p: number, u: number, s: number, n: number) => void;

const rank2Kernel = new WasmKernel(
  () => moduleBytes([
    { name: "rank2", params: [I32, I32, I32, I32, I32], locals: [[5, I32], [4, V128]], body: rank2Body() },
    { name: "matvec", params: [I32, I32, I32, I32, I32, I32, I32], locals: [[8, I32], [12, V128]], body: matvecBody() },
  ]),
  (exports) => ({ rank2: exports.rank2 as Rank2Fn, matvec: exports.matvec as MatvecFn }),
);

/** The module's memory for one reduction of order n, and its update. */
export interface Rank2Rows {
  /** A (n×n interleaved, row-major). */
  readonly a: Float64Array;
  /** A_ij −= u_i conj(q_j) + q_i conj(u_j) for s ≤ j ≤ i < n; u is row `rowU`/(2n) of A from column s. */
  update(s: number, rowU: number, q: Float64Array): void;
  /** The Hermitian matvec's output vector (2n doubles) in the module's memory. */
  readonly p: Float64Array;
  /**
   * `hermitianMatvecLower`'s row pairs into `p` (zeroed by the caller over s..n−1), bit for bit;
   * returns the first row left (n − 1 when n − s is odd, else n) for the scalar remainder.
   */
  matvecPairs(s: number, rowU: number): number;
}

/** A row's constants of x = xr + i xi for both kernels: [xr, −xr] and [xi, xi] at f64[o..o+3]. */
function rowConstants(f64: Float64Array, o: number, xr: number, xi: number): void {
  f64[o] = xr;
  f64[o + 1] = -xr;
  f64[o + 2] = xi;
  f64[o + 3] = xi;
}

/** Memory and update for order n; undefined where WebAssembly SIMD is missing. */
export function rank2Rows(n: number): Rank2Rows | undefined {
  const doubles = 2 * n * n + 18 * n;
  const scratch = n === 0 ? undefined : rank2Kernel.scratch(8 * doubles);
  if (scratch === undefined) return undefined;
  const { fns: { rank2, matvec }, f64 } = scratch;
  const a = f64.subarray(0, 2 * n * n);
  const colsAt = 2 * n * n;
  const coefAt = colsAt + 8 * n;
  const pAt = coefAt + 8 * n;
  return {
    a,
    p: f64.subarray(pAt, pAt + 2 * n),
    matvecPairs(s: number, rowU: number): number {
      for (let j = s; j < n; j++) {
        const vr = f64[rowU + 2 * j]!;
        const vi = f64[rowU + 2 * j + 1]!;
        const o = colsAt + 4 * (j - s);
        f64[o] = vr;
        f64[o + 1] = vr;
        f64[o + 2] = -vi;
        f64[o + 3] = vi;
        rowConstants(f64, coefAt + 4 * (j - s), vr, vi);
      }
      matvec(16 * n, 8 * colsAt, 8 * coefAt, 8 * pAt, 8 * rowU, s, n);
      return s + 2 * ((n - s) >> 1);
    },
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
        rowConstants(f64, c, vr, vi);
        rowConstants(f64, c + 4, wr, wi);
      }
      rank2(16 * n, 8 * colsAt, 8 * coefAt, s, n);
    },
  };
}
