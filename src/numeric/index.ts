/** pqms/numeric: typed-array kernels (complex dense/CSR, eigensolver, expm, ODE, Krylov, statistics, random streams, MST). */
export {};
export * from "./complex/index.js";
export * from "./random/index.js";
export * from "./linalg/index.js";
export * from "./sparse/index.js";
export * from "./ode/index.js";
export * from "./stats/index.js";
export * from "./graph/index.js";
