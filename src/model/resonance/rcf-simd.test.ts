import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { nearestLists } from "./coherence-bounds.js";
import { backboneWeights, clusterCount, hierarchicalWork } from "./coherence-hierarchical.js";
import { allocStates } from "./node-states.js";
import { numpyRandomKets } from "./random-states.js";
import { rcfPair, rcfUnrolled } from "./rcf.js";
import { RcfRows } from "./rcf-simd.js";

describe("RCF rows through WebAssembly SIMD (§2.1: RCF_ij = |⟨ψ_i|ψ_j⟩|²)", () => {
  it("equals rcfPair (and, paired, rcfUnrolled) bit for bit for every pair, odd and even d, odd and even row lengths", () => {
    for (const dim of [2, 3, 12, 13]) {
      const s = numpyRandomKets(allocStates(97, dim), new NumpyRandomState(dim));
      const rows = RcfRows.create(s.data, dim, 97, 40);
      expect(rows).toBeDefined();
      for (let i = 0; i < 97; i++) {
        for (const [lo, hi] of [[0, 40], [57, 97], [3, 4], [10, 10], [20, 59]] as const) {
          const out = rows!.row(i, lo, hi);
          for (let v = lo; v < hi; v++) expect(Object.is(out[v - lo], rcfPair(s.data, dim, i, v))).toBe(true);
          const paired = rows!.rowUnrolled(i, lo, hi);
          for (let v = lo; v < hi; v++) expect(Object.is(paired[v - lo], rcfUnrolled(s.data, 2 * dim * i, s.data, 2 * dim * v, 2 * dim))).toBe(true);
        }
      }
    }
  });

  it("filters a row as the nearest-list pass does: exactly the nodes with w ≤ worstRow or w ≤ worst[v], in order", () => {
    const dim = 12;
    const s = numpyRandomKets(allocStates(300, dim), new NumpyRandomState(4));
    const rows = RcfRows.create(s.data, dim, 300, 64)!;
    for (let v = 0; v < 300; v++) rows.worst[v] = 0.7 + 0.25 * Math.sin(v);
    for (const [i, lo, hi, worstRow] of [[0, 1, 65, 0.8], [5, 200, 263, 0.9], [299, 0, 1, 2], [7, 30, 30, 1]] as const) {
      const expected: number[] = [];
      for (let v = lo; v < hi; v++) {
        const w = 1 - rcfPair(s.data, dim, i, v);
        if (w <= worstRow || w <= rows.worst[v]!) expected.push(v - lo, w);
      }
      const count = rows.near(i, lo, hi, worstRow);
      expect(Array.from(rows.candidates.subarray(0, 2 * count))).toEqual(expected);
    }
  });

  it("leaves the nearest lists and the backbone weights exactly as the scalar kernels make them", () => {
    for (const [nodes, dim] of [[700, 12], [333, 5]] as const) {
      const s = numpyRandomKets(allocStates(nodes, dim), new NumpyRandomState(nodes));
      const a = nearestLists(s, 8, 0, 1, undefined, true);
      const b = nearestLists(s, 8, 0, 1, undefined, false);
      expect(Array.from(a.neighbour)).toEqual(Array.from(b.neighbour));
      expect(Array.from(a.weight)).toEqual(Array.from(b.weight));
      const k = clusterCount(nodes, 50);
      const x = hierarchicalWork(nodes, 50);
      const y = hierarchicalWork(nodes, 50);
      backboneWeights(s, 50, 0, k, x, true);
      backboneWeights(s, 50, 0, k, y, false);
      expect(Array.from(x.weight)).toEqual(Array.from(y.weight));
      expect(Array.from(x.endpoint)).toEqual(Array.from(y.endpoint));
    }
  });

  it("reused for other states (fewer, more, other d) gives the rows a fresh kernel gives, reloading the same object", () => {
    const fresh = (s: { data: Float64Array }, dim: number, nodes: number, cols: number) => RcfRows.create(s.data, dim, nodes, cols)!;
    let rows: RcfRows | undefined;
    for (const [nodes, dim, cols] of [[200, 12, 150], [50, 5, 7], [900, 13, 40], [200, 12, 150]] as const) {
      const s = numpyRandomKets(allocStates(nodes, dim), new NumpyRandomState(nodes + dim));
      const before = rows;
      rows = RcfRows.reuse(rows, s.data, dim, nodes, cols)!;
      if (before) expect(rows).toBe(before);
      expect(rows.columnsMax).toBe(cols);
      const ref = fresh(s, dim, nodes, cols);
      for (const i of [0, nodes - 1, nodes >> 1]) {
        const lo = Math.max(0, nodes - cols - 3);
        expect(Array.from(rows.rowUnrolled(i, lo, Math.min(nodes, lo + cols)))).toEqual(Array.from(ref.rowUnrolled(i, lo, Math.min(nodes, lo + cols))));
        expect(Array.from(rows.row(i, 0, cols))).toEqual(Array.from(ref.row(i, 0, cols)));
      }
      expect(rows.worst.length).toBe(nodes);
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

describe("the backbone's minima inside the SIMD kernel (RcfRows.lightest)", () => {
  /** The backbone as it was computed row by row: `rowUnrolled`, then the first lightest 1 − RCF in JS. */
  function rowByRow(rows: RcfRows, nodes: number, size: number, a0: number, a1: number, k: number): { weight: number[]; endpoint: number[] } {
    const weight: number[] = [];
    const endpoint: number[] = [];
    for (let a = a0; a < a1; a++) {
      for (let b = 0; b < k; b++) {
        let w = Number.POSITIVE_INFINITY;
        let j = -1;
        if (a !== b) {
          const lo = b * size;
          const hi = Math.min(nodes, lo + size);
          const rcf = rows.rowUnrolled(a * size, lo, hi);
          for (let v = lo; v < hi; v++) {
            const x = 1 - rcf[v - lo]!;
            if (x < w) {
              w = x;
              j = v;
            }
          }
        }
        weight.push(w);
        endpoint.push(j);
      }
    }
    return { weight, endpoint };
  }

  /** Random kets; all near one ket (differences at 1e-9); a few kets repeated (exact ties everywhere). */
  function statesOf(kind: "random" | "coherent" | "tied", nodes: number, dim: number): { data: Float64Array; nodes: number; dim: number } {
    const s = numpyRandomKets(allocStates(nodes, dim), new NumpyRandomState(nodes + dim));
    const d2 = 2 * dim;
    if (kind === "coherent") for (let v = 1; v < nodes; v++) for (let m = 0; m < d2; m++) s.data[v * d2 + m] = s.data[m]! + 1e-9 * s.data[v * d2 + m]!;
    if (kind === "tied") for (let v = 3; v < nodes; v++) s.data.copyWithin(v * d2, (v % 3) * d2, (v % 3) * d2 + d2);
    return s;
  }

  it("gives the row-by-row backbone's weights and endpoints bit for bit (odd and even d, short last clusters, ranges across loads of representatives)", () => {
    for (const [nodes, dim, size] of [[150 * 70 + 11, 12, 150], [7 * 90 + 3, 5, 7], [7 * 20 + 6, 12, 7], [150 * 3 + 1, 5, 150]] as const) {
      for (const kind of ["random", "coherent", "tied"] as const) {
        const s = statesOf(kind, nodes, dim);
        const k = clusterCount(nodes, size);
        const rows = RcfRows.create(s.data, dim, nodes, size)!;
        for (const [a0, a1] of [[0, k], [3, Math.min(k, 70)], [k - 1, k], [1, 2], [0, Math.min(k, 65)], [Math.max(0, k - 66), k]] as const) {
          if (a0 >= a1) continue;
          const ref = rowByRow(rows, nodes, size, a0, a1, k);
          const simd = hierarchicalWork(nodes, size);
          const scalar = hierarchicalWork(nodes, size);
          backboneWeights(s, size, a0, a1, simd, true);
          backboneWeights(s, size, a0, a1, scalar, false);
          const at = (x: ArrayLike<number>) => Array.from(x).slice(a0 * k, a1 * k);
          const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
          expect(same(at(simd.weight), ref.weight)).toBe(true);
          expect(same(at(simd.endpoint), ref.endpoint)).toBe(true);
          expect(same(at(scalar.weight), ref.weight)).toBe(true);
          expect(same(at(scalar.endpoint), ref.endpoint)).toBe(true);
          if (kind === "tied") expect(ref.endpoint.every((j, i) => j === -1 || j < (i % k) * size + 3)).toBe(true);
        }
      }
    }
  });

  it("takes one representative or up to representativesMax at a time, an odd count as well", () => {
    const dim = 5;
    const s = numpyRandomKets(allocStates(400, dim), new NumpyRandomState(9));
    const rows = RcfRows.create(s.data, dim, 400, 11)!;
    for (const count of [1, 2, 3, RcfRows.representativesMax - 1, RcfRows.representativesMax]) {
      rows.representatives(2, 3, count);
      const out = Array.from(rows.lightest(100, 111));
      for (let r = 0; r < count; r++) {
        const rcf = Array.from(rows.rowUnrolled(2 + 3 * r, 100, 111));
        let w = Number.POSITIVE_INFINITY;
        let j = -1;
        rcf.forEach((x, v) => {
          if (1 - x < w) {
            w = 1 - x;
            j = 100 + v;
          }
        });
        expect(Object.is(out[2 * r], w)).toBe(true);
        expect(out[2 * r + 1]).toBe(j);
      }
    }
    expect(() => rows.representatives(0, 1, RcfRows.representativesMax + 1)).toThrow(/representatives/);
  });
});
