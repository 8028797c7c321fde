import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError, InputError, SolverError } from "../../errors.js";
import { cmatFromRows, cmatmul, cmatvec, cmatZeros } from "../complex/dense.js";
import { arbCMatrix, dec, type EncMatrix, loadRef, maxAbsDiff } from "../complex/__tests__/helpers.js";
import { luFactor, luSolve, luSolveMatrix } from "./lu.js";

// The dense complex LU solve under expm (Padé denominator) and the
// reference for the sparse direct solver. Expected values: exact, or numpy.linalg.solve.
interface Ref { solve: Array<{ A: EncMatrix; B: EncMatrix; X: EncMatrix }> }
const ref = loadRef<Ref>("numpy-linalg.json");

describe("LU, exact cases", () => {
  it("solves a system that needs a row swap", () => {
    const f = luFactor(cmatFromRows([[0, [0, 2]], [4, 1]]));
    expect(Array.from(f.piv)).toEqual([1, 1]);
    // [[0, 2i], [4, 1]] x = [2i, 5] → x = [1, 1]
    expect(maxAbsDiff(luSolve(f, Float64Array.from([0, 2, 5, 0])), [1, 0, 1, 0])).toBeLessThan(1e-15);
  });

  it("solves in place (out = b)", () => {
    const f = luFactor(cmatFromRows([[[0, 1]]]));
    const b = Float64Array.from([3, 0]);
    expect(luSolve(f, b, b)).toBe(b);
    expect(Array.from(b)).toEqual([0, -3]);
  });
});

describe("LU vs numpy.linalg.solve", () => {
  it("matches the fixtures to 1e-12 relative", () => {
    for (const c of ref.solve) {
      const X = luSolveMatrix(luFactor(dec(c.A)), dec(c.B));
      const scale = Math.max(...c.X.data.map(Math.abs));
      expect(maxAbsDiff(X.data, c.X.data)).toBeLessThan(1e-12 * scale);
    }
  });
});

describe("LU, properties", () => {
  it("the residual ‖A x − b‖ is at rounding level for diagonally weighted random systems", () => {
    fc.assert(fc.property(arbCMatrix(6, 6), arbCMatrix(6, 2), (A0, B) => {
      const A = { ...A0, data: A0.data.slice() };
      for (let i = 0; i < 6; i++) A.data[2 * (i * 6 + i)] = (A.data[2 * (i * 6 + i)]!) + 30;
      const f = luFactor(A);
      const X = luSolveMatrix(f, B);
      expect(maxAbsDiff(cmatmul(cmatZeros(6, 2), A, X).data, B.data)).toBeLessThan(1e-12);
      const col = Float64Array.from([B.data[0]!, B.data[1]!, B.data[4]!, B.data[5]!, B.data[8]!, B.data[9]!, B.data[12]!, B.data[13]!, B.data[16]!, B.data[17]!, B.data[20]!, B.data[21]!]);
      const x = luSolve(f, col);
      expect(maxAbsDiff(cmatvec(new Float64Array(12), A, x), col)).toBeLessThan(1e-12);
    }));
  });
});

describe("LU's SIMD trailing updates", () => {
  it("equal the scalar rows bit for bit (n = 16 … 100, every panel remainder, rows with zero multipliers, a zero at the pivot)", () => {
    for (const n of [16, 17, 18, 19, 33, 64, 100]) {
      const A = cmatZeros(n, n);
      let s = 5 + n;
      const next = (): number => {
        s = (s * 16807) % 2147483647;
        return s / 2147483647 - 0.5;
      };
      for (let k = 0; k < A.data.length; k++) A.data[k] = next();
      // Rows that already hold zeros under the first panels: their multipliers are 0 (skipped rows).
      for (let i = n - 3; i < n; i++) for (let j = 0; j < 8; j++) A.data[2 * (i * n + j)] = A.data[2 * (i * n + j) + 1] = 0;
      A.data[0] = 0;
      A.data[1] = 0;
      const simd = luFactor(A);
      const scalar = luFactor(A, false);
      expect(Array.from(simd.piv)).toEqual(Array.from(scalar.piv));
      for (let k = 0; k < scalar.lu.data.length; k++) {
        if (!Object.is(simd.lu.data[k], scalar.lu.data[k])) expect(`n=${n} [${k}] ${simd.lu.data[k]}`).toBe(`${scalar.lu.data[k]}`);
      }
    }
  });
});

describe("LU, blocked panels", () => {
  it("solves systems to rounding, with pivoting, for every panel remainder (n = 37…40) and on the blocked solves (n ≥ 48, partial last blocks)", () => {
    for (const n of [37, 38, 39, 40, 48, 57, 100]) {
      const A = cmatZeros(n, n);
      const B = cmatZeros(n, 3);
      let s = 17 + n;
      const next = (): number => {
        s = (s * 16807) % 2147483647;
        return s / 2147483647 - 0.5;
      };
      for (let k = 0; k < A.data.length; k++) A.data[k] = next();
      for (let k = 0; k < B.data.length; k++) B.data[k] = next();
      const f = luFactor(A);
      // Random entries make row swaps certain; the residual is the independent check.
      expect(Array.from(f.piv).some((p, k) => p !== k)).toBe(true);
      const X = luSolveMatrix(f, B);
      expect(maxAbsDiff(cmatmul(cmatZeros(n, 3), A, X).data, B.data)).toBeLessThan(1e-11);
      const x = luSolve(f, Float64Array.from({ length: 2 * n }, (_, k) => B.data[6 * (k >> 1) + (k & 1)]!));
      expect(maxAbsDiff(x, Float64Array.from({ length: 2 * n }, (_, k) => X.data[6 * (k >> 1) + (k & 1)]!))).toBeLessThan(1e-11);
    }
  });
});

describe("LU, bad input", () => {
  it("throws SolverError on a singular matrix and typed errors on bad shapes", () => {
    expect(() => luFactor(cmatFromRows([[1, 2], [2, 4]]))).toThrow(SolverError);
    expect(() => luFactor(cmatZeros(3, 3))).toThrow(/singular/);
    expect(() => luFactor(cmatZeros(2, 3))).toThrow(DimensionError);
    expect(() => luFactor({ rows: 2, cols: 2, data: new Float64Array(8).fill(NaN) })).toThrow(InputError);
    const f = luFactor(cmatFromRows([[1, 0], [0, 1]]));
    expect(() => luSolve(f, new Float64Array(6))).toThrow(DimensionError);
    expect(() => luSolveMatrix(f, cmatZeros(3, 1))).toThrow(DimensionError);
  });
});
