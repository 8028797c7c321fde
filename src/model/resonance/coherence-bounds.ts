/**
 * A certified interval for the global coherence (§2.1), RCF̄ = 1 − W/(N − 1), W the weight of the
 * minimum spanning tree of 1 − RCF_ij:
 *
 * - **lower**: any spanning tree T has W_T ≥ W, so its mean RCF is ≤ RCF̄. We take the MST of the
 *   union of a given spanning tree (the hierarchical one) and every node's k lightest edges
 *   (Kruskal on ≤ N(k + 1) edges), which is still a spanning tree and never heavier than the given one.
 * - **upper**: a lower bound on W from Borůvka's algorithm run on the k-nearest lists. Each node v
 *   knows its k lightest edges exactly and that every other edge weighs ≥ r_k(v), its k-th weight.
 *   A component K whose lightest listed outgoing edge e is strictly lighter than r_k of every
 *   node of K whose list lies inside K has e as its lightest outgoing edge, so e is in the MST
 *   (cut property; ties broken by (w, lo, hi), one total order, so all such edges lie in one MST)
 *   and is contracted. When no component can contract, each remaining component K has a lower
 *   bound m(K) on its lightest outgoing edge; rooting the MST of the contracted graph at the
 *   component with the largest bound, every other component has one parent edge leaving it, so
 *   W ≥ w(contracted edges) + Σ_K m(K) − max_K m(K). When one component remains, the bound is W.
 *
 * Cost: the k-nearest lists need every pair once (N²/2 overlaps, in cache-sized tiles and without
 * Prim's N sequential rounds); Borůvka is O(N k log N). For independent random states no cheaper
 * certificate exists (every pair is about equally far), which is why the upper side costs a pass.
 *
 * Rounding: the weights here are `rcfPair`'s bit for bit (`rcfBlock`, or its SIMD twin `RcfRows`), but Prim's keys use
 * `rcfUnrolled`, a few ulps apart, and a mean of N − 1 terms in [0, 1] is off by at most
 * (N + 8d)·2^−52, so the interval is widened outward by that much.
 */
import { assert } from "../../errors.js";
import { type CoherenceResult, treeCoherence } from "./coherence.js";
import type { NodeStates } from "./node-states.js";
import { rcfBlock, rcfPair } from "./rcf.js";
import { RcfRows } from "./rcf-simd.js";

/** Default list length k: enough that Borůvka finishes on random d = 12 states up to 2·10^4 nodes. */
export const NEAREST_K_DEFAULT = 8;

/** Nodes per tile of the all-pairs pass (48 KiB of d = 12 states: stays in L2). */
const TILE = 256;

/** Each node's k lightest edges (weight 1 − RCF), sorted by (weight, neighbour). */
export interface NearestLists {
  readonly k: number;
  /** `weight[v*k + r]`: the r-th lightest edge of v; +Infinity when N − 1 < k leaves it empty. */
  readonly weight: Float64Array;
  /** `neighbour[v*k + r]`, or −1 for an empty slot. */
  readonly neighbour: Int32Array;
}

/** The certified interval and the trees behind it. */
export interface CoherenceInterval {
  /** RCF̄ ≥ lower (a spanning tree's mean RCF, rounding allowance subtracted). */
  readonly lower: number;
  /** RCF̄ ≤ upper (Borůvka's bound on the MST weight, rounding allowance added). */
  readonly upper: number;
  /** The spanning tree behind `lower`. */
  readonly tree: CoherenceResult;
  /** Components left when Borůvka on the lists stopped (1: the upper side is the exact weight). */
  readonly components: number;
}

/** Insert (w, j) into v's sorted list if it beats the last entry. */
function offer(weight: Float64Array, neighbour: Int32Array, k: number, v: number, w: number, j: number): void {
  const base = v * k;
  const lastW = weight[base + k - 1]!;
  if (w > lastW || (w === lastW && j > neighbour[base + k - 1]!)) return;
  let r = k - 1;
  while (r > 0) {
    const pw = weight[base + r - 1]!;
    if (pw < w || (pw === w && neighbour[base + r - 1]! < j)) break;
    weight[base + r] = pw;
    neighbour[base + r] = neighbour[base + r - 1]!;
    r--;
  }
  weight[base + r] = w;
  neighbour[base + r] = j;
}

/** Empty lists (every slot +Infinity / −1), optionally on given buffers (shared with a worker). */
export function emptyLists(n: number, k: number, weightBuf?: ArrayBufferLike, neighbourBuf?: ArrayBufferLike): NearestLists {
  const weight = weightBuf ? new Float64Array(weightBuf, 0, n * k) : new Float64Array(n * k);
  const neighbour = neighbourBuf ? new Int32Array(neighbourBuf, 0, n * k) : new Int32Array(n * k);
  weight.fill(Number.POSITIVE_INFINITY);
  neighbour.fill(-1);
  return { k, weight, neighbour };
}

