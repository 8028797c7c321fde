/**
 * The Lindblad generator built directly on its invariant blocks, without forming the full
 * d²×d² superoperator first.
 *
 * With the effective Hamiltonian K = H − (i/2) Σ_k c_k†c_k, the master equation reads
 *
 *   (Lρ)_mn = −i Σ_j K_mj ρ_jn + i Σ_j ρ_mj conj(K_nj) + Σ_k Σ_{j,l} (c_k)_mj ρ_jl conj((c_k)_nl)
 *
 * so the neighbours of the unknown ρ_mn (column-stacked index m + n·d) are read off the rows of
 * K and of each c_k. A breadth-first search over these neighbours (both directions) finds the
 * connected components of L's sparsity graph from a few seeds, and only the rows of the chosen
 * components are assembled. For the two-mode cavity at N = 15 the component holding ρ(0) =
 * |10⟩⟨10| (and all populations) has 2255 of 50625 unknowns.
 */
import { assert } from "../errors.js";
import type { CsrMatrix } from "../numeric/complex/index.js";
import { csrTranspose } from "../numeric/complex/index.js";

/** The operators that define a Lindblad generator on a d-dimensional Hilbert space. */
export interface LindbladParts {
  readonly d: number;
  /** Effective Hamiltonian K = H − (i/2) Σ c†c (and any time-dependent Hamiltonian terms, for the pattern). */
  readonly ks: readonly CsrMatrix[];
  /** Collapse operators. */
  readonly jumps: readonly CsrMatrix[];
}

/** Sparsity patterns of a matrix and its transpose (for undirected neighbours). */
interface Pattern {
  readonly fwd: CsrMatrix;
  readonly bwd: CsrMatrix;
}

const patternOf = (A: CsrMatrix): Pattern => ({ fwd: A, bwd: csrTranspose(A) });

/**
 * Label the components of L's sparsity graph reachable from `seeds` (column-stacked indices):
 * `label[i]` is the component number of index i, or −1 when no seed reaches it. Seeds in the same
 * component share a label.
 */
export function lindbladComponents(parts: LindbladParts, seeds: ArrayLike<number>): { label: Int32Array; count: number } {
  const d = parts.d;
  const n = d * d;
  // Neighbour patterns in both directions: K's and each jump's rows and columns.
  const kPats = parts.ks.flatMap((A) => { const P = patternOf(A); return [P.fwd, P.bwd]; });
  const jPats = parts.jumps.flatMap((A) => { const P = patternOf(A); return [P.fwd, P.bwd]; });
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < seeds.length; s++) {
    const seed = seeds[s]!;
    if (label[seed]! >= 0) continue;
    const c = count++;
    let head = 0, tail = 0;
    label[seed] = c;
    queue[tail++] = seed;
    while (head < tail) {
      const k = queue[head++]!;
      const m = k % d, nn = (k - m) / d;
      for (let u = 0; u < kPats.length; u++) {
        const A = kPats[u]!, rp = A.rowPtr, ci = A.colIdx;
        for (let p = rp[m]!; p < rp[m + 1]!; p++) {
          const v = ci[p]! + nn * d;
          if (label[v] === -1) { label[v] = c; queue[tail++] = v; }
        }
        for (let p = rp[nn]!; p < rp[nn + 1]!; p++) {
          const v = m + ci[p]! * d;
          if (label[v] === -1) { label[v] = c; queue[tail++] = v; }
        }
      }
      for (let u = 0; u < jPats.length; u++) {
        const A = jPats[u]!, rp = A.rowPtr, ci = A.colIdx;
        for (let p = rp[m]!; p < rp[m + 1]!; p++) {
          const j = ci[p]!;
          for (let q = rp[nn]!; q < rp[nn + 1]!; q++) {
            const v = j + ci[q]! * d;
            if (label[v] === -1) { label[v] = c; queue[tail++] = v; }
          }
        }
      }
    }
  }
  return { label, count };
}

