/**
 * Dense real matrix product C = A·B with WebAssembly SIMD, for the eigenvector products of the
 * divide-and-conquer tridiagonal eigensolver (tridiagonal-dc.ts).
 *
 * Two columns per lane pair: with a = A_ip (a lane splat) and B's row p as [B_pj, B_pj+1],
 * O_i[j, j+1] += a·[B_pj, B_pj+1], four rows p of B per pass over two rows of O (each load of B
 * serves two rows, each load and store of O carries four multiply-adds per lane). B is packed so that the four vectors a pass reads
 * for one column pair lie in one 64-byte run; A's columns and B's rows are padded with zeros to a
 * multiple of four, B's columns to a multiple of two. Each entry's sum runs over p in order, so
 * the result is the plain triple loop's, bit for bit. The module is written out byte by byte
 * (numeric/wasm/module-bytes.ts); where WebAssembly SIMD is missing, a scalar loop runs instead.
 */
import { WasmKernel } from "../wasm/kernel.js";
import { I32, moduleBytes, op, V128 } from "../wasm/module-bytes.js";

// Parameters and locals of `mm(a, bp, o, m, kg, nj)`: A (m rows of 4·kg doubles, m even), packed
// B (kg groups of four rows × nj column pairs × 64 bytes), O (m rows × nj column pairs × 16 bytes).
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
/** Bytes of a row of A (32·kg) and of O (16·nj). */
const ARB = 13;
const ORB = 14;
const A1 = [15, 16, 17, 18] as const;
const A2 = [19, 20, 21, 22] as const;
const BT = 23;
const V1 = 24;
const V2 = 25;

