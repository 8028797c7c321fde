/**
 * Superoperators in column-stacking convention (QuTiP's): vec(ρ)[m + n·d] = ρ_mn, so that
 * vec(AρB) = (Bᵀ ⊗ A) vec(ρ). The Lindblad generator
 *
 *   L ρ = −i[H, ρ] + Σ_k ( c_k ρ c_k† − ½ {c_k† c_k, ρ} )        (ħ = 1)
 *
 * becomes the sparse matrix −i(I⊗H − Hᵀ⊗I) + Σ_k ( c̄_k⊗c_k − ½ I⊗c_k†c_k − ½ (c_k†c_k)ᵀ⊗I ).
 */
import { DimensionError, InputError } from "../errors.js";
import type { CsrMatrix } from "../numeric/complex/index.js";
import { csrAdd, csrAdjoint, csrIdentity, csrKron, csrMatmul, csrTranspose } from "../numeric/complex/index.js";
import { assembleLindblad } from "./lindblad-blocks.js";
import { Qobj } from "./qobj.js";

function requireOper(A: Qobj, path: string): void {
  if (!(A instanceof Qobj) || A.type !== "oper" || A.dims[0].join() !== A.dims[1].join()) {
    throw InputError.of(path, "a square operator Qobj", A instanceof Qobj ? `~a ${A.type} with dims ${JSON.stringify(A.dims)}` : A);
  }
}

function superOf(data: CsrMatrix, A: Qobj): Qobj {
  const d = [...A.dims[0], ...A.dims[1]];
  return new Qobj(data, [d, d], "super");
}

/** vec(Aρ) = (I ⊗ A) vec ρ. */
export function spre(A: Qobj): Qobj {
  requireOper(A, "spre: A");
  return superOf(csrKron(csrIdentity(A.data.rows), A.data), A);
}

/** vec(ρA) = (Aᵀ ⊗ I) vec ρ. */
export function spost(A: Qobj): Qobj {
  requireOper(A, "spost: A");
  return superOf(csrKron(csrTranspose(A.data), csrIdentity(A.data.rows)), A);
}

/** The dissipator D[c]ρ = cρc† − ½{c†c, ρ} as a CSR matrix. */
export function dissipatorGenerator(c: CsrMatrix): CsrMatrix {
  const n = c.rows;
  const I = csrIdentity(n);
  const cd = csrAdjoint(c);
  const cdc = csrMatmul(cd, c);
  const jump = csrKron(csrTranspose(cd), c); // c̄ ⊗ c
  const anti = csrAdd(csrKron(I, cdc), csrKron(csrTranspose(cdc), I));
  return csrAdd(jump, anti, 1, 0, -0.5, 0);
}

/** Lindblad dissipator D[c] as a superoperator Qobj. */
export function lindbladDissipator(c: Qobj): Qobj {
  requireOper(c, "lindbladDissipator: c");
  return superOf(dissipatorGenerator(c.data), c);
}

/**
 * The Liouvillian superoperator L of the Lindblad master equation dρ/dt = Lρ (see the file
 * header), sparse, column-stacking. `H` may be null (dissipation only).
 * @param H Hermitian Hamiltonian (units of angular frequency, ħ = 1), shape d×d.
 * @param cOps collapse operators c_k (rates folded in: c_k = √γ_k · A_k), each d×d.
 */
export function liouvillian(H: Qobj | null, cOps: readonly Qobj[] = []): Qobj {
  const ref = H ?? cOps[0];
  if (ref === undefined) throw InputError.of("liouvillian", "a Hamiltonian or at least one collapse operator", "~neither");
  requireOper(ref, H === null ? "liouvillian: cOps[0]" : "liouvillian: H");
  if (H !== null && !H.isHerm) throw InputError.of("liouvillian: H", "a Hermitian Hamiltonian", "~a non-Hermitian operator");
  cOps.forEach((c, k) => {
    requireOper(c, `liouvillian: cOps[${k}]`);
    if (c.dims[0].join() !== ref.dims[0].join()) {
      throw new DimensionError(`liouvillian: cOps[${k}]`, `dims ${JSON.stringify(ref.dims)}`, JSON.stringify(c.dims));
    }
  });
  const d = ref.data.rows;
  const jumps = cOps.map((c) => c.data);
  const zero: CsrMatrix = { rows: d, cols: d, rowPtr: new Int32Array(d + 1), colIdx: new Int32Array(0), data: new Float64Array(0) };
  // K = H − (i/2) Σ c†c; L = −i(I⊗K) + i(K̄⊗I) + Σ c̄⊗c, assembled row by row.
  const K = jumps.reduce((acc, c) => csrAdd(acc, csrMatmul(csrAdjoint(c), c), 1, 0, 0, -0.5), H === null ? zero : H.data);
  const all = Int32Array.from({ length: d * d }, (_, i) => i);
  return superOf(assembleLindblad(d, K, jumps, all, all), ref);
}
