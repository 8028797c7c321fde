/**
 * ODOS ethical dissonance (§2.3, Appendix A `delta_e`): ΔE(ψ) = 1 − |⟨ψ|ODOS⟩|², with the
 * ODOS reference the all-ones vector normalised, |ODOS⟩ = (1, …, 1)/√d. A node is vetoed when
 * ΔE exceeds the threshold (0.05, §2.3 and §6.3).
 */

/** The paper's veto threshold on ΔE (§2.3: "ΔE > 0.05"). */
export const DELTA_E_THRESHOLD = 0.05;

/**
 * ΔE of node i: 1 − |Σ_k ψ_ik|²/d (the overlap with the all-ones vector is the sum of the
 * amplitudes divided by √d). The state is taken as given, as the paper's code does.
 */
export function deltaENode(data: Float64Array, dim: number, i: number): number {
  const o = 2 * i * dim;
  let re = 0;
  let im = 0;
  for (let k = 0; k < 2 * dim; k += 2) {
    re += data[o + k]!;
    im += data[o + k + 1]!;
  }
  return 1 - (re * re + im * im) / dim;
}

/** Write the normalised ODOS vector (1, …, 1)/√d into node i of `data`. */
export function writeOdos(data: Float64Array, dim: number, i: number): void {
  const a = 1 / Math.sqrt(dim);
  const o = 2 * i * dim;
  for (let k = 0; k < dim; k++) {
    data[o + 2 * k] = a;
    data[o + 2 * k + 1] = 0;
  }
}
