/** §2.3: the veto, a Lindblad operator √γ σ_z, shunts the energy of the attempted computation. */
import type { Claim } from "../claim.js";
import { HBAR_JS } from "../../../model/constants.js";
import { sci } from "../compare.js";

/**
 * d⟨H⟩/dt = γ·Tr((σ_z H σ_z − H)ρ) for a qubit with H = (ħω/2)σ_z + (ħΩ/2)σ_x and ρ = |+⟩⟨+|
 * (the state with the most coherence to lose). σ_z σ_x σ_z = −σ_x, so only the σ_x part of H
 * contributes: −γ·ħΩ·⟨σ_x⟩ = −γ·ħΩ. With Ω = 0 (H diagonal, as the paper's node energy is) it is 0.
 */
function energyRateW(gammaPerS: number, transverseRadS: number): number {
  return -gammaPerS * HBAR_JS * transverseRadS * 1; // ⟨σ_x⟩ = 1 in |+⟩
}

export const s23DephasingEnergy: Claim<{ gammaPerS: number; transverseRadS: number }> = {
  id: "s23-dephasing-energy",
  section: "§2.3",
  claim: "a thermodynamic veto that shunts the energy of the attempted computation into a passive heat sink … described by a Lindblad operator L_veto = √γ σ_z",
  inputs: { gammaPerS: 1e9, transverseRadS: 0 },
  paperValue: "energy removed > 0",
  unit: "W (d⟨H⟩/dt)",
  recompute(i) {
    const rate = energyRateW(i.gammaPerS, i.transverseRadS);
    return {
      recomputed: rate,
      stated: { verdict: "physically impossible", law: "energy conservation under pure dephasing: a Lindblad operator that commutes with H leaves ⟨H⟩ constant" },
      arithmetic: [
        "d⟨H⟩/dt = Tr(H·D[L]ρ) = γ·Tr(H(σ_z ρ σ_z − ρ)) = γ·Tr((σ_z H σ_z − H)ρ)",
        `H = (ħω/2)σ_z + (ħΩ/2)σ_x (any ω: σ_z H σ_z leaves the σ_z part unchanged), Ω = ${sci(i.transverseRadS)} rad/s; σ_z σ_x σ_z = −σ_x ⇒ d⟨H⟩/dt = −γħΩ⟨σ_x⟩ = −${sci(i.gammaPerS)}/s × ħ × ${sci(i.transverseRadS)} rad/s = ${sci(rate)} W in |+⟩`,
        "for H diagonal in σ_z (Ω = 0) d⟨H⟩/dt = 0: no energy moves; checked against QuTiP mesolve in src/model/guardian/ter-veto.test.ts",
      ],
      explanation: "σ_z dephasing destroys phase coherence but moves no energy of an H it commutes with: the operator the paper names cannot carry the computation's energy anywhere.",
    };
  },
};
