// Prim's MST against scipy (shared reference + scripts/refs/mst_ref.py), against an independent
// Kruskal, and property tests: a tree, no heavier than any random spanning tree, same answer
// from every way of giving the weights.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DimensionError, InputError } from "../../errors.js";
import { primDense, primImplicit, primRows, type MstResult } from "./index.js";

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/reference/${name}`, import.meta.url), "utf8"));
const shared = load("scipy-stats-mst.json") as { mst: { n: number; points: number[][]; total_weight: number; n_edges: number } };
const extra = load("mst-extra.json") as {
  graphs: { name: string; n: number; w: (number | null)[][]; total: number; edges: [number, number][] }[];
  euclidean3d: { points: number[][]; total: number; edges: number };
};

function distanceMatrix(points: number[][]): Float64Array {
  const n = points.length;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      const p = points[i]!, q = points[j]!;
      for (let k = 0; k < p.length; k++) s += (p[k]! - q[k]!) ** 2;
      w[i * n + j] = Math.sqrt(s);
    }
  }
  return w;
}

function edgeList(r: MstResult): [number, number][] {
  const e: [number, number][] = [];
  r.parent.forEach((p, v) => { if (p >= 0) e.push(p < v ? [p, v] : [v, p]); });
  return e.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Independent reference: Kruskal with union-find. Returns the total weight and edge count. */
function kruskal(w: Float64Array, n: number): { total: number; edges: number } {
  const list: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (w[i * n + j]! < Infinity) list.push([w[i * n + j]!, i, j]);
  list.sort((a, b) => a[0] - b[0]);
  const up = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => { while (up[x] !== x) { up[x] = up[up[x]!]!; x = up[x]!; } return x; };
  let total = 0, edges = 0;
  for (const [wt, i, j] of list) {
    const a = find(i), b = find(j);
    if (a !== b) { up[a] = b; total += wt; edges++; }
  }
  return { total, edges };
}

/** Checks that `r` is a forest: parent pointers reach a root without cycles, weights match w. */
function checkForest(r: MstResult, w: Float64Array, n: number): void {
  for (let v = 0; v < n; v++) {
    let x = v, steps = 0;
    while (r.parent[x]! >= 0) { x = r.parent[x]!; if (++steps > n) throw new Error(`cycle through ${v}`); }
    const p = r.parent[v]!;
    if (p >= 0) expect(r.edgeWeight[v]).toBe(w[v * n + p]);
  }
}

describe("primDense / primImplicit / primRows", () => {
  it("reproduces the shared reference: 50 Euclidean points, weight 4.574986154086105, 49 edges", () => {
    const { points, total_weight, n_edges } = shared.mst;
    const w = distanceMatrix(points);
    const n = points.length;
    const dense = primDense(w, n);
    expect(Math.abs(dense.totalWeight - total_weight)).toBeLessThan(1e-14 * total_weight);
    expect(dense.edges).toBe(n_edges);
    const implicit = primImplicit(n, (i, j) => Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!));
    expect(implicit.edges).toBe(n_edges);
    expect(Math.abs(implicit.totalWeight - total_weight)).toBeLessThan(1e-14 * total_weight);
    expect(Array.from(implicit.parent)).toEqual(Array.from(dense.parent));
  });

  for (const g of extra.graphs) {
    it(`matches scipy's minimum_spanning_tree on ${g.name}: same total and the same (unique) edge set`, () => {
      const n = g.n;
      const w = new Float64Array(n * n);
      g.w.forEach((row, i) => row.forEach((x, j) => { w[i * n + j] = x === null ? Infinity : x; }));
      const r = primDense(w, n);
      expect(r.totalWeight).toBe(g.total);
      expect(edgeList(r)).toEqual(g.edges);
      expect(r.edges).toBe(g.edges.length);
      checkForest(r, w, n);
    });
  }

  it("matches scipy on 300 points in 3-D (total to 1e-13)", () => {
    const { points, total, edges } = extra.euclidean3d;
    const r = primDense(distanceMatrix(points), points.length);
    expect(r.edges).toBe(edges);
    expect(Math.abs(r.totalWeight - total)).toBeLessThan(1e-13 * total);
  });

  it("property: a spanning tree, equal to Kruskal's weight, no heavier than a random spanning tree", () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      levels: fc.integer({ min: 1, max: 1000 }), // few levels: many ties
    });
    fc.assert(fc.property(arb, ({ n, seed, levels }) => {
      let s = seed || 1;
      const rand = (): number => { s = (Math.imul(s, 48271) % 2147483647 + 2147483647) % 2147483647; return s / 2147483647; };
      const w = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) { const x = Math.floor(rand() * levels); w[i * n + j] = x; w[j * n + i] = x; }
      const r = primDense(w, n);
      expect(r.edges).toBe(n - 1);
      checkForest(r, w, n);
      expect(r.totalWeight).toBe(kruskal(w, n).total);
      // a random spanning tree: attach each vertex of a random order to an earlier one
      const perm = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      let randomTree = 0;
      for (let k = 1; k < n; k++) randomTree += w[perm[k]! * n + perm[Math.floor(rand() * k)]!]!;
      expect(r.totalWeight).toBeLessThanOrEqual(randomTree);
      // every way of giving the weights gives the same tree (ties broken the same way)
      const imp = primImplicit(n, (i, j) => w[i * n + j]!);
      const rows = primRows(n, (i, cand, count, out) => { for (let k = 0; k < count; k++) out[k] = w[i * n + cand[k]!]!; });
      expect(Array.from(imp.parent)).toEqual(Array.from(r.parent));
      expect(Array.from(rows.parent)).toEqual(Array.from(r.parent));
    }), { numRuns: 300, seed: 4242 });
  });

  it("breaks ties by the lowest index: all-equal weights give a star on vertex 0", () => {
    const n = 6;
    const r = primImplicit(n, () => 1);
    expect(Array.from(r.parent)).toEqual([-1, 0, 0, 0, 0, 0]);
    expect(Array.from(r.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.totalWeight).toBe(5);
  });

  it("gives a spanning forest for disconnected graphs (+Infinity = no edge)", () => {
    // components {0, 2} and {1, 3}
    const r = primImplicit(4, (i, j) => ((i + j) % 2 === 0 ? 1 + i + j : Infinity));
    expect(r.edges).toBe(2);
    expect(Array.from(r.parent)).toEqual([-1, -1, 0, 1]);
    expect(r.totalWeight).toBe(3 + 5);
  });

  it("handles n = 0 and n = 1; the row callback sees only vertices outside the tree", () => {
    expect(primImplicit(0, () => 1).edges).toBe(0);
    const one = primImplicit(1, () => 1);
    expect([one.edges, one.parent[0], one.totalWeight]).toEqual([0, -1, 0]);
    const n = 30;
    let calls = 0, evaluated = 0;
    const inTree = new Uint8Array(n);
    primRows(n, (i, cand, count, out) => {
      calls++;
      evaluated += count;
      inTree[i] = 1;
      for (let k = 0; k < count; k++) {
        expect(inTree[cand[k]!]).toBe(0);
        out[k] = Math.abs(i - cand[k]!);
      }
    });
    expect(calls).toBe(n - 1);
    expect(evaluated).toBe((n * (n - 1)) / 2);
  });

  it("rejects bad input with typed errors", () => {
    expect(() => primDense(new Float64Array(5), 2)).toThrow(DimensionError);
    expect(() => primDense(new Float64Array([0, 1, 2, 0]), 2)).toThrow(/symmetric/);
    expect(() => primDense(new Float64Array([0, Number.NaN, Number.NaN, 0]), 2)).toThrow(InputError);
    expect(() => primImplicit(3, () => -Infinity)).toThrow(/weight\(0, 1\)/);
    expect(() => primImplicit(-1, () => 1)).toThrow(InputError);
    expect(() => primImplicit(2.5, () => 1)).toThrow(InputError);
    expect(() => primDense([0, 1, 1, 0] as unknown as Float64Array, 2)).toThrow(InputError);
  });
});
