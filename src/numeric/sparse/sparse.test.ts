import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InputError, SolverError } from "../../errors.js";
import { csrFromDense, csrFromTriplets, csrMatvec, csrToDense } from "../complex/csr.js";
import { cmatvec, cmatZeros } from "../complex/dense.js";
import type { CMatrix, CsrMatrix } from "../complex/types.js";
import { maxAbsDiff, testRng } from "../complex/__tests__/helpers.js";
import { luFactor, luSolve } from "../linalg/lu.js";
import { bicgstab } from "./bicgstab.js";
import { connectedComponents, rcmOrdering } from "./graph.js";
import { ilu0 } from "./ilu0.js";
import { sparseLuFactor, sparseLuSolve } from "./sparse-lu.js";
import { csrSubmatrix } from "./submatrix.js";

// BiCGSTAB and a direct solver for steady states. Reference solutions come
// from the dense partial-pivoting LU (checked against numpy.linalg.solve in lu.test.ts).

/** Random sparse n×n complex matrix: `perRow` off-diagonal entries per row, diagonal weight `diag`. */
function randomSparse(n: number, perRow: number, diag: number, seed: number): CsrMatrix {
  const rng = testRng(seed);
  const I: number[] = [];
  const J: number[] = [];
  const re: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < n; i++) {
    if (diag !== 0) {
      I.push(i); J.push(i); re.push(diag * (1 + rng())); im.push(rng() - 0.5);
    }
    for (let t = 0; t < perRow; t++) {
      I.push(i); J.push(Math.floor(rng() * n)); re.push(2 * rng() - 1); im.push(2 * rng() - 1);
    }
  }
  return csrFromTriplets(n, n, Int32Array.from(I), Int32Array.from(J), Float64Array.from(re), Float64Array.from(im));
}

function randomVec(n: number, seed: number): Float64Array {
  const rng = testRng(seed);
  return Float64Array.from({ length: 2 * n }, () => 2 * rng() - 1);
}

function denseSolve(A: CsrMatrix, b: Float64Array): Float64Array {
  return luSolve(luFactor(csrToDense(A)), b);
}

function relResidual(A: CsrMatrix, x: Float64Array, b: Float64Array): number {
  const r = csrMatvec(new Float64Array(b.length), A, x);
  return maxAbsDiff(r, b) / Math.max(...Array.from(b, Math.abs));
}

