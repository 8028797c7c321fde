/**
 * One range of Prim's minimum spanning tree on the complete graph with weights
 * w_ij = 1 − RCF_ij, RCF computed on the fly (no N² storage).
 *
 * Prim's O(N²) algorithm is split by vertex ranges: a `PrimRange` owns the vertices [lo, hi),
 * their best-known distance to the tree (`key`) and the tree vertex it comes from (`parent`).
 * Each iteration the newest tree vertex u is broadcast; every range relaxes its own vertices
 * against u and reports its lightest one. Choosing the lightest of the ranges' answers by
 * (key, index), in range order, is independent of how the vertices were split, so the tree — and
 * every number computed from it — is the same for any number of ranges or threads.
 *
 * The ranges are contiguous blocks of the node-major state array and the remaining vertices are
 * kept sorted, so the inner loop streams through memory.
 */
import { assert } from "../../errors.js";
import { rcfUnrolled } from "./rcf.js";

/** The lightest remaining vertex of a range after a relaxation. */
export interface RangeMin {
  /** Its weight to the tree (1 − RCF of its best edge); +Infinity when the range is empty. */
  key: number;
  /** The vertex, or −1 when the range is empty. */
  vertex: number;
  /** The tree vertex of its best edge, or −1. */
  parent: number;
}

/** The vertices [lo, hi) of Prim's algorithm over states `data` (d modes each). */
export class PrimRange {
  readonly lo: number;
  readonly hi: number;
  private readonly data: Float64Array;
  private readonly dim: number;
  private readonly remaining: Int32Array;
  private count: number;
  private readonly key: Float64Array;
  private readonly parent: Int32Array;
  private readonly u: Float64Array;

  constructor(data: Float64Array, dim: number, lo: number, hi: number) {
    this.data = data;
    this.dim = dim;
    this.lo = lo;
    this.hi = hi;
    this.count = hi - lo;
    this.remaining = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) this.remaining[i] = lo + i;
    this.key = new Float64Array(this.count).fill(Number.POSITIVE_INFINITY);
    this.parent = new Int32Array(this.count).fill(-1);
    this.u = new Float64Array(2 * dim);
  }

  /**
   * Add vertex `u` to the tree: drop it from this range if it is ours, relax every remaining vertex
   * v against it (key_v ← min(key_v, 1 − RCF_uv)) and write the lightest one into `out`.
   * Ties break to the lower vertex index.
   */
  relax(u: number, out: RangeMin): RangeMin {
    if (u >= this.lo && u < this.hi) this.remove(u);
    const d2 = 2 * this.dim;
    const data = this.data;
    const ub = this.u;
    ub.set(data.subarray(u * d2, u * d2 + d2));
    const rem = this.remaining;
    const key = this.key;
    const parent = this.parent;
    let bestKey = Number.POSITIVE_INFINITY;
    let bestVertex = -1;
    let bestParent = -1;
    for (let c = 0; c < this.count; c++) {
      const v = rem[c]!;
      const w = 1 - rcfUnrolled(ub, 0, data, v * d2, d2);
      const s = v - this.lo;
      if (w < key[s]!) {
        key[s] = w;
        parent[s] = u;
      }
      const kv = key[s]!;
      if (kv < bestKey) {
        bestKey = kv;
        bestVertex = v;
        bestParent = parent[s]!;
      }
    }
    out.key = bestKey;
    out.vertex = bestVertex;
    out.parent = bestParent;
    return out;
  }

  /** Remove vertex u (in this range) from the sorted remaining list. */
  private remove(u: number): void {
    const rem = this.remaining;
    let a = 0;
    let b = this.count;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (rem[m]! < u) a = m + 1;
      else b = m;
    }
    if (a < this.count && rem[a] === u) {
      rem.copyWithin(a, a + 1, this.count);
      this.count--;
    }
  }
}

/** Split [0, n) into `parts` contiguous ranges of near-equal size: boundaries b_0 = 0 … b_parts = n. */
export function splitRanges(n: number, parts: number): Int32Array {
  const b = new Int32Array(parts + 1);
  for (let p = 0; p <= parts; p++) b[p] = Math.floor((p * n) / parts);
  return b;
}

/** Pick the lighter of two range answers by (key, vertex): the fixed, split-independent reduction. */
export function lighter(a: RangeMin, b: RangeMin): boolean {
  return b.vertex >= 0 && (a.vertex < 0 || b.key < a.key || (b.key === a.key && b.vertex < a.vertex));
}

/**
 * Prim's tree over a small complete graph whose RCFs are already in a matrix (a cluster's, filled
 * by the SIMD kernel), with exactly `PrimRange`'s rules: from vertex 0, each step relaxes the
 * remaining vertices in index order against the newest tree vertex u (w = 1 − RCF_uv;
 * key_v ← w when w < key_v strictly, parent_v ← u) and takes the first lightest key (ties to the
 * lower index). Only the upper triangle is stored (RCF_uv at min(u, v)·n + max(u, v)): with it
 * equal to PrimRange's `rcfUnrolled(u, v)` bit for bit (the sum is symmetric bit for bit: its real
 * part has the same products, its imaginary part is negated term by term), the edges, their order
 * and their weights are PrimRange's. Its arrays are kept and grown, never shrunk, so a caller
 * running many clusters allocates nothing per cluster.
 */
export class DensePrim {
  private remaining = new Int32Array(0);
  private key = new Float64Array(0);
  private parent = new Int32Array(0);

  /**
   * The tree of vertices [0, n) with RCFs `rcf[i·n + j]` for i < j (nothing else is read): edge e
   * joins `base + from[at + e]` to `base + to[at + e]` for e < n − 1, added in that order;
   * `weights[at + e]`, when given, receives the edge's weight 1 − RCF (its key when taken).
   */
  tree(rcf: Float64Array, n: number, base: number, from: Int32Array, to: Int32Array, at: number, weights?: Float64Array): void {
    if (this.key.length < n) {
      this.remaining = new Int32Array(n);
      this.key = new Float64Array(n);
      this.parent = new Int32Array(n);
    }
    const rem = this.remaining;
    const key = this.key;
    const parent = this.parent;
    // Vertex 0 is the root: it never enters the remaining list.
    let count = n - 1;
    for (let i = 0; i < count; i++) rem[i] = i + 1;
    key.fill(Number.POSITIVE_INFINITY, 0, n);
    parent.fill(-1, 0, n);
    let u = 0;
    for (let e = 0; e < n - 1; e++) {
      let bestKey = Number.POSITIVE_INFINITY;
      let bestAt = -1;
      // The remaining list is sorted: v < u reads column u, v > u row u.
      for (let c = 0; c < count; c++) {
        const v = rem[c]!;
        const x = 1 - rcf[v < u ? v * n + u : u * n + v]!;
        let kv = key[v]!;
        if (x < kv) {
          kv = x;
          key[v] = x;
          parent[v] = u;
        }
        if (kv < bestKey) {
          bestKey = kv;
          bestAt = c;
        }
      }
      assert(bestAt >= 0, "Prim: a vertex must remain while edges are missing");
      const v = rem[bestAt]!;
      from[at + e] = base + parent[v]!;
      to[at + e] = base + v;
      if (weights) weights[at + e] = bestKey;
      rem.copyWithin(bestAt, bestAt + 1, count);
      count--;
      u = v;
    }
  }
}
