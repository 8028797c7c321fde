/** pqms/numeric: typed-array kernels (complex dense/CSR, eigensolver, expm, ODE, Krylov, statistics, random streams, MST). */
export {};
export * from "./complex/index.js";
export * from "./random/index.js";
