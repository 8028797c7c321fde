/**
 * Hierarchical global coherence for meshes too large for the exact O(N²) tree: the paper's
 * clusters of 100–200 nodes (§3.2) each get their exact MST (weights 1 − RCF), and a backbone
 * MST joins the clusters. The backbone weight between clusters A and B is the lightest edge
 * between A's representative (its first node) and any node of B, or B's representative and any
 * node of A; the edge realising it joins the two trees. The result is a spanning tree of N − 1
 * edges, so RCF̄ is computed over it exactly as §2.1 says, but the tree is not the minimum one:
 * its RCF̄ is a lower bound of the exact value (the error is reported beside exact where both run).
 *
 * Cost: N·c/2 pairs inside clusters plus K·N for the backbone (K = ⌈N/c⌉ clusters). The backbone
 * pass walks cluster by cluster (one cluster's states stay in cache while every representative
 * meets it) and takes two representatives per pass over a node, so the states are read from
 * memory once instead of K times; with WebAssembly SIMD the kernel (`RcfRows.lightest`) takes up
 * to 64 representatives against a cluster in one call, two of them per pass over its nodes, and
 * keeps each one's first lightest node itself (the same values bit for bit as `rcfUnrolled`, two
 * doubles per instruction). The work splits by clusters and by representatives
 * (`clusterTrees`, `backboneWeights` on ranges) with every result written to fixed slots, so a
 * threaded caller gets the same tree bit for bit: `hierarchicalPart` is one thread's share, and a
 * caller that samples repeatedly keeps one `HierarchicalWork` (`workFits`) instead of allocating
 * the K×K weights every time.
 */
import { InputError } from "../../errors.js";
import { type CoherenceResult, primEdges, treeCoherence, type PrimRelaxer } from "./coherence.js";
import type { NodeStates } from "./node-states.js";
import { checkPopulation } from "./node-states.js";
import { DensePrim, PrimRange, type RangeMin } from "./prim-range.js";
import { RcfRows } from "./rcf-simd.js";

/** The paper's cluster sizes (§3.2: clusters of 100–200 nodes); the default is their middle. */
export const CLUSTER_SIZE_DEFAULT = 150;

class SingleRange implements PrimRelaxer {
  constructor(private readonly range: PrimRange) {}
  relaxAll(u: number, out: RangeMin): RangeMin {
    return this.range.relax(u, out);
  }
}

/** The arrays of one hierarchical tree: N − 1 edges, and the K×K backbone weights with their endpoints. */
export interface HierarchicalWork {
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** `weight[a*K + b]`: lightest 1 − RCF from rep(a) to any node of cluster b (+∞ on the diagonal). */
  readonly weight: Float64Array;
  /** `endpoint[a*K + b]`: the node of cluster b realising it (−1 on the diagonal). */
  readonly endpoint: Int32Array;
}

/** Number of clusters K = ⌈N/c⌉. */
export function clusterCount(nodes: number, clusterSize: number): number {
  return Math.ceil(nodes / clusterSize);
}

/** Arrays for `hierarchicalCoherence`'s parts (on SharedArrayBuffers when `shared`). */
export function hierarchicalWork(nodes: number, clusterSize: number, shared = false): HierarchicalWork {
  const k = clusterCount(nodes, clusterSize);
  const i32 = (n: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n));
  return {
    from: i32(nodes - 1), to: i32(nodes - 1),
    weight: shared ? new Float64Array(new SharedArrayBuffer(8 * k * k)) : new Float64Array(k * k),
    endpoint: i32(k * k),
  };
}

/** True when `work` has the sizes `hierarchicalWork(nodes, clusterSize)` gives (so it can be reused). */
export function workFits(work: HierarchicalWork | undefined, nodes: number, clusterSize: number): work is HierarchicalWork {
  const k = clusterCount(nodes, clusterSize);
  return work !== undefined && work.from.length === nodes - 1 && work.weight.length === k * k;
}

