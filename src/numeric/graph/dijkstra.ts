/**
 * Single-source shortest paths on a graph with non-negative edge weights (Dijkstra 1959), with a
 * binary heap and lazy deletion: O((V + E) log E). The graph is compressed sparse rows: the
 * edges leaving node u are k ∈ [offsets[u], offsets[u+1]), to `targets[k]` at cost `weights[k]`;
 * a weight of +∞ is an edge that is down (skipped). Scratch arrays are kept between calls.
 */
import { InputError } from "../../errors.js";

/** A reusable Dijkstra solver for graphs of up to `nodes` nodes and `edges` directed edges. */
export class ShortestPaths {
  private readonly heapKey: Float64Array;
  private readonly heapNode: Int32Array;
  private readonly done: Uint8Array;

  constructor(readonly nodes: number, readonly edges: number) {
    if (!Number.isInteger(nodes) || nodes < 1) throw InputError.of("nodes", "an integer ≥ 1", nodes);
    if (!Number.isInteger(edges) || edges < 0) throw InputError.of("edges", "an integer ≥ 0", edges);
    // Each relaxation pushes at most once, plus the source.
    this.heapKey = new Float64Array(edges + 1);
    this.heapNode = new Int32Array(edges + 1);
    this.done = new Uint8Array(nodes);
  }

  /**
   * Distances from `source` to every node into `dist` (+∞ where unreachable); `hops` (optional)
   * receives the edge count of the path found. Returns `dist`.
   */
  run(offsets: Int32Array, targets: Int32Array, weights: Float64Array, source: number, dist: Float64Array, hops?: Int32Array): Float64Array {
    const n = this.nodes;
    if (offsets.length !== n + 1 || dist.length !== n || (hops !== undefined && hops.length !== n)) throw InputError.of("offsets/dist", `${n + 1} offsets and ${n} distances`, `${offsets.length} offsets, ${dist.length} distances`);
    if (offsets[n]! > this.edges || targets.length < offsets[n]! || weights.length < offsets[n]!) throw InputError.of("edges", `at most ${this.edges} edges with a target and a weight each`, offsets[n]);
    if (!(Number.isInteger(source) && source >= 0 && source < n)) throw InputError.of("source", `a node in [0, ${n})`, source);
    dist.fill(Infinity);
    hops?.fill(-1);
    this.done.fill(0);
    const key = this.heapKey, node = this.heapNode, done = this.done;
    let size = 0;
    const push = (d: number, u: number): void => {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (key[p]! <= d) break;
        key[i] = key[p]!;
        node[i] = node[p]!;
        i = p;
      }
      key[i] = d;
      node[i] = u;
    };
    dist[source] = 0;
    if (hops) hops[source] = 0;
    push(0, source);
    while (size > 0) {
      const u = node[0]!, du = key[0]!;
      // Pop: move the last entry down from the root.
      const lk = key[--size]!, ln = node[size]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && key[c + 1]! < key[c]!) c++;
        if (key[c]! >= lk) break;
        key[i] = key[c]!;
        node[i] = node[c]!;
        i = c;
      }
      key[i] = lk;
      node[i] = ln;
      if (done[u] === 1) continue;
      done[u] = 1;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const w = weights[k]!;
        if (!(w >= 0)) throw InputError.of(`weights[${k}]`, "a weight ≥ 0 (or +∞ for an edge that is down)", w);
        const v = targets[k]!;
        const dv = du + w;
        if (dv < dist[v]!) {
          dist[v] = dv;
          if (hops) hops[v] = hops[u]! + 1;
          push(dv, v);
        }
      }
    }
    return dist;
  }
}
