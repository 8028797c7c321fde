/**
 * Dense complex matrix product with WebAssembly SIMD (two doubles per instruction), for the
 * n³ work of expm and friends where `cmatmul`'s scalar loop is the cost.
 *
 * The module keeps the real and imaginary parts apart, two columns per lane pair: with a = A_ip
 * (a lane splat) and B's row p as [Re B_pj, Re B_pj+1] and [Im B_pj, Im B_pj+1],
 *   Re O_ij += Re a·Re B_pj − Im a·Im B_pj,   Im O_ij += Re a·Im B_pj + Im a·Re B_pj,
 * four rows p of B per pass over a row of O (a register tile of 4 × 2 complex products), so each
 * load and store of O carries eight complex multiply-adds. B is packed so that the eight vectors a
 * pass reads for one column pair lie in one 128-byte run; A's columns and B's rows are padded with
 * zeros to a multiple of four, B's columns to a multiple of two.
 *
 * Each entry's sum runs in `cmatmul`'s order (four p at a time, left to right, the real part
 * re·re − im·im, the imaginary part re·im + im·re), so for finite inputs the two agree bit for bit
 * up to the sign of a zero (the padding adds ±0 where `cmatmul` skips). `cmatmul` stays the
 * kernel of code whose fingerprints are pinned; expm uses this one. The module is written out byte
 * by byte (numeric/wasm/module-bytes.ts). Where WebAssembly SIMD is missing, `cmatmulSimd` falls
 * back to `cmatmul`.
 */
