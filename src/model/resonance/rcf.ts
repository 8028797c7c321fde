/**
 * Resonant Coherence Fidelity between node states (§2.1): RCF_ij = |⟨ψ_i|ψ_j⟩|², on the
 * interleaved structure-of-arrays layout of `node-states.ts`.
 */

/**
 * RCF_ij = |⟨ψ_i|ψ_j⟩|² = |Σ_k conj(ψ_ik) ψ_jk|² for nodes i and j of `data` (d modes each,
 * interleaved re/im). States are taken as given (not renormalised).
 */
export function rcfPair(data: Float64Array, dim: number, i: number, j: number): number {
  return rcfBetween(data, i, data, j, dim);
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
 * |Σ_k conj(a_k) b_k|² for the d2/2 complex entries of `a` from offset `oa` and `b` from `ob`,
 * with two accumulators (even and odd modes) to shorten the dependency chain — the hot kernel of
 * `rcfRange` and Prim's relaxation. Its rounding differs from `rcfBetween`'s one-chain sum.
 */
export function rcfUnrolled(a: Float64Array, oa: number, b: Float64Array, ob: number, d2: number): number {
  let re0 = 0;
  let im0 = 0;
  let re1 = 0;
  let im1 = 0;
  let k = 0;
  for (; k + 3 < d2; k += 4) {
    const ar = a[oa + k]!;
    const ai = a[oa + k + 1]!;
    const br = b[ob + k]!;
    const bi = b[ob + k + 1]!;
    re0 += ar * br + ai * bi;
    im0 += ar * bi - ai * br;
    const cr = a[oa + k + 2]!;
    const ci = a[oa + k + 3]!;
    const dr = b[ob + k + 2]!;
    const di = b[ob + k + 3]!;
    re1 += cr * dr + ci * di;
    im1 += cr * di - ci * dr;
  }
  if (k < d2) {
    const ar = a[oa + k]!;
    const ai = a[oa + k + 1]!;
    const br = b[ob + k]!;
    const bi = b[ob + k + 1]!;
    re0 += ar * br + ai * bi;
    im0 += ar * bi - ai * br;
  }
  const re = re0 + re1;
  const im = im0 + im1;
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

/**
 * RCF of node u against every node of [lo, hi): `out[v − lo] = RCF(u, v)`. Node u is copied to
 * `scratch` (length 2d) first. No allocation.
 */
export function rcfRange(data: Float64Array, dim: number, u: number, lo: number, hi: number, scratch: Float64Array, out: Float64Array): Float64Array {
  const d2 = 2 * dim;
  scratch.set(data.subarray(u * d2, u * d2 + d2));
  for (let v = lo; v < hi; v++) out[v - lo] = rcfUnrolled(scratch, 0, data, v * d2, d2);
  return out;
}

/**
 * RCF of the state `a` (2d interleaved values from offset `oa`) against every node of [lo, hi) of
 * `data`: `out[v − lo] = |⟨a|ψ_v⟩|²`, two nodes per pass so each of a's entries is loaded once for
 * both. Each sum runs in `rcfBetween`'s order, so the values equal `rcfPair`'s bit for bit (and
 * RCF(i, j) = RCF(j, i) exactly: the real part has the same products in the same order, the
 * imaginary part is negated term by term). The hot kernel of the nearest-list pass.
 */
export function rcfBlock(a: Float64Array, oa: number, data: Float64Array, d2: number, lo: number, hi: number, out: Float64Array): Float64Array {
  let v = lo;
  for (; v + 1 < hi; v += 2) {
    const o0 = v * d2;
    const o1 = o0 + d2;
    let re0 = 0;
    let im0 = 0;
    let re1 = 0;
    let im1 = 0;
    for (let m = 0; m < d2; m += 2) {
      const ar = a[oa + m]!;
      const ai = a[oa + m + 1]!;
      const br = data[o0 + m]!;
      const bi = data[o0 + m + 1]!;
      const cr = data[o1 + m]!;
      const ci = data[o1 + m + 1]!;
      re0 += ar * br + ai * bi;
      im0 += ar * bi - ai * br;
      re1 += ar * cr + ai * ci;
      im1 += ar * ci - ai * cr;
    }
    out[v - lo] = re0 * re0 + im0 * im0;
    out[v + 1 - lo] = re1 * re1 + im1 * im1;
  }
  if (v < hi) {
    const o0 = v * d2;
    let re = 0;
    let im = 0;
    for (let m = 0; m < d2; m += 2) {
      const ar = a[oa + m]!;
      const ai = a[oa + m + 1]!;
      const br = data[o0 + m]!;
      const bi = data[o0 + m + 1]!;
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
    out[v - lo] = re * re + im * im;
  }
  return out;
}
