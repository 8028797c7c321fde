// Dijkstra against scipy.sparse.csgraph.dijkstra (scripts/refs/dijkstra_ref.py →
// test/reference/dijkstra-scipy.json) and against an independent Floyd–Warshall on random graphs
// with edges down (+∞); hop counts are those of a path of the returned length; bad input is named.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { ShortestPaths } from "./index.js";

type Edge = [number, number, number];

/** Undirected edge list → CSR with both directions. */
function csr(n: number, edges: readonly Edge[]) {
  const offsets = new Int32Array(n + 1);
  for (const [a, b] of edges) { offsets[a + 1]!++; offsets[b + 1]!++; }
  for (let u = 0; u < n; u++) offsets[u + 1] = offsets[u + 1]! + offsets[u]!;
  const targets = new Int32Array(2 * edges.length), weights = new Float64Array(2 * edges.length);
  const fill = offsets.slice(0, n);
  for (const [a, b, w] of edges) {
    targets[fill[a]!] = b; weights[fill[a]!++] = w;
    targets[fill[b]!] = a; weights[fill[b]!++] = w;
  }
  return { offsets, targets, weights };
}

function floydWarshall(n: number, edges: readonly Edge[]): Float64Array {
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (const [a, b, w] of edges) {
    if (w < d[a * n + b]!) { d[a * n + b] = w; d[b * n + a] = w; }
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const via = d[i * n + k]! + d[k * n + j]!;
    if (via < d[i * n + j]!) d[i * n + j] = via;
  }
  return d;
}

describe("ShortestPaths (Dijkstra)", () => {
  const ref = JSON.parse(readFileSync(new URL("../../../test/reference/dijkstra-scipy.json", import.meta.url), "utf8")) as {
    graphs: { n: number; edges: Edge[]; sources: number[]; dist: (number | null)[][] }[];
  };

  it.each(ref.graphs.map((g) => [g.n, g] as const))("matches scipy on a random graph of %i nodes (1e-12 relative: sums of ≤ n doubles)", (_n, g) => {
    const { offsets, targets, weights } = csr(g.n, g.edges);
    const sp = new ShortestPaths(g.n, targets.length);
    const dist = new Float64Array(g.n);
    g.sources.forEach((s, k) => {
      sp.run(offsets, targets, weights, s, dist);
      g.dist[k]!.forEach((want, v) => {
        if (want === null) expect(dist[v]).toBe(Infinity);
        else expect(Math.abs(dist[v]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      });
    });
  });

  it("agrees with Floyd–Warshall on random graphs with edges down (+∞), and its hop counts match its distances", () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 25 }),
      raw: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Infinity))), { maxLength: 80 }),
    });
    fc.assert(fc.property(arb, ({ n, raw }) => {
      const edges: Edge[] = raw.map(([a, b, w]) => [a % n, b % n, w]);
      const { offsets, targets, weights } = csr(n, edges);
      const sp = new ShortestPaths(n, targets.length);
      const fw = floydWarshall(n, edges.filter((e) => e[2] < Infinity));
      const dist = new Float64Array(n), hops = new Int32Array(n);
      for (let s = 0; s < n; s++) {
        sp.run(offsets, targets, weights, s, dist, hops);
        for (let v = 0; v < n; v++) {
          const want = fw[s * n + v]!;
          if (want === Infinity) { expect(dist[v]).toBe(Infinity); expect(hops[v]).toBe(-1); }
          else expect(Math.abs(dist[v]! - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
          if (want < Infinity) expect(hops[v]! >= 0 && hops[v]! < n).toBe(true);
        }
        expect(hops[s]).toBe(0);
      }
    }), { numRuns: 100 });
  });

  it("names bad input: a negative weight, a source outside the graph, arrays of the wrong size", () => {
    const { offsets, targets, weights } = csr(3, [[0, 1, 1], [1, 2, -1]]);
    const sp = new ShortestPaths(3, targets.length);
    const dist = new Float64Array(3);
    expect(() => sp.run(offsets, targets, weights, 0, dist)).toThrow(/weights\[\d\]: expected a weight ≥ 0/);
    expect(() => sp.run(offsets, targets, weights, 3, dist)).toThrow(InputError);
    expect(() => sp.run(offsets, targets, weights, 0, new Float64Array(2))).toThrow(InputError);
    expect(() => new ShortestPaths(0, 0)).toThrow(InputError);
  });
});
