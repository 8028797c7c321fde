import { describe, expect, it } from "vitest";
import { RandomStream } from "../random/stream.js";
import { LEAF, tridiagonalEigen } from "./tridiagonal-dc.js";
import { realMatmulScalar, realMatmulTransposedB } from "./real-matmul-simd.js";
import { tql } from "./tql.js";

// Divide and conquer on a real symmetric tridiagonal T (Cuppen; LAPACK dstedc's deflation and
// secular equation; Gu–Eisenstat eigenvectors). Expected values: the exact spectrum of the path
// graph, T z = λ z and ZᵀZ = I to rounding on matrices that exercise every deflation (zero
// couplings, equal diagonals, Wilkinson's close pairs, glued blocks, graded entries), and the
// eigenvalues of QL (tql.ts) on the same matrices.

/** A fixed stream of test values in [−1, 1). */
function stream(seed: number): () => number {
  const r = RandomStream.fromSeed(seed, "tridiagonal-dc test");
  return () => 2 * r.uniform() - 1;
}

/** max |T z_k − λ_k z_k| / ‖T‖, max |ZᵀZ − I|, max |λ − λ_QL| / ‖T‖, and whether λ ascends. */
function check(d: Float64Array, e: Float64Array): { res: number; orth: number; dql: number; ascending: boolean } {
  const n = d.length;
  const { values, vectors, order } = tridiagonalEigen(d, e);
  // Z with its columns in ascending order of λ.
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) Z[i * n + k] = vectors[i * n + order[k]!]!;
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]!) + (i > 0 ? Math.abs(e[i - 1]!) : 0) + (i < n - 1 ? Math.abs(e[i]!) : 0));
  norm = Math.max(norm, Number.MIN_VALUE);
  let res = 0;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let t = d[i]! * Z[i * n + k]!;
      if (i > 0) t += e[i - 1]! * Z[(i - 1) * n + k]!;
      if (i < n - 1) t += e[i]! * Z[(i + 1) * n + k]!;
      res = Math.max(res, Math.abs(t - values[k]! * Z[i * n + k]!));
    }
  }
  let orth = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Z[i * n + a]! * Z[i * n + b]!;
      orth = Math.max(orth, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  const dd = d.slice();
  const ee = e.slice();
  tql(dd, ee, null);
  const ql = Array.from(dd).sort((x, y) => x - y);
  let dql = 0;
  let ascending = true;
  for (let k = 0; k < n; k++) {
    dql = Math.max(dql, Math.abs(ql[k]! - values[k]!));
    if (k > 0 && values[k]! < values[k - 1]!) ascending = false;
  }
  return { res: res / norm, orth, dql: dql / norm, ascending };
}

const cases: Array<[string, (n: number) => [Float64Array, Float64Array]]> = [
  ["random", (n) => {
    const r = stream(n);
    return [Float64Array.from({ length: n }, r), Float64Array.from({ length: n }, () => Math.abs(r()))];
  }],
  ["random with signed couplings", (n) => {
    const r = stream(3 * n);
    return [Float64Array.from({ length: n }, r), Float64Array.from({ length: n }, r)];
  }],
  ["path graph", (n) => [new Float64Array(n), new Float64Array(n).fill(1)]],
  ["Wilkinson W⁺ (close pairs)", (n) => [Float64Array.from({ length: n }, (_, i) => Math.abs((n - 1) / 2 - i)), new Float64Array(n).fill(1)]],
  ["glued Wilkinson blocks", (n) => [Float64Array.from({ length: n }, (_, i) => Math.abs(10 - (i % 21))), Float64Array.from({ length: n }, (_, i) => (i % 21 === 20 ? 1e-9 : 1))]],
  ["diagonal (zero couplings), repeated values", (n) => [Float64Array.from({ length: n }, (_, i) => i % 3), new Float64Array(n)]],
  ["equal diagonal, tiny couplings", (n) => [new Float64Array(n).fill(1), new Float64Array(n).fill(1e-12)]],
  ["repeated diagonal, sparse couplings", (n) => [Float64Array.from({ length: n }, (_, i) => (i % 4) * 0.25), Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0.3 : 0))]],
  ["graded (entries 1 … 2⁻³⁹)", (n) => [Float64Array.from({ length: n }, (_, i) => 2 ** -(i % 40)), Float64Array.from({ length: n }, (_, i) => 2 ** -(i % 40) * 0.5)]],
  ["identity", (n) => [new Float64Array(n).fill(1), new Float64Array(n)]],
];

