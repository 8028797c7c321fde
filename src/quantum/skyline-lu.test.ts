// Skyline LU: solves a sparse complex system with one long row to rounding (checked against
// the residual), and refines its way past a zero pivot or reports failure as a SolverError.
import { describe, it, expect } from "vitest";
import { SolverError } from "../errors.js";
import { csrFromDense } from "../numeric/complex/index.js";
import { SkylineLu, spmv } from "./skyline-lu.js";

function residual(A: ReturnType<typeof csrFromDense>, x: Float64Array, b: Float64Array): number {
  const r = new Float64Array(b.length);
  spmv(r, A, x);
  return Math.max(...Array.from(r, (v, k) => Math.abs(v - (b[k] as number))));
}

describe("SkylineLu", () => {
  it("solves a banded complex system with a dense last row to 1e-14", () => {
    const n = 40;
    const data = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) {
        data[2 * (i * n + j)] = i === j ? 4 + i * 0.01 : Math.sin(i + 2 * j);
        data[2 * (i * n + j) + 1] = Math.cos(3 * i - j) * 0.5;
      }
    }
    for (let j = 0; j < n; j += 3) data[2 * ((n - 1) * n + j)] = 1; // a trace-like row
    const A = csrFromDense({ rows: n, cols: n, data });
    const b = Float64Array.from({ length: 2 * n }, (_, k) => Math.cos(k));
    const x = new SkylineLu(A).solveRefined(b);
    expect(residual(A, x, b)).toBeLessThan(1e-13);
  });

  it("perturbs a zero pivot and recovers by refinement, or throws a SolverError", () => {
    const A = csrFromDense({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 0, 1, 0, 1, 0) }); // [[0,1],[1,1]]
    const lu = new SkylineLu(A);
    expect(lu.perturbed).toBe(1);
    const b = Float64Array.of(1, 0, 2, 0);
    try {
      const x = lu.solveRefined(b);
      expect(residual(A, x, b)).toBeLessThan(1e-12);
    } catch (e) {
      expect(e).toBeInstanceOf(SolverError);
    }
    const S = csrFromDense({ rows: 2, cols: 2, data: Float64Array.of(1, 0, 1, 0, 1, 0, 1, 0) }); // singular
    expect(() => new SkylineLu(S).solveRefined(Float64Array.of(1, 0, 0, 0))).toThrow(SolverError);
  });
});
