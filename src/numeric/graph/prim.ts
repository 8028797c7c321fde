/**
 * Minimum spanning trees by Prim's algorithm in O(N²) time and O(N) extra memory: the right
 * algorithm for complete graphs (all-pairs weights such as 1 − RCF, Euclidean distances),
 * where E = N²/2 makes Kruskal or binary-heap Prim slower.
 *
 * Three ways to give the weights, one algorithm:
 * - `primDense(w, n)`: a symmetric n×n matrix (row-major Float64Array);
 * - `primImplicit(n, weight)`: a function (i, j) ⇒ w_ij, nothing of size N² stored;
 * - `primRows(n, rowWeights)`: a callback that fills the weights from one vertex to a list of
 *   candidates in one call, so the caller can compute a whole row in a vectorised loop.
 *
 * Each iteration adds the cheapest vertex u, then asks for the weights from u to the vertices
 * still outside the tree (a compact, shrinking list) and relaxes them in the same pass that
 * finds the next vertex: about N²/2 weight evaluations in all.
 *
 * Determinism: ties between candidate vertices go to the lowest vertex index; a vertex keeps
 * the lowest-index parent among equally light edges. `+Infinity` means "no edge"; a
 * disconnected graph gives a minimum spanning forest (each further component starts at its
 * lowest-index vertex, with parent −1).
 */
import { DimensionError, InputError, requireInt } from "../../errors.js";

/** A minimum spanning tree (or forest) as a parent array. */
export interface MstResult {
  /** Sum of the tree's edge weights (compensated summation in the order edges were added). */
  totalWeight: number;
  /** parent[v]: v's neighbour towards the root, −1 for a root (vertex 0 and each further component's first vertex). */
  parent: Int32Array;
  /** edgeWeight[v]: weight of the edge (v, parent[v]); 0 for a root. */
  edgeWeight: Float64Array;
  /** Number of edges: n − (number of components). */
  edges: number;
  /** Vertices in the order Prim added them (order[0] = 0). */
  order: Int32Array;
}

/**
 * Fills `out[k]` with the weight of the edge (i, candidates[k]) for k < count. `candidates`
 * holds distinct vertices other than i, in no particular order; `out` has room for n entries.
 */
export type RowWeights = (i: number, candidates: Int32Array, count: number, out: Float64Array) => void;

/** Prim's algorithm over a row callback: the core the other two variants use. */
export function primRows(n: number, rowWeights: RowWeights): MstResult {
  requireInt(n, "n", 0);
  if (typeof rowWeights !== "function") throw InputError.of("rowWeights", "a function (i, candidates, count, out) => void", rowWeights);
  const parent = new Int32Array(n).fill(-1);
  const edgeWeight = new Float64Array(n);
  const order = new Int32Array(n);
  if (n === 0) return { totalWeight: 0, parent, edgeWeight, edges: 0, order };
  const best = new Float64Array(n).fill(Infinity);
  const remaining = new Int32Array(n - 1); // vertices outside the tree, compact
  for (let k = 0; k < n - 1; k++) remaining[k] = k + 1;
  const row = new Float64Array(n);
  let count = n - 1;
  let u = 0;
  let total = 0, comp = 0; // Neumaier sum
  let edges = 0;
  for (let step = 1; step < n; step++) {
    rowWeights(u, remaining, count, row);
    let next = -1, nextPos = -1, nextW = Infinity;
    for (let k = 0; k < count; k++) {
      const v = remaining[k]!;
      const w = row[k]!;
      if (!(w < Infinity && w > -Infinity)) {
        if (w !== Infinity) badWeight(u, v, w);
      } else {
        const bv = best[v]!;
        if (w < bv || (w === bv && u < parent[v]!)) {
          best[v] = w;
          parent[v] = u;
        }
      }
      const b = best[v]!;
      if (b < nextW || (b === nextW && v < next) || next < 0) {
        next = v;
        nextPos = k;
        nextW = b;
      }
    }
    // Remove `next` from the list (swap with the last entry).
    count--;
    remaining[nextPos] = remaining[count]!;
    order[step] = next;
    if (nextW === Infinity) {
      parent[next] = -1; // a new component: `next` is its lowest-index vertex
    } else {
      edgeWeight[next] = nextW;
      edges++;
      const t = total + nextW;
      comp += Math.abs(total) >= Math.abs(nextW) ? (total - t) + nextW : (nextW - t) + total;
      total = t;
    }
    u = next;
  }
  return { totalWeight: total + comp, parent, edgeWeight, edges, order };
}

function badWeight(i: number, j: number, w: number): never {
  throw InputError.of(`weight(${i}, ${j})`, "a number or +Infinity (no edge), not NaN or −Infinity", w);
}

/** Prim's algorithm on an implicit complete graph: `weight(i, j)` is called about N²/2 times. */
export function primImplicit(n: number, weight: (i: number, j: number) => number): MstResult {
  if (typeof weight !== "function") throw InputError.of("weight", "a function (i, j) => number", weight);
  return primRows(n, (i, cand, count, out) => {
    for (let k = 0; k < count; k++) out[k] = weight(i, cand[k]!);
  });
}

export interface DenseMstOptions {
  /** Check that w is symmetric (O(N²) reads; default true). */
  checkSymmetric?: boolean;
}

/** Prim's algorithm on a dense symmetric n×n weight matrix (row-major; the diagonal is ignored). */
export function primDense(w: Float64Array, n: number, options: DenseMstOptions = {}): MstResult {
  requireInt(n, "n", 0);
  if (!(w instanceof Float64Array)) throw InputError.of("w", "a Float64Array of n·n weights", w);
  if (w.length !== n * n) throw new DimensionError("w", `n·n = ${n * n} entries (n = ${n})`, `${w.length}`);
  if (options.checkSymmetric ?? true) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = w[i * n + j]!, b = w[j * n + i]!;
        if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) {
          throw InputError.of(`w[${j}, ${i}]`, `a symmetric matrix: equal to w[${i}, ${j}] = ${a}`, b);
        }
      }
    }
  }
  return primRows(n, (i, cand, count, out) => {
    const base = i * n;
    for (let k = 0; k < count; k++) out[k] = w[base + cand[k]!]!;
  });
}
