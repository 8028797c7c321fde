/**
 * Mesh neighbourhoods for the resonant coupling κ_ij (Appendix B: "any connected graph"),
 * as compressed sparse rows: the neighbours of node i are `colIdx[rowPtr[i] .. rowPtr[i+1]-1]`.
 */
import { InputError } from "../../errors.js";

/** Undirected neighbour lists (each edge appears in both rows), CSR. */
export interface Neighbours {
  readonly nodes: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
}

/**
 * Ring lattice: node i is joined to its `degree/2` nearest nodes on each side (i ± 1, …),
 * indices mod N. `degree` is even, 2 ≤ degree < N. Connected for any such degree.
 */
export function ringLattice(nodes: number, degree: number): Neighbours {
  if (!Number.isInteger(degree) || degree < 2 || degree % 2 !== 0 || degree >= nodes) {
    throw InputError.of("mesh.degree", `an even integer in [2, N − 1] = [2, ${nodes - 1}] (neighbours per node on a ring lattice)`, degree);
  }
  const h = degree / 2;
  const rowPtr = new Int32Array(nodes + 1);
  const colIdx = new Int32Array(nodes * degree);
  let c = 0;
  for (let i = 0; i < nodes; i++) {
    rowPtr[i] = c;
    for (let s = -h; s <= h; s++) if (s !== 0) colIdx[c++] = (((i + s) % nodes) + nodes) % nodes;
    rowPtr[i + 1] = c;
  }
  return { nodes, rowPtr, colIdx };
}

/** Validate neighbour lists: shapes, indices in range, no self-loops, and symmetry (κ_ij = κ_ji). */
export function checkNeighbours(nb: Neighbours, nodes: number): void {
  if (nb.nodes !== nodes || nb.rowPtr.length !== nodes + 1 || nb.rowPtr[0] !== 0 || nb.rowPtr[nodes] !== nb.colIdx.length) {
    throw InputError.of("mesh.neighbours", `CSR lists for ${nodes} nodes (rowPtr of length N+1 from 0 to colIdx.length)`, `~rowPtr of length ${nb.rowPtr.length}, colIdx of length ${nb.colIdx.length}`);
  }
  const seen = new Set<number>();
  for (let i = 0; i < nodes; i++) {
    for (let p = nb.rowPtr[i]!; p < nb.rowPtr[i + 1]!; p++) {
      const j = nb.colIdx[p]!;
      if (j < 0 || j >= nodes || j === i) throw InputError.of(`mesh.neighbours[${i}]`, `neighbour indices in [0, ${nodes - 1}] other than ${i}`, j);
      seen.add(i * nodes + j);
    }
  }
  for (const key of seen) {
    const i = Math.floor(key / nodes);
    const j = key % nodes;
    if (!seen.has(j * nodes + i)) throw InputError.of(`mesh.neighbours[${i}]`, `symmetric lists (κ_ij = κ_ji, Appendix B): ${j} lists ${i} too`, `~${i} → ${j} without ${j} → ${i}`);
  }
}

/** All-to-all: every node neighbours every other (N ≤ COMPLETE_NODES_MAX, checked by the params). */
export function completeGraph(nodes: number): Neighbours {
  const rowPtr = new Int32Array(nodes + 1);
  const colIdx = new Int32Array(nodes * (nodes - 1));
  let c = 0;
  for (let i = 0; i < nodes; i++) {
    rowPtr[i] = c;
    for (let j = 0; j < nodes; j++) if (j !== i) colIdx[c++] = j;
    rowPtr[i + 1] = c;
  }
  return { nodes, rowPtr, colIdx };
}

/**
 * Clusters of `clusterSize` consecutive nodes (§3.2), each a ring lattice of `degree`, joined by a
 * backbone ring through the clusters' first nodes. The last cluster takes the remainder; a
 * remainder too small for its ring (≤ degree nodes) joins the previous cluster instead.
 */
export function clusteredRings(nodes: number, clusterSize: number, degree: number): Neighbours {
  if (!Number.isInteger(degree) || degree < 2 || degree % 2 !== 0 || degree >= clusterSize) {
    throw InputError.of("mesh.degree", `an even integer in [2, clusterSize − 1] = [2, ${clusterSize - 1}]`, degree);
  }
  const starts: number[] = [];
  for (let s = 0; s < nodes; s += clusterSize) starts.push(s);
  if (starts.length > 1 && nodes - starts[starts.length - 1]! <= degree) starts.pop();
  const lists: number[][] = Array.from({ length: nodes }, () => []);
  const h = degree / 2;
  for (let c = 0; c < starts.length; c++) {
    const lo = starts[c]!;
    const size = (c + 1 < starts.length ? starts[c + 1]! : nodes) - lo;
    for (let a = 0; a < size; a++) for (let s = -h; s <= h; s++) if (s !== 0) lists[lo + a]!.push(lo + ((((a + s) % size) + size) % size));
  }
  if (starts.length > 1) {
    for (let c = 0; c < starts.length; c++) {
      const a = starts[c]!;
      const b = starts[(c + 1) % starts.length]!;
      if (starts.length === 2 && c === 1) break;
      lists[a]!.push(b);
      lists[b]!.push(a);
    }
  }
  const rowPtr = new Int32Array(nodes + 1);
  let total = 0;
  for (let i = 0; i < nodes; i++) total += lists[i]!.length;
  const colIdx = new Int32Array(total);
  let c = 0;
  for (let i = 0; i < nodes; i++) {
    rowPtr[i] = c;
    for (const j of lists[i]!.sort((x, y) => x - y)) colIdx[c++] = j;
    rowPtr[i + 1] = c;
  }
  return { nodes, rowPtr, colIdx };
}
