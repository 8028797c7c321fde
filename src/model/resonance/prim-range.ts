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