/** The selected indices (ascending) and the map global → local (−1 when not selected). */
export function selectLabelled(label: Int32Array, keep: (l: number) => boolean): { indices: Int32Array; local: Int32Array } {
  const n = label.length;
  const local = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) if (label[i]! >= 0 && keep(label[i]!)) local[i] = m++;
  const indices = new Int32Array(m);
  for (let i = 0; i < n; i++) if (local[i]! >= 0) indices[local[i]!] = i;
  return { indices, local };
}

/**
 * Rows `indices` of the generator −i K·ρ + i ρ·K† + Σ c ρ c† (restricted to these indices,
 * which must form a union of components), as a CSR matrix in local numbering.
 */
export function assembleLindblad(d: number, K: CsrMatrix | null, jumps: readonly CsrMatrix[], indices: Int32Array, local: Int32Array): CsrMatrix {
  const m = indices.length;
  const accRe = new Float64Array(m), accIm = new Float64Array(m);
  const mark = new Int32Array(m).fill(-1);
  const touched = new Int32Array(m);
  const rowPtr = new Int32Array(m + 1);
  let colIdx = new Int32Array(Math.max(16, 8 * m));
  let data = new Float64Array(2 * colIdx.length);
  let nnz = 0;
  // Row r's accumulator: one closure for all rows (a closure per row cost more than the sums).
  let r = 0;
  let nt = 0;
  const add = (g: number, re: number, im: number): void => {
    const c = local[g]!;
    if (!(c >= 0)) assert(false, "assembleLindblad: indices must be closed under the generator");
    if (mark[c] !== r) { mark[c] = r; accRe[c] = 0; accIm[c] = 0; touched[nt++] = c; }
    accRe[c] = accRe[c]! + re;
    accIm[c] = accIm[c]! + im;
  };
  for (r = 0; r < m; r++) {
    const k = indices[r]!;
    const a = k % d, b = (k - a) / d; // ρ_ab
    nt = 0;
    if (K !== null) {
      for (let p = K.rowPtr[a]!; p < K.rowPtr[a + 1]!; p++) {
        // −i K_aj ρ_jb
        add(K.colIdx[p]! + b * d, K.data[2 * p + 1]!, -K.data[2 * p]!);
      }
      for (let p = K.rowPtr[b]!; p < K.rowPtr[b + 1]!; p++) {
        // +i conj(K_bj) ρ_aj
        add(a + K.colIdx[p]! * d, K.data[2 * p + 1]!, K.data[2 * p]!);
      }
    }
    for (let u = 0; u < jumps.length; u++) {
      const C = jumps[u]!;
      for (let p = C.rowPtr[a]!; p < C.rowPtr[a + 1]!; p++) {
        const j = C.colIdx[p]!;
        const xr = C.data[2 * p]!, xi = C.data[2 * p + 1]!;
        for (let q = C.rowPtr[b]!; q < C.rowPtr[b + 1]!; q++) {
          const yr = C.data[2 * q]!, yi = -C.data[2 * q + 1]!; // conj c_bl
          add(j + C.colIdx[q]! * d, xr * yr - xi * yi, xr * yi + xi * yr);
        }
      }
    }
    // Insertion sort of the row's columns (a few dozen at most), without allocating.
    for (let u = 1; u < nt; u++) {
      const v = touched[u]!;
      let w = u;
      while (w > 0 && touched[w - 1]! > v) { touched[w] = touched[w - 1]!; w--; }
      touched[w] = v;
    }
    const cols = touched;
    if (nnz + nt > colIdx.length) {
      const cap = Math.max(2 * colIdx.length, nnz + nt);
      const ci = new Int32Array(cap); ci.set(colIdx); colIdx = ci;
      const dd = new Float64Array(2 * cap); dd.set(data); data = dd;
    }
    for (let t = 0; t < nt; t++) {
      const c = cols[t]!;
      colIdx[nnz] = c;
      data[2 * nnz] = accRe[c]!;
      data[2 * nnz + 1] = accIm[c]!;
      nnz++;
    }
    rowPtr[r + 1] = nnz;
  }
  return { rows: m, cols: m, rowPtr, colIdx: colIdx.slice(0, nnz), data: data.slice(0, 2 * nnz) };
}
