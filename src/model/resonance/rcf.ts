/**
 * Resonant Coherence Fidelity between node states (§2.1): RCF_ij = |⟨ψ_i|ψ_j⟩|², on the
 * interleaved structure-of-arrays layout of `node-states.ts`.
 */

/**
 * RCF_ij = |⟨ψ_i|ψ_j⟩|² = |Σ_k conj(ψ_ik) ψ_jk|² for nodes i and j of `data` (d modes each,
 * interleaved re/im). States are taken as given (not renormalised).
 */
export function rcfPair(data: Float64Array, dim: number, i: number, j: number): number {
  const a = 2 * i * dim;
  const b = 2 * j * dim;
  let re = 0;
  let im = 0;
  for (let k = 0; k < 2 * dim; k += 2) {
    const ar = data[a + k]!;
    const ai = data[a + k + 1]!;
    const br = data[b + k]!;
    const bi = data[b + k + 1]!;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return re * re + im * im;
}

/** RCF between state i of `a` and state j of `b` (two arrays with the same d). */
export function rcfBetween(a: Float64Array, i: number, b: Float64Array, j: number, dim: number): number {
  const oa = 2 * i * dim;
  const ob = 2 * j * dim;
  let re = 0;
  let im = 0;
  for (let k = 0; k < 2 * dim; k += 2) {
    const ar = a[oa + k]!;
    const ai = a[oa + k + 1]!;
    const br = b[ob + k]!;
    const bi = b[ob + k + 1]!;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return re * re + im * im;
}

/**
 * One row of RCF values: `out[c] = RCF(i, candidates[c])` for c < count. No allocation.
 * Used by Prim's MST with weights 1 − RCF computed on the fly.
 */
export function rcfRow(data: Float64Array, dim: number, i: number, candidates: Int32Array, count: number, out: Float64Array): Float64Array {
  for (let c = 0; c < count; c++) out[c] = rcfPair(data, dim, i, candidates[c]!);
  return out;
}