describe("tridiagonalEigen", () => {
  for (const [name, make] of cases) {
    it(`${name}: T z = λ z, ZᵀZ = I, λ ascending and equal to QL's (n = ${LEAF + 1}, ${2 * LEAF + 7}, 251)`, () => {
      for (const n of [LEAF + 1, 2 * LEAF + 7, 251]) {
        const [d, e] = make(n);
        const d0 = d.slice();
        const e0 = e.slice();
        const { res, orth, dql, ascending } = check(d, e);
        expect(res, `n = ${n}`).toBeLessThan(1e-14);
        expect(orth, `n = ${n}`).toBeLessThan(5e-14);
        expect(dql, `n = ${n}`).toBeLessThan(5e-14);
        expect(ascending).toBe(true);
        expect(Array.from(d)).toEqual(Array.from(d0));
        expect(Array.from(e)).toEqual(Array.from(e0));
      }
    });
  }

  it("has the path graph's exact spectrum 2 cos(kπ/(n+1))", () => {
    const n = 200;
    const { values } = tridiagonalEigen(new Float64Array(n), new Float64Array(n).fill(1));
    for (let k = 0; k < n; k++) expect(Math.abs(values[k]! - 2 * Math.cos(((n - k) * Math.PI) / (n + 1)))).toBeLessThan(1e-14);
  });

  it("solves blocks of at most LEAF rows by QL alone, and the 0×0 and 1×1 cases", () => {
    expect(tridiagonalEigen(new Float64Array(0), new Float64Array(0)).values.length).toBe(0);
    const one = tridiagonalEigen(Float64Array.of(-3), Float64Array.of(0));
    expect(Array.from(one.values)).toEqual([-3]);
    expect(Array.from(one.vectors)).toEqual([1]);
    expect(Array.from(one.order)).toEqual([0]);
    const { res, orth } = check(Float64Array.from({ length: LEAF }, (_, i) => i), new Float64Array(LEAF).fill(0.5));
    expect(res).toBeLessThan(1e-14);
    expect(orth).toBeLessThan(1e-14);
  });
});

describe("the SIMD real product (realMatmulTransposedB)", () => {
  it("equals the scalar triple loop bit for bit on every padding case and at the merge's shape", () => {
    const r = stream(77);
    const shapes: Array<[number, number, number]> = [[112, 112, 225], [57, 30, 61]];
    for (let m = 1; m <= 5; m++) for (let k = 1; k <= 9; k++) for (let n = 1; n <= 5; n++) shapes.push([m, k, n]);
    for (const [m, k, n] of shapes) {
      const A = Float64Array.from({ length: m * k }, r);
      const B = Float64Array.from({ length: k * n }, r);
      const want = realMatmulScalar(A, B, m, k, n);
      // B itself, given as its transpose (rows of ld = max(k, n) entries) with every row and unit scales.
      const ld = Math.max(k, n);
      const bt = new Float64Array(n * ld);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * ld + p] = B[p * n + j]!;
      const got = realMatmulTransposedB(A, bt, Int32Array.from({ length: k }, (_, p) => p), new Float64Array(ld).fill(1), m, k, n);
      for (let q = 0; q < want.length; q++) if (got[q] !== want[q]) expect(`${m}x${k}x${n}[${q}] = ${got[q]}`).toBe(`${want[q]}`);
    }
  });

  it("with B given transposed, a row subset and column scales: the triple loop on that B, bit for bit", () => {
    const r = stream(78);
    for (const [m, k, n, ld] of [[112, 56, 225, 225], [7, 5, 9, 12], [3, 1, 1, 4], [30, 17, 31, 40]] as const) {
      const A = Float64Array.from({ length: m * k }, r);
      const bt = Float64Array.from({ length: n * ld }, r);
      const rows = Int32Array.from({ length: k }, (_, p) => (p * 7) % ld);
      const scale = Float64Array.from({ length: ld }, r);
      const B = new Float64Array(k * n);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) B[p * n + j] = bt[j * ld + rows[p]!]! * scale[j]!;
      const want = realMatmulScalar(A, B, m, k, n);
      const got = realMatmulTransposedB(A, bt, rows, scale, m, k, n);
      for (let q = 0; q < want.length; q++) if (got[q] !== want[q]) expect(`${m}x${k}x${n}[${q}] = ${got[q]}`).toBe(`${want[q]}`);
    }
  });
});
