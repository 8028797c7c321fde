/**
 * Coherence of a density-matrix mesh (`mesh.coupling: density`, density-mesh.ts), in the two
 * readings of pairwise RCF for mixed states (theorem2.ts), side by side:
 *  - Tr(ρ_i ρ_j): what a swap test on the pair measures; |⟨ψ_i|ψ_j⟩|² for pure nodes; 1/d for
 *    two maximally mixed ones;
 *  - Uhlmann F(ρ_i, ρ_j)² = (Tr √(√ρ_i ρ_j √ρ_i))²: also |⟨ψ_i|ψ_j⟩|² for pure nodes, but 1
 *    whenever ρ_i = ρ_j, however mixed.
 *
 * Affordable at N = 10⁵, d = 12:
 *  - the mean of Tr(ρ_iρ_j) over all N(N − 1) ordered pairs i ≠ j is exact in O(N d²) through
 *    the sum S = Σ_i ρ_i: Σ_{i≠j} Tr(ρ_iρ_j) = Tr(S²) − Σ_i Tr(ρ_i²);
 *  - F² needs two d×d eigendecompositions a pair, so it is averaged over at most
 *    `FIDELITY_EDGES_MAX` mesh edges, evenly spaced in edge order (all of them on small meshes),
 *    with Tr(ρ_iρ_j) over the same edges beside it. No randomness: the same edges every sample.
 */
import { cmatmul } from "../../numeric/complex/dense.js";
import type { CMatrix } from "../../numeric/complex/types.js";
import { eigh, eigvalsh } from "../../numeric/linalg/eigh.js";
import { densityNodeLength, densityOverlap } from "./density-mesh.js";
import type { Neighbours } from "./topology.js";

/** Most edges F² is averaged over per sample (each costs two d×d eigendecompositions). */
export const FIDELITY_EDGES_MAX = 256;

export interface DensityCoherence {
  /** Mean of Tr(ρ_iρ_j) over all pairs i ≠ j (exact). */
  readonly overlapPairMean: number;
  /** Mean purity Tr(ρ_i²). */
  readonly purityMean: number;
  /** Mean Uhlmann F² over the sampled edges. */
  readonly fidelitySqEdgeMean: number;
  /** Mean Tr(ρ_iρ_j) over the same sampled edges. */
  readonly overlapEdgeSampleMean: number;
  /** How many edges were sampled. */
  readonly edgesSampled: number;
}

/**
 * Both readings of pairwise RCF for the N density matrices in `data` (density-mesh.ts layout),
 * over the graph `neighbours`. Failed nodes hold the zero matrix and count as overlap 0.
 * `withFidelity` false skips the sampled edges (F² and its Tr beside it are then NaN).
 */
export function densityCoherence(data: Float64Array, nodes: number, dim: number, neighbours: Neighbours, withFidelity = true): DensityCoherence {
  const L = densityNodeLength(dim);
  const sum = new Float64Array(L);
  let purity = 0;
  for (let i = 0; i < nodes; i++) {
    const o = L * i;
    let p = 0;
    for (let e = 0; e < L; e++) {
      const x = data[o + e]!;
      sum[e] = sum[e]! + x;
      p += x * x;
    }
    purity += p;
  }
  let trS2 = 0;
  for (let e = 0; e < L; e++) trS2 += sum[e]! * sum[e]!; // Tr(S²) = Σ|S_kl|² (S Hermitian)
  const { rowPtr, colIdx } = neighbours;
  let edges = 0;
  if (withFidelity) for (let i = 0; i < nodes; i++) for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p]! > i) edges++;
  const want = withFidelity ? Math.min(edges, FIDELITY_EDGES_MAX) : 0;
  let fid = 0;
  let ovl = 0;
  let taken = 0;
  let index = 0;
  for (let i = 0; i < nodes && taken < want; i++) {
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]! && taken < want; p++) {
      const j = colIdx[p]!;
      if (j <= i) continue;
      // Edge number `index` is taken when it is ⌊q·E/K⌋ for the next q.
      if (index === Math.floor((taken * edges) / want)) {
        fid += fidelitySq(data, i, data, j, dim);
        ovl += densityOverlap(data, i, data, j, dim);
        taken++;
      }
      index++;
    }
  }
  return {
    overlapPairMean: (trS2 - purity) / (nodes * (nodes - 1)),
    purityMean: purity / nodes,
    fidelitySqEdgeMean: taken > 0 ? fid / taken : Number.NaN,
    overlapEdgeSampleMean: taken > 0 ? ovl / taken : Number.NaN,
    edgesSampled: taken,
  };
}

