/**
 * The reference two-mode cavity (test/reference/qutip-cavity.json): two resonant modes a, b
 * exchanging photons, each damped into a thermal bath (ħ = 1):
 *
 *   H = ω(a†a + b†b) + g(a†b + a b†),
 *   c = √(κ(1 + n_th)) a, √(κ n_th) a†, √(κ(1 + n_th)) b, √(κ n_th) b†,
 *
 * started in |1, 0⟩. Untruncated, ⟨n_a⟩(t) = n_th(1 − e^{−κt}) + e^{−κt} cos²(gt) and
 * ⟨n_b⟩(t) = n_th(1 − e^{−κt}) + e^{−κt} sin²(gt); the steady state is thermal with ⟨n⟩ = n_th.
 */
import { requireFinite, requireInt } from "../errors.js";
import { destroy, qeye } from "./operators.js";
import type { Qobj } from "./qobj.js";
import { basis } from "./states.js";
import { tensor } from "./tensor.js";

/** Cavity parameters: angular frequencies ω, g and rate κ in the same (arbitrary) time unit. */
export interface CavityParams {
  readonly omega: number;
  readonly g: number;
  readonly kappa: number;
  readonly nTh: number;
}

/** The reference file's parameters: ω = 1, g = 0.1, κ = 0.05, n_th = 0.1. */
export const REFERENCE_CAVITY: CavityParams = { omega: 1, g: 0.1, kappa: 0.05, nTh: 0.1 };

/** H, collapse operators, |1,0⟩ and the number operators of the two-mode cavity truncated at N levels per mode. */
export function twoModeCavity(N: number, p: CavityParams = REFERENCE_CAVITY): { H: Qobj; cOps: Qobj[]; psi0: Qobj; na: Qobj; nb: Qobj } {
  requireInt(N, "twoModeCavity: N", 2);
  const { omega, g, kappa, nTh } = p;
  requireFinite(omega, "omega"); requireFinite(g, "g"); requireFinite(kappa, "kappa"); requireFinite(nTh, "nTh");
  const a = tensor(destroy(N), qeye(N));
  const b = tensor(qeye(N), destroy(N));
  const na = a.dag().mul(a), nb = b.dag().mul(b);
  const H = na.add(nb).scale(omega).add(a.dag().mul(b).add(a.mul(b.dag())).scale(g));
  const cOps = [a, b].flatMap((m) => [m.scale(Math.sqrt(kappa * (1 + nTh))), m.dag().scale(Math.sqrt(kappa * nTh))]);
  return { H, cOps, psi0: tensor(basis(N, 1), basis(N, 0)), na, nb };
}