/**
 * Every node's k lightest edges, from one pass over all pairs in tiles (each pair computed once,
 * offered to both ends). The lists depend only on the (weight, index) order, not on the tiling.
 * With `parts` > 1 only the tile rows r ≡ `part` (mod `parts`) are done, into `out`; merging the
 * parts' lists (`mergeLists`) gives the whole lists, whatever the number of parts.
 * `simdKernel` false forces the scalar kernel (the same lists; for tests and benchmarks).
 */
export function nearestLists(states: NodeStates, k = NEAREST_K_DEFAULT, part = 0, parts = 1, out?: NearestLists, simdKernel = true): NearestLists {
  assert(Number.isInteger(k) && k >= 1, `list length k = ${k}`);
  const n = states.nodes;
  const d2 = 2 * states.dim;
  const data = states.data;
  const lists = out ?? emptyLists(n, k);
  const { weight } = lists;
  // The SIMD kernel where there is one, else the scalar one: the same weights bit for bit.
  const simd = simdKernel ? RcfRows.create(data, states.dim, n, TILE) : undefined;
  // Each node's current k-th weight, contiguous so the update loop streams it (in the kernel's
  // memory with SIMD, where its filter reads it).
  const worst = simd ? simd.worst : new Float64Array(n);
  for (let v = 0; v < n; v++) worst[v] = weight[v * k + k - 1]!;
  const row = new Float64Array(TILE);
  for (let i0 = part * TILE; i0 < n; i0 += parts * TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = Math.min(n, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        const lo = j0 === i0 ? i + 1 : j0;
        if (lo >= j1) continue;
        if (simd) {
          // The kernel keeps the pairs that pass the test below against worst[i] as it was at the
          // row's start; worst[i] only falls, so the test again with the current one is the same.
          const count = simd.near(i, lo, j1, worst[i]!);
          const c = simd.candidates;
          for (let q = 0; q < 2 * count; q += 2) {
            const j = lo + c[q]!;
            const w = c[q + 1]!;
            if (w <= worst[i]! || w <= worst[j]!) offerBoth(lists, worst, i, j, w);
          }
          continue;
        }
        rcfBlock(data, i * d2, data, d2, lo, j1, row);
        for (let j = lo; j < j1; j++) {
          const w = 1 - row[j - lo]!;
          // One test for the common case (neither end improves); the rare offers out of line.
          if (w <= worst[i]! || w <= worst[j]!) offerBoth(lists, worst, i, j, w);
        }
      }
    }
  }
  return lists;
}

/** Offer edge (i, j) of weight w to both ends' lists, keeping `worst` (the k-th weights) current. */
function offerBoth(lists: NearestLists, worst: Float64Array, i: number, j: number, w: number): void {
  const { k, weight, neighbour } = lists;
  if (w <= worst[i]!) {
    offer(weight, neighbour, k, i, w, j);
    worst[i] = weight[i * k + k - 1]!;
  }
  if (w <= worst[j]!) {
    offer(weight, neighbour, k, j, w, i);
    worst[j] = weight[j * k + k - 1]!;
  }
}

/** Merge parts' lists into the first: each node keeps the k lightest of all, in (weight, index) order. */
export function mergeLists(parts: readonly NearestLists[]): NearestLists {
  const into = parts[0]!;
  const { k } = into;
  const n = into.weight.length / k;
  for (let p = 1; p < parts.length; p++) {
    const { weight, neighbour } = parts[p]!;
    for (let v = 0; v < n; v++) {
      for (let r = 0; r < k; r++) {
        const j = neighbour[v * k + r]!;
        if (j < 0) break;
        offer(into.weight, into.neighbour, k, v, weight[v * k + r]!, j);
      }
    }
  }
  return into;
}

/** Union–find with path halving; `find` is the component's representative. */
class Components {
  readonly parent: Int32Array;
  count: number;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.count = n;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // Smaller root under the larger: deterministic, independent of call order within a phase.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    this.count--;
    return true;
  }
}

/** (w, lo, hi) order of two edges: true when edge a precedes edge b. */
function edgeBefore(wa: number, a0: number, a1: number, wb: number, b0: number, b1: number): boolean {
  const la = Math.min(a0, a1);
  const lb = Math.min(b0, b1);
  if (wa !== wb) return wa < wb;
  if (la !== lb) return la < lb;
  return Math.max(a0, a1) < Math.max(b0, b1);
}