/** The checks `hierarchicalCoherence` makes on its input (for callers that run the parts themselves). */
export function checkHierarchical(states: NodeStates, clusterSize: number): void {
  checkPopulation(states.nodes, states.dim, "states");
  checkClusterSize(clusterSize);
}

function checkClusterSize(clusterSize: number): void {
  if (!Number.isInteger(clusterSize) || clusterSize < 2 || clusterSize > 10_000) {
    throw InputError.of("clusterSize", "an integer in [2, 10000] (the paper's clusters hold 100–200 nodes)", clusterSize);
  }
}

/**
 * Hierarchical RCF̄ of `states` with clusters of `clusterSize` consecutive nodes (the last one
 * holds the remainder). `clusterSize` is an integer in [2, 10^4].
 */
export function hierarchicalCoherence(states: NodeStates, clusterSize = CLUSTER_SIZE_DEFAULT, work?: HierarchicalWork): CoherenceResult {
  checkHierarchical(states, clusterSize);
  const w = work ?? hierarchicalWork(states.nodes, clusterSize);
  // The whole work as one part: the states are loaded into the SIMD kernel once for the cluster
  // trees and the backbone together.
  hierarchicalPart(states, clusterSize, 0, 1, w);
  return hierarchicalTree(states, clusterSize, w);
}

/**
 * Part `part` of `parts` of the parallel work: the cluster trees and the backbone rows of the
 * clusters [⌊part·K/parts⌋, ⌊(part+1)·K/parts⌋). Once every part has run (on any threads, in any
 * order), `hierarchicalTree` gives `hierarchicalCoherence`'s result bit for bit, whatever `parts`.
 */
export function hierarchicalPart(states: NodeStates, clusterSize: number, part: number, parts: number, work: HierarchicalWork): void {
  const k = clusterCount(states.nodes, clusterSize);
  const c0 = Math.floor((part * k) / parts);
  const c1 = Math.floor(((part + 1) * k) / parts);
  if (c0 >= c1) return;
  // One load of this thread's kernel memory serves the part's cluster trees and backbone rows.
  const rows = sampleRows(states, clusterSize);
  clusterTreesOn(states, clusterSize, c0, c1, work, rows);
  backboneWeightsOn(states, clusterSize, c0, c1, work, rows);
}

/**
 * This thread's SIMD kernel over `states` for rows of up to `clusterSize` columns: one instance per
 * thread (this module's), its memory reused from sample to sample and replaced only by a larger
 * one when N·d or the cluster size grows. Undefined where WebAssembly SIMD is missing.
 */
let rowsScratch: RcfRows | undefined;
function sampleRows(states: NodeStates, clusterSize: number): RcfRows | undefined {
  const rows = RcfRows.reuse(rowsScratch, states.data, states.dim, states.nodes, clusterSize);
  if (rows) rowsScratch = rows;
  return rows;
}

/** A cluster's RCFs (an upper triangle in clusterSize² doubles) and Prim's arrays, this thread's, kept between clusters and samples. */
let clusterWeights = new Float64Array(0);
const densePrim = new DensePrim();

/**
 * The last, sequential part: the backbone MST over the weights `backboneWeights` left in `work`,
 * after the cluster trees `clusterTrees` wrote, and RCF̄ over the whole tree.
 */
export function hierarchicalTree(states: NodeStates, clusterSize: number, work: HierarchicalWork): CoherenceResult {
  const n = states.nodes;
  const k = clusterCount(n, clusterSize);
  // Cluster c's c_size − 1 edges start at c·(clusterSize − 1); all of them end at N − K.
  const e = backboneTree(k, clusterSize, work, n - k);
  return treeCoherence(states, work.from.subarray(0, e), work.to.subarray(0, e));
}

/**
 * Exact MSTs of clusters [c0, c1), cluster c's edges written from slot c·(clusterSize − 1). Each
 * cluster's `rcfUnrolled(u, v)` come from the SIMD kernel as the upper triangle of a matrix (the
 * sum is symmetric bit for bit) and `DensePrim` takes PrimRange's steps on it, so the tree is `primEdges` over a `PrimRange`'s, edge for edge.
 * `simdKernel` false runs the `PrimRange` itself (the same tree; for tests and benchmarks).
 */
