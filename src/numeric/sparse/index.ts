/** Sparse complex solvers: BiCGSTAB, ILU(0), a direct LU with RCM ordering, graph helpers. */
export { bicgstab, type BicgstabOptions, type BicgstabResult, type LinearOperator } from "./bicgstab.js";
export { ilu0, type Ilu0 } from "./ilu0.js";
export { sparseLuFactor, sparseLuSolve, type SparseLu, type SparseLuOptions } from "./sparse-lu.js";
export { connectedComponents, rcmOrdering, symmetricPattern, type Adjacency, type Components } from "./graph.js";
export { csrSubmatrix } from "./submatrix.js";
