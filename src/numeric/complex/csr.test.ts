import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError, InputError } from "../../errors.js";
import { cadjoint, ckron, cmatAxpy, cmatFromRows, cmatmul, cmatvec, cmatZeros } from "./dense.js";
import { csrAdd, csrAdjoint, csrFromDense, csrFromTriplets, csrIdentity, csrKron, csrMatmul, csrMatvec, csrMatvecAdd, csrScale, csrToDense, csrTranspose } from "./csr.js";
import type { CsrMatrix } from "./types.js";
import { arbCMatrix, arbSparseCMatrix, maxAbsDiff } from "./__tests__/helpers.js";

// Complex CSR sparse matrices. Each CSR kernel is checked against the
// dense kernel (itself checked against numpy in dense.test.ts) and for the CSR invariants.

function expectValidCsr(A: CsrMatrix): void {
  expect(A.rowPtr.length).toBe(A.rows + 1);
  expect(A.rowPtr[0]).toBe(0);
  expect(A.colIdx.length).toBe(A.rowPtr[A.rows]);
  expect(A.data.length).toBe(2 * A.colIdx.length);
  for (let i = 0; i < A.rows; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const c = A.colIdx[p]!;
      expect(c >= 0 && c < A.cols).toBe(true);
      if (p > A.rowPtr[i]!) expect(c).toBeGreaterThan(A.colIdx[p - 1]!);
    }
  }
}

describe("CSR, hand-computed", () => {
  it("sums duplicate triplets and sorts columns", () => {
    const A = csrFromTriplets(2, 3, Int32Array.from([1, 0, 1, 0]), Int32Array.from([2, 1, 0, 1]), Float64Array.from([1, 2, 3, 4]), Float64Array.from([0, 1, 0, -1]));
    expectValidCsr(A);
    expect(Array.from(A.rowPtr)).toEqual([0, 1, 3]);
    expect(Array.from(A.colIdx)).toEqual([1, 0, 2]);
    expect(Array.from(A.data)).toEqual([6, 0, 3, 0, 1, 0]);
  });

  it("identity, matvec and matvecAdd", () => {
    const I = csrIdentity(3);
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(csrMatvec(new Float64Array(6), I, x))).toEqual(Array.from(x));
    const out = Float64Array.from([1, 0, 0, 0, 0, 0]);
    csrMatvecAdd(out, I, x, 0, 1); // out += i·x
    expect(Array.from(out)).toEqual([-1, 1, -4, 3, -6, 5]);
  });

  it("drops entries at or below dropTol", () => {
    const A = csrFromDense(cmatFromRows([[1, [1e-9, 0]], [0, [0, 2]]]), 1e-6);
    expect(Array.from(A.colIdx)).toEqual([0, 1]);
    expect(Array.from(A.rowPtr)).toEqual([0, 1, 2]);
  });
});