describe("sparseLuSolve vs dense LU", () => {
  it("solves random well-conditioned sparse systems (n = 1..120, with and without a dominant diagonal)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0.5, 8), fc.integer(), (n, perRow, diag, seed) => {
      const A = randomSparse(n, perRow, diag, seed);
      const b = randomVec(n, seed + 1);
      let ref: Float64Array;
      try {
        ref = denseSolve(A, b);
      } catch {
        expect(() => sparseLuSolve(A, b)).toThrow(SolverError); // singular patterns are allowed here
        return;
      }
      const refScale = Math.max(...Array.from(ref, Math.abs));
      if (refScale > 1e6) return; // too ill-conditioned for a meaningful comparison
      const x = sparseLuSolve(A, b);
      expect(maxAbsDiff(x, ref)).toBeLessThan(1e-9 * refScale);
      expect(relResidual(A, x, b)).toBeLessThan(1e-12 * Math.max(1, refScale));
    }), { numRuns: 150 });
  });

  it("needs pivoting when the diagonal is zero (anti-diagonal permutation matrix times a scale)", () => {
    const n = 7;
    const D = cmatZeros(n, n);
    for (let i = 0; i < n; i++) D.data[2 * (i * n + (n - 1 - i))] = i + 1;
    const A = csrFromDense(D);
    const b = randomVec(n, 3);
    expect(maxAbsDiff(sparseLuSolve(A, b), denseSolve(A, b))).toBeLessThan(1e-15);
    expect(maxAbsDiff(sparseLuSolve(A, b, { ordering: "natural", pivotThreshold: 1 }), denseSolve(A, b))).toBeLessThan(1e-15);
  });

  it("handles dense rows (a trace condition replacing row 0) through the border", () => {
    for (const seed of [1, 2, 3, 4]) {
      const n = 300;
      const B = randomSparse(n, 3, seed === 4 ? 0.01 : 2, seed);
      const I: number[] = [];
      const J: number[] = [];
      const re: number[] = [];
      const im: number[] = [];
      for (let i = 1; i < n; i++) {
        for (let p = B.rowPtr[i]!; p < B.rowPtr[i + 1]!; p++) {
          I.push(i); J.push(B.colIdx[p]!); re.push(B.data[2 * p]!); im.push(B.data[2 * p + 1]!);
        }
      }
      for (let j = 0; j < n; j += 2) {
        I.push(0); J.push(j); re.push(1); im.push(0); // "trace" row over every second variable
      }
      const A = csrFromTriplets(n, n, Int32Array.from(I), Int32Array.from(J), Float64Array.from(re), Float64Array.from(im));
      const b = new Float64Array(2 * n);
      b[0] = 1;
      const ref = denseSolve(A, b);
      const x = sparseLuSolve(A, b);
      const scale = Math.max(...Array.from(ref, Math.abs));
      expect(maxAbsDiff(x, ref)).toBeLessThan(1e-10 * scale);
      expect(relResidual(A, x, b)).toBeLessThan(1e-13);
    }
  });

  it("handles a dense row that must pivot early (variable 1 appears only in it)", () => {
    const n = 200;
    const B = randomSparse(n, 3, 2, 21);
    const I: number[] = [];
    const J: number[] = [];
    const re: number[] = [];
    const im: number[] = [];
    for (let i = 1; i < n; i++) {
      for (let p = B.rowPtr[i]!; p < B.rowPtr[i + 1]!; p++) {
        const j = B.colIdx[p]!;
        if (j === 1) continue;
        I.push(i); J.push(j); re.push(B.data[2 * p]!); im.push(B.data[2 * p + 1]!);
      }
    }
    I.push(1); J.push(0); re.push(3); im.push(0); // row 1 keeps an entry
    for (let j = 1; j < n; j += 2) {
      I.push(0); J.push(j); re.push(1 + j / n); im.push(0);
    }
    const A = csrFromTriplets(n, n, Int32Array.from(I), Int32Array.from(J), Float64Array.from(re), Float64Array.from(im));
    const b = randomVec(n, 22);
    let ref: Float64Array;
    try {
      ref = denseSolve(A, b);
    } catch {
      throw new Error("test matrix unexpectedly singular");
    }
    const x = sparseLuSolve(A, b);
    expect(relResidual(A, x, b)).toBeLessThan(1e-12);
    expect(maxAbsDiff(x, ref)).toBeLessThan(1e-8 * Math.max(...Array.from(ref, Math.abs)));
  });

  it("widens the front when a dense row must pivot in a narrow band (tridiagonal + trace row)", () => {
    const n = 100;
    const I: number[] = [];
    const J: number[] = [];
    const re: number[] = [];
    const im: number[] = [];
    for (let i = 1; i < n; i++) {
      // Row i ≠ 50 is diagonally dominant in variable i; row 50 carries variable 0 instead, so
      // variable 50 appears only in the dense row 0, which must pivot in the middle of the band.
      const entries: Array<[number, number]> = i === 50 ? [[0, 4], [49, -1], [51, -1]] : [[i - 1, -1], [i, 4], [i + 1, -1]];
      for (const [j, v] of entries) {
        if (j >= n || j === 50) continue;
        I.push(i); J.push(j); re.push(v); im.push(0.1 * (j - i));
      }
    }
    for (let j = 0; j < n; j++) {
      I.push(0); J.push(j); re.push(1); im.push(0);
    }
    const A = csrFromTriplets(n, n, Int32Array.from(I), Int32Array.from(J), Float64Array.from(re), Float64Array.from(im));
    const b = randomVec(n, 5);
    const x = sparseLuSolve(A, b);
    expect(relResidual(A, x, b)).toBeLessThan(1e-12);
    expect(maxAbsDiff(x, denseSolve(A, b))).toBeLessThan(1e-10 * Math.max(...Array.from(x, Math.abs)));
  });

  it("is not fooled by badly scaled columns (a variable in units 1e-30 of the others)", () => {
    const A = randomSparse(40, 3, 4, 12);
    for (let p = 0; p < A.colIdx.length; p++) {
      if (A.colIdx[p] === 7) {
        A.data[2 * p] = A.data[2 * p]! * 1e-30;
        A.data[2 * p + 1] = A.data[2 * p + 1]! * 1e-30;
      }
    }
    const b = randomVec(40, 13);
    const x = sparseLuSolve(A, b);
    expect(relResidual(A, x, b)).toBeLessThan(1e-13);
    const ref = denseSolve(A, b);
    expect(Math.abs(x[14]! - ref[14]!)).toBeLessThan(1e-9 * Math.abs(ref[14]!));
  });

  it("reuses one factorisation for several right-hand sides", () => {
    const A = randomSparse(60, 3, 4, 9);
    const f = sparseLuFactor(A);
    for (const seed of [1, 2, 3]) {
      const b = randomVec(60, seed);
      expect(relResidual(A, f.solve(b), b)).toBeLessThan(1e-12);
    }
  });

  it("throws SolverError for singular systems, InputError for bad input", () => {
    const zeroRow = csrFromTriplets(3, 3, Int32Array.from([0, 2]), Int32Array.from([0, 2]), Float64Array.from([1, 1]), Float64Array.from([0, 0]));
    expect(() => sparseLuSolve(zeroRow, new Float64Array(6))).toThrow(/singular/);
    // Two equal rows: numerically singular.
    const D = cmatZeros(3, 3);
    D.data.set([1, 0, 2, 1, 0, 0, 1, 0, 2, 1, 0, 0, 0, 0, 3, 0, 1, 0]);
    expect(() => sparseLuSolve(csrFromDense(D), new Float64Array(6))).toThrow(SolverError);
    expect(() => sparseLuSolve(csrFromDense(cmatZeros(2, 3)), new Float64Array(4))).toThrow(InputError);
    expect(() => sparseLuSolve(randomSparse(3, 1, 2, 1), new Float64Array(4))).toThrow(/b/);
  });
});

