/** Graphs: minimum spanning trees (Prim, dense / implicit / row-callback weights), shortest paths (Dijkstra). */
export { primDense, primImplicit, primRows, type MstResult, type RowWeights, type DenseMstOptions } from "./prim.js";
export { ShortestPaths } from "./dijkstra.js";
