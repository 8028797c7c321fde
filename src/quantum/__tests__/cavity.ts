// The reference two-mode cavity of test/reference/qutip-cavity.json, built with our API.
import { destroy, qeye } from "../operators.js";
import { basis } from "../states.js";
import { tensor } from "../tensor.js";
import type { Qobj } from "../qobj.js";

export const CAVITY = { omega: 1.0, g: 0.1, kappa: 0.05, nTh: 0.1 };

export function cavity(N: number): { H: Qobj; cOps: Qobj[]; psi0: Qobj; na: Qobj; nb: Qobj } {
  const { omega, g, kappa, nTh } = CAVITY;
  const a = tensor(destroy(N), qeye(N));
  const b = tensor(qeye(N), destroy(N));
  const na = a.dag().mul(a), nb = b.dag().mul(b);
  const H = na.add(nb).scale(omega).add(a.dag().mul(b).add(a.mul(b.dag())).scale(g));
  const cOps = [a, b].flatMap((m) => [m.scale(Math.sqrt(kappa * (1 + nTh))), m.dag().scale(Math.sqrt(kappa * nTh))]);
  return { H, cOps, psi0: tensor(basis(N, 1), basis(N, 0)), na, nb };
}

/**
 * Untruncated solution: C_ij = ⟨a_i† a_j⟩ obeys dC/dt = i[h, C] − κ(C − n_th I) with
 * h = [[ω, g], [g, ω]], so from |1,0⟩: n_a = n_th(1 − e^{−κt}) + e^{−κt} cos²(gt),
 * n_b = n_th(1 − e^{−κt}) + e^{−κt} sin²(gt).
 */
export function cavityAnalytic(t: number): { na: number; nb: number } {
  const { g, kappa, nTh } = CAVITY;
  const e = Math.exp(-kappa * t);
  return { na: nTh * (1 - e) + e * Math.cos(g * t) ** 2, nb: nTh * (1 - e) + e * Math.sin(g * t) ** 2 };
}
