/**
 * The QL sweep's rotations on the eigenvector matrix with WebAssembly SIMD (two rows per lane
 * pair), equal to `tql`'s scalar row pass bit for bit.
 *
 * A sweep's Givens rotations i = m−1 … l act on columns (i, i+1) of every row of z. Row by row
 * that is a chain carrying one value: z_{i+1} ← s·z_i + c·carry, carry ← c·z_i − s·carry. Here
 * z lives in the module's memory as row pairs, column by column ([z_{2P,i}, z_{2P+1,i}] in one
 * 16-byte slot), so one f64x2 chain advances two rows with the scalar chain's exact operations,
 * and four chains (eight rows) run together to hide the multiply–add latency. An odd n gets a
 * zero padding row, which the rotations keep zero.
 *
 * The module is written out byte by byte (numeric/wasm/module-bytes.ts). Where WebAssembly SIMD
 * is missing, `rowRotations` returns undefined and `tql` uses its scalar pass.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters and locals of `sweep(zp, cs, pairs, l, m, rowBytes)`: zp the row pairs (rowBytes =
// 16·n bytes each), cs the rotations (c, s) at 16·i bytes; all byte addresses.
const ZP = 0;
const CS = 1;
const PAIRS = 2;
const L = 3;
const M = 4;
const RB = 5;
const P = 6;
const BASE = 7;
const PZ = [8, 9, 10, 11] as const;
const PC = 12;
const STOP = 13;
const C = 14;
const S = 15;
const K = [16, 17, 18, 19] as const;
const Z = 20;

const simd = {
  f64x2Splat: [0xfd, 0x14],
  v128Store: (offset: number) => [0xfd, 0x0b, 4, offset],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  i32Mul: [0x6c],
};

/** The pass of `chains` row pairs starting at BASE: carry in, rotations m−1 … l, carry out. */
function chainsPass(chains: number): number[] {
  const body: number[] = [];
  // PZ_t = BASE + t·RB + 16·(m − 1): column m − 1 of pair t; the carry starts as column m.
  body.push(...op.get(BASE), ...op.get(M), ...op.i32(1), ...op.i32Sub, ...op.i32(16), ...simd.i32Mul, ...op.i32Add, ...op.set(PZ[0]!));
  for (let t = 1; t < chains; t++) body.push(...op.get(PZ[t - 1]!), ...op.get(RB), ...op.i32Add, ...op.set(PZ[t]!));
  for (let t = 0; t < chains; t++) body.push(...op.get(PZ[t]!), ...op.v128Load(16), ...op.set(K[t]!));
  body.push(...op.get(CS), ...op.get(M), ...op.i32(1), ...op.i32Sub, ...op.i32(16), ...simd.i32Mul, ...op.i32Add, ...op.set(PC));
  body.push(...op.loop);
  body.push(...op.get(PC), ...op.f64Load(0), ...simd.f64x2Splat, ...op.set(C));
  body.push(...op.get(PC), ...op.f64Load(8), ...simd.f64x2Splat, ...op.set(S));
  for (let t = 0; t < chains; t++) {
    const pz = PZ[t]!;
    const k = K[t]!;
    body.push(...op.get(pz), ...op.v128Load(0), ...op.set(Z));
    // z_{i+1} = s·z_i + c·carry
    body.push(...op.get(pz), ...op.get(S), ...op.get(Z), ...op.f64x2Mul, ...op.get(C), ...op.get(k), ...op.f64x2Mul, ...op.f64x2Add, ...simd.v128Store(16));
    // carry = c·z_i − s·carry
    body.push(...op.get(C), ...op.get(Z), ...op.f64x2Mul, ...op.get(S), ...op.get(k), ...op.f64x2Mul, ...simd.f64x2Sub, ...op.set(k));
    body.push(...op.get(pz), ...op.i32(16), ...op.i32Sub, ...op.set(pz));
  }
  body.push(...op.get(PC), ...op.i32(16), ...op.i32Sub, ...op.tee(PC), ...op.get(STOP), ...op.i32GeS, ...op.brIf(0));
  body.push(...op.end);
  // PZ_t now points at column l − 1: the carry is column l.
  for (let t = 0; t < chains; t++) body.push(...op.get(PZ[t]!), ...op.get(K[t]!), ...simd.v128Store(16));
  return body;
}

function sweepBody(): number[] {
  const groups = (chains: number): number[] => [
    ...op.block, ...op.loop,
    ...op.get(P), ...op.i32(chains), ...op.i32Add, ...op.get(PAIRS), ...op.i32GtS, ...op.brIf(1),
    ...chainsPass(chains),
    ...op.get(BASE), ...op.get(RB), ...op.i32(chains), ...simd.i32Mul, ...op.i32Add, ...op.set(BASE),
    ...op.get(P), ...op.i32(chains), ...op.i32Add, ...op.set(P),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
  return [
    ...op.get(CS), ...op.get(L), ...op.i32(16), ...simd.i32Mul, ...op.i32Add, ...op.set(STOP),
    ...op.get(ZP), ...op.set(BASE),
    ...op.i32(0), ...op.set(P),
    ...groups(4),
    ...groups(1),
  ];
}

type SweepFn = (zp: number, cs: number, pairs: number, l: number, m: number, rowBytes: number) => void;

const sweepKernel = new WasmKernel(
  () => moduleBytes([{ name: "sweep", params: [I32, I32, I32, I32, I32, I32], locals: [[8, I32], [7, V128]], body: sweepBody() }]),
  (exports) => exports.sweep as SweepFn,
);

/** The sweeps of one `tql` call on an n×n row-major z held in the module's memory. */
export interface RowRotations {
  /** Apply the rotations cs[2i], cs[2i+1] (c, s), i = m−1 … l, to every row of z. */
  apply(cs: Float64Array, l: number, m: number): void;
  /** Write z back (row-major n×n). */
  store(z: Float64Array): void;
}

/** z (n×n, row-major) copied into the module as row pairs; undefined where WebAssembly SIMD is missing. */
export function rowRotations(z: Float64Array, n: number): RowRotations | undefined {
  const pairs = (n + 1) >> 1;
  const rowBytes = 16 * n;
  const bytes = rowBytes + pairs * rowBytes;
  const scratch = n === 0 ? undefined : sweepKernel.scratch(bytes);
  if (scratch === undefined) return undefined;
  const { fns: sweep, f64 } = scratch;
  // Layout: the rotations (2n doubles), then the row pairs.
  const zAt = 2 * n;
  for (let r = 0; r < 2 * pairs; r++) {
    const at = zAt + (r >> 1) * 2 * n + (r & 1);
    for (let i = 0; i < n; i++) f64[at + 2 * i] = r < n ? z[r * n + i]! : 0;
  }
  return {
    apply(cs: Float64Array, l: number, m: number): void {
      f64.set(cs.subarray(2 * l, 2 * m), 2 * l);
      sweep(8 * zAt, 0, pairs, l, m, rowBytes);
    },
    store(out: Float64Array): void {
      for (let r = 0; r < n; r++) {
        const at = zAt + (r >> 1) * 2 * n + (r & 1);
        for (let i = 0; i < n; i++) out[r * n + i] = f64[at + 2 * i]!;
      }
    },
  };
}
