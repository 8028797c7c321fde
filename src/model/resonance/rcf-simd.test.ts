import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { allocStates } from "./node-states.js";
import { numpyRandomKets } from "./random-states.js";
import { rcfPair } from "./rcf.js";
import { RcfRows } from "./rcf-simd.js";

describe("RCF rows through WebAssembly SIMD (§2.1: RCF_ij = |⟨ψ_i|ψ_j⟩|²)", () => {
  it("equals rcfPair bit for bit for every pair, odd and even d, odd and even row lengths", () => {
    for (const dim of [2, 3, 12, 13]) {
      const s = numpyRandomKets(allocStates(97, dim), new NumpyRandomState(dim));
      const rows = RcfRows.create(s.data, dim, 97, 40);
      expect(rows).toBeDefined();
      for (let i = 0; i < 97; i++) {
        for (const [lo, hi] of [[0, 40], [57, 97], [3, 4], [10, 10], [20, 59]] as const) {
          const out = rows!.row(i, lo, hi);
          for (let v = lo; v < hi; v++) expect(Object.is(out[v - lo], rcfPair(s.data, dim, i, v))).toBe(true);
        }
      }
    }
  });

  it("is exact where the answer is known: |⟨e_k|e_k⟩|² = 1, orthogonal kets 0, and a phase drops out", () => {
    const dim = 4;
    const data = new Float64Array(2 * dim * 3);
    data[0] = 1; // node 0 = e_0
    data[2 * dim + 2] = 1; // node 1 = e_1
    data[4 * dim] = Math.SQRT1_2; // node 2 = i·e_0/√2 + e_0/√2 (global phase e^{iπ/4})
    data[4 * dim + 1] = Math.SQRT1_2;
    const out = RcfRows.create(data, dim, 3, 3)!.row(0, 0, 3);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(0);
    expect(out[2]).toBeCloseTo(1, 15);
  });

  it("refuses a row longer than it was sized for (a programmer error, not a user one)", () => {
    const s = numpyRandomKets(allocStates(10, 3), new NumpyRandomState(1));
    expect(() => RcfRows.create(s.data, 3, 10, 4)!.row(0, 0, 5)).toThrow(/within 4 columns/);
  });
});