export function clusterTrees(states: NodeStates, clusterSize: number, c0: number, c1: number, work: HierarchicalWork, simdKernel = true): void {
  clusterTreesOn(states, clusterSize, c0, c1, work, simdKernel ? sampleRows(states, clusterSize) : undefined);
}

function clusterTreesOn(states: NodeStates, clusterSize: number, c0: number, c1: number, work: HierarchicalWork, rows: RcfRows | undefined): void {
  const n = states.nodes;
  for (let c = c0; c < c1; c++) {
    const lo = c * clusterSize;
    const hi = Math.min(n, lo + clusterSize);
    if (hi - lo < 2) continue;
    if (rows) {
      clusterTree(rows, lo, hi, work.from, work.to, c * (clusterSize - 1));
      continue;
    }
    const t = primEdges(hi - lo, new SingleRange(new PrimRange(states.data, states.dim, lo, hi)), lo);
    work.from.set(t.from, c * (clusterSize - 1));
    work.to.set(t.to, c * (clusterSize - 1));
  }
}

/**
 * The exact MST of nodes [lo, hi) (≥ 2 of them) through the SIMD kernel `rows` (loaded with the
 * states, rows of ≥ hi − lo columns): its hi − lo − 1 edges into `from`/`to` from slot `at`, in
 * Prim's order from `lo`, and their weights into `weights` when given. The same edges, order and
 * weights as `primEdges(hi − lo, PrimRange(lo, hi), lo)`, bit for bit.
 */
export function clusterTree(rows: RcfRows, lo: number, hi: number, from: Int32Array, to: Int32Array, at: number, weights?: Float64Array): void {
  const c = hi - lo;
  if (clusterWeights.length < c * c) clusterWeights = new Float64Array(c * c);
  const w = clusterWeights;
  for (let i = 0; i + 1 < c; i++) w.set(rows.rowUnrolled(lo + i, lo + i + 1, hi).subarray(0, c - 1 - i), i * c + i + 1);
  densePrim.tree(w, c, lo, from, to, at, weights);
}

/**
 * Backbone weights of the representatives of clusters [a0, a1) against every cluster: rows
 * a0..a1−1 of `work.weight` and `work.endpoint`. Each RCF is `rcfUnrolled(rep, node)`'s sum in
 * its order, and each minimum takes the first lightest node in index order. `simdKernel` false
 * forces the scalar kernel (the same numbers; for tests and benchmarks).
 */
export function backboneWeights(states: NodeStates, clusterSize: number, a0: number, a1: number, work: HierarchicalWork, simdKernel = true): void {
  backboneWeightsOn(states, clusterSize, a0, a1, work, simdKernel ? sampleRows(states, clusterSize) : undefined);
}

function backboneWeightsOn(states: NodeStates, clusterSize: number, a0: number, a1: number, work: HierarchicalWork, simd: RcfRows | undefined): void {
  const n = states.nodes;
  const k = clusterCount(n, clusterSize);
  const d2 = 2 * states.dim;
  const data = states.data;
  for (let a = a0; a < a1; a++) {
    work.weight[a * k + a] = Number.POSITIVE_INFINITY;
    work.endpoint[a * k + a] = -1;
  }
  if (simd) {
    // Up to `representativesMax` representatives at a time meet every cluster; the kernel keeps
    // each one's first lightest node. The diagonal keeps its +∞ and −1.
    const step = RcfRows.representativesMax;
    for (let r0 = a0; r0 < a1; r0 += step) {
      const r1 = Math.min(a1, r0 + step);
      simd.representatives(r0 * clusterSize, clusterSize, r1 - r0);
      for (let b = 0; b < k; b++) {
        const lo = b * clusterSize;
        const out = simd.lightest(lo, Math.min(n, lo + clusterSize));
        for (let a = r0; a < r1; a++) {
          if (a === b) continue;
          work.weight[a * k + b] = out[2 * (a - r0)]!;
          work.endpoint[a * k + b] = out[2 * (a - r0) + 1]!;
        }
      }
    }
    return;
  }
  for (let b = 0; b < k; b++) {
    const lo = b * clusterSize;
    const hi = Math.min(n, lo + clusterSize);
    let a = a0;
    for (; a + 1 < a1; a += 2) twoRows(data, d2, a * clusterSize * d2, (a + 1) * clusterSize * d2, lo, hi, a === b ? -1 : a * k + b, a + 1 === b ? -1 : (a + 1) * k + b, work);
    // An odd last representative rides as both rows; the second row's result is not stored.
    if (a < a1 && a !== b) twoRows(data, d2, a * clusterSize * d2, a * clusterSize * d2, lo, hi, a * k + b, -1, work);
  }
}

