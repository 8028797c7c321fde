import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DimensionError, InputError, SolverError } from "../../errors.js";
import { cadjoint, cmatAdd, cmatAxpy, cmatFromRows, cmatIdentity, cmatmul, cmatScale, cmatZeros } from "../complex/dense.js";
import { cmatmulSimd } from "../complex/matmul-simd.js";
import type { CMatrix } from "../complex/types.js";
import { arbCMatrix, dec, type EncMatrix, loadRef, maxAbsDiff } from "../complex/__tests__/helpers.js";
import { cmatNorm1, expm, powerNorm1 } from "./expm.js";
import { luFactor, luSolveMatrix } from "./lu.js";

// expm by Padé 13 with scaling and squaring (Higham 2005). Expected values:
// exact (diagonal, nilpotent), scipy.linalg.expm fixtures (scripts/refs/numpy_linalg.py), and the
// group properties e^{iH} unitary, e^A e^{−A} = I.
interface Ref { expm: Array<{ A: EncMatrix; expA: EncMatrix; norm1: number }> }
const ref = loadRef<Ref>("numpy-linalg.json");

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]!));
  return m;
}

describe("expm, exact cases", () => {
  it("of a diagonal matrix is the diagonal of scalar exponentials, for every Padé branch", () => {
    for (const z of [[1e-3, 2e-3], [0.1, -0.05], [0.5, 0.3], [1.2, -0.8], [3, 2], [-20, 7], [10, -40]] as const) {
      const A = cmatFromRows([[z, 0], [0, [z[1], z[0]]]]);
      const E = expm(A);
      const e0 = [Math.exp(z[0]) * Math.cos(z[1]), Math.exp(z[0]) * Math.sin(z[1])];
      const e1 = [Math.exp(z[1]) * Math.cos(z[0]), Math.exp(z[1]) * Math.sin(z[0])];
      const scale = Math.max(Math.exp(z[0]), Math.exp(z[1]));
      expect(maxAbsDiff(E.data, [e0[0]!, e0[1]!, 0, 0, 0, 0, e1[0]!, e1[1]!])).toBeLessThan(1e-13 * scale);
    }
  });

  it("of a nilpotent matrix is the finite series I + N + N²/2 + N³/6", () => {
    for (const c of [0.01, 1, 10, 100]) {
      const N = cmatFromRows([[0, c, [0, 2 * c], 3], [0, 0, [c, -c], 1], [0, 0, 0, [0, c]], [0, 0, 0, 0]]);
      const N2 = cmatmul(cmatZeros(4, 4), N, N);
      const N3 = cmatmul(cmatZeros(4, 4), N2, N);
      const S = cmatAdd(cmatZeros(4, 4), cmatIdentity(4), N);
      cmatAdd(S, S, cmatScale(cmatZeros(4, 4), N2, 0.5, 0));
      cmatAdd(S, S, cmatScale(cmatZeros(4, 4), N3, 1 / 6, 0));
      expect(maxAbsDiff(expm(N).data, S.data)).toBeLessThan(1e-14 * maxAbs(S.data));
    }
  });

  it("of the 0×0 and the zero matrix", () => {
    expect(expm(cmatZeros(0, 0)).rows).toBe(0);
    expect(Array.from(expm(cmatZeros(2, 2)).data)).toEqual(Array.from(cmatIdentity(2).data));
  });
});

describe("expm vs scipy.linalg.expm", () => {
  it("matches every fixture (‖A‖₁ from 0.01 to 300) to 1e-12 relative", () => {
    for (const c of ref.expm) {
      const A = dec(c.A);
      expect(Math.abs(cmatNorm1(A) - c.norm1)).toBeLessThan(1e-12 * c.norm1);
      const E = expm(A);
      expect(maxAbsDiff(E.data, c.expA.data)).toBeLessThan(1e-12 * maxAbs(c.expA.data));
    }
  });
});

describe("expm, properties", () => {
  it("e^{iH} is unitary for Hermitian H (‖H‖ up to ~200)", () => {
    fc.assert(fc.property(arbCMatrix(5, 5), fc.constantFrom(0.01, 1, 10), (X, t) => {
      // iH = (X − X†)/2 · t is anti-Hermitian.
      const K = cmatAdd(cmatZeros(5, 5), X, cmatScale(cmatZeros(5, 5), cadjoint(cmatZeros(5, 5), X), -1, 0));
      cmatScale(K, K, 0.5 * t, 0);
      const U = expm(K);
      const G = cmatmul(cmatZeros(5, 5), cadjoint(cmatZeros(5, 5), U), U);
      expect(maxAbsDiff(G.data, cmatIdentity(5).data)).toBeLessThan(1e-12);
    }), { numRuns: 60 });
  });

  it("e^A e^{−A} = I for ‖A‖₁ ≤ 2", () => {
    fc.assert(fc.property(arbCMatrix(4, 4), (X) => {
      const norm = cmatNorm1(X);
      const A: CMatrix = norm > 2 ? cmatScale(cmatZeros(4, 4), X, 2 / norm, 0) : X;
      const P = cmatmul(cmatZeros(4, 4), expm(A), expm(cmatScale(cmatZeros(4, 4), A, -1, 0)));
      expect(maxAbsDiff(P.data, cmatIdentity(4).data)).toBeLessThan(1e-13);
    }), { numRuns: 60 });
  });
});

