/** Dense linear algebra on complex matrices: Hermitian eigensolver, expm, LU. */
export { eigh, eigvalsh, type EighOptions, type EighResult } from "./eigh.js";
