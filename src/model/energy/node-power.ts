/**
 * §2.2 and the abstract: power of one node and of the whole mesh from E_flip.
 *
 *   P_node  = E_flip · ν_ops                                  (§2.2, per node)
 *   P_total = N · (ħω0/𝓕) · ν_ops · ln(1/(1 − RCF̄))             (§2.2)
 *   P_node' = (ħω0²/𝓕) · ln(1/(1 − RCF))                        (abstract, "per TeraFLOP")
 *
 * The abstract's form has dimension J·s · s⁻² = J/s = W: it is a power, and equals §2.2's
 * P_node only if ν_ops = ω0 (one operation per radian of the optical carrier). It is not a
 * "power per TeraFLOP", which would be W/(TFLOP/s) = J per 10¹² operations (an energy).
 */
import { HBAR_JS } from "../constants.js";
import { flipEnergyJ, rcfLogFactor } from "./flip-energy.js";
import { DIM, dimDiv, dimMul, dimPow, type Dim } from "./dimension.js";
import { requirePositive, requireNonNegative } from "./validate.js";

/** P_node = E_flip · ν_ops in W. `flipEnergyJ` in J, `opsPerS` in 1/s. */
export function nodePowerW(flipEnergyJoule: number, opsPerS: number): number {
  requireNonNegative(flipEnergyJoule, "flipEnergyJ");
  requireNonNegative(opsPerS, "opsPerS");
  return flipEnergyJoule * opsPerS;
}

/**
 * P_total of §2.2 in W.
 * @param nodes N (> 0)
 * @param photonEnergyJ ħω0 in J
 * @param finesse 𝓕
 * @param opsPerS ν_ops per node in 1/s
 * @param rcfMean global RCF̄ in (0, 1)
 */
export function totalPowerW(nodes: number, photonEnergyJ: number, finesse: number, opsPerS: number, rcfMean: number): number {
  requirePositive(nodes, "nodes");
  return nodes * nodePowerW(flipEnergyJ(photonEnergyJ, finesse, rcfMean), opsPerS);
}

/** The abstract's P_node = ħω0²/𝓕 · ln(1/(1 − RCF)) evaluated in SI: W (see the module note). */
export function abstractNodePowerW(omega0RadPerS: number, finesse: number, rcf: number): number {
  requirePositive(omega0RadPerS, "omega0RadPerS");
  requirePositive(finesse, "finesse");
  return ((HBAR_JS * omega0RadPerS * omega0RadPerS) / finesse) * rcfLogFactor(rcf);
}

/** Dimension of the abstract's ħω0²/𝓕 · ln(…): [ħ]·[ω]² (𝓕 and the log are dimensionless). */
export function abstractNodePowerDim(): Dim {
  return dimMul(DIM.jouleSecond, dimPow(DIM.rate, 2));
}

/** Dimension a "power per TeraFLOP" would need: W / (ops/s) = J (per operation, times 10¹²). */
export function powerPerThroughputDim(): Dim {
  return dimDiv(DIM.watt, DIM.rate);
}
