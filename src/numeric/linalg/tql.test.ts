import { describe, expect, it } from "vitest";
import { tql } from "./tql.js";

// Implicit QL on a real symmetric tridiagonal T, with the eigenvector rotations on WebAssembly
// SIMD from 16 rows on. Expected values: the exact spectrum of the path graph's adjacency
// matrix, λ_k = 2 cos(kπ/(n+1)), with eigenvectors sin(jkπ/(n+1)); and the scalar row pass,
// which the SIMD pass must equal bit for bit (the same operations on each lane).

function run(d0: Float64Array, e0: Float64Array, simd: boolean): { d: Float64Array; z: Float64Array } {
  const n = d0.length;
  const d = d0.slice();
  const e = e0.slice();
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  tql(d, e, z, simd);
  return { d, z };
}

describe("tql on the path graph (exact spectrum)", () => {
  for (const n of [5, 16, 33]) {
    it(`n = ${n}: eigenvalues 2 cos(kπ/(n+1)), eigenvectors satisfy T z = λ z and are orthonormal`, () => {
      const d0 = new Float64Array(n);
      const e0 = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 1 : 0));
      const { d, z } = run(d0, e0, true);
      const got = Array.from(d).sort((a, b) => a - b);
      const want = Array.from({ length: n }, (_, k) => 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((a, b) => a - b);
      for (let k = 0; k < n; k++) expect(Math.abs(got[k]! - want[k]!)).toBeLessThan(1e-14);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const tz = (i > 0 ? z[(i - 1) * n + j]! : 0) + (i < n - 1 ? z[(i + 1) * n + j]! : 0);
          expect(Math.abs(tz - d[j]! * z[i * n + j]!)).toBeLessThan(1e-13);
        }
        for (let k = j; k < n; k++) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += z[i * n + j]! * z[i * n + k]!;
          expect(Math.abs(dot - (j === k ? 1 : 0))).toBeLessThan(1e-13);
        }
      }
    });
  }
});

describe("tql's SIMD rotations", () => {
  it("equal the scalar row pass bit for bit, for even and odd n around the SIMD threshold and past four row pairs", () => {
    for (const n of [15, 16, 17, 18, 23, 41, 64]) {
      let s = 5 + n;
      const next = (): number => {
        s = (s * 16807) % 2147483647;
        return s / 2147483647 - 0.5;
      };
      const d0 = Float64Array.from({ length: n }, next);
      const e0 = Float64Array.from({ length: n }, next);
      const a = run(d0, e0, true);
      const b = run(d0, e0, false);
      expect(Array.from(a.d)).toEqual(Array.from(b.d));
      let differ = 0;
      for (let k = 0; k < n * n; k++) if (!Object.is(a.z[k], b.z[k])) differ++;
      expect(differ).toBe(0);
    }
  });
});