describe("expm at the benchmark's size", () => {
  it("e^{−iHt} of a 101×101 Hermitian H is unitary and e^{iHt} inverts it (Padé 13 with squarings, every padding edge of the product)", () => {
    const n = 101;
    const H = cmatZeros(n, n);
    let s = 4242;
    const next = (): number => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647 - 0.5;
    };
    for (let i = 0; i < n; i++) {
      H.data[2 * (i * n + i)] = next();
      for (let j = 0; j < i; j++) {
        const re = next();
        const im = next();
        H.data[2 * (i * n + j)] = re;
        H.data[2 * (i * n + j) + 1] = im;
        H.data[2 * (j * n + i)] = re;
        H.data[2 * (j * n + i) + 1] = -im;
      }
    }
    // t scales ‖H t‖₁ to ≈ 60: Padé 13 on A/2^s with a few squarings.
    const t = 60 / cmatNorm1(H);
    const U = expm(cmatScale(cmatZeros(n, n), H, 0, -t));
    const V = expm(cmatScale(cmatZeros(n, n), H, 0, t));
    const I = cmatIdentity(n).data;
    // Rounding grows with n and ‖A‖ through the squarings; we see 2e-15, and 1e-13 leaves a factor of 50.
    expect(maxAbsDiff(cmatmul(cmatZeros(n, n), cadjoint(cmatZeros(n, n), U), U).data, I)).toBeLessThan(1e-13);
    expect(maxAbsDiff(cmatmul(cmatZeros(n, n), V, U).data, I)).toBeLessThan(1e-13);
  });
});

/**
 * Higham 2005's Padé 13 branch written with the dense operations one by one (cmatScale,
 * cmatAxpy, cmatmulSimd, luFactor/luSolveMatrix), with expm's choice of s from the same norms
 * (‖A‖₁ by cmatNorm1, the powers' by powerNorm1, as expm): the evaluation expm fuses into
 * single passes must give these bits exactly.
 */
function pade13Reference(A: CMatrix): CMatrix {
  const n = A.rows;
  const b = [64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1];
  const mm = (X: CMatrix, Y: CMatrix): CMatrix => cmatmulSimd(cmatZeros(n, n), X, Y);
  const norm = cmatNorm1(A);
  const A2 = mm(A, A);
  const A4 = mm(A2, A2);
  const A6 = mm(A4, A2);
  const n2 = powerNorm1(A2), n4 = powerNorm1(A4), n6 = powerNorm1(A6);
  const d2 = Math.sqrt(n2), d3 = Math.cbrt(norm * n2), d4 = n4 ** 0.25, d5 = (norm * n4) ** 0.2, d6 = n6 ** (1 / 6);
  const alpha = Math.min(norm, Math.max(d2, d3), Math.max(d3, d4), Math.max(d4, d5), Math.max(d5, d6));
  const s = Math.max(0, Math.ceil(Math.log2(alpha / 5.371920351148152)));
  const f = 2 ** -s;
  const As = cmatScale(cmatZeros(n, n), A, f, 0);
  const B2 = cmatScale(A2, A2, f ** 2, 0);
  const B4 = cmatScale(A4, A4, f ** 4, 0);
  const B6 = cmatScale(A6, A6, f ** 6, 0);
  const I = cmatIdentity(n);
  // The odd (o = 1) or even (o = 0) part: B6·(b12+o B6 + b10+o B4 + b8+o B2) + b6+o B6 + b4+o B4 + b2+o B2 + bo I.
  const part = (o: number): CMatrix => {
    const T = cmatScale(cmatZeros(n, n), B6, b[12 + o]!, 0);
    cmatAxpy(T, T, B4, b[10 + o]!, 0);
    cmatAxpy(T, T, B2, b[8 + o]!, 0);
    const W = mm(B6, T);
    cmatAxpy(W, W, B6, b[6 + o]!, 0);
    cmatAxpy(W, W, B4, b[4 + o]!, 0);
    cmatAxpy(W, W, B2, b[2 + o]!, 0);
    return cmatAxpy(W, W, I, b[o]!, 0);
  };
  const U = mm(As, part(1));
  const V = part(0);
  const Q = cmatAxpy(cmatZeros(n, n), V, U, -1, 0);
  const P = cmatAxpy(cmatZeros(n, n), V, U, 1, 0);
  let X = luSolveMatrix(luFactor(Q), P, P);
  let Y = cmatZeros(n, n);
  for (let k = 0; k < s; k++) {
    cmatmulSimd(Y, X, X);
    [X, Y] = [Y, X];
  }
  return X;
}

describe("expm, Padé 13 evaluation", () => {
  it("equals the operation-by-operation evaluation bit for bit (sizes 3 to 60, with and without squarings)", () => {
    let seed = 99;
    const next = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    for (const n of [3, 7, 16, 33, 60]) {
      for (const target of [3, 5, 40]) {
        const X = cmatZeros(n, n);
        for (let k = 0; k < X.data.length; k++) X.data[k] = next();
        const A = cmatScale(X, X, target / cmatNorm1(X), 0);
        const got = expm(A).data;
        const want = pade13Reference(A).data;
        for (let k = 0; k < want.length; k++) if (!Object.is(got[k], want[k])) expect(`n=${n} ‖A‖=${target} [${k}] ${got[k]}`).toBe(`${want[k]}`);
      }
    }
  });
});

describe("expm, bad input", () => {
  it("throws typed errors", () => {
    expect(() => expm(cmatZeros(2, 3))).toThrow(DimensionError);
    expect(() => expm({ rows: 1, cols: 1, data: Float64Array.from([Infinity, 0]) })).toThrow(/A\[0\]\[0\]/);
    expect(() => expm({ rows: 1, cols: 1, data: Float64Array.from([NaN, 0]) })).toThrow(InputError);
    expect(() => expm(cmatFromRows([[800]]))).toThrow(SolverError);
  });
});
