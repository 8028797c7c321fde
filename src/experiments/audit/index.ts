/** `pqms audit`: every quantitative claim of the paper, recomputed. */
export * from "./claim.js";
export * from "./audit.js";
export * from "./what-we-found.js";
export { CLAIMS } from "./claims/index.js";
export * from "./doc-values.js";
