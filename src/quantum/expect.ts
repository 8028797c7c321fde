/** Expectation values ⟨A⟩ of an operator in a ket or a density matrix (QuTiP's `expect`). */
import { DimensionError, InputError } from "../errors.js";
import { Qobj, type Complex } from "./qobj.js";

/** ⟨ψ|A|ψ⟩ for a ket, Tr(Aρ) for a density matrix, as a complex number. */
export function expectComplex(op: Qobj, state: Qobj): Complex {
  if (!(op instanceof Qobj) || op.type !== "oper") throw InputError.of("expect: op", "an operator Qobj", op instanceof Qobj ? `~a ${op.type}` : op);
  if (!(state instanceof Qobj) || (state.type !== "ket" && state.type !== "oper")) {
    throw InputError.of("expect: state", "a ket or a density matrix", state instanceof Qobj ? `~a ${state.type}` : state);
  }
  if (op.dims[1].join() !== state.dims[0].join() || op.dims[0].join() !== op.dims[1].join()) {
    throw new DimensionError("expect: op and state", `a square op on dims ${JSON.stringify(state.dims[0])}`, `op dims ${JSON.stringify(op.dims)}`);
  }
  const A = op.data;
  const s = state.dense();
  let re = 0, im = 0;
  if (state.type === "ket") {
    const v = s.data;
    for (let i = 0; i < A.rows; i++) {
      let ar = 0, ai = 0; // (Aψ)_i
      for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
        const j = A.colIdx[p]!;
        const xr = A.data[2 * p]!, xi = A.data[2 * p + 1]!;
        const yr = v[2 * j]!, yi = v[2 * j + 1]!;
        ar += xr * yr - xi * yi; ai += xr * yi + xi * yr;
      }
      const cr = v[2 * i]!, ci = -v[2 * i + 1]!;
      re += cr * ar - ci * ai; im += cr * ai + ci * ar;
    }
    return { re, im };
  }
  const n = s.cols;
  const r = s.data;
  for (let i = 0; i < A.rows; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const j = A.colIdx[p]!; // A_ij ρ_ji
      const xr = A.data[2 * p]!, xi = A.data[2 * p + 1]!;
      const yr = r[2 * (j * n + i)]!, yi = r[2 * (j * n + i) + 1]!;
      re += xr * yr - xi * yi; im += xr * yi + xi * yr;
    }
  }
  return { re, im };
}

/**
 * ⟨A⟩ = ⟨ψ|A|ψ⟩ (ket) or Tr(Aρ) (density matrix), real. QuTiP's argument order `expect(op, state)`.
 * Requires a Hermitian `op` (real expectation); use `expectComplex` for e.g. ⟨a⟩.
 */
export function expect(op: Qobj, state: Qobj): number {
  if (op instanceof Qobj && op.type === "oper" && !op.isHerm) {
    throw InputError.of("expect: op", "a Hermitian operator (⟨op⟩ of a non-Hermitian op is complex: use expectComplex(op, state))", "~a non-Hermitian operator");
  }
  return expectComplex(op, state).re;
}