/** Lightest 1 − RCF from the states at `oa` and `oc` to nodes [lo, hi), into slots `s0` and `s1` (−1: not stored). */
function twoRows(data: Float64Array, d2: number, oa: number, oc: number, lo: number, hi: number, s0: number, s1: number, work: HierarchicalWork): void {
  let w0 = Number.POSITIVE_INFINITY;
  let j0 = -1;
  let w1 = Number.POSITIVE_INFINITY;
  let j1 = -1;
  for (let j = lo; j < hi; j++) {
    const ob = j * d2;
    let re0 = 0;
    let im0 = 0;
    let re1 = 0;
    let im1 = 0;
    let se0 = 0;
    let sm0 = 0;
    let se1 = 0;
    let sm1 = 0;
    let m = 0;
    for (; m + 3 < d2; m += 4) {
      const br = data[ob + m]!;
      const bi = data[ob + m + 1]!;
      const dr = data[ob + m + 2]!;
      const di = data[ob + m + 3]!;
      const ar = data[oa + m]!;
      const ai = data[oa + m + 1]!;
      const cr = data[oa + m + 2]!;
      const ci = data[oa + m + 3]!;
      re0 += ar * br + ai * bi;
      im0 += ar * bi - ai * br;
      re1 += cr * dr + ci * di;
      im1 += cr * di - ci * dr;
      const xr = data[oc + m]!;
      const xi = data[oc + m + 1]!;
      const yr = data[oc + m + 2]!;
      const yi = data[oc + m + 3]!;
      se0 += xr * br + xi * bi;
      sm0 += xr * bi - xi * br;
      se1 += yr * dr + yi * di;
      sm1 += yr * di - yi * dr;
    }
    if (m < d2) {
      const br = data[ob + m]!;
      const bi = data[ob + m + 1]!;
      const ar = data[oa + m]!;
      const ai = data[oa + m + 1]!;
      re0 += ar * br + ai * bi;
      im0 += ar * bi - ai * br;
      const xr = data[oc + m]!;
      const xi = data[oc + m + 1]!;
      se0 += xr * br + xi * bi;
      sm0 += xr * bi - xi * br;
    }
    const re = re0 + re1;
    const im = im0 + im1;
    const x0 = 1 - (re * re + im * im);
    if (x0 < w0) {
      w0 = x0;
      j0 = j;
    }
    const se = se0 + se1;
    const sm = sm0 + sm1;
    const x1 = 1 - (se * se + sm * sm);
    if (x1 < w1) {
      w1 = x1;
      j1 = j;
    }
  }
  if (s0 >= 0) {
    work.weight[s0] = w0;
    work.endpoint[s0] = j0;
  }
  if (s1 >= 0) {
    work.weight[s1] = w1;
    work.endpoint[s1] = j1;
  }
}

/** Backbone MST over K clusters (dense Prim on K×K), appending its K − 1 edges at `e`. */
function backboneTree(k: number, size: number, work: HierarchicalWork, e: number): number {
  if (k < 2) return e;
  const { from, to } = work;
  const w = work.weight;
  const best = work.endpoint;
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
