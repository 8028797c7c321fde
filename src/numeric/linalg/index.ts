/** Dense linear algebra on complex matrices: Hermitian eigensolver, expm, LU. */
export { eigh, eigvalsh, type EighOptions, type EighResult } from "./eigh.js";
export { expm, cmatNorm1 } from "./expm.js";
export { luFactor, luSolve, luSolveMatrix, type LuFactors } from "./lu.js";