describe("CSR, properties vs dense kernels", () => {
  it("dense → CSR → dense round trip is exact", () => {
    fc.assert(fc.property(arbSparseCMatrix(4, 5), (D) => {
      const A = csrFromDense(D);
      expectValidCsr(A);
      expect(Array.from(csrToDense(A).data)).toEqual(Array.from(D.data));
    }));
  });

  it("csrMatvec equals dense matvec", () => {
    fc.assert(fc.property(arbSparseCMatrix(5, 4), arbCMatrix(1, 4), (D, X) => {
      const a = csrMatvec(new Float64Array(10), csrFromDense(D), X.data);
      const b = cmatvec(new Float64Array(10), D, X.data);
      expect(maxAbsDiff(a, b)).toBeLessThan(1e-12);
    }));
  });

  it("csrMatmul, csrKron, csrAdd, csrAdjoint, csrTranspose, csrScale equal their dense counterparts", () => {
    fc.assert(fc.property(arbSparseCMatrix(3, 4), arbSparseCMatrix(4, 2), arbSparseCMatrix(3, 4), (D1, D2, D3) => {
      const A = csrFromDense(D1);
      const B = csrFromDense(D2);
      const C = csrFromDense(D3);
      const P = csrMatmul(A, B);
      expectValidCsr(P);
      expect(maxAbsDiff(csrToDense(P).data, cmatmul(cmatZeros(3, 2), D1, D2).data)).toBeLessThan(1e-12);
      const K = csrKron(A, B);
      expectValidCsr(K);
      expect(maxAbsDiff(csrToDense(K).data, ckron(cmatZeros(12, 8), D1, D2).data)).toBe(0);
      const S = csrAdd(A, C, 1, 0, 0.5, -2);
      expectValidCsr(S);
      expect(maxAbsDiff(csrToDense(S).data, cmatAxpy(cmatZeros(3, 4), D1, D3, 0.5, -2).data)).toBeLessThan(1e-12);
      const H = csrAdjoint(A);
      expectValidCsr(H);
      expect(maxAbsDiff(csrToDense(H).data, cadjoint(cmatZeros(4, 3), D1).data)).toBe(0);
      const T = csrTranspose(A);
      const Tc = csrToDense(csrScale(csrAdjoint(csrScale(A, 1, 0)), 1, 0));
      for (let k = 1; k < Tc.data.length; k += 2) Tc.data[k] = -Tc.data[k]!;
      expect(maxAbsDiff(csrToDense(T).data, Tc.data)).toBe(0);
      const Z = csrScale(A, 0, 1);
      expect(maxAbsDiff(csrToDense(Z).data, cmatAxpy(cmatZeros(3, 4), cmatZeros(3, 4), D1, 0, 1).data)).toBe(0);
    }));
  });

  it("csrFromTriplets equals summing the triplets densely", () => {
    const trip = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })), { maxLength: 30 });
    fc.assert(fc.property(trip, (t) => {
      const A = csrFromTriplets(4, 3, Int32Array.from(t.map((e) => e[0])), Int32Array.from(t.map((e) => e[1])), Float64Array.from(t.map((e) => e[2])), Float64Array.from(t.map((e) => e[3])));
      expectValidCsr(A);
      const D = cmatZeros(4, 3);
      for (const [i, j, re, im] of t) {
        D.data[2 * (i * 3 + j)] = (D.data[2 * (i * 3 + j)]!) + re;
        D.data[2 * (i * 3 + j) + 1] = (D.data[2 * (i * 3 + j) + 1]!) + im;
      }
      expect(maxAbsDiff(csrToDense(A).data, D.data)).toBeLessThan(1e-12);
    }));
  });
});

describe("CSR, bad input", () => {
  it("throws typed errors naming the argument", () => {
    const A = csrIdentity(3);
    expect(() => csrMatvec(new Float64Array(6), A, new Float64Array(4))).toThrow(DimensionError);
    const x = new Float64Array(6);
    expect(() => csrMatvec(x, A, x)).toThrow(/aliasing x/);
    expect(() => csrAdd(A, csrIdentity(2))).toThrow(DimensionError);
    expect(() => csrMatmul(A, csrFromDense(cmatZeros(2, 2)))).toThrow(DimensionError);
    expect(() => csrFromTriplets(2, 2, Int32Array.from([2]), Int32Array.from([0]), Float64Array.from([1]), Float64Array.from([0]))).toThrow(/i\[0\]/);
    expect(() => csrFromTriplets(2, 2, Int32Array.from([0]), Int32Array.from([0]), Float64Array.from([Infinity]), Float64Array.from([0]))).toThrow(InputError);
    expect(() => csrFromTriplets(2, 2, Int32Array.from([0]), Int32Array.from([]), Float64Array.from([1]), Float64Array.from([0]))).toThrow(DimensionError);
    expect(() => csrToDense({ ...A, rowPtr: Int32Array.from([0, 1]) })).toThrow(DimensionError);
  });
});
