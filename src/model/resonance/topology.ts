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