/**
 * Lower bound on the MST weight W from Borůvka on the lists (see the module comment). Returns the
 * bound, the number of components left, and the contracted edges, all MST edges: with one
 * component left they are the whole MST and the bound is W itself (up to rounding).
 */
export function boruvkaLowerBound(lists: NearestLists, n: number): { weightMin: number; components: number; from: Int32Array; to: Int32Array } {
  return boruvka(lists, n);
}

/**
 * The exact MST of `states` from its nearest lists: Borůvka on the lists, and where it stalls
 * (a component's lightest outgoing edge may be one no list holds), every component but the largest
 * gets its lightest outgoing edge by a scan of its nodes against all others (|K|·N overlaps; the
 * stalled components are usually a few small groups), then Borůvka goes on. Each contracted edge is
 * the lightest leaving its component in the (w, lo, hi) order, so the result is that order's MST.
 */
export function exactMstFromLists(states: NodeStates, lists: NearestLists): { from: Int32Array; to: Int32Array; scans: number } {
  const r = boruvka(lists, states.nodes, states);
  assert(r.components === 1, "Borůvka with exact scans must end in one component");
  return { from: r.from, to: r.to, scans: r.scans };
}

/** Lightest edge leaving each component but the largest (whose `bestA` stays −1), by a full scan. */
function scanComponents(states: NodeStates, comp: Components, bestW: Float64Array, bestA: Int32Array, bestB: Int32Array): number {
  const n = states.nodes;
  const d2 = 2 * states.dim;
  const of = new Int32Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    of[v] = comp.find(v);
    size[of[v]!]!++;
  }
  let largest = -1;
  for (let c = 0; c < n; c++) if (comp.parent[c] === c && (largest < 0 || size[c]! > size[largest]!)) largest = c;
  const row = new Float64Array(n);
  let scanned = 0;
  for (let v = 0; v < n; v++) {
    const c = of[v]!;
    if (c === largest) continue;
    scanned++;
    rcfBlock(states.data, v * d2, states.data, d2, 0, n, row);
    for (let x = 0; x < n; x++) {
      if (of[x] === c) continue;
      const w = 1 - row[x]!;
      if (bestA[c]! < 0 || edgeBefore(w, v, x, bestW[c]!, bestA[c]!, bestB[c]!)) {
        bestW[c] = w;
        bestA[c] = v;
        bestB[c] = x;
      }
    }
  }
  return scanned;
}

function boruvka(lists: NearestLists, n: number, states?: NodeStates): { weightMin: number; components: number; from: Int32Array; to: Int32Array; scans: number } {
  const { k, weight, neighbour } = lists;
  let scans = 0;
  const comp = new Components(n);
  let contracted = 0;
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  // Per component (indexed by representative): lightest certified outgoing edge, lightest r_k
  // among nodes whose list is used up inside the component.
  const bestW = new Float64Array(n);
  const bestA = new Int32Array(n);
  const bestB = new Int32Array(n);
  const floorW = new Float64Array(n);
  const floorAll = new Float64Array(n);
  /** Join component c along its best edge; false when its ends are already joined. */
  const contract = (c: number): boolean => {
    if (!comp.union(bestA[c]!, bestB[c]!)) return false;
    contracted += bestW[c]!;
    from[n - comp.count - 1] = bestA[c]!;
    to[n - comp.count - 1] = bestB[c]!;
    return true;
  };
  for (;;) {
    bestW.fill(Number.POSITIVE_INFINITY);
    bestA.fill(-1);
    bestB.fill(-1);
    floorW.fill(Number.POSITIVE_INFINITY);
    floorAll.fill(Number.POSITIVE_INFINITY);
    for (let v = 0; v < n; v++) {
      const c = comp.find(v);
      let found = false;
      for (let r = 0; r < k; r++) {
        const j = neighbour[v * k + r]!;
        if (j < 0) break;
        if (comp.find(j) === c) continue;
        const w = weight[v * k + r]!;
        if (bestA[c]! < 0 || edgeBefore(w, v, j, bestW[c]!, bestA[c]!, bestB[c]!)) {
          bestW[c] = w;
          bestA[c] = v;
          bestB[c] = j;
        }
        found = true;
        break;
      }
      // With a full list, v's unlisted edges all weigh ≥ r_k(v): a bound when the list is used up
      // inside the component, and (strictly above the candidate) what rules out unlisted ties.
      if (neighbour[v * k + k - 1]! >= 0) {
        const rk = weight[v * k + k - 1]!;
        floorAll[c] = Math.min(floorAll[c]!, rk);
        if (!found) floorW[c] = Math.min(floorW[c]!, rk);
      }
    }
    // Contract the certified edges: strictly lighter than every unlisted edge leaving the component,
    // so the lightest in the (w, lo, hi) order, all in the one MST of that order.
    const pick: number[] = [];
    for (let c = 0; c < n; c++) {
      if (comp.parent[c] !== c || bestA[c]! < 0) continue;
      if (bestW[c]! < floorAll[c]!) pick.push(c);
    }
    let merged = 0;
    for (const c of pick) if (contract(c)) merged++;
    if (comp.count === 1) return { weightMin: contracted, components: 1, from, to, scans };
    if (merged > 0) continue;
    if (!states) break;
    // Stalled: exact lightest outgoing edges by scanning every component but the largest.
    bestW.fill(Number.POSITIVE_INFINITY);
    bestA.fill(-1);
    bestB.fill(-1);
    scans += scanComponents(states, comp, bestW, bestA, bestB);
    for (let c = 0; c < n; c++) if (bestA[c]! >= 0) contract(c);
    if (comp.count === 1) return { weightMin: contracted, components: 1, from, to, scans };
  }
  // No component can contract: W ≥ contracted + Σ m(K) − max m(K), m(K) = min(best, floor).
  let sum = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < n; c++) {
    if (comp.parent[c] !== c) continue;
    const m = Math.min(bestW[c]!, floorW[c]!);
    assert(Number.isFinite(m), "Borůvka: a component with neither a listed outgoing edge nor a full list");
    sum += m;
    max = Math.max(max, m);
  }
  const e = n - comp.count;
  return { weightMin: contracted + sum - max, components: comp.count, from: from.subarray(0, e), to: to.subarray(0, e), scans };
}

