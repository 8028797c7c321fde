import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { primEdges, type PrimRelaxer } from "./coherence.js";
import { clusterCount, clusterTree, clusterTrees, hierarchicalCoherence, hierarchicalWork } from "./coherence-hierarchical.js";
import { allocStates, normaliseAll, type NodeStates } from "./node-states.js";
import { PrimRange, type RangeMin } from "./prim-range.js";
import { numpyRandomKets } from "./random-states.js";
import { RcfRows } from "./rcf-simd.js";

/** The reference: `primEdges` over one `PrimRange` of [lo, hi), recording each step's key (the edge's weight). */
function primRangeTree(s: NodeStates, lo: number, hi: number): { from: number[]; to: number[]; weight: number[] } {
  const range = new PrimRange(s.data, s.dim, lo, hi);
  const weight: number[] = [];
  const relaxer: PrimRelaxer = {
    relaxAll(u: number, out: RangeMin): RangeMin {
      range.relax(u, out);
      weight.push(out.key);
      return out;
    },
  };
  if (hi - lo < 2) return { from: [], to: [], weight: [] };
  const t = primEdges(hi - lo, relaxer, lo);
  return { from: Array.from(t.from), to: Array.from(t.to), weight };
}

function randomStates(nodes: number, dim: number, seed: number): NodeStates {
  return numpyRandomKets(allocStates(nodes, dim), new NumpyRandomState(seed));
}

/** Kets close to one common ket (a coherent mesh: RCF near 1, weights near 0 and close together). */
function coherentStates(nodes: number, dim: number, seed: number): NodeStates {
  const noise = randomStates(nodes + 1, dim, seed);
  const s = allocStates(nodes, dim);
  const d2 = 2 * dim;
  for (let i = 0; i < nodes; i++) for (let m = 0; m < d2; m++) s.data[i * d2 + m] = noise.data[m]! + 1e-3 * noise.data[(i + 1) * d2 + m]!;
  normaliseAll(s);
  return s;
}

/** Overlaps that tie: three distinct kets repeated, and basis kets (RCF exactly 0 or 1). */
function tiedStates(nodes: number, dim: number): NodeStates {
  const kets = randomStates(3, dim, 99);
  const s = allocStates(nodes, dim);
  const d2 = 2 * dim;
  for (let i = 0; i < nodes; i++) {
    if (i % 4 === 3) s.data[i * d2 + 2 * (i % dim)] = 1;
    else s.data.set(kets.data.subarray((i % 3) * d2, (i % 3 + 1) * d2), i * d2);
  }
  return s;
}

function expectSame(s: NodeStates, lo: number, hi: number, rows: RcfRows): void {
  const ref = primRangeTree(s, lo, hi);
  const e = Math.max(0, hi - lo - 1);
  const from = new Int32Array(e + 2).fill(-7);
  const to = new Int32Array(e + 2).fill(-7);
  const weight = new Float64Array(e + 2).fill(-7);
  clusterTree(rows, lo, hi, from, to, 1, weight);
  for (let x = 0; x < e; x++) {
    expect(from[1 + x]).toBe(ref.from[x]);
    expect(to[1 + x]).toBe(ref.to[x]);
    expect(Object.is(weight[1 + x], ref.weight[x])).toBe(true);
  }
  // Nothing written outside the cluster's slots.
  expect([from[0], to[0], weight[0], from[e + 1], to[e + 1], weight[e + 1]]).toEqual([-7, -7, -7, -7, -7, -7]);
}

describe("a cluster's tree from the SIMD weight matrix is PrimRange's tree, bit for bit", () => {
  for (const dim of [12, 5]) {
    it(`random, coherent and tied states, d = ${dim}, clusters of 150, 7, 2 and 1`, () => {
      const nodes = 330;
      const kinds = [randomStates(nodes, dim, dim), coherentStates(nodes, dim, dim + 1), tiedStates(nodes, dim)];
      for (const s of kinds) {
        const rows = RcfRows.create(s.data, dim, nodes, 150)!;
        expect(rows).toBeDefined();
        for (const [lo, hi] of [[0, 150], [150, 300], [300, 307], [307, 309], [329, 330], [180, 330]] as const) expectSame(s, lo, hi, rows);
      }
    });
  }

  it("the tied cluster really ties: equal weights pick the lower vertex, as PrimRange does", () => {
    const s = tiedStates(40, 5);
    const ref = primRangeTree(s, 0, 40);
    expect(new Set(ref.weight).size).toBeLessThan(ref.weight.length / 2);
    expectSame(s, 0, 40, RcfRows.create(s.data, 5, 40, 40)!);
  });

  it("clusterTrees on the kernel writes the scalar PrimRange trees into every slot (last clusters of 1 and 7 nodes)", () => {
    for (const [nodes, dim, size] of [[751, 12, 150], [455, 5, 7], [603, 12, 150]] as const) {
      for (const s of [randomStates(nodes, dim, 3), coherentStates(nodes, dim, 4), tiedStates(nodes, dim)]) {
        const k = clusterCount(nodes, size);
        const a = hierarchicalWork(nodes, size);
        const b = hierarchicalWork(nodes, size);
        a.from.fill(-1);
        b.from.fill(-1);
        clusterTrees(s, size, 0, k, a, true);
        clusterTrees(s, size, 0, k, b, false);
        expect(Array.from(a.from)).toEqual(Array.from(b.from));
        expect(Array.from(a.to)).toEqual(Array.from(b.to));
      }
    }
  });

  it("the sample is unchanged when the kernel memory is reused across populations of other sizes", () => {
    const big = coherentStates(1200, 12, 8);
    const small = randomStates(300, 5, 9);
    const first = hierarchicalCoherence(big, 150);
    hierarchicalCoherence(small, 7);
    const again = hierarchicalCoherence(big, 150);
    expect(Object.is(again.globalRcf, first.globalRcf)).toBe(true);
    expect(Array.from(again.edgeFrom)).toEqual(Array.from(first.edgeFrom));
    expect(Array.from(again.edgeTo)).toEqual(Array.from(first.edgeTo));
  });
});
