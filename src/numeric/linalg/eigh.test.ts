import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError, InputError } from "../../errors.js";
import { cadjoint, cmatFromRows, cmatmul, cmatNormFro, cmatZeros } from "../complex/dense.js";
import type { CMatrix } from "../complex/types.js";
import { arbCMatrix, dec, type EncMatrix, loadRef, maxAbsDiff, randomCMatrix, testRng } from "../complex/__tests__/helpers.js";
import { tridiagonalize } from "./tridiagonal.js";
import { DIVIDE_CONQUER_N_MIN, eigh, eigvalsh } from "./eigh.js";

// Hermitian eigensolver (eigenvalues and vectors), validated by
// reconstruction A = V diag(λ) V†, unitarity V†V = I, exact small cases, numpy.linalg.eigvalsh
// fixtures (scripts/refs/numpy_linalg.py) and constructed degenerate spectra.

interface Ref { eigh: Array<{ A: EncMatrix; values: number[] }> }
const ref = loadRef<Ref>("numpy-linalg.json");

function hermitianPart(X: CMatrix): CMatrix {
  const n = X.rows;
  const H = cmatZeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    H.data[2 * (i * n + j)] = 0.5 * ((X.data[2 * (i * n + j)]!) + (X.data[2 * (j * n + i)]!));
    H.data[2 * (i * n + j) + 1] = 0.5 * ((X.data[2 * (i * n + j) + 1]!) - (X.data[2 * (j * n + i) + 1]!));
  }
  return H;
}

/** max |A − V diag(λ) V†| and max |V†V − I|. */
function residuals(A: CMatrix, values: Float64Array, V: CMatrix): { rec: number; orth: number } {
  const n = A.rows;
  const L = cmatZeros(n, n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
    L.data[2 * (i * n + k)] = (V.data[2 * (i * n + k)]!) * values[k]!;
    L.data[2 * (i * n + k) + 1] = (V.data[2 * (i * n + k) + 1]!) * values[k]!;
  }
  const Vh = cadjoint(cmatZeros(n, n), V);
  const rec = maxAbsDiff(cmatmul(cmatZeros(n, n), L, Vh).data, A.data);
  const G = cmatmul(cmatZeros(n, n), Vh, V);
  for (let i = 0; i < n; i++) G.data[2 * (i * n + i)] = (G.data[2 * (i * n + i)]!) - 1;
  return { rec, orth: maxAbsDiff(G.data, new Float64Array(G.data.length)) };
}

/** U diag(λ) U† with U = I − 2vv†/(v†v) an exactly constructed unitary. */
function withSpectrum(lambda: number[], seed: number): CMatrix {
  const n = lambda.length;
  const v = randomCMatrix(n, 1, testRng(seed)).data;
  let vv = 0;
  for (const x of v) vv += x * x;
  const U = cmatZeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const [ar, ai, br, bi] = [v[2 * i]!, v[2 * i + 1]!, v[2 * j]!, v[2 * j + 1]!];
    U.data[2 * (i * n + j)] = (i === j ? 1 : 0) - (2 / vv) * (ar * br + ai * bi);
    U.data[2 * (i * n + j) + 1] = -(2 / vv) * (ai * br - ar * bi);
  }
  const D = cmatZeros(n, n);
  lambda.forEach((l, i) => { D.data[2 * (i * n + i)] = l; });
  return cmatmul(cmatZeros(n, n), cmatmul(cmatZeros(n, n), U, D), cadjoint(cmatZeros(n, n), U));
}