import { DimensionError } from "../../errors.js";
import { WasmKernel } from "../wasm/kernel.js";
import { I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";
import { checkMat, checkNoAlias, checkOut } from "./check.js";
import { cmatmul } from "./dense.js";
import type { CMatrix } from "./types.js";

// Parameters and locals of `mm(a, bp, o, m, kg, nj)`: A (m rows of 4·kg complex entries,
// interleaved), packed B (kg groups of four rows × nj column pairs × 128 bytes), O (m rows × nj
// column pairs × 32 bytes: two real parts, then two imaginary parts); all byte addresses.
const PA = 0;
const PB = 1;
const PO0 = 2;
const M = 3;
const KG = 4;
const NJ = 5;
const I = 6;
const AROW = 7;
const OROW = 8;
const Q = 9;
const G = 10;
const PO = 11;
const END = 12;
const AR = [13, 14, 15, 16] as const;
const AI = [17, 18, 19, 20] as const;

/** One lane pair of O: `first` ± Σ_t (AR_t·Q[x_t] ∓ AI_t·Q[y_t]) (re: x = Re B, y = Im B, minus; im: x = Im B, y = Re B, plus). */
function tileHalf(oOffset: number, imaginary: boolean): number[] {
  const body = [...op.get(PO), ...op.get(PO), ...op.v128Load(oOffset)];
  for (let t = 0; t < 4; t++) {
    const re = 32 * t;
    const im = 32 * t + 16;
    body.push(...op.get(AR[t]!), ...op.get(Q), ...op.v128Load(imaginary ? im : re), ...op.f64x2Mul, ...op.f64x2Add);
    body.push(...op.get(AI[t]!), ...op.get(Q), ...op.v128Load(imaginary ? re : im), ...op.f64x2Mul, ...(imaginary ? op.f64x2Add : op.f64x2Sub));
  }
  body.push(...op.v128Store(oOffset));
  return body;
}

function mmBody(): number[] {
  const splats: number[] = [];
  for (let t = 0; t < 4; t++) {
    splats.push(...op.get(AROW), ...op.f64Load(16 * t), ...op.f64x2Splat, ...op.set(AR[t]!));
    splats.push(...op.get(AROW), ...op.f64Load(16 * t + 8), ...op.f64x2Splat, ...op.set(AI[t]!));
  }
  return [
    ...op.get(PA), ...op.set(AROW),
    ...op.get(PO0), ...op.set(OROW),
    ...op.i32(0), ...op.set(I),
    ...op.block, ...op.loop,
    ...op.get(I), ...op.get(M), ...op.i32GeS, ...op.brIf(1),
    ...op.get(PB), ...op.set(Q),
    ...op.get(OROW), ...op.get(NJ), ...op.i32(32), ...op.i32Mul, ...op.i32Add, ...op.set(END),
    ...op.i32(0), ...op.set(G),
    ...op.block, ...op.loop,
    ...op.get(G), ...op.get(KG), ...op.i32GeS, ...op.brIf(1),
    ...splats,
    ...op.get(OROW), ...op.set(PO),
    ...op.loop,
    ...tileHalf(0, false),
    ...tileHalf(16, true),
    ...op.get(Q), ...op.i32(128), ...op.i32Add, ...op.set(Q),
    ...op.get(PO), ...op.i32(32), ...op.i32Add, ...op.tee(PO), ...op.get(END), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.get(AROW), ...op.i32(64), ...op.i32Add, ...op.set(AROW),
    ...op.get(G), ...op.i32(1), ...op.i32Add, ...op.set(G),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(END), ...op.set(OROW),
    ...op.get(I), ...op.i32(1), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type MmFn = (a: number, bp: number, o: number, m: number, kg: number, nj: number) => void;

const mmKernel = new WasmKernel(
  () => moduleBytes([{ name: "mm", params: [I32, I32, I32, I32, I32, I32], locals: [[7, I32], [8, V128]], body: mmBody() }]),
  (exports) => exports.mm as MmFn,
);

/**
 * out = A·B (A: m×k, B: k×n, out: m×n, not aliasing A or B), equal to `cmatmul` (see above).
 * Falls back to `cmatmul` where WebAssembly SIMD is unavailable or the operands do not fit the
 * module's memory.
 */
export function cmatmulSimd(out: CMatrix, A: CMatrix, B: CMatrix): CMatrix {
  checkMat("A", A);
  checkMat("B", B);
  if (A.cols !== B.rows) throw new DimensionError("cmatmulSimd: B.rows", `A.cols = ${A.cols}`, `${B.rows}`);
  checkOut("cmatmulSimd: out", out, A.rows, B.cols);
  checkNoAlias("cmatmulSimd: out", out.data, A.data, "A");
  checkNoAlias("cmatmulSimd: out", out.data, B.data, "B");
  const m = A.rows;
  const k = A.cols;
  const n = B.cols;
  const kg = (k + 3) >> 2;
  const nj = (n + 1) >> 1;
  const aBytes = 64 * m * kg;
  const bBytes = 128 * kg * nj;
  const oBytes = 32 * m * nj;
  const ker = m === 0 || n === 0 || k === 0 ? undefined : mmKernel.scratch(aBytes + bBytes + oBytes);
  if (ker === undefined) return cmatmul(out, A, B);
  const f = ker.f64;
  const aAt = 0;
  const bAt = aBytes / 8;
  const oAt = bAt + bBytes / 8;
  packA(f, aAt, A, kg);
  packB(f, bAt, B, kg, nj);
  f.fill(0, oAt, oAt + oBytes / 8);
  ker.fns(8 * aAt, 8 * bAt, 8 * oAt, m, kg, nj);
  unpackO(out, f, oAt, nj);
  return out;
}

/** O's column pairs [Re, Re, Im, Im] back to interleaved rows of `out`. */
function unpackO(out: CMatrix, f: Float64Array, oAt: number, nj: number): void {
  const { rows: m, cols: n, data: o } = out;
  const pairs = n >> 1;
  for (let i = 0; i < m; i++) {
    let at = oAt + 4 * i * nj;
    let x = 2 * i * n;
    for (let q = 0; q < pairs; q++, at += 4, x += 4) {
      o[x] = f[at]!;
      o[x + 1] = f[at + 2]!;
      o[x + 2] = f[at + 1]!;
      o[x + 3] = f[at + 3]!;
    }
    if (n & 1) {
      o[x] = f[at]!;
      o[x + 1] = f[at + 2]!;
    }
  }
}

/** A's rows, interleaved, each padded with zeros to 4·kg entries. */
function packA(f: Float64Array, at: number, A: CMatrix, kg: number): void {
  const { rows: m, cols: k, data: a } = A;
  const w = 8 * kg;
  for (let i = 0; i < m; i++) {
    f.set(a.subarray(2 * i * k, 2 * (i + 1) * k), at + i * w);
    f.fill(0, at + i * w + 2 * k, at + (i + 1) * w);
  }
}

/** B's rows by groups of four, two columns a run: [Re, Re, Im, Im] for rows 4g…4g+3, zeros past the edges. */
function packB(f: Float64Array, at: number, B: CMatrix, kg: number, nj: number): void {
  const { rows: k, cols: n, data: b } = B;
  f.fill(0, at, at + 16 * kg * nj);
  const pairs = n >> 1;
  for (let p = 0; p < k; p++) {
    let x = at + 16 * (p >> 2) * nj + 4 * (p & 3);
    let y = 2 * p * n;
    for (let q = 0; q < pairs; q++, x += 16, y += 4) {
      f[x] = b[y]!;
      f[x + 2] = b[y + 1]!;
      f[x + 1] = b[y + 2]!;
      f[x + 3] = b[y + 3]!;
    }
    if (n & 1) {
      f[x] = b[y]!;
      f[x + 2] = b[y + 1]!;
    }
  }
}