/** A complex entry (row, column, re, im). */
type Triplet = [number, number, number, number];

/** The n×n CSR matrix of `t` (duplicates summed in order). */
function fromTriplets(n: number, t: readonly Triplet[]): CsrMatrix {
  const col = (q: number) => t.map((e) => e[q]!);
  return csrFromTriplets(n, n, Int32Array.from(col(0)), Int32Array.from(col(1)), Float64Array.from(col(2)), Float64Array.from(col(3)));
}

/** B's entries (i, j) except those `drop` names, plus `extra` triplets (e.g. a dense trace row). */
function withRows(B: CsrMatrix, drop: (i: number, j: number) => boolean, extra: readonly Triplet[]): CsrMatrix {
  const t: Triplet[] = [];
  for (let i = 0; i < B.rows; i++) {
    for (let p = B.rowPtr[i]!; p < B.rowPtr[i + 1]!; p++) {
      if (!drop(i, B.colIdx[p]!)) t.push([i, B.colIdx[p]!, B.data[2 * p]!, B.data[2 * p + 1]!]);
    }
  }
  return fromTriplets(B.rows, [...t, ...extra]);
}

describe("sparse LU elimination kernels", () => {
  it("the WebAssembly SIMD pivot search and elimination give the scalar loops' factors bit for bit (ring wrap, border, dense pivot, widened front)", () => {
    const grid = (m: number): CsrMatrix => {
      // A 2-D nearest-neighbour stencil with a diagonal coupling, like a Liouvillian of ρ_mn.
      const t: Triplet[] = [];
      for (let a = 0; a < m; a++) {
        for (let c = 0; c < m; c++) {
          const i = a + m * c;
          t.push([i, i, -1 - 0.1 * (a + c), 0.3 * (a - c)]);
          if (a + 1 < m) t.push([i, i + 1, 0.5, 0.2 * a]);
          if (a > 0) t.push([i, i - 1, 0.5, -0.2 * a]);
          if (c + 1 < m) t.push([i, i + m, 0.4, -0.1 * c]);
          if (c > 0) t.push([i, i - m, 0.4, 0.1 * c]);
          if (a + 1 < m && c + 1 < m) t.push([i, i + m + 1, 0.7, 0]);
        }
      }
      return fromTriplets(m * m, t);
    };
    const trace = (B: CsrMatrix, step: number, from: number): CsrMatrix =>
      withRows(B, (i) => i === 0, Array.from({ length: Math.ceil((B.rows - from) / step) }, (_, q) => [0, from + q * step, 1 + q / B.rows, 0] as Triplet));
    const tridiagonalWide = fromTriplets(
      100,
      [
        ...Array.from({ length: 99 }, (_, q) => q + 1).flatMap((i) => (i === 50 ? [[0, 4], [49, -1], [51, -1]] : [[i - 1, -1], [i, 4], [i + 1, -1]])
          .filter(([j]) => j! < 100 && j !== 50).map(([j, v]) => [i, j!, v!, 0.1 * (j! - i)] as Triplet)),
        ...Array.from({ length: 100 }, (_, j) => [0, j, 1, 0] as Triplet),
      ],
    );
    const cases: CsrMatrix[] = [
      randomSparse(120, 3, 2, 31),
      randomSparse(90, 4, 0.05, 32),
      grid(9),
      trace(grid(12), 1, 0),
      trace(randomSparse(300, 3, 0.01, 4), 2, 0),
      withRows(randomSparse(200, 3, 2, 21), (i, j) => j === 1 && i > 0, [[1, 0, 3, 0], ...Array.from({ length: 100 }, (_, q) => [0, 1 + 2 * q, 1 + (1 + 2 * q) / 200, 0] as Triplet)]),
      tridiagonalWide,
    ];
    for (const [c, A] of cases.entries()) {
      const b = randomVec(A.rows, 40 + c);
      const simd = sparseLuFactor(A, { kernel: "simd" });
      const scalar = sparseLuFactor(A, { kernel: "scalar" });
      expect(simd.nnzFactors).toBe(scalar.nnzFactors);
      const xs = simd.solve(b);
      const xr = scalar.solve(b);
      // (The widened-front case needs its refinement step for a small residual; see above.)
      if (A !== tridiagonalWide) expect(relResidual(A, xr, b), `case ${c}`).toBeLessThan(1e-8);
      for (let k = 0; k < xs.length; k++) {
        if (!Object.is(xs[k], xr[k])) throw new Error(`case ${c}: x[${k}] differs: ${xs[k]} vs ${xr[k]}`);
      }
    }
    expect(() => sparseLuFactor(cases[0]!, { kernel: "avx" as "simd" })).toThrow(InputError);
  });
});

