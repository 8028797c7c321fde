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
    const rowPtr = new Int32Array(n + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    for (let r = 0; r < n; r++) {
      const q = map.upper[r]!;
      // Entries in a row may map to the same half column from either side; only one side per matrix.
      const row: Array<[number, number, number]> = [];
      for (let p = G.rowPtr[q]!; p < G.rowPtr[q + 1]!; p++) {
        const c = G.colIdx[p]!;
        if (map.lower[c] !== wantLower) continue;
        row.push([map.half[c]!, G.data[2 * p]!, G.data[2 * p + 1]!]);
      }
      row.sort((x, y) => x[0] - y[0]);
      for (const [c, re, im] of row) { cols.push(c); vals.push(re, im); }
      rowPtr[r + 1] = cols.length;
    }
    return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
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
