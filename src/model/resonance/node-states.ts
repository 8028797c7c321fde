/**
 * Structure-of-arrays layout of a population of node states (§2.1: node i holds a state ψ_i in a
 * d-dimensional Hilbert space; the paper's V1000 nodes use d = 192, Appendix A uses d = 12).
 *
 * All N states live in one interleaved `Float64Array`: node i, mode k has its real part at
 * `data[2*(i*dim + k)]` and its imaginary part at `data[2*(i*dim + k) + 1]`. One allocation, no
 * object per node, so 10^5 nodes are 10^5 · 2d doubles (19.2 MB at d = 12).
 */
import { InputError } from "../../errors.js";

/** N complex d-dimensional states, interleaved re/im, node-major. `data.length === 2*nodes*dim`. */
export interface NodeStates {
  readonly nodes: number;
  readonly dim: number;
  readonly data: Float64Array;
}

/** Largest mode count per node we accept (the paper uses 12 and 192). */
export const DIM_MAX = 4096;
/** Largest node count we accept (10^7: a planetary mesh is 10^5; far beyond is a typo). */
export const NODES_MAX = 10_000_000;
/** Largest memory one state array may take, bytes (1 GiB: the memory budget). */
export const STATE_BYTES_MAX = 2 ** 30;

/**
 * Validate a node count and a mode count before any allocation. Throws an `InputError` naming
 * the limit and why: N ≥ `nodesMin` (a coherence needs at least a pair), d ≥ 2 (with d = 1 every
 * overlap is trivially 1), and N·d·16 bytes ≤ 1 GiB (one state array must fit the memory budget).
 */
export function checkPopulation(nodes: unknown, dim: unknown, where: string, nodesMin = 2): void {
  if (typeof nodes !== "number" || !Number.isInteger(nodes) || nodes < nodesMin || nodes > NODES_MAX) {
    throw InputError.of(`${where}.nodes`, `an integer in [${nodesMin}, ${NODES_MAX}] (${nodesMin === 2 ? "a coherence needs at least one pair of nodes" : "node count"}; above ${NODES_MAX} is beyond any mesh the paper describes)`, nodes);
  }
  if (typeof dim !== "number" || !Number.isInteger(dim) || dim < 2 || dim > DIM_MAX) {
    throw InputError.of(`${where}.dim`, `an integer in [2, ${DIM_MAX}] (with d = 1 every overlap is 1; the paper uses 12 and 192)`, dim);
  }
  const bytes = nodes * dim * 16;
  if (bytes > STATE_BYTES_MAX) {
    throw InputError.of(`${where}.nodes × dim`, `N·d·16 bytes ≤ 1 GiB for one state array (N·d ≤ ${STATE_BYTES_MAX / 16})`, `~N·d = ${nodes * dim} (${(bytes / 2 ** 30).toFixed(2)} GiB)`);
  }
}

/** Allocate zeroed states for `nodes` nodes of `dim` modes, after validating both. */
export function allocStates(nodes: number, dim: number, where = "states"): NodeStates {
  checkPopulation(nodes, dim, where, 1);
  return { nodes, dim, data: new Float64Array(2 * nodes * dim) };
}

/** Allocate states on a `SharedArrayBuffer` (for worker threads), after validating both. */
export function allocSharedStates(nodes: number, dim: number, where = "states"): NodeStates {
  checkPopulation(nodes, dim, where, 1);
  return { nodes, dim, data: new Float64Array(new SharedArrayBuffer(16 * nodes * dim)) };
}

/** Normalise node i in place: ψ_i ← ψ_i/‖ψ_i‖. Returns the norm before normalising. */
export function normaliseNode(data: Float64Array, dim: number, i: number): number {
  const o = 2 * i * dim;
  const e = o + 2 * dim;
  let s = 0;
  for (let k = o; k < e; k++) {
    const x = data[k]!;
    s += x * x;
  }
  const norm = Math.sqrt(s);
  for (let k = o; k < e; k++) data[k] = data[k]! / norm;
  return norm;
}

/** Normalise every node in place. */
export function normaliseAll(states: NodeStates): void {
  for (let i = 0; i < states.nodes; i++) normaliseNode(states.data, states.dim, i);
}
