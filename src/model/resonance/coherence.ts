/**
 * Global coherence of a mesh (§2.1):
 *
 *   RCF̄ = 1/(N−1) · Σ_{e∈T} RCF_e,
 *
 * T the minimum spanning tree of the complete graph weighted by 1 − RCF_ij. Exact: Prim's O(N²)
 * algorithm with RCF rows computed on the fly (`prim-range.ts`), O(N) memory. The threaded
 * version (experiments/coherence/coherence-parallel.ts) drives the same ranges from worker threads.
 */
import { assert } from "../../errors.js";
import type { NodeStates } from "./node-states.js";
import { checkPopulation } from "./node-states.js";
import { lighter, PrimRange, splitRanges, type RangeMin } from "./prim-range.js";
import { rcfPair } from "./rcf.js";

/** A spanning tree and the coherence it implies. */
export interface CoherenceResult {
  /** RCF̄: mean RCF over the tree's N − 1 edges (§2.1). */
  readonly globalRcf: number;
  /** Σ_{e∈T} (1 − RCF_e): the tree's total dissonance. */
  readonly mstWeight: number;
  /** Number of tree edges (N − 1). */
  readonly edges: number;
  /** Tree edges as vertex pairs: edge e joins `edgeFrom[e]` and `edgeTo[e]`, in the order added. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
}

/** Something that adds vertex u to Prim's tree and returns the lightest remaining vertex overall. */
export interface PrimRelaxer {
  relaxAll(u: number, out: RangeMin): RangeMin;
}

/** Relaxes a fixed list of ranges in order, on this thread (the one-thread case, and tests). */
export class LocalRelaxer implements PrimRelaxer {
  private readonly ranges: PrimRange[];
  private readonly tmp: RangeMin = { key: 0, vertex: -1, parent: -1 };

  constructor(states: NodeStates, parts = 1) {
    const b = splitRanges(states.nodes, parts);
    this.ranges = [];
    for (let p = 0; p < parts; p++) this.ranges.push(new PrimRange(states.data, states.dim, b[p]!, b[p + 1]!));
  }

  relaxAll(u: number, out: RangeMin): RangeMin {
    out.key = Number.POSITIVE_INFINITY;
    out.vertex = -1;
    out.parent = -1;
    for (const r of this.ranges) {
      r.relax(u, this.tmp);
      if (lighter(out, this.tmp)) Object.assign(out, this.tmp);
    }
    return out;
  }
}

/** Prim's algorithm from vertex `root`: the N − 1 tree edges in the order they were added. */
export function primEdges(nodes: number, relaxer: PrimRelaxer, root = 0): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(nodes - 1);
  const to = new Int32Array(nodes - 1);
  const best: RangeMin = { key: 0, vertex: -1, parent: -1 };
  let u = root;
  for (let e = 0; e < nodes - 1; e++) {
    relaxer.relaxAll(u, best);
    assert(best.vertex >= 0 && best.parent >= 0, "Prim: a vertex must remain while edges are missing");
    from[e] = best.parent;
    to[e] = best.vertex;
    u = best.vertex;
  }
  return { from, to };
}

/** Sum RCF and 1 − RCF over given edges (recomputed from the states, in edge order). */
export function treeCoherence(states: NodeStates, from: Int32Array, to: Int32Array): CoherenceResult {
  let rcfSum = 0;
  let weight = 0;
  for (let e = 0; e < from.length; e++) {
    const r = rcfPair(states.data, states.dim, from[e]!, to[e]!);
    rcfSum += r;
    weight += 1 - r;
  }
  return { globalRcf: rcfSum / from.length, mstWeight: weight, edges: from.length, edgeFrom: from, edgeTo: to };
}

/**
 * Exact global coherence (§2.1) of `states` on this thread: Prim's MST with weights 1 − RCF,
 * O(N²·d) time, O(N) memory. `parts` splits the vertices into ranges (the result does not depend
 * on it; it exists to test that).
 */
export function exactCoherence(states: NodeStates, parts = 1): CoherenceResult {
  checkPopulation(states.nodes, states.dim, "states");
  const { from, to } = primEdges(states.nodes, new LocalRelaxer(states, parts));
  return treeCoherence(states, from, to);
}
