/** Graphs: minimum spanning trees (Prim, dense / implicit / row-callback weights). */
export { primDense, primImplicit, primRows, type MstResult, type RowWeights, type DenseMstOptions } from "./prim.js";
