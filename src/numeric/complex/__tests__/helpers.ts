/** Test support for numeric/complex, numeric/linalg, numeric/sparse (not part of the build). */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { CMatrix } from "../types.js";

/** A reference JSON file from test/reference/ (produced by numpy/scipy, never by pqms). */
export function loadRef<T = Record<string, unknown>>(name: string): T {
  const url = new URL(`../../../../test/reference/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** Encoded matrix as stored by scripts/refs/*.py. */
export interface EncMatrix {
  rows: number;
  cols: number;
  data: number[];
}

export function dec(m: EncMatrix): CMatrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

/** max_k |a_k − b_k| over two equally long arrays (throws on length mismatch). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch ${a.length} vs ${b.length}`);
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k]! - b[k]!));
  return d;
}

const entry = fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true });

/** fast-check arbitrary for a rows×cols complex matrix with entries in [-4, 4] + i[-4, 4]. */
export function arbCMatrix(rows: number, cols: number): fc.Arbitrary<CMatrix> {
  return fc.array(entry, { minLength: 2 * rows * cols, maxLength: 2 * rows * cols }).map((v) => ({ rows, cols, data: Float64Array.from(v) }));
}

/** fast-check arbitrary for a sparse-ish matrix: each entry zero with probability ≈ 1 − density. */
export function arbSparseCMatrix(rows: number, cols: number): fc.Arbitrary<CMatrix> {
  const cell = fc.oneof({ weight: 3, arbitrary: fc.constant<[number, number]>([0, 0]) }, { weight: 1, arbitrary: fc.tuple(entry, entry) });
  return fc.array(cell, { minLength: rows * cols, maxLength: rows * cols }).map((cells) => {
    const data = new Float64Array(2 * rows * cols);
    cells.forEach(([re, im], k) => {
      data[2 * k] = re;
      data[2 * k + 1] = im;
    });
    return { rows, cols, data };
  });
}

/** Deterministic pseudo-random numbers for test inputs (mulberry32), never used by the library. */
export function testRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random complex matrix with entries uniform in [-1, 1] + i[-1, 1]. */
export function randomCMatrix(rows: number, cols: number, rng: () => number): CMatrix {
  const data = new Float64Array(2 * rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = 2 * rng() - 1;
  return { rows, cols, data };
}

/** A random Hermitian matrix (X + X†)/2. */
export function randomHermitian(n: number, rng: () => number): CMatrix {
  const X = randomCMatrix(n, n, rng);
  const d = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      d[2 * (i * n + j)] = 0.5 * ((X.data[2 * (i * n + j)]!) + (X.data[2 * (j * n + i)]!));
      d[2 * (i * n + j) + 1] = 0.5 * ((X.data[2 * (i * n + j) + 1]!) - (X.data[2 * (j * n + i) + 1]!));
    }
  }
  return { rows: n, cols: n, data: d };
}
