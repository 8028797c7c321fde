/** §2.3: γ = (2π/ħ)·(ΔE)²/E_J is the rate of the veto Lindblad operator. */
import type { Claim } from "../claim.js";
import { DIM, dimFormatJs, josephsonEnergyJ } from "../../../model/energy/index.js";
import { terGammaAsPrinted, terGammaDim, terGammaPerS } from "../../../model/guardian/index.js";
import { sameValue, sci } from "../compare.js";

export const s23GammaUnits: Claim<{ deltaE: number; criticalCurrentA: number }> = {
  id: "s23-gamma-units",
  section: "§2.3",
  claim: "L_veto = √γ σ_z with γ = (2π/ħ)(ΔE)²/E_J, where E_J is the Josephson coupling energy",
  inputs: { deltaE: 0.06, criticalCurrentA: 10e-6 },
  paperValue: "a rate, s⁻¹",
  unit: "dimension",
  recompute(i) {
    const ej = josephsonEnergyJ(i.criticalCurrentA);
    const d = dimFormatJs(terGammaDim("dimensionless"));
    const printed = terGammaAsPrinted(i.deltaE, ej);
    return {
      recomputed: `${d}; as printed ${sci(printed)} ${d}`,
      comparison: sameValue(dimFormatJs(DIM.rate), d),
      arithmetic: [
        `[2π/ħ]·[ΔE]²/[E_J] = (J·s)⁻¹ · 1 / J = ${d} (ΔE is the dimensionless ODOS dissonance, §2.3)`,
        `as printed, with E_J = (ħ/2e)·${sci(i.criticalCurrentA)} A = ${sci(ej)} J and ΔE = ${i.deltaE}: ${sci(printed)} ${d} — not a rate`,
        `reading ΔE as an energy ΔE·E_J: γ = 2π·ΔE²·E_J/ħ = ${sci(terGammaPerS(i.deltaE, ej))} s⁻¹`,
      ],
      explanation: "A Lindblad rate must be s⁻¹; the printed γ is J⁻²·s⁻¹ because ΔE is dimensionless, so no factor exists. The twin uses the reading ΔE → ΔE·E_J (docs/MODEL.md, Guardian).",
    };
  },
};