/** Kruskal's MST of a given spanning tree plus the listed edges: a spanning tree no heavier than it. */
export function improvedTree(states: NodeStates, lists: NearestLists, from: Int32Array, to: Int32Array): { from: Int32Array; to: Int32Array } {
  const n = states.nodes;
  const m = from.length + n * lists.k;
  const ea = new Int32Array(m);
  const eb = new Int32Array(m);
  const ew = new Float64Array(m);
  let e = 0;
  for (let t = 0; t < from.length; t++) {
    ea[e] = Math.min(from[t]!, to[t]!);
    eb[e] = Math.max(from[t]!, to[t]!);
    ew[e] = 1 - rcfPair(states.data, states.dim, ea[e]!, eb[e]!);
    e++;
  }
  for (let v = 0; v < n; v++) {
    for (let r = 0; r < lists.k; r++) {
      const j = lists.neighbour[v * lists.k + r]!;
      if (j < 0) break;
      ea[e] = Math.min(v, j);
      eb[e] = Math.max(v, j);
      ew[e] = lists.weight[v * lists.k + r]!;
      e++;
    }
  }
  const order = new Uint32Array(e);
  for (let i = 0; i < e; i++) order[i] = i;
  order.sort((x, y) => ew[x]! - ew[y]! || ea[x]! - ea[y]! || eb[x]! - eb[y]!);
  const comp = new Components(n);
  const outFrom = new Int32Array(n - 1);
  const outTo = new Int32Array(n - 1);
  let t = 0;
  for (let i = 0; i < e && t < n - 1; i++) {
    const x = order[i]!;
    if (comp.union(ea[x]!, eb[x]!)) {
      outFrom[t] = ea[x]!;
      outTo[t] = eb[x]!;
      t++;
    }
  }
  assert(t === n - 1, "Kruskal on a spanning tree plus lists must span");
  return { from: outFrom, to: outTo };
}

/**
 * Certified interval for RCF̄ of `states` around a spanning tree (`from`, `to`: N − 1 edges, e.g.
 * the hierarchical tree), from the nodes' nearest lists (`nearestLists`, any k ≥ 1).
 */
export function coherenceInterval(states: NodeStates, from: Int32Array, to: Int32Array, lists: NearestLists = nearestLists(states, Math.min(NEAREST_K_DEFAULT, states.nodes - 1))): CoherenceInterval {
  const n = states.nodes;
  assert(from.length === n - 1 && to.length === n - 1, "a spanning tree has N − 1 edges");
  const t = improvedTree(states, lists, from, to);
  const tree = treeCoherence(states, t.from, t.to);
  const b = boruvkaLowerBound(lists, n);
  const slack = (n + 8 * states.dim) * 2 ** -52;
  const lower = Math.max(0, tree.globalRcf - slack);
  const upper = Math.min(1, 1 - b.weightMin / (n - 1) + slack);
  return { lower, upper, tree, components: b.components };
}