describe("eigh, exact small cases", () => {
  it("1×1: the entry itself, eigenvector 1", () => {
    const r = eigh(cmatFromRows([[-2.5]]));
    expect(Array.from(r.values)).toEqual([-2.5]);
    expect(Math.hypot(r.vectors?.data[0] as number, r.vectors?.data[1] as number)).toBe(1);
  });

  it("2×2 [[2, 1−i], [1+i, 3]] has eigenvalues 1 and 4", () => {
    const A = cmatFromRows([[2, [1, -1]], [[1, 1], 3]]);
    const r = eigh(A);
    expect(Math.abs(r.values[0]! - 1)).toBeLessThan(1e-15);
    expect(Math.abs(r.values[1]! - 4)).toBeLessThan(4e-15);
    const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
    expect(rec).toBeLessThan(1e-14);
    expect(orth).toBeLessThan(1e-15);
  });

  it("Pauli σ_y has eigenvalues ∓1; a diagonal matrix comes back sorted with unit vectors", () => {
    expect(maxAbsDiff(eigvalsh(cmatFromRows([[0, [0, -1]], [[0, 1], 0]])), [-1, 1])).toBeLessThan(1e-15);
    const r = eigh(cmatFromRows([[3, 0, 0], [0, 1, 0], [0, 0, 2]]));
    expect(Array.from(r.values)).toEqual([1, 2, 3]);
    const V = r.vectors as CMatrix;
    // eigenvalue 1 belongs to e_1: column 0 has its only nonzero entry in row 1.
    expect(Math.hypot(V.data[2 * 3]!, V.data[2 * 3 + 1]!)).toBe(1);
  });

  it("the zero matrix and the empty matrix", () => {
    expect(Array.from(eigh(cmatZeros(4, 4)).values)).toEqual([0, 0, 0, 0]);
    const e = eigh(cmatZeros(0, 0));
    expect(e.values.length).toBe(0);
    expect(e.vectors?.rows).toBe(0);
  });
});

describe("eigh vs numpy.linalg.eigvalsh", () => {
  it("matches every fixture to 1e-12·‖A‖_F and reconstructs A", () => {
    for (const c of ref.eigh) {
      const A = dec(c.A);
      const norm = cmatNormFro(A);
      const r = eigh(A);
      expect(maxAbsDiff(r.values, c.values)).toBeLessThan(1e-12 * norm);
      const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
      expect(rec).toBeLessThan(1e-12 * norm);
      expect(orth).toBeLessThan(1e-12);
      expect(maxAbsDiff(eigvalsh(A), r.values)).toBe(0);
    }
  });
});

describe("eigh, degenerate spectra", () => {
  it("U diag(1,1,1,2,2,3) U† gives the spectrum and an orthonormal basis of each eigenspace", () => {
    const lambda = [2, 1, 3, 1, 2, 1];
    const A = withSpectrum(lambda, 11);
    const r = eigh(A);
    expect(maxAbsDiff(r.values, [1, 1, 1, 2, 2, 3])).toBeLessThan(1e-14);
    const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
    expect(rec).toBeLessThan(1e-14);
    expect(orth).toBeLessThan(1e-14);
  });

  it("a fully degenerate 5×5 spectrum (A = 7·I in a rotated basis)", () => {
    const r = eigh(withSpectrum([7, 7, 7, 7, 7], 3));
    expect(maxAbsDiff(r.values, [7, 7, 7, 7, 7])).toBeLessThan(1e-14);
  });
});

describe("eigh, extreme scales (fast-check regressions)", () => {
  it("subnormal and ~1e-168 entries (squares underflow) give exact spectra", () => {
    const t = 5e-324;
    const r = eigh({ rows: 2, cols: 2, data: Float64Array.from([0, 0, 0, t, 0, -t, 0, 0]) });
    expect(Array.from(r.values)).toEqual([-t, t]);
    const c = 1.5717277847026288e-168;
    const B = cmatZeros(3, 3);
    B.data[4] = c;
    B.data[12] = c;
    const rb = eigh(B);
    expect(maxAbsDiff(rb.values, [-c, 0, c])).toBeLessThan(1e-15 * c);
    const { rec, orth } = residuals(B, rb.values, rb.vectors as CMatrix);
    expect(rec).toBeLessThan(1e-15 * c);
    expect(orth).toBeLessThan(1e-15);
    // A subnormal off-diagonal beside normal entries: its phase must still be a unit number.
    const D = cmatZeros(7, 7);
    D.data.set([1e-323, 1e-323], 2);
    D.data.set([1e-323, -1e-323], 14);
    D.data[82] = 1.907348632812498e-6;
    D.data[94] = 1.907348632812498e-6;
    const rd = eigh(D);
    expect(residuals(D, rd.values, rd.vectors as CMatrix).orth).toBeLessThan(1e-15);
  });
});

