/** §2.1: the global state is the tensor product of N node spaces of dimension 192. */
import type { Claim } from "../claim.js";
import { sci } from "../compare.js";

export const s21GlobalDimension: Claim = {
  id: "s21-global-dimension",
  section: "§2.1",
  claim: "Hilbert space of the i-th node (typically a 192-dimensional space) … The global state is the tensor product Ψ_global = ⊗ ψ_i ⊗ |τ_UMT⟩",
  inputs: { nodeDim: 192, nodes: 1e5 },
  paperValue: "192^N",
  unit: "log10(dimension)",
  recompute() {
    const log10Dim = 1e5 * Math.log10(192);
    return {
      recomputed: log10Dim,
      verdict: "untestable in software",
      arithmetic: [
        `log10(192^N) = N·log10(192) = 10⁵ × ${Math.log10(192).toFixed(6)} = ${sci(log10Dim, 6)}`,
        `a product state needs only N·192 = ${sci(1e5 * 192)} amplitudes; a general (entangled) state 10^${sci(log10Dim, 6)}`,
      ],
      explanation: "The paper writes a product state, which carries no correlations between nodes (its pairwise overlaps are fixed by the factors); a general state of this space cannot be stored by any computer, so the twin, like the paper's own code, keeps one vector per node.",
    };
  },
};