describe("bicgstab and ilu0", () => {
  it("converges on a diagonally dominant complex system, with and without ILU(0)", () => {
    const n = 200;
    const A = randomSparse(n, 4, 8, 5);
    const b = randomVec(n, 6);
    const ref = denseSolve(A, b);
    const apply = (out: Float64Array, x: Float64Array): void => { csrMatvec(out, A, x); };
    const plain = bicgstab(apply, b, { tol: 1e-12 });
    expect(plain.residual).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(plain.x, ref)).toBeLessThan(1e-10);
    const pre = bicgstab(apply, b, { tol: 1e-12, precondition: ilu0(A).apply });
    expect(maxAbsDiff(pre.x, ref)).toBeLessThan(1e-10);
    expect(pre.iterations).toBeLessThan(plain.iterations);
    const warm = bicgstab(apply, b, { tol: 1e-12, x0: pre.x });
    expect(warm.iterations).toBeLessThanOrEqual(1);
  });

  it("ILU(0) of a tridiagonal matrix is its exact LU (no fill), so it solves exactly", () => {
    const n = 30;
    const D: CMatrix = cmatZeros(n, n);
    for (let i = 0; i < n; i++) {
      D.data[2 * (i * n + i)] = 4;
      D.data[2 * (i * n + i) + 1] = 1;
      if (i > 0) D.data[2 * (i * n + i - 1)] = -1;
      if (i < n - 1) D.data[2 * (i * n + i + 1) + 1] = 1.5;
    }
    const b = randomVec(n, 8);
    const x = ilu0(csrFromDense(D)).apply(new Float64Array(2 * n), b);
    expect(maxAbsDiff(cmatvec(new Float64Array(2 * n), D, x), b)).toBeLessThan(1e-14);
  });

  it("reports the residual reached and the fix when it does not converge; b = 0 gives x = 0", () => {
    const A = randomSparse(100, 6, 0.1, 2);
    const apply = (out: Float64Array, x: Float64Array): void => { csrMatvec(out, A, x); };
    expect(() => bicgstab(apply, randomVec(100, 1), { maxIter: 3 })).toThrow(/relative residual .* after 3 iterations.*maxIter.*sparseLuSolve/);
    expect(Array.from(bicgstab(apply, new Float64Array(200)).x).every((v) => v === 0)).toBe(true);
    expect(() => bicgstab(apply, new Float64Array(200), { tol: 0 })).toThrow(InputError);
    expect(() => ilu0(csrFromTriplets(2, 2, Int32Array.from([0]), Int32Array.from([1]), Float64Array.from([1]), Float64Array.from([0])))).toThrow(/diagonal/);
  });
});

