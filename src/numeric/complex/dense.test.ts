import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError, InputError } from "../../errors.js";
import { cadjoint, ckron, cmatAdd, cmatAxpy, cmatClone, cmatFromRows, cmatIdentity, cmatmul, cmatNormFro, cmatScale, cmatvec, cmatZeros, ctrace, isHermitian } from "./dense.js";
import { arbCMatrix, dec, type EncMatrix, loadRef, maxAbsDiff } from "./__tests__/helpers.js";

// Complex dense kernels (kron, matmul, matvec, adjoint, trace) into
// preallocated outputs. Expected values: hand-computed or numpy (scripts/refs/numpy_complex.py).
interface Ref {
  A: EncMatrix; B: EncMatrix; C: EncMatrix; D: EncMatrix; x: EncMatrix;
  AB: EncMatrix; Ax: EncMatrix; kronAC: EncMatrix; adjA: EncMatrix; axpyDD: EncMatrix;
  traceD: [number, number]; froD: number;
}
const ref = loadRef<Ref>("numpy-complex.json");

describe("dense kernels, hand-computed", () => {
  it("multiplies 2x2 complex matrices exactly", () => {
    // [[1, i], [0, 2]]·[[i, 1], [1, -i]] = [[2i, 2], [2, -2i]]
    const A = cmatFromRows([[1, [0, 1]], [0, 2]]);
    const B = cmatFromRows([[[0, 1], 1], [1, [0, -1]]]);
    const out = cmatZeros(2, 2);
    expect(cmatmul(out, A, B)).toBe(out);
    expect(Array.from(out.data)).toEqual([0, 2, 2, 0, 2, 0, 0, -2]);
  });

  it("computes trace, adjoint, kron and Frobenius norm of small matrices", () => {
    const A = cmatFromRows([[[1, 2], 3], [[0, -1], [4, 5]]]);
    expect(ctrace(A)).toEqual([5, 7]);
    const H = cadjoint(cmatZeros(2, 2), A);
    expect(Array.from(H.data)).toEqual([1, -2, 0, 1, 3, -0, 4, -5]);
    expect(cmatNormFro(A)).toBeCloseTo(Math.sqrt(1 + 4 + 9 + 1 + 16 + 25), 14);
    const K = ckron(cmatZeros(2, 4), cmatFromRows([[1, [0, 1]]]), cmatFromRows([[1, 2], [3, 4]]));
    expect(Array.from(K.data)).toEqual([1, 0, 2, 0, 0, 1, 0, 2, 3, 0, 4, 0, 0, 3, 0, 4]);
  });

  it("builds the identity and clones without sharing memory", () => {
    const I = cmatIdentity(3);
    expect(ctrace(I)).toEqual([3, 0]);
    const J = cmatClone(I);
    J.data[0] = 7;
    expect(I.data[0]).toBe(1);
  });

  it("scales, adds and axpys in place", () => {
    const A = cmatFromRows([[[1, 1], 2]]);
    cmatScale(A, A, 0, 1); // i·A
    expect(Array.from(A.data)).toEqual([-1, 1, 0, 2]);
    cmatAdd(A, A, A);
    expect(Array.from(A.data)).toEqual([-2, 2, 0, 4]);
    cmatAxpy(A, A, cmatFromRows([[1, 1]]), 0, 2);
    expect(Array.from(A.data)).toEqual([-2, 4, 0, 6]);
  });
});

describe("dense kernels vs numpy", () => {
  it("matmul, matvec, kron, adjoint, trace, norm, axpy match numpy to 1e-13", () => {
    const A = dec(ref.A);
    const B = dec(ref.B);
    const C = dec(ref.C);
    const D = dec(ref.D);
    expect(maxAbsDiff(cmatmul(cmatZeros(3, 5), A, B).data, ref.AB.data)).toBeLessThan(1e-13);
    expect(maxAbsDiff(cmatvec(new Float64Array(6), A, Float64Array.from(ref.x.data)), ref.Ax.data)).toBeLessThan(1e-13);
    expect(maxAbsDiff(ckron(cmatZeros(6, 12), A, C).data, ref.kronAC.data)).toBeLessThan(1e-13);
    expect(maxAbsDiff(cadjoint(cmatZeros(4, 3), A).data, ref.adjA.data)).toBe(0);
    const [tr, ti] = ctrace(D);
    expect(Math.abs(tr - ref.traceD[0]) + Math.abs(ti - ref.traceD[1])).toBeLessThan(1e-13);
    expect(Math.abs(cmatNormFro(D) - ref.froD)).toBeLessThan(1e-13);
    const DT = { rows: 6, cols: 6, data: new Float64Array(72) };
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) {
      DT.data[2 * (i * 6 + j)] = D.data[2 * (j * 6 + i)]!;
      DT.data[2 * (i * 6 + j) + 1] = D.data[2 * (j * 6 + i) + 1]!;
    }
    expect(maxAbsDiff(cmatAxpy(cmatZeros(6, 6), D, DT, 0.3, -1.7).data, ref.axpyDD.data)).toBeLessThan(1e-13);
  });
});

