/**
 * Three open quantum systems whose Liouvillian has a single block (no conserved quantity, so the
 * block reduction of mesolve/steadystate finds nothing to drop); the same models as
 * bench/open_models.py builds in QuTiP (ħ = 1, rates folded into the collapse operators):
 *
 * - `isingChain(n)`: transverse-field Ising chain, H = −J Σ σz_i σz_{i+1} − h Σ σx_i − h_z Σ σz_i,
 *   local damping c_i = √γ σ−_i; ψ(0) = |↑…↑⟩. eOps: σz of site 0 and Σ σz_i / n.
 * - `kerrOscillator(N)`: driven Kerr oscillator, H = Δ a†a + (χ/2) a†a†aa + F (a + a†),
 *   c = √κ a; ψ(0) = |0⟩. eOps: a†a and the quadrature (a + a†)/2.
 * - `drivenJaynesCummings(N)`: H = Δc a†a + Δa σ+σ− + g (a†σ− + a σ+) + E (a + a†),
 *   c = √κ a, √γ σ− (cavity ⊗ qubit); ψ(0) = |0⟩|↓⟩. eOps: a†a and σ+σ−.
 */
import { requireFinite, requireInt } from "../errors.js";
import { destroy, qeye, sigmam, sigmax, sigmaz } from "./operators.js";
import type { Qobj } from "./qobj.js";
import { basis } from "./states.js";
import { tensor } from "./tensor.js";

/** An open system: Hamiltonian, collapse operators, initial ket and the operators to watch. */
export interface OpenModel {
  readonly H: Qobj;
  readonly cOps: Qobj[];
  readonly psi0: Qobj;
  readonly eOps: Qobj[];
}

function finite(p: object, where: string): void {
  for (const [k, v] of Object.entries(p)) requireFinite(v as number, `${where}: ${k}`);
}

/** Transverse-field Ising parameters. */
export interface IsingParams { readonly J: number; readonly h: number; readonly hz: number; readonly gamma: number }
export const ISING_DEFAULTS: IsingParams = { J: 1, h: 0.7, hz: 0.2, gamma: 0.1 };

/** Transverse-field Ising chain of `n` qubits (open ends) with local amplitude damping. */
export function isingChain(n: number, p: IsingParams = ISING_DEFAULTS): OpenModel {
  requireInt(n, "isingChain: n", 2);
  finite(p, "isingChain");
  const site = (op: Qobj, i: number): Qobj => tensor(Array.from({ length: n }, (_, k) => (k === i ? op : qeye(2))));
  const sz = Array.from({ length: n }, (_, i) => site(sigmaz(), i));
  let H = sz[0]!.scale(0);
  for (let i = 0; i + 1 < n; i++) H = H.add(sz[i]!.mul(sz[i + 1]!).scale(-p.J));
  for (let i = 0; i < n; i++) H = H.add(site(sigmax(), i).scale(-p.h)).add(sz[i]!.scale(-p.hz));
  const cOps = Array.from({ length: n }, (_, i) => site(sigmam(), i).scale(Math.sqrt(p.gamma)));
  const mz = sz.reduce((acc, s) => acc.add(s)).scale(1 / n);
  return { H, cOps, psi0: tensor(Array.from({ length: n }, () => basis(2, 0))), eOps: [sz[0]!, mz] };
}

/** Driven Kerr oscillator parameters. */
export interface KerrParams { readonly delta: number; readonly chi: number; readonly F: number; readonly kappa: number }
export const KERR_DEFAULTS: KerrParams = { delta: 0.5, chi: 0.1, F: 0.6, kappa: 0.4 };

/** Driven, damped Kerr oscillator truncated at N Fock levels. */
export function kerrOscillator(N: number, p: KerrParams = KERR_DEFAULTS): OpenModel {
  requireInt(N, "kerrOscillator: N", 2);
  finite(p, "kerrOscillator");
  const a = destroy(N), ad = a.dag();
  const H = ad.mul(a).scale(p.delta).add(ad.mul(ad).mul(a).mul(a).scale(0.5 * p.chi)).add(a.add(ad).scale(p.F));
  return { H, cOps: [a.scale(Math.sqrt(p.kappa))], psi0: basis(N, 0), eOps: [ad.mul(a), a.add(ad).scale(0.5)] };
}

/** Driven Jaynes–Cummings parameters. */
export interface JaynesCummingsParams { readonly dc: number; readonly da: number; readonly g: number; readonly E: number; readonly kappa: number; readonly gamma: number }
export const JAYNES_CUMMINGS_DEFAULTS: JaynesCummingsParams = { dc: 0.2, da: -0.1, g: 1, E: 0.5, kappa: 0.3, gamma: 0.05 };

/** Driven, damped Jaynes–Cummings model: a cavity of N levels ⊗ a two-level atom. */
export function drivenJaynesCummings(N: number, p: JaynesCummingsParams = JAYNES_CUMMINGS_DEFAULTS): OpenModel {
  requireInt(N, "drivenJaynesCummings: N", 2);
  finite(p, "drivenJaynesCummings");
  const a = tensor(destroy(N), qeye(2));
  const sm = tensor(qeye(N), sigmam());
  const ad = a.dag(), sp = sm.dag();
  const H = ad.mul(a).scale(p.dc).add(sp.mul(sm).scale(p.da)).add(ad.mul(sm).add(a.mul(sp)).scale(p.g)).add(a.add(ad).scale(p.E));
  return { H, cOps: [a.scale(Math.sqrt(p.kappa)), sm.scale(Math.sqrt(p.gamma))], psi0: tensor(basis(N, 0), basis(2, 1)), eOps: [ad.mul(a), sp.mul(sm)] };
}
