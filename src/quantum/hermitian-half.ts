/**
 * The upper triangle of a Hermitian density matrix as the state of the master equation.
 *
 * The Lindblad generator maps Hermitian matrices to Hermitian matrices (H Hermitian, real
 * time-dependent coefficients), so ρ_nm = conj(ρ_mn) holds at all times when it holds at t = 0.
 * Only the unknowns ρ_mn with m ≤ n are integrated; an equation that reads a lower entry ρ_nm
 * reads conj(ρ_mn) instead. A generator G then splits into two matrices on the upper unknowns,
 *
 *   (G x)_q = Σ_p D_qp x_p + Σ_p C_qp conj(x_p),
 *
 * exact (the same products, regrouped), and every matrix-vector product, vector update and
 * rotation costs about half of the full vectorised equation.
 */
import type { CsrMatrix } from "../numeric/complex/index.js";

/** The map between a block's unknowns (column-stacked indices) and its upper-triangle unknowns. */
export interface HalfMap {
  /** Number of upper-triangle unknowns (m ≤ n). */
  readonly nHalf: number;
  /** For each block-local unknown: its upper-triangle index (its own, or its transpose partner's). */
  readonly half: Int32Array;
  /** For each block-local unknown: 1 when it is a strictly lower entry (read as a conjugate). */
  readonly lower: Uint8Array;
  /** Block-local index of each upper-triangle unknown. */
  readonly upper: Int32Array;
}

/**
 * The half map of a block given by `indices` (column-stacked, ascending) and `local` (global →
 * local, −1 outside), or null when the block is not closed under transposition (then it cannot
 * hold a Hermitian state on its own).
 */
export function halfMap(d: number, indices: Int32Array, local: Int32Array): HalfMap | null {
  const m = indices.length;
  const half = new Int32Array(m).fill(-1);
  const lower = new Uint8Array(m);
  const upper: number[] = [];
  for (let q = 0; q < m; q++) {
    const k = indices[q]!;
    const a = k % d, b = (k - a) / d; // ρ_ab
    if (a <= b) { half[q] = upper.length; upper.push(q); }
  }
  for (let q = 0; q < m; q++) {
    const k = indices[q]!;
    const a = k % d, b = (k - a) / d;
    if (a > b) {
      const p = local[b + a * d]!;
      if (p < 0) return null;
      half[q] = half[p]!;
      lower[q] = 1;
    }
  }
  return { nHalf: upper.length, half, lower, upper: Int32Array.from(upper) };
}

/** Split the rows of `G` (block-local numbering) that belong to upper unknowns into D and C. */
export function splitHalf(G: CsrMatrix, map: HalfMap): { D: CsrMatrix; C: CsrMatrix } {
  const n = map.nHalf;
  const build = (wantLower: number): CsrMatrix => {
    let nnz = 0;
    for (let r = 0; r < n; r++) {
      const q = map.upper[r]!;
      for (let p = G.rowPtr[q]!; p < G.rowPtr[q + 1]!; p++) if (map.lower[G.colIdx[p]!] === wantLower) nnz++;
    }
    const rowPtr = new Int32Array(n + 1), colIdx = new Int32Array(nnz), data = new Float64Array(2 * nnz);
    let t = 0;
    for (let r = 0; r < n; r++) {
      const q = map.upper[r]!;
      const start = t;
      for (let p = G.rowPtr[q]!; p < G.rowPtr[q + 1]!; p++) {
        const c = G.colIdx[p]!;
        if (map.lower[c] !== wantLower) continue;
        // Insertion into the row, sorted by half column (upper entries arrive sorted already).
        const h = map.half[c]!, re = G.data[2 * p]!, im = G.data[2 * p + 1]!;
        let u = t++;
        while (u > start && colIdx[u - 1]! > h) {
          colIdx[u] = colIdx[u - 1]!; data[2 * u] = data[2 * u - 2]!; data[2 * u + 1] = data[2 * u - 1]!; u--;
        }
        colIdx[u] = h; data[2 * u] = re; data[2 * u + 1] = im;
      }
      rowPtr[r + 1] = t;
    }
    return { rows: n, cols: n, rowPtr, colIdx, data };
  };
  return { D: build(0), C: build(1) };
}

/** out += (s·C) conj(x) (s real; out must not alias x). */
export function conjMatvecAdd(out: Float64Array, C: CsrMatrix, x: Float64Array, s: number): void {
  const rp = C.rowPtr, ci = C.colIdx, d = C.data;
  for (let i = 0; i < C.rows; i++) {
    let re = 0, im = 0;
    const end = rp[i + 1]!;
    for (let p = rp[i]!; p < end; p++) {
      const j = 2 * ci[p]!;
      const ar = d[2 * p]!, ai = d[2 * p + 1]!;
      const xr = x[j]!, xi = -x[j + 1]!;
      re += ar * xr - ai * xi;
      im += ar * xi + ai * xr;
    }
    out[2 * i] = out[2 * i]! + s * re;
    out[2 * i + 1] = out[2 * i + 1]! + s * im;
  }
}