describe("dense kernels, properties", () => {
  it("(AB)† = B†A†", () => {
    fc.assert(fc.property(arbCMatrix(3, 4), arbCMatrix(4, 2), (A, B) => {
      const lhs = cadjoint(cmatZeros(2, 3), cmatmul(cmatZeros(3, 2), A, B));
      const rhs = cmatmul(cmatZeros(2, 3), cadjoint(cmatZeros(2, 4), B), cadjoint(cmatZeros(4, 3), A));
      expect(maxAbsDiff(lhs.data, rhs.data)).toBeLessThan(1e-11);
    }));
  });

  it("kron mixed product (A⊗B)(C⊗D) = (AC)⊗(BD)", () => {
    fc.assert(fc.property(arbCMatrix(2, 3), arbCMatrix(2, 2), arbCMatrix(3, 2), arbCMatrix(2, 1), (A, B, C, D) => {
      const lhs = cmatmul(cmatZeros(4, 2), ckron(cmatZeros(4, 6), A, B), ckron(cmatZeros(6, 2), C, D));
      const rhs = ckron(cmatZeros(4, 2), cmatmul(cmatZeros(2, 2), A, C), cmatmul(cmatZeros(2, 1), B, D));
      expect(maxAbsDiff(lhs.data, rhs.data)).toBeLessThan(1e-10);
    }));
  });

  it("A + A† is Hermitian and tr(A†A) = ‖A‖_F²", () => {
    fc.assert(fc.property(arbCMatrix(4, 4), (A) => {
      const H = cmatAdd(cmatZeros(4, 4), A, cadjoint(cmatZeros(4, 4), A));
      expect(isHermitian(H, 0)).toBe(true);
      const [re, im] = ctrace(cmatmul(cmatZeros(4, 4), cadjoint(cmatZeros(4, 4), A), A));
      expect(Math.abs(re - cmatNormFro(A) ** 2)).toBeLessThan(1e-10 * (1 + re));
      expect(Math.abs(im)).toBeLessThan(1e-10 * (1 + re));
    }));
  });
});

describe("dense kernels, bad input", () => {
  it("throws DimensionError on shape mismatch and unsafe aliasing", () => {
    const A = cmatZeros(2, 3);
    expect(() => cmatmul(cmatZeros(2, 2), A, cmatZeros(2, 2))).toThrow(DimensionError);
    expect(() => cmatmul(cmatZeros(2, 3), A, cmatZeros(3, 2))).toThrow(DimensionError);
    const S = cmatZeros(2, 2);
    expect(() => cmatmul(S, S, cmatIdentity(2))).toThrow(/aliasing A/);
    expect(() => cadjoint(S, S)).toThrow(DimensionError);
    expect(() => cmatvec(new Float64Array(4), A, new Float64Array(4))).toThrow(DimensionError);
    expect(() => ctrace(A)).toThrow(DimensionError);
    expect(() => cmatAdd(A, A, cmatZeros(3, 2))).toThrow(DimensionError);
    expect(() => ckron(cmatZeros(2, 2), A, A)).toThrow(DimensionError);
    expect(() => cmatmul(cmatZeros(2, 2), { rows: 2, cols: 2, data: new Float64Array(7) }, S)).toThrow(DimensionError);
  });

  it("rejects ragged or non-finite rows and reports non-square as non-Hermitian", () => {
    expect(() => cmatFromRows([[1, 2], [3]])).toThrow(InputError);
    expect(() => cmatFromRows([[1, [NaN, 0]]])).toThrow(/rows\[0\]\[1\]/);
    expect(isHermitian(cmatZeros(2, 3))).toBe(false);
    expect(isHermitian(cmatFromRows([[1, [0, 1]], [[0, -1], 2]]))).toBe(true);
    expect(isHermitian(cmatFromRows([[1, [0, 1]], [[0, 1], 2]]))).toBe(false);
    expect(isHermitian(cmatFromRows([[[1, 1e-3]]]), 1e-6)).toBe(false);
  });
});