function nodeMatrix(data: Float64Array, i: number, dim: number): CMatrix {
  const L = densityNodeLength(dim);
  return { rows: dim, cols: dim, data: data.slice(L * i, L * (i + 1)) };
}

/**
 * Eigenvalues at or below d·ε·λ_max are rounding, not spectrum: they count as 0 in both square
 * roots. Without this, a rank-one ρ (a pure node) gets √(10⁻¹⁷) ≈ 3·10⁻⁹ from each null eigenvalue.
 */
function roundingFloor(values: Float64Array): number {
  return values.length * Number.EPSILON * Math.max(values[values.length - 1]!, 0);
}

/** √ρ = V diag(√λ) V† for a Hermitian positive ρ (eigenvalues within rounding of 0 count as 0). */
export function sqrtPsd(rho: CMatrix): CMatrix {
  const n = rho.rows;
  const { values, vectors } = eigh(rho);
  const v = vectors!.data;
  const out = new Float64Array(2 * n * n);
  const floor = roundingFloor(values);
  for (let m = 0; m < n; m++) {
    const s = values[m]! > floor ? Math.sqrt(values[m]!) : 0;
    if (s === 0) continue;
    for (let k = 0; k < n; k++) {
      const ar = s * v[2 * (k * n + m)]!;
      const ai = s * v[2 * (k * n + m) + 1]!;
      for (let l = 0; l < n; l++) {
        const br = v[2 * (l * n + m)]!;
        const bi = v[2 * (l * n + m) + 1]!;
        out[2 * (k * n + l)] = out[2 * (k * n + l)]! + ar * br + ai * bi; // a · conj(b)
        out[2 * (k * n + l) + 1] = out[2 * (k * n + l) + 1]! + ai * br - ar * bi;
      }
    }
  }
  return { rows: n, cols: n, data: out };
}

/** Uhlmann F(ρ_i, σ_j)² = (Tr √(√ρ σ √ρ))² for node i of `a` and node j of `b` (density-mesh.ts layout). */
export function fidelitySq(a: Float64Array, i: number, b: Float64Array, j: number, dim: number): number {
  const s = sqrtPsd(nodeMatrix(a, i, dim));
  const sigma = nodeMatrix(b, j, dim);
  const t = cmatmul({ rows: dim, cols: dim, data: new Float64Array(2 * dim * dim) }, s, sigma);
  const m = cmatmul({ rows: dim, cols: dim, data: new Float64Array(2 * dim * dim) }, t, s);
  // Symmetrise the rounding before the Hermitian eigensolver.
  const h = m.data;
  for (let k = 0; k < dim; k++) {
    h[2 * (k * dim + k) + 1] = 0;
    for (let l = k + 1; l < dim; l++) {
      const x = 2 * (k * dim + l);
      const y = 2 * (l * dim + k);
      const re = (h[x]! + h[y]!) / 2;
      const im = (h[x + 1]! - h[y + 1]!) / 2;
      h[x] = re;
      h[x + 1] = im;
      h[y] = re;
      h[y + 1] = -im;
    }
  }
  const ev = eigvalsh(m);
  const floor = roundingFloor(ev);
  let f = 0;
  for (let k = 0; k < dim; k++) if (ev[k]! > floor) f += Math.sqrt(ev[k]!);
  return f * f;
}
