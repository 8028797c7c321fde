/**
 * Thermodynamic entropy routing (§2.3): the veto as the Lindblad channel
 *
 *   L_veto = √γ σ_z,   γ = (2π/ħ) · (ΔE)² / E_J.
 *
 * Units. [2π/ħ] = J⁻¹s⁻¹, [E_J] = J. If ΔE is an energy (J), γ is a rate (s⁻¹). But the paper's ΔE
 * is the ODOS dissonance, dimensionless (ΔE > 0.05), which makes [γ] = J⁻²·s⁻¹ — not a rate; the
 * formula as printed is dimensionally inconsistent. Our reading (stated in docs/MODEL.md): the
 * dissonance scales the junction energy, ΔE_J = ΔE · E_J, so γ = 2π·ΔE²·E_J/ħ (s⁻¹).
 *
 * Physics of the channel: D[√γ σ_z]ρ = γ(σ_z ρ σ_z − ρ) leaves populations untouched and damps
 * coherences as ρ₀₁(t) = ρ₀₁(0)·e^{−2γt}. It is pure dephasing: it carries away no energy from a
 * qubit whose Hamiltonian commutes with σ_z, so it cannot "shunt the energy" of a computation.
 */
import { HBAR_JS } from "../constants.js";
import { DIM, dimDiv, dimMul, dimPow, type Dim } from "../energy/dimension.js";
import { requireFinite } from "../../errors.js";
import { requirePositive, requireNonNegative } from "../energy/validate.js";

/** Dimension of γ for ΔE dimensionless (`"dimensionless"`) or an energy (`"energy"`). */
export function terGammaDim(deltaEReading: "dimensionless" | "energy"): Dim {
  const dE = deltaEReading === "energy" ? DIM.joule : DIM.one;
  return dimDiv(dimMul(dimPow(DIM.jouleSecond, -1), dimPow(dE, 2)), DIM.joule);
}

/** The printed formula's number with ΔE dimensionless and E_J in J: units J⁻²·s⁻¹ (not a rate). */
export function terGammaAsPrinted(deltaE: number, josephsonEnergyJoule: number): number {
  requireFinite(deltaE, "deltaE");
  requirePositive(josephsonEnergyJoule, "josephsonEnergyJ");
  return ((2 * Math.PI) / HBAR_JS) * (deltaE * deltaE) / josephsonEnergyJoule;
}

/** Our reading, ΔE_J = ΔE·E_J: γ = 2π·ΔE²·E_J/ħ in s⁻¹. */
export function terGammaPerS(deltaE: number, josephsonEnergyJoule: number): number {
  requireFinite(deltaE, "deltaE");
  requirePositive(josephsonEnergyJoule, "josephsonEnergyJ");
  return (2 * Math.PI * deltaE * deltaE * josephsonEnergyJoule) / HBAR_JS;
}

/** |ρ₀₁(t)/ρ₀₁(0)| = e^{−2γt} under L = √γ σ_z; `gammaPerS` ≥ 0, `timeS` ≥ 0. */
export function dephasingCoherenceFactor(gammaPerS: number, timeS: number): number {
  requireNonNegative(gammaPerS, "gammaPerS");
  requireNonNegative(timeS, "timeS");
  return Math.exp(-2 * gammaPerS * timeS);
}

/** Time in s for the coherence to fall by 1/e: 1/(2γ). */
export function dephasingTimeS(gammaPerS: number): number {
  requirePositive(gammaPerS, "gammaPerS");
  return 1 / (2 * gammaPerS);
}
