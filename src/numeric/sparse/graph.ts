/**
 * Graph views of a sparse matrix: the undirected graph of the pattern of A + Aᵀ, its connected
 * components, and the reverse Cuthill–McKee ordering (George & Liu 1981) that narrows the band.
 */
import { InputError } from "../../errors.js";
import { checkCsr } from "../complex/check.js";
import type { CsrMatrix } from "../complex/types.js";

/** Adjacency (CSR pattern, no self loops, sorted, no duplicates) of the graph of A + Aᵀ. */
export interface Adjacency {
  readonly n: number;
  readonly ptr: Int32Array;
  readonly adj: Int32Array;
}

/**
 * The undirected graph of the sparsity pattern of a square A (edge i–j when A_ij or A_ji is
 * stored), leaving out the entries of rows flagged in `ignoreRows`.
 */
export function symmetricPattern(A: CsrMatrix, ignoreRows?: Uint8Array): Adjacency {
  checkCsr("A", A);
  if (A.rows !== A.cols) throw InputError.of("A", "a square CSR matrix", `~${A.rows}x${A.cols}`);
  const n = A.rows;
  if (ignoreRows !== undefined && ignoreRows.length !== n) throw InputError.of("ignoreRows", `a Uint8Array of length ${n}`, ignoreRows);
  const skip = (i: number): boolean => ignoreRows !== undefined && ignoreRows[i] === 1;
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const j = A.colIdx[p]!;
      if (j === i) continue;
      deg[i + 1] = deg[i + 1]! + 1;
      deg[j + 1] = deg[j + 1]! + 1;
    }
  }
  for (let i = 0; i < n; i++) deg[i + 1] = deg[i + 1]! + deg[i]!;
  const raw = new Int32Array(deg[n]!);
  const fill = deg.slice(0, n);
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const j = A.colIdx[p]!;
      if (j === i) continue;
      raw[fill[i]!] = j;
      fill[i] = fill[i]! + 1;
      raw[fill[j]!] = i;
      fill[j] = fill[j]! + 1;
    }
  }
  // Sort each list and drop duplicates (A_ij and A_ji both stored).
  const ptr = new Int32Array(n + 1);
  let q = 0;
  for (let i = 0; i < n; i++) {
    // Insertion sort in place (the lists are short; a subarray and its sort per row cost more).
    const lo = deg[i]!, hi = deg[i + 1]!;
    for (let t = lo + 1; t < hi; t++) {
      const v = raw[t]!;
      let u = t - 1;
      while (u >= lo && raw[u]! > v) {
        raw[u + 1] = raw[u]!;
        u--;
      }
      raw[u + 1] = v;
    }
    for (let t = lo; t < hi; t++) {
      if (t > lo && raw[t] === raw[t - 1]) continue;
      raw[q++] = raw[t]!;
    }
    ptr[i + 1] = q;
  }
  return { n, ptr, adj: raw.slice(0, q) };
}

/** Components of the graph of A + Aᵀ: `labels[i]` in [0, count), numbered by smallest member. */
export interface Components {
  readonly count: number;
  readonly labels: Int32Array;
  /** Members of each component, ascending. */
  readonly members: Int32Array[];
}

/**
 * Connected components of the undirected graph of the sparsity pattern of A, so a block-diagonal
 * system (after permutation) can be split into independent blocks (see `csrSubmatrix`).
 */
export function connectedComponents(A: CsrMatrix): Components {
  const g = symmetricPattern(A);
  const labels = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let count = 0;
  for (let s = 0; s < g.n; s++) {
    if (labels[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    labels[s] = count;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = g.ptr[v]!; p < g.ptr[v + 1]!; p++) {
        const w = g.adj[p]!;
        if (labels[w] === -1) {
          labels[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  const sizes = new Int32Array(count);
  for (const l of labels) sizes[l] = sizes[l]! + 1;
  const members = Array.from(sizes, (m) => new Int32Array(m));
  const at = new Int32Array(count);
  for (let i = 0; i < g.n; i++) {
    const l = labels[i]!;
    (members[l] as Int32Array)[at[l]!] = i;
    at[l] = at[l]! + 1;
  }
  return { count, labels, members };
}

/** BFS from `root` over vertices with level −1; writes the visit order into `out`, returns its length and the depth. */
function bfsLevels(g: Adjacency, root: number, level: Int32Array, out: Int32Array): { size: number; depth: number } {
  level[root] = 0;
  out[0] = root;
  let head = 0;
  let tail = 1;
  let depth = 0;
  while (head < tail) {
    const v = out[head++]!;
    const lv = level[v]!;
    depth = Math.max(depth, lv);
    for (let p = g.ptr[v]!; p < g.ptr[v + 1]!; p++) {
      const w = g.adj[p]!;
      if (level[w] === -1) {
        level[w] = lv + 1;
        out[tail++] = w;
      }
    }
  }
  return { size: tail, depth };
}

/** A pseudo-peripheral vertex of root's component (George–Liu: repeat BFS from a min-degree vertex of the last level). */
function pseudoPeripheral(g: Adjacency, root: number, level: Int32Array, order: Int32Array): number {
  let r = root;
  let depth = -1;
  for (let it = 0; it < 8; it++) {
    const res = bfsLevels(g, r, level, order);
    let best = r;
    let bestDeg = Infinity;
    for (let t = res.size - 1; t >= 0 && level[order[t]!] === res.depth; t--) {
      const v = order[t]!;
      const d = g.ptr[v + 1]! - g.ptr[v]!;
      if (d < bestDeg) {
        bestDeg = d;
        best = v;
      }
    }
    for (let t = 0; t < res.size; t++) level[order[t]!] = -1;
    if (res.depth <= depth) break;
    depth = res.depth;
    r = best;
  }
  return r;
}

/** Options of `rcmOrdering`. */
export interface RcmOptions {
  /**
   * Rows whose entries the ordering ignores (their vertices stay, reached through their
   * columns): dense rows such as a trace condition, which would otherwise tie every vertex they
   * touch together and widen the band of everything.
   */
  readonly ignoreRows?: Uint8Array;
}

/**
 * Reverse Cuthill–McKee ordering of the graph of A + Aᵀ: `perm[k]` is the original index placed
 * at position k. Each component starts at a pseudo-peripheral vertex; neighbours are visited in
 * increasing degree.
 */
export function rcmOrdering(A: CsrMatrix, options: RcmOptions = {}): Int32Array {
  const g = symmetricPattern(A, options.ignoreRows);
  const n = g.n;
  const level = new Int32Array(n).fill(-1);
  const scratch = new Int32Array(n);
  const visited = new Uint8Array(n);
  const order = new Int32Array(n);
  const degree = (v: number): number => g.ptr[v + 1]! - g.ptr[v]!;
  let k = 0;
  for (let s = 0; s < n; s++) {
    if (visited[s]) continue;
    const start = pseudoPeripheral(g, s, level, scratch);
    let head = k;
    order[k++] = start;
    visited[start] = 1;
    while (head < k) {
      const v = order[head++]!;
      const first = k;
      for (let p = g.ptr[v]!; p < g.ptr[v + 1]!; p++) {
        const w = g.adj[p]!;
        if (!visited[w]) {
          visited[w] = 1;
          order[k++] = w;
        }
      }
      // Insertion sort of the new neighbours by degree (lists are short).
      for (let a = first + 1; a < k; a++) {
        const w = order[a]!;
        const dw = degree(w);
        let b = a - 1;
        while (b >= first && degree(order[b]!) > dw) {
          order[b + 1] = order[b]!;
          b--;
        }
        order[b + 1] = w;
      }
    }
  }
  return order.reverse();
}
