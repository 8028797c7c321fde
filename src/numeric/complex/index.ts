/** Complex dense and CSR arrays on interleaved Float64Array (the pqms/numeric contract). */
export type { CMatrix, CsrMatrix } from "./types.js";
export { cmatZeros, cmatIdentity, cmatFromRows, cmatClone, cmatmul, cmatvec, cmatAdd, cmatAxpy, cmatScale, cadjoint, ckron, ctrace, cmatNormFro, isHermitian } from "./dense.js";
export { csrFromDense, csrToDense, csrFromTriplets, csrIdentity, csrMatvec, csrMatvecAdd, csrAdd, csrMatmul, csrKron, csrAdjoint, csrTranspose, csrScale } from "./csr.js";
