/**
 * H2's measurement on a density-matrix mesh (`coupling: density`, Appendix B's equation taken
 * literally; model/resonance/density-mesh.ts): the same three steps as for kets, on ρ.
 *  - read-out frame: node i's clock residual τ_i multiplies ρ_kl by e^{−i(φ_k − φ_l)},
 *    φ_k = (ω_k − ω₀)τ_i (the ket rule ψ_k e^{−iφ_k} applied on both sides);
 *  - RCF̄ over the MST (§2.1) with pairwise RCF = Tr(ρ_iρ_j) (the swap-test reading; = |⟨ψ_i|ψ_j⟩|² for
 *    pure nodes), Prim on the dense N×N weights 1 − Tr(ρ_iρ_j);
 *  - the null of uncorrelated phases: each node's ρ conjugated by its own random diagonal unitary
 *    (uniform phases θ_k: ρ_kl e^{i(θ_k − θ_l)}), the ket null's rule.
 * Layout: node i's matrix at data[2d²·i …], row-major, interleaved re/im.
 */
import type { RandomStream } from "../../numeric/random/index.js";
import { densityNodeLength, densityOverlap } from "../../model/resonance/density-mesh.js";

/** ρ_kl e^{−i(φ_k − φ_l)} per node, φ_k = (ω_k − ω₀)τ_i; a new array. */
export function densityReadoutFrame(data: Float64Array, nodes: number, dim: number, omegaRadS: Float64Array, clockErrorS: Float64Array): Float64Array {
  const phases = new Float64Array(dim);
  const out = new Float64Array(data.length);
  for (let i = 0; i < nodes; i++) {
    for (let k = 0; k < dim; k++) phases[k] = (omegaRadS[k]! - omegaRadS[0]!) * clockErrorS[i]!;
    rotate(data, out, i, dim, phases, -1);
  }
  return out;
}

/** The null: each node's ρ under its own uniform random diagonal unitary. */
export function densityRandomisePhases(data: Float64Array, nodes: number, dim: number, rng: RandomStream): Float64Array {
  const phases = new Float64Array(dim);
  const out = new Float64Array(data.length);
  for (let i = 0; i < nodes; i++) {
    for (let k = 0; k < dim; k++) phases[k] = 2 * Math.PI * rng.uniform();
    rotate(data, out, i, dim, phases, 1);
  }
  return out;
}

/** out_kl = ρ_kl e^{i·sign·(φ_k − φ_l)} for node i. */
function rotate(data: Float64Array, out: Float64Array, i: number, dim: number, phases: Float64Array, sign: number): void {
  const o = densityNodeLength(dim) * i;
  for (let k = 0; k < dim; k++) for (let l = 0; l < dim; l++) {
    const a = sign * (phases[k]! - phases[l]!);
    const c = Math.cos(a);
    const s = Math.sin(a);
    const x = o + 2 * (k * dim + l);
    const re = data[x]!;
    const im = data[x + 1]!;
    out[x] = c * re - s * im;
    out[x + 1] = c * im + s * re;
  }
}

/** RCF̄ = mean Tr(ρ_iρ_j) over the minimum spanning tree of 1 − Tr(ρ_iρ_j) (Prim, O(N²·d²)). */
export function densityMstRcf(data: Float64Array, nodes: number, dim: number): number {
  const inTree = new Uint8Array(nodes);
  const best = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
  let u = 0;
  let sum = 0;
  inTree[0] = 1;
  for (let added = 1; added < nodes; added++) {
    let next = -1;
    for (let v = 0; v < nodes; v++) {
      if (inTree[v] === 1) continue;
      const w = 1 - densityOverlap(data, u, data, v, dim);
      if (w < best[v]!) best[v] = w;
      if (next < 0 || best[v]! < best[next]!) next = v;
    }
    sum += 1 - best[next]!;
    inTree[next] = 1;
    u = next;
  }
  return sum / (nodes - 1);
}

/** Mean over all pairs of Σ_k ρ_i,kk ρ_j,kk: one pair's expected Tr(ρ_iρ_j) under the null. */
export function densityPairNullMean(data: Float64Array, nodes: number, dim: number): number {
  const L = densityNodeLength(dim);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < nodes; i++) for (let j = i + 1; j < nodes; j++) {
    let acc = 0;
    for (let k = 0; k < dim; k++) acc += data[L * i + 2 * (k * dim + k)]! * data[L * j + 2 * (k * dim + k)]!;
    sum += acc;
    n++;
  }
  return sum / n;
}
