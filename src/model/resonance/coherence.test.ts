import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { exactCoherence } from "./coherence.js";
import { backboneWeights, clusterCount, clusterTrees, hierarchicalCoherence, hierarchicalPart, hierarchicalTree, hierarchicalWork, workFits } from "./coherence-hierarchical.js";
import { allocStates } from "./node-states.js";
import { numpyRandomKets } from "./random-states.js";
import { rcfPair, rcfRange } from "./rcf.js";

// numpy random kets (Appendix A's random_ket), RCF matrix by numpy, MST by scipy (scripts/refs/coherence-scipy.py).
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/scipy-coherence-numpy.json", import.meta.url), "utf8")) as {
  cases: { nodes: number; dim: number; seed: number; edges: number; globalRcf: number; mstWeight: number; rcf_0_1: number; rcf_5_17: number }[];
};

function kets(nodes: number, dim: number, seed: number) {
  return numpyRandomKets(allocStates(nodes, dim), new NumpyRandomState(seed));
}

describe("global coherence (§2.1: mean RCF over the MST of 1 − RCF)", () => {
  for (const c of ref.cases) {
    it(`matches numpy + scipy minimum_spanning_tree (N = ${c.nodes}, d = ${c.dim}, seed ${c.seed})`, () => {
      const s = kets(c.nodes, c.dim, c.seed);
      expect(rcfPair(s.data, s.dim, 0, 1)).toBeCloseTo(c.rcf_0_1, 14);
      expect(rcfPair(s.data, s.dim, 5, 17)).toBeCloseTo(c.rcf_5_17, 14);
      const r = exactCoherence(s);
      expect(r.edges).toBe(c.edges);
      expect(Math.abs(r.globalRcf - c.globalRcf)).toBeLessThan(1e-12);
      expect(Math.abs(r.mstWeight - c.mstWeight)).toBeLessThan(1e-12 * c.nodes);
    });
  }

  it("gives the same tree however the vertices are split into ranges (fixed reduction order)", () => {
    const s = kets(401, 12, 3);
    const one = exactCoherence(s, 1);
    for (const parts of [2, 3, 7]) {
      const r = exactCoherence(s, parts);
      expect(r.globalRcf).toBe(one.globalRcf);
      expect(Array.from(r.edgeTo)).toEqual(Array.from(one.edgeTo));
    }
  });

  it("hierarchical tree spans all nodes and never beats the exact minimum (RCF̄ ≤ exact)", () => {
    const s = kets(1000, 12, 5);
    const exact = exactCoherence(s);
    const h = hierarchicalCoherence(s, 150);
    expect(h.edges).toBe(999);
    // A spanning tree: union-find over its edges joins all nodes.
    const p = Int32Array.from({ length: 1000 }, (_, i) => i);
    const find = (x: number): number => (p[x] === x ? x : (p[x] = find(p[x]!)));
    for (let e = 0; e < h.edges; e++) p[find(h.edgeFrom[e]!)] = find(h.edgeTo[e]!);
    const roots = new Set(Array.from({ length: 1000 }, (_, i) => find(i)));
    expect(roots.size).toBe(1);
    expect(h.mstWeight).toBeGreaterThanOrEqual(exact.mstWeight - 1e-9);
    // With one cluster the hierarchical tree is the exact one.
    expect(hierarchicalCoherence(s, 1000).globalRcf).toBeCloseTo(exact.globalRcf, 13);
  });

  it("backbone weights equal a row-by-row reference bit for bit, for any split of the representatives", () => {
    // The reference: each representative's RCF row against all nodes (rcfRange), minimum per
    // cluster taking the first lightest node, as the backbone is defined in the module comment.
    for (const [nodes, dim, size] of [[1000, 12, 150], [457, 5, 7], [300, 3, 299]] as const) {
      const s = kets(nodes, dim, 11);
      const k = clusterCount(nodes, size);
      const row = new Float64Array(nodes);
      const scratch = new Float64Array(2 * dim);
      const whole = hierarchicalWork(nodes, size);
      backboneWeights(s, size, 0, k, whole);
      for (let a = 0; a < k; a++) {
        rcfRange(s.data, dim, a * size, 0, nodes, scratch, row);
        for (let b = 0; b < k; b++) {
          let w = Number.POSITIVE_INFINITY;
          let j = -1;
          if (b !== a) for (let v = b * size; v < Math.min(nodes, (b + 1) * size); v++) if (1 - row[v]! < w) [w, j] = [1 - row[v]!, v];
          expect(whole.weight[a * k + b]).toBe(w);
          expect(whole.endpoint[a * k + b]).toBe(j);
        }
      }
      // Split into uneven ranges of representatives and of clusters: the same tree, bit for bit.
      const split = hierarchicalWork(nodes, size);
      const cut = [0, 1, Math.floor(k / 2), k].filter((x, i, all) => i === 0 || x > all[i - 1]!);
      for (let p = 0; p + 1 < cut.length; p++) {
        backboneWeights(s, size, cut[p]!, cut[p + 1]!, split);
        clusterTrees(s, size, cut[p]!, cut[p + 1]!, split);
      }
      const a = hierarchicalTree(s, size, split);
      const b = hierarchicalCoherence(s, size);
      expect(a.globalRcf).toBe(b.globalRcf);
      expect(Array.from(a.edgeFrom)).toEqual(Array.from(b.edgeFrom));
      expect(Array.from(a.edgeTo)).toEqual(Array.from(b.edgeTo));
    }
  });

  it("hierarchicalPart over any number of parts (more parts than clusters included), run in any order, gives the tree bit for bit; scratch is reusable", () => {
    const s = kets(1000, 6, 13);
    const size = 150;
    const ref = hierarchicalCoherence(s, size);
    const work = hierarchicalWork(1000, size, true);
    expect(workFits(work, 1000, size)).toBe(true);
    expect(workFits(work, 1000, 100)).toBe(false);
    for (const parts of [1, 2, 3, 5, 9]) {
      for (let p = parts - 1; p >= 0; p--) hierarchicalPart(s, size, p, parts, work);
      const r = hierarchicalTree(s, size, work);
      expect(r.globalRcf).toBe(ref.globalRcf);
      expect(Array.from(r.edgeFrom)).toEqual(Array.from(ref.edgeFrom));
      expect(Array.from(r.edgeTo)).toEqual(Array.from(ref.edgeTo));
    }
  });

  it("rejects bad cluster sizes", () => {
    expect(() => hierarchicalCoherence(kets(10, 4, 1), 1)).toThrow(/clusterSize/);
  });
});
