/** §2.3: the veto, a Lindblad operator √γ σ_z, shunts the energy of the attempted computation. */
import type { Claim } from "../claim.js";

export const s23DephasingEnergy: Claim = {
  id: "s23-dephasing-energy",
  section: "§2.3",
  claim: "a thermodynamic veto that shunts the energy of the attempted computation into a passive heat sink … described by a Lindblad operator L_veto = √γ σ_z",
  inputs: { operator: "√γ σ_z", hamiltonian: "H = (ħω/2) σ_z (any H diagonal in σ_z)" },
  paperValue: "energy removed > 0",
  unit: "d⟨H⟩/dt",
  recompute() {
    return {
      recomputed: 0,
      verdict: "physically impossible",
      law: "energy conservation under pure dephasing: a Lindblad operator that commutes with H leaves ⟨H⟩ constant",
      arithmetic: [
        "d⟨H⟩/dt = Tr(H·D[L]ρ) = γ·Tr(H(σ_z ρ σ_z − ρ)) = γ·Tr((σ_z H σ_z − H)ρ)",
        "σ_z H σ_z = H when [H, σ_z] = 0 (σ_z² = 1) ⇒ d⟨H⟩/dt = 0",
        "checked numerically against QuTiP mesolve in src/model/guardian/ter-veto.test.ts (⟨H⟩ constant to 1e-8)",
      ],
      explanation: "σ_z dephasing destroys phase coherence but moves no energy: the operator the paper names cannot carry the computation's energy anywhere.",
    };
  },
};
