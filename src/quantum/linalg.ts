/** Thin adapters from the quantum layer to numeric/linalg (Hermitian eigensolver, expm). */
import type { CMatrix } from "../numeric/complex/index.js";
import { eigh, expm } from "../numeric/linalg/index.js";

/** Eigenvalues ascending; eigenvectors as columns of `vectors` (empty when not requested). */
export interface Eigh {
  values: Float64Array;
  vectors: CMatrix;
}

/** Eigen-decomposition of a Hermitian matrix. */
export function eighDense(A: CMatrix, wantVectors = true): Eigh {
  const r = eigh(A, { vectors: wantVectors });
  return { values: r.values, vectors: r.vectors ?? { rows: 0, cols: 0, data: new Float64Array(0) } };
}

/** e^A (Padé 13, scaling and squaring). */
export function expmDense(A: CMatrix): CMatrix {
  return expm(A);
}
