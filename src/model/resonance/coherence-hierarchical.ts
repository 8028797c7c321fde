/**
 * Hierarchical global coherence for meshes too large for the exact O(N²) tree: the paper's
 * clusters of 100–200 nodes (§3.2) each get their exact MST (weights 1 − RCF), and a backbone
 * MST joins the clusters. The backbone weight between clusters A and B is the lightest edge
 * between A's representative (its first node) and any node of B, or B's representative and any
 * node of A; the edge realising it joins the two trees. The result is a spanning tree of N − 1
 * edges, so RCF̄ is computed over it exactly as §2.1 says, but the tree is not the minimum one:
 * its RCF̄ is a lower bound of the exact value (the error is reported beside exact where both run).
 *
 * Cost: N·c/2 pairs inside clusters plus K·N for the backbone (K = ⌈N/c⌉ clusters).
 */
import { InputError } from "../../errors.js";
import { type CoherenceResult, primEdges, treeCoherence, type PrimRelaxer } from "./coherence.js";
import type { NodeStates } from "./node-states.js";
import { checkPopulation } from "./node-states.js";
import { PrimRange, type RangeMin } from "./prim-range.js";
import { rcfRange } from "./rcf.js";

/** The paper's cluster sizes (§3.2: clusters of 100–200 nodes); the default is their middle. */
export const CLUSTER_SIZE_DEFAULT = 150;

class SingleRange implements PrimRelaxer {
  constructor(private readonly range: PrimRange) {}
  relaxAll(u: number, out: RangeMin): RangeMin {
    return this.range.relax(u, out);
  }
}

/**
 * Hierarchical RCF̄ of `states` with clusters of `clusterSize` consecutive nodes (the last one
 * holds the remainder). `clusterSize` is an integer in [2, 10^4].
 */
export function hierarchicalCoherence(states: NodeStates, clusterSize = CLUSTER_SIZE_DEFAULT): CoherenceResult {
  checkPopulation(states.nodes, states.dim, "states");
  if (!Number.isInteger(clusterSize) || clusterSize < 2 || clusterSize > 10_000) {
    throw InputError.of("clusterSize", "an integer in [2, 10000] (the paper's clusters hold 100–200 nodes)", clusterSize);
  }
  const n = states.nodes;
  const k = Math.ceil(n / clusterSize);
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  let e = 0;
  for (let c = 0; c < k; c++) {
    const lo = c * clusterSize;
    const hi = Math.min(n, lo + clusterSize);
    if (hi - lo < 2) continue;
    const t = primEdges(hi - lo, new SingleRange(new PrimRange(states.data, states.dim, lo, hi)), lo);
    from.set(t.from, e);
    to.set(t.to, e);
    e += t.from.length;
  }
  e = backbone(states, clusterSize, k, from, to, e);
  return treeCoherence(states, from.subarray(0, e), to.subarray(0, e));
}

/** Backbone MST over K clusters (dense Prim on K×K), appending its K − 1 edges at `e`. */
function backbone(states: NodeStates, size: number, k: number, from: Int32Array, to: Int32Array, e: number): number {
  if (k < 2) return e;
  const n = states.nodes;
  // w[a*k+b]: lightest 1 − RCF from rep(a) to any node of cluster b; endpoint in best[a*k+b].
  const w = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
  const best = new Int32Array(k * k).fill(-1);
  const row = new Float64Array(n);
  const scratch = new Float64Array(2 * states.dim);
  for (let a = 0; a < k; a++) {
    rcfRange(states.data, states.dim, a * size, 0, n, scratch, row);
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const hi = Math.min(n, (b + 1) * size);
      let bestW = Number.POSITIVE_INFINITY;
      let bestJ = -1;
      for (let j = b * size; j < hi; j++) {
        const x = 1 - row[j]!;
        if (x < bestW) {
          bestW = x;
          bestJ = j;
        }
      }
      w[a * k + b] = bestW;
      best[a * k + b] = bestJ;
    }
  }
  const key = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const edgeA = new Int32Array(k).fill(-1);
  const edgeB = new Int32Array(k).fill(-1);
  const inTree = new Uint8Array(k);
  let u = 0;
  inTree[0] = 1;
  for (let step = 1; step < k; step++) {
    let next = -1;
    for (let b = 0; b < k; b++) {
      if (inTree[b]) continue;
      // Symmetrised weight between clusters u and b, and the node pair realising it.
      const wub = w[u * k + b]!;
      const wbu = w[b * k + u]!;
      const x = Math.min(wub, wbu);
      if (x < key[b]!) {
        key[b] = x;
        edgeA[b] = wub <= wbu ? u * size : best[b * k + u]!;
        edgeB[b] = wub <= wbu ? best[u * k + b]! : b * size;
      }
      if (next < 0 || key[b]! < key[next]!) next = b;
    }
    inTree[next] = 1;
    from[e] = edgeA[next]!;
    to[e] = edgeB[next]!;
    e++;
    u = next;
  }
  return e;
}