/** Two rows of O per pass (i, i+1), sharing each load of B. */
function mmBody(): number[] {
  const splats: number[] = [];
  for (let t = 0; t < 4; t++) {
    splats.push(...op.get(AROW), ...op.f64Load(8 * t), ...op.f64x2Splat, ...op.set(A1[t]!));
    splats.push(...op.get(AROW), ...op.get(ARB), ...op.i32Add, ...op.f64Load(8 * t), ...op.f64x2Splat, ...op.set(A2[t]!));
  }
  const tile: number[] = [
    ...op.get(PO), ...op.v128Load(0), ...op.set(V1),
    ...op.get(PO), ...op.get(ORB), ...op.i32Add, ...op.v128Load(0), ...op.set(V2),
  ];
  for (let t = 0; t < 4; t++) {
    tile.push(...op.get(Q), ...op.v128Load(16 * t), ...op.set(BT));
    tile.push(...op.get(V1), ...op.get(A1[t]!), ...op.get(BT), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(V1));
    tile.push(...op.get(V2), ...op.get(A2[t]!), ...op.get(BT), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(V2));
  }
  tile.push(...op.get(PO), ...op.get(V1), ...op.v128Store(0));
  tile.push(...op.get(PO), ...op.get(ORB), ...op.i32Add, ...op.get(V2), ...op.v128Store(0));
  return [
    ...op.get(KG), ...op.i32(32), ...op.i32Mul, ...op.set(ARB),
    ...op.get(NJ), ...op.i32(16), ...op.i32Mul, ...op.set(ORB),
    ...op.get(PA), ...op.set(AROW),
    ...op.get(PO0), ...op.set(OROW),
    ...op.i32(0), ...op.set(I),
    ...op.block, ...op.loop,
    ...op.get(I), ...op.get(M), ...op.i32GeS, ...op.brIf(1),
    ...op.get(PB), ...op.set(Q),
    ...op.get(OROW), ...op.get(ORB), ...op.i32Add, ...op.set(END),
    ...op.i32(0), ...op.set(G),
    ...op.block, ...op.loop,
    ...op.get(G), ...op.get(KG), ...op.i32GeS, ...op.brIf(1),
    ...splats,
    ...op.get(OROW), ...op.set(PO),
    ...op.loop,
    ...tile,
    ...op.get(Q), ...op.i32(64), ...op.i32Add, ...op.set(Q),
    ...op.get(PO), ...op.i32(16), ...op.i32Add, ...op.tee(PO), ...op.get(END), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.get(AROW), ...op.i32(32), ...op.i32Add, ...op.set(AROW),
    ...op.get(G), ...op.i32(1), ...op.i32Add, ...op.set(G),
    ...op.br(0),
    ...op.end, ...op.end,
    // Next row pair: A advanced by one row in the group loop, one more here; O by two rows.
    ...op.get(AROW), ...op.get(ARB), ...op.i32Add, ...op.set(AROW),
    ...op.get(END), ...op.get(ORB), ...op.i32Add, ...op.set(OROW),
    ...op.get(I), ...op.i32(2), ...op.i32Add, ...op.set(I),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

type MmFn = (a: number, bp: number, o: number, m: number, kg: number, nj: number) => void;

const mmKernel = new WasmKernel(
  () => moduleBytes([{ name: "mm", params: [I32, I32, I32, I32, I32, I32], locals: [[9, I32], [11, V128]], body: mmBody() }]),
  (exports) => exports.mm as MmFn,
);

/**
 * C = A·B with B_pj = bt[j·ld + rows[p]]·scale[j], ld = scale.length (B given transposed as rows
 * of ld ≥ n entries, a subset of them, and a scale per column), as the product with that B: the merge
 * step's product with the secular eigenvectors, which are computed root by root (rows of bt).
 * Each entry is Σ_p A_ip B_pj summed in order p = 0, 1, …, like `realMatmulScalar`.
 */
export function realMatmulTransposedB(A: Float64Array, bt: Float64Array, rows: Int32Array, scale: Float64Array, m: number, k: number, n: number): Float64Array {
  const ld = scale.length;
  const entry = (p: number, j: number): number => bt[j * ld + rows[p]!]! * scale[j]!;
  return product(A, m, k, n, (f, at, nj) => {
    for (let j = 0; j < n; j++) {
      const s = scale[j]!;
      const col = j * ld;
      const x = at + 8 * (j >> 1) + (j & 1);
      for (let p = 0; p < k; p++) f[x + 8 * (p >> 2) * nj + 2 * (p & 3)] = bt[col + rows[p]!]! * s;
    }
  }, () => {
    const B = new Float64Array(k * n);
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) B[p * n + j] = entry(p, j);
    return realMatmulScalar(A, B, m, k, n);
  });
}

/** The SIMD product with `packB` writing B's packed layout at f[at…] (nj column pairs); `scalar` where SIMD is missing. */
function product(A: Float64Array, m: number, k: number, n: number, packB: (f: Float64Array, at: number, nj: number) => void, scalar: () => Float64Array): Float64Array {
  const kg = (k + 3) >> 2;
  const nj = (n + 1) >> 1;
  // Rows go in pairs: an odd m gets a zero row of A (and a row of O that is dropped).
  const me = m + (m & 1);
  const aBytes = 32 * me * kg;
  const bBytes = 64 * kg * nj;
  const oBytes = 16 * me * nj;
  const ker = m === 0 || n === 0 || k === 0 ? undefined : mmKernel.scratch(aBytes + bBytes + oBytes);
  if (ker === undefined) return scalar();
  const f = ker.f64;
  const aAt = 0;
  const bAt = aBytes / 8;
  const oAt = bAt + bBytes / 8;
  const w = 4 * kg;
  for (let i = 0; i < m; i++) {
    f.set(A.subarray(i * k, (i + 1) * k), aAt + i * w);
    f.fill(0, aAt + i * w + k, aAt + (i + 1) * w);
  }
  if (me > m) f.fill(0, aAt + m * w, aAt + me * w);
  f.fill(0, bAt, oAt + oBytes / 8);
  packB(f, bAt, nj);
  ker.fns(8 * aAt, 8 * bAt, 8 * oAt, me, kg, nj);
  const C = new Float64Array(m * n);
  if (2 * nj === n) {
    C.set(f.subarray(oAt, oAt + m * n));
  } else {
    for (let i = 0; i < m; i++) C.set(f.subarray(oAt + 2 * nj * i, oAt + 2 * nj * i + n), i * n);
  }
  return C;
}

/** The scalar C = A·B (row-major, sums over p in order). */
export function realMatmulScalar(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p]!;
      const row = p * n;
      for (let j = 0; j < n; j++) C[i * n + j] = C[i * n + j]! + a * B[row + j]!;
    }
  }
  return C;
}
