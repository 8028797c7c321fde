/** §2.1: the global state is the tensor product of N node spaces of dimension 192. */
import type { Claim } from "../claim.js";
import { sci } from "../compare.js";

export const s21GlobalDimension: Claim<{ nodeDim: number; nodes: number }> = {
  id: "s21-global-dimension",
  section: "§2.1",
  claim: "Hilbert space of the i-th node (typically a 192-dimensional space) … The global state is the tensor product Ψ_global = ⊗ ψ_i ⊗ |τ_UMT⟩",
  inputs: { nodeDim: 192, nodes: 1e5 },
  paperValue: "192^N",
  unit: "log10(dimension)",
  recompute(i) {
    const log10Dim = i.nodes * Math.log10(i.nodeDim);
    return {
      recomputed: log10Dim,
      stated: { verdict: "untestable in software", why: `a general state of a space of dimension 10^${sci(log10Dim, 6)} cannot be stored by any computer; only its product states (N·d amplitudes) can be simulated` },
      arithmetic: [
        `log10(${i.nodeDim}^N) = N·log10(${i.nodeDim}) = ${sci(i.nodes)} × ${Math.log10(i.nodeDim).toFixed(6)} = ${sci(log10Dim, 6)}`,
        `a product state needs only N·d = ${sci(i.nodes * i.nodeDim)} amplitudes; a general (entangled) state 10^${sci(log10Dim, 6)}`,
      ],
      explanation: "The paper writes a product state, which carries no correlations between nodes (its pairwise overlaps are fixed by the factors); a general state of this space cannot be stored by any computer, so the twin, like the paper's own code, keeps one vector per node.",
    };
  },
};
