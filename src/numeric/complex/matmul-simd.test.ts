import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError } from "../../errors.js";
import { cmatFromRows, cmatIdentity, cmatmul, cmatZeros } from "./dense.js";
import { cmatmulSimd } from "./matmul-simd.js";
import { arbCMatrix, dec, type EncMatrix, loadRef, maxAbsDiff } from "./__tests__/helpers.js";

// The SIMD complex product under expm. Expected values: hand-computed, numpy
// (scripts/refs/numpy_complex.py), and the scalar `cmatmul`, which runs the same sums in the
// same order, so the two must agree exactly (up to the sign of a zero) on every shape, padding included.
const ref = loadRef<{ A: EncMatrix; B: EncMatrix; AB: EncMatrix }>("numpy-complex.json");

/** Deterministic entries in [−1/2, 1/2) (Park–Miller), so big shapes need no fast-check shrinking. */
function filled(rows: number, cols: number, seed: number): { rows: number; cols: number; data: Float64Array } {
  const A = cmatZeros(rows, cols);
  let s = seed;
  for (let k = 0; k < A.data.length; k++) {
    s = (s * 16807) % 2147483647;
    A.data[k] = s / 2147483647 - 0.5;
  }
  return A;
}

describe("cmatmulSimd, exact and reference cases", () => {
  it("multiplies a hand-computed 2×2 product and writes into out", () => {
    const A = cmatFromRows([[[1, 2], 0], [3, [0, -1]]]);
    const B = cmatFromRows([[[0, 1], 1], [2, [4, 5]]]);
    const out = cmatZeros(2, 2);
    expect(cmatmulSimd(out, A, B)).toBe(out);
    // (1+2i)·i = −2+i; (1+2i)·1 = 1+2i; 3i + (−i)·2 = i; 3 + (−i)(4+5i) = 8−4i
    expect(Array.from(out.data)).toEqual([-2, 1, 1, 2, 0, 1, 8, -4]);
  });

  it("matches numpy's product to 1e-13", () => {
    expect(maxAbsDiff(cmatmulSimd(cmatZeros(3, 5), dec(ref.A), dec(ref.B)).data, dec(ref.AB).data)).toBeLessThan(1e-13);
  });

  it("leaves a matrix unchanged under the identity, on both sides", () => {
    const A = filled(7, 5, 11);
    expect(Array.from(cmatmulSimd(cmatZeros(7, 5), cmatIdentity(7), A).data)).toEqual(Array.from(A.data));
    expect(Array.from(cmatmulSimd(cmatZeros(7, 5), A, cmatIdentity(5)).data)).toEqual(Array.from(A.data));
  });
});

describe("cmatmulSimd equals the scalar cmatmul", () => {
  it("on every shape up to 9 × 9 × 9 (each padding case) and at 100 × 100", () => {
    const shapes: Array<[number, number, number]> = [[100, 100, 100], [33, 70, 17]];
    for (let m = 1; m <= 9; m += 2) for (let k = 1; k <= 9; k++) for (let n = 1; n <= 9; n++) shapes.push([m, k, n]);
    for (const [m, k, n] of shapes) {
      const A = filled(m, k, 7 + m);
      const B = filled(k, n, 13 + n);
      const want = cmatmul(cmatZeros(m, n), A, B).data;
      const got = cmatmulSimd(cmatZeros(m, n), A, B).data;
      for (let q = 0; q < want.length; q++) if (got[q] !== want[q]) expect(`${m}x${k}x${n}[${q}] = ${got[q]}`).toBe(`${want[q]}`);
    }
  });

  it("on random matrices, reusing the module's memory across shapes", () => {
    fc.assert(fc.property(arbCMatrix(6, 5), arbCMatrix(5, 3), arbCMatrix(3, 8), (A, B, C) => {
      expect(maxAbsDiff(cmatmulSimd(cmatZeros(6, 3), A, B).data, cmatmul(cmatZeros(6, 3), A, B).data)).toBe(0);
      expect(maxAbsDiff(cmatmulSimd(cmatZeros(5, 8), B, C).data, cmatmul(cmatZeros(5, 8), B, C).data)).toBe(0);
    }));
  });

  it("gives empty and zero-inner-dimension products like cmatmul", () => {
    expect(cmatmulSimd(cmatZeros(0, 3), cmatZeros(0, 2), cmatZeros(2, 3)).data.length).toBe(0);
    expect(Array.from(cmatmulSimd(cmatZeros(2, 2), cmatZeros(2, 0), cmatZeros(0, 2)).data)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("cmatmulSimd, bad input", () => {
  it("throws DimensionError on mismatched shapes and on out aliasing an input", () => {
    const A = cmatZeros(2, 3);
    expect(() => cmatmulSimd(cmatZeros(2, 2), A, cmatZeros(2, 2))).toThrow(DimensionError);
    expect(() => cmatmulSimd(cmatZeros(3, 2), A, cmatZeros(3, 2))).toThrow(DimensionError);
    const S = cmatIdentity(2);
    expect(() => cmatmulSimd(S, S, cmatIdentity(2))).toThrow(/aliasing A/);
  });
});