describe("eigh, subnormal reflector entries (fast-check seed 2006201554)", () => {
  // The Householder phase α/|α| was formed from a subnormal α whose hypot keeps only a few bits,
  // so |e^{iθ}| ≠ 1 by ~1e-12 and H = I − βuu† was not unitary.
  it("[[0, a, b], [ā, 0, 0], [b̄, 0, 0]] with subnormal a: V†V = I to 1e-15, λ = 0, ±|b|", () => {
    const a: [number, number] = [-5e-324, 1e-323];
    const b: [number, number] = [0, 5.763257992241851e-12];
    const A = cmatFromRows([[0, a, b], [[a[0], -a[1]], 0, 0], [[b[0], -b[1]], 0, 0]]);
    const r = eigh(A);
    // Exact: λ = 0, ±sqrt(|a|² + |b|²), and |a|² ≈ 1e-645 vanishes beside |b|².
    const lb = 5.763257992241851e-12;
    expect(maxAbsDiff(r.values, [-lb, 0, lb])).toBeLessThan(4e-16 * lb);
    const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
    expect(orth).toBeLessThan(1e-15);
    expect(rec).toBeLessThan(1e-15 * lb);
  });

  it("a whole subnormal column below a normal diagonal: no NaN (the column scale 1/max overflowed)", () => {
    for (const t of [5e-324, 1e-320, 3e-310]) {
      const A = cmatFromRows([[1, t, [t, t]], [t, 0, 0], [[t, -t], 0, 0.5]]);
      const r = eigh(A);
      // Off-diagonal t moves the eigenvalues by O(t²) ≈ 0: the spectrum is the diagonal.
      expect(maxAbsDiff(r.values, [0, 0.5, 1])).toBeLessThan(1e-15);
      expect(residuals(A, r.values, r.vectors as CMatrix).orth).toBeLessThan(1e-15);
    }
  });
});

describe("eigh, properties", () => {
  it("A = V diag(λ) V†, V†V = I, λ ascending, to 1e-12·‖A‖ (random Hermitian, n = 1..12)", () => {
    const arb = fc.integer({ min: 1, max: 12 }).chain((n) => arbCMatrix(n, n)).map(hermitianPart);
    fc.assert(fc.property(arb, fc.constantFrom(1, 1e-6, 1e6, 1e-200, 1e200), (H, s) => {
      const A = { ...H, data: H.data.map((x) => s * x) };
      const norm = cmatNormFro(A);
      const r = eigh(A);
      for (let k = 1; k < r.values.length; k++) expect(r.values[k]).toBeGreaterThanOrEqual(r.values[k - 1]!);
      const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
      expect(rec).toBeLessThanOrEqual(1e-12 * norm + 1e-300); // + 1e-300: subnormal inputs
      expect(orth).toBeLessThan(1e-12);
    }), { numRuns: 200 });
  });
});

describe("eigh on the SIMD passes (n ≥ 16)", () => {
  it("A = V diag(λ) V†, V†V = I to 1e-12·‖A‖ for n = 16, 17, 40, 65 (every row-pair remainder of the QL rotations and the back-transformation)", () => {
    const rng = testRng(20261202);
    for (const n of [16, 17, 40, 65]) {
      const A = hermitianPart(randomCMatrix(n, n, rng));
      const r = eigh(A);
      for (let k = 1; k < n; k++) expect(r.values[k]).toBeGreaterThanOrEqual(r.values[k - 1]!);
      const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
      expect(rec).toBeLessThanOrEqual(1e-12 * cmatNormFro(A));
      expect(orth).toBeLessThan(1e-12);
    }
  });
});

describe("eigh with divide-and-conquer eigenvectors (n ≥ DIVIDE_CONQUER_N_MIN)", () => {
  it("A = V diag(λ) V†, V†V = I to 1e-12·‖A‖, λ ascending and equal to eigvalsh's to 1e-13·‖A‖ (random Hermitian, odd and even n)", () => {
    const rng = testRng(20261203);
    for (const n of [DIVIDE_CONQUER_N_MIN, DIVIDE_CONQUER_N_MIN + 65]) {
      const A = hermitianPart(randomCMatrix(n, n, rng));
      const r = eigh(A);
      for (let k = 1; k < n; k++) expect(r.values[k]).toBeGreaterThanOrEqual(r.values[k - 1]!);
      const norm = cmatNormFro(A);
      const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
      expect(rec).toBeLessThanOrEqual(1e-12 * norm);
      expect(orth).toBeLessThan(1e-12);
      expect(maxAbsDiff(eigvalsh(A), r.values)).toBeLessThan(1e-13 * norm);
    }
  });

  it("scales: A·1e-300 and A·1e300 give the scaled spectrum and the same orthonormal vectors' quality (no overflow, no underflow)", () => {
    const n = DIVIDE_CONQUER_N_MIN + 1;
    const A = hermitianPart(randomCMatrix(n, n, testRng(42)));
    const ref = eigh(A);
    for (const c of [1e-300, 1e300]) {
      const r = eigh({ rows: n, cols: n, data: A.data.map((x) => x * c) });
      for (let k = 0; k < n; k++) expect(Math.abs(r.values[k]! / c - ref.values[k]!)).toBeLessThan(1e-12 * cmatNormFro(A));
      const V = r.vectors as CMatrix;
      expect(V.data.every(Number.isFinite)).toBe(true);
      expect(residuals(A, ref.values, V).orth).toBeLessThan(1e-12);
    }
  });

  it("a spectrum of 15 values 15 times each (a two-mode cavity's degeneracies) gives orthonormal eigenspaces", () => {
    const n = 225;
    const lambda = Array.from({ length: n }, (_, k) => (k * 7) % 15);
    const A = withSpectrum(lambda, 5);
    const r = eigh(A);
    expect(maxAbsDiff(r.values, [...lambda].sort((a, b) => a - b))).toBeLessThan(1e-13);
    const { rec, orth } = residuals(A, r.values, r.vectors as CMatrix);
    expect(rec).toBeLessThan(1e-12);
    expect(orth).toBeLessThan(1e-13);
  });
});

