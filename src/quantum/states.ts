/**
 * Standard states (QuTiP names): Fock kets and density matrices, coherent states, thermal
 * states, projectors and Haar-random kets.
 */
import { InputError, requireFinite, requireInt } from "../errors.js";
import { csrFromTriplets } from "../numeric/complex/index.js";
import { create, destroy } from "./operators.js";
import { Qobj, scalarParts, type Scalar } from "./qobj.js";

/** A source of standard normal deviates, or of Haar kets (a `RandomStream` from numeric/random has both). */
export interface NormalSource {
  normal(): number;
  haarKet?(dim: number): Float64Array;
}

/** Fock ket |n⟩ in a space of dimension N (QuTiP's `basis(N, n)`). */
export function basis(N: number, n = 0): Qobj {
  requireInt(N, "basis: N", 1);
  requireInt(n, "basis: n", 0, N - 1, `a level of the ${N}-level space`);
  return new Qobj(csrFromTriplets(N, 1, Int32Array.of(n), Int32Array.of(0), Float64Array.of(1), Float64Array.of(0)));
}

/** Fock density matrix |n⟩⟨n|. */
export function fockDm(N: number, n = 0): Qobj {
  return ket2dm(basis(N, n));
}

/** |ψ⟩⟨ψ| for a ket (a bra is taken as ⟨ψ|, giving the same projector). */
export function ket2dm(psi: Qobj): Qobj {
  if (psi.type === "ket") return psi.mul(psi.dag());
  if (psi.type === "bra") return psi.dag().mul(psi);
  throw InputError.of("ket2dm: psi", "a ket or bra", `~a ${psi.type}`);
}

/**
 * Coherent state |α⟩ on N levels by QuTiP's default `method='operator'`: the displacement
 * operator D(α) = exp(α a† − α* a), exponentiated on the truncated space, applied to |0⟩.
 * The result is normalised by construction (D is unitary on the truncated space) but is not the
 * truncated Poisson series; its deviation from it grows as |α|² approaches N.
 */
export function coherent(N: number, alpha: Scalar): Qobj {
  requireInt(N, "coherent: N", 1);
  const [re, im] = scalarParts(alpha, "coherent: alpha");
  const gen = create(N).scale({ re, im }).sub(destroy(N).scale({ re, im: -im }));
  return gen.expm().mul(basis(N, 0));
}

/** Coherent-state density matrix |α⟩⟨α| (operator method). */
export function coherentDm(N: number, alpha: Scalar): Qobj {
  return ket2dm(coherent(N, alpha));
}

/**
 * Thermal state of an oscillator with mean occupation nTh, truncated to N levels and
 * renormalised: p_k ∝ (nTh / (1 + nTh))^k (QuTiP's `thermal_dm`, default method).
 */
export function thermalDm(N: number, nTh: number): Qobj {
  requireInt(N, "thermalDm: N", 1);
  requireFinite(nTh, "thermalDm: nTh");
  if (nTh < 0) throw InputError.of("thermalDm: nTh", "a mean occupation ≥ 0", nTh);
  const ratio = nTh / (1 + nTh);
  const p = Float64Array.from({ length: N }, (_, k) => (k === 0 ? 1 : ratio ** k));
  const z = p.reduce((a, b) => a + b, 0);
  const i = Int32Array.from({ length: N }, (_, k) => k);
  return new Qobj(csrFromTriplets(N, N, i, i, p.map((x) => x / z), new Float64Array(N)));
}

/**
 * Haar-random ket of dimension N: a vector of i.i.d. complex Gaussians (real and imaginary parts
 * standard normal), normalised — the unitarily invariant measure on the unit sphere.
 * @param source a stream of standard normals (e.g. `RandomStream`); never an unseeded global source.
 */
export function randKet(N: number, source: NormalSource): Qobj {
  requireInt(N, "randKet: N", 1);
  if (typeof source?.normal !== "function") throw InputError.of("randKet: source", "an object with normal(): number", source);
  if (typeof source.haarKet === "function") return new Qobj({ rows: N, cols: 1, data: source.haarKet(N) });
  const data = new Float64Array(2 * N);
  let s = 0;
  for (let k = 0; k < 2 * N; k++) {
    const x = source.normal();
    if (!Number.isFinite(x)) throw InputError.of("randKet: source.normal()", "finite deviates", x);
    data[k] = x;
    s += x * x;
  }
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < 2 * N; k++) data[k] = data[k]! * inv;
  return new Qobj({ rows: N, cols: 1, data });
}