describe("graph helpers", () => {
  it("connectedComponents splits a shuffled block-diagonal matrix; csrSubmatrix extracts the blocks", () => {
    // Blocks {0, 3, 5} and {1, 4}; 2 and 6 isolated (diagonal only).
    const I = Int32Array.from([0, 3, 5, 0, 1, 4, 2, 6, 3]);
    const J = Int32Array.from([3, 5, 0, 0, 4, 1, 2, 6, 3]);
    const A = csrFromTriplets(7, 7, I, J, Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), new Float64Array(9));
    const cc = connectedComponents(A);
    expect(cc.count).toBe(4);
    expect(cc.members.map((m) => Array.from(m))).toEqual([[0, 3, 5], [1, 4], [2], [6]]);
    const B = csrSubmatrix(A, cc.members[0] as Int32Array);
    // rows/cols (0, 3, 5): A[0][0] = 4, A[0][3] = 1, A[3][5] = 2, A[3][3] = 9, A[5][0] = 3
    expect(Array.from(csrToDense(B).data.filter((_, k) => k % 2 === 0))).toEqual([4, 1, 0, 0, 9, 2, 3, 0, 0]);
  });

  it("RCM recovers bandwidth 1 for a shuffled path graph and is a permutation", () => {
    const n = 50;
    const rng = testRng(4);
    const label = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => (a * 7919 + 13) % n - ((b * 7919 + 13) % n));
    const I: number[] = [];
    const J: number[] = [];
    for (let k = 0; k + 1 < n; k++) {
      I.push(label[k]!); J.push(label[k + 1]!);
    }
    const A = csrFromTriplets(n, n, Int32Array.from(I), Int32Array.from(J), Float64Array.from(I, () => rng()), new Float64Array(I.length));
    const perm = rcmOrdering(A);
    expect(Array.from(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
    const inv = new Int32Array(n);
    perm.forEach((v, k) => { inv[v] = k; });
    let band = 0;
    for (let k = 0; k < I.length; k++) band = Math.max(band, Math.abs((inv[I[k]!]!) - (inv[J[k]!]!)));
    expect(band).toBe(1);
  });
});