describe("tridiagonalisation on WebAssembly SIMD", () => {
  it("the SIMD Hermitian matvec and rank-2 update give the scalar reduction bit for bit (n = 16, 17, 40, 65: both row-pair remainders)", () => {
    const rng = testRng(20261203);
    for (const n of [16, 17, 40, 65]) {
      const A = hermitianPart(randomCMatrix(n, n, rng));
      const simd = tridiagonalize(A.data, n, true);
      const scalar = tridiagonalize(A.data, n, false);
      for (const key of ["a", "beta", "d", "e", "phase"] as const) {
        const x = simd[key];
        const y = scalar[key];
        expect(x.length).toBe(y.length);
        for (let k = 0; k < x.length; k++) {
          if (!Object.is(x[k], y[k])) throw new Error(`n = ${n}: ${key}[${k}] differs: ${x[k]} vs ${y[k]}`);
        }
      }
    }
  });
});

describe("eigh, bad input", () => {
  it("throws DimensionError for non-square and InputError for non-Hermitian or non-finite input", () => {
    expect(() => eigh(cmatZeros(2, 3))).toThrow(DimensionError);
    expect(() => eigh(cmatFromRows([[1, 2], [3, 4]]))).toThrow(InputError);
    expect(() => eigh(cmatFromRows([[1, [0, 1]], [[0, 1], 4]]))).toThrow(/Hermitian/);
    const nan = cmatFromRows([[1, 0], [0, 1]]);
    nan.data[6] = NaN;
    expect(() => eigh(nan)).toThrow(/A\[1\]\[1\]/);
  });

  it("the Hermiticity tolerance is relative to max|A|", () => {
    const big = cmatFromRows([[1e8, 1e8 + 1e-4], [1e8, 0]]);
    expect(eigh(big).values.length).toBe(2); // 1e-12 relative: accepted
    const off = cmatFromRows([[1e8, 1e8 + 10], [1e8, 0]]);
    expect(() => eigh(off)).toThrow(InputError); // 1e-7 relative: rejected
    expect(eigh(off, { hermTol: 1e-6 }).values.length).toBe(2);
  });

  it("names the first non-Hermitian pair row by row, across the check's tiles (n = 40)", () => {
    const n = 40;
    const A = hermitianPart(randomCMatrix(n, n, testRng(8)));
    A.data[2 * (33 * n + 30) + 1] = A.data[2 * (33 * n + 30) + 1]! + 1e-3; // pair (30, 33), in a later tile
    A.data[2 * (17 * n + 5)] = A.data[2 * (17 * n + 5)]! + 1e-3; // pair (5, 17): the first row by row
    expect(() => eigh(A)).toThrow(/A\[5\]\[17\]/);
  });

  it("names the first non-finite entry in storage order, before any non-Hermitian pair (n = 40)", () => {
    const n = 40;
    const A = hermitianPart(randomCMatrix(n, n, testRng(9)));
    A.data[2 * (17 * n + 5)] = A.data[2 * (17 * n + 5)]! + 1e-3; // a non-Hermitian pair
    A.data[2 * (36 * n + 2) + 1] = Infinity;
    A.data[2 * (21 * n + 30)] = NaN; // the first in storage order
    expect(() => eigh(A)).toThrow(/A\[21\]\[30\]/);
  });
});
