/**
 * Standard operators (QuTiP names): ladder operators of a truncated harmonic oscillator,
 * the identity and the Pauli matrices.
 */
import { InputError, requireInt } from "../errors.js";
import { csrFromTriplets, csrIdentity } from "../numeric/complex/index.js";
import { Qobj } from "./qobj.js";

/** Annihilation operator a on the Fock space truncated at N levels: a|n⟩ = √n |n−1⟩. */
export function destroy(N: number): Qobj {
  requireInt(N, "destroy: N", 1);
  const m = N - 1;
  const i = new Int32Array(m), j = new Int32Array(m), re = new Float64Array(m);
  for (let n = 1; n < N; n++) { i[n - 1] = n - 1; j[n - 1] = n; re[n - 1] = Math.sqrt(n); }
  return new Qobj(csrFromTriplets(N, N, i, j, re, new Float64Array(m)));
}

/** Creation operator a† (N levels): a†|n⟩ = √(n+1) |n+1⟩ (truncated at N−1). */
export function create(N: number): Qobj {
  return destroy(N).dag();
}

/** Number operator a†a = diag(0, 1, …, N−1). */
export function num(N: number): Qobj {
  requireInt(N, "num: N", 1);
  const i = Int32Array.from({ length: N }, (_, k) => k);
  const re = Float64Array.from({ length: N }, (_, k) => k);
  return new Qobj(csrFromTriplets(N, N, i, i, re, new Float64Array(N)));
}

/** Identity on a space of dimension N, or on the tensor space with factor dims `[d1, d2, …]`. */
export function qeye(N: number | readonly number[]): Qobj {
  const dims = typeof N === "number" ? [N] : [...N];
  if (dims.length === 0) throw InputError.of("qeye: N", "a dimension or a non-empty list of dimensions", N);
  dims.forEach((d, k) => requireInt(d, `qeye: N[${k}]`, 1));
  const n = dims.reduce((a, b) => a * b, 1);
  return new Qobj(csrIdentity(n), [dims, dims]);
}

/** Pauli X = [[0, 1], [1, 0]]. */
export function sigmax(): Qobj {
  return Qobj.fromRows([[0, 1], [1, 0]]);
}

/** Pauli Y = [[0, −i], [i, 0]]. */
export function sigmay(): Qobj {
  return Qobj.fromRows([[0, [0, -1]], [[0, 1], 0]]);
}

/** Pauli Z = [[1, 0], [0, −1]] (QuTiP's convention: basis(2,0) is the +1 eigenstate). */
export function sigmaz(): Qobj {
  return Qobj.fromRows([[1, 0], [0, -1]]);
}

/** σ₊ = [[0, 1], [0, 0]] (QuTiP's `sigmap`: maps basis(2,1) to basis(2,0), the σz = +1 state). */
export function sigmap(): Qobj {
  return Qobj.fromRows([[0, 1], [0, 0]]);
}

/** σ₋ = [[0, 0], [1, 0]] (QuTiP's `sigmam`: decay from basis(2,0), σz = +1, to basis(2,1)). */
export function sigmam(): Qobj {
  return Qobj.fromRows([[0, 0], [1, 0]]);
}
