/**
 * Appendix B's Theorem 2 tested on its own equation, in density-matrix form (small N):
 *
 *   dρ_i/dt = −i[H_i, ρ_i] + L_i(ρ_i) + Σ_j κ_ij (ρ_j − ρ_i),    claim: RCF_ij → 1/(1 + γ/κ).
 *
 * The N coupled d×d equations are one Lindblad equation on C^N ⊗ C^d for the block-diagonal
 * state ρ = Σ_i |i⟩⟨i| ⊗ ρ_i / N (exact embedding, checked in the tests):
 *  - H = Σ_i |i⟩⟨i| ⊗ H_i, H_i a hopping chain J Σ_k (|k⟩⟨k+1| + h.c.);
 *  - L_i: dephasing c_ik = √γ |i⟩⟨i| ⊗ |k⟩⟨k| (coherences decay at rate γ), or damping
 *    c_ik = √γ |i⟩⟨i| ⊗ |k−1⟩⟨k|;
 *  - coupling: c_{i→j} = √κ |j⟩⟨i| ⊗ 1 for each ordered neighbour pair. D[c_{i→j}] moves κρ_i
 *    from block i to block j, which is exactly κ(ρ_j − ρ_i) summed over both directions.
 * `mesolve` and `steadystate` of the quantum core solve it.
 *
 * RCF of mixed states. The paper defines RCF_ij = |⟨ψ_i|ψ_j⟩|² for pure states (§2.1); for ρ_i
 * there are two natural generalisations, both reported from the same blocks:
 *  - Tr(ρ_i ρ_j) — our reading of "pairwise RCF": the average of |⟨ψ_i|ψ_j⟩|² over independent
 *    pure-state unravellings of the two nodes (what a swap test on the pair measures). It falls
 *    with decoherence (Tr ρ² = 1/d for the maximally mixed state).
 *  - Uhlmann's F(ρ_i, ρ_j)² — 1 whenever ρ_i = ρ_j, however mixed: it sees agreement, not coherence.
 */
import { InputError, requireInt } from "../../errors.js";
import { Qobj } from "../../quantum/qobj.js";
import { fidelity, purity } from "../../quantum/metrics.js";
import { mesolve } from "../../quantum/mesolve.js";
import { steadystate } from "../../quantum/steadystate.js";
import type { NormalSource } from "./appendix-a.js";

export interface Theorem2Options {
  /** Nodes N (2..8): a ring for N ≥ 3, one edge for N = 2. */
  readonly nodes: number;
  /** Modes per node d (2..6). */
  readonly dim: number;
  /** Local decoherence rate γ, 1/ns (Appendix B: ≈ 10⁻³ ns⁻¹). */
  readonly gammaPerNs: number;
  /** Coupling κ per edge, 1/ns (Appendix B: ≈ 1 ns⁻¹). */
  readonly kappaPerNs: number;
  /** Hopping J of each node's Hamiltonian, rad/ns. */
  readonly hoppingRadPerNs: number;
  /** The local Lindblad term L_i. */
  readonly dissipator: "dephasing" | "damping";
}

/** What the equation gives beside what Theorem 2 claims. */
export interface Theorem2Report {
  /** Theorem 2's claim 1/(1 + γ/κ). */
  readonly rcfClaimed: number;
  /** Mean over pairs of Tr(ρ_i ρ_j): the pairwise RCF in our reading (see the module comment). */
  readonly overlapMean: number;
  /** Mean over pairs of Uhlmann F(ρ_i, ρ_j)²: the other reading, 1 for identical node states. */
  readonly fidelitySqMean: number;
  /** Mean purity Tr(ρ_i²). */
  readonly purityMean: number;
  /** max_i ‖ρ_i − ρ_0‖ (largest entry): 0 when all nodes share one state. */
  readonly blockSpread: number;
}

function check(o: Theorem2Options): void {
  requireInt(o.nodes, "theorem2.nodes", 2, 8, "the embedded system has (N·d)² unknowns");
  requireInt(o.dim, "theorem2.dim", 2, 6, "the embedded system has (N·d)² unknowns");
  for (const [k, v] of [["gammaPerNs", o.gammaPerNs], ["kappaPerNs", o.kappaPerNs], ["hoppingRadPerNs", o.hoppingRadPerNs]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw InputError.of(`theorem2.${k}`, "a finite number ≥ 0", v);
  }
  if (!(o.kappaPerNs > 0)) throw InputError.of("theorem2.kappaPerNs", "κ > 0 (Theorem 2 assumes κ_ij > 0)", o.kappaPerNs);
  if (o.dissipator !== "dephasing" && o.dissipator !== "damping") throw InputError.of("theorem2.dissipator", "one of dephasing, damping", o.dissipator);
}

/** A single-entry operator √rate·|r⟩⟨c| on C^n. */
function unit(n: number, r: number, c: number, amp: number): Qobj {
  const data = new Float64Array(2 * n * n);
  data[2 * (r * n + c)] = amp;
  return new Qobj({ rows: n, cols: n, data });
}

/** Edges of the coupling graph (undirected): a ring, or one edge for N = 2. */
export function theorem2Edges(nodes: number): Array<[number, number]> {
  if (nodes === 2) return [[0, 1]];
  return Array.from({ length: nodes }, (_, i) => [i, (i + 1) % nodes] as [number, number]);
}

/** H, collapse operators and the embedding size for Theorem 2's equation. */
export function theorem2Operators(o: Theorem2Options): { H: Qobj; cOps: Qobj[]; size: number } {
  check(o);
  const { nodes: N, dim: d } = o;
  const n = N * d;
  const h = new Float64Array(2 * n * n);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k + 1 < d; k++) {
      const a = i * d + k;
      h[2 * (a * n + a + 1)] = o.hoppingRadPerNs;
      h[2 * ((a + 1) * n + a)] = o.hoppingRadPerNs;
    }
  }
  const cOps: Qobj[] = [];
  const g = Math.sqrt(o.gammaPerNs);
  if (g > 0) {
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < d; k++) {
        if (o.dissipator === "dephasing") cOps.push(unit(n, i * d + k, i * d + k, g));
        else if (k > 0) cOps.push(unit(n, i * d + k - 1, i * d + k, g));
      }
    }
  }
  const s = Math.sqrt(o.kappaPerNs);
  for (const [i, j] of theorem2Edges(N)) {
    for (const [a, b] of [[i, j], [j, i]] as const) {
      // √κ |b⟩⟨a| ⊗ 1: all d modes move together.
      const data = new Float64Array(2 * n * n);
      for (let k = 0; k < d; k++) data[2 * ((b * d + k) * n + (a * d + k))] = s;
      cOps.push(new Qobj({ rows: n, cols: n, data }));
    }
  }
  return { H: new Qobj({ rows: n, cols: n, data: h }), cOps, size: n };
}

/** The block-diagonal initial state Σ_i |i⟩⟨i| ⊗ |ψ_i⟩⟨ψ_i| / N with Haar-random ψ_i from `rng`. */
export function theorem2Initial(o: Theorem2Options, rng: NormalSource): Qobj {
  check(o);
  const { nodes: N, dim: d } = o;
  const n = N * d;
  const data = new Float64Array(2 * n * n);
  const v = new Float64Array(2 * d);
  for (let i = 0; i < N; i++) {
    rng.randnInto(v);
    let norm = 0;
    for (const x of v) norm += x * x;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        // ψ_a conj(ψ_b) / (‖ψ‖² N); ψ_k = v[k] + i v[d+k].
        const ar = v[a]!, ai = v[d + a]!, br = v[b]!, bi = v[d + b]!;
        const idx = 2 * ((i * d + a) * n + (i * d + b));
        data[idx] = (ar * br + ai * bi) / (norm * N);
        data[idx + 1] = (ai * br - ar * bi) / (norm * N);
      }
    }
  }
  return new Qobj({ rows: n, cols: n, data });
}

/** Node i's state ρ_i = N · (block i of ρ). */
export function nodeBlock(rho: Qobj, nodes: number, dim: number, i: number): Qobj {
  const full = rho.dense();
  const n = nodes * dim;
  const data = new Float64Array(2 * dim * dim);
  for (let a = 0; a < dim; a++) {
    for (let b = 0; b < dim; b++) {
      const src = 2 * ((i * dim + a) * n + (i * dim + b));
      data[2 * (a * dim + b)] = nodes * full.data[src]!;
      data[2 * (a * dim + b) + 1] = nodes * full.data[src + 1]!;
    }
  }
  return new Qobj({ rows: dim, cols: dim, data });
}

/** Pairwise measures of a state of the embedded system, over the graph's edges. */
export function theorem2Measures(rho: Qobj, o: Theorem2Options): Theorem2Report {
  const blocks = Array.from({ length: o.nodes }, (_, i) => nodeBlock(rho, o.nodes, o.dim, i));
  const edges = theorem2Edges(o.nodes);
  let overlap = 0;
  let fid = 0;
  for (const [i, j] of edges) {
    const a = blocks[i]!;
    const b = blocks[j]!;
    overlap += a.mul(b).tr();
    fid += fidelity(a, b) ** 2;
  }
  let spread = 0;
  const b0 = blocks[0]!.dense().data;
  for (const b of blocks) {
    const x = b.dense().data;
    for (let k = 0; k < x.length; k++) spread = Math.max(spread, Math.abs(x[k]! - b0[k]!));
  }
  return {
    rcfClaimed: 1 / (1 + o.gammaPerNs / o.kappaPerNs),
    overlapMean: overlap / edges.length,
    fidelitySqMean: fid / edges.length,
    purityMean: blocks.reduce((s, b) => s + purity(b), 0) / o.nodes,
    blockSpread: spread,
  };
}

/** The steady state of Theorem 2's equation (`steadystate`) and its pairwise RCF. */
export function theorem2Steady(o: Theorem2Options): Theorem2Report {
  const { H, cOps } = theorem2Operators(o);
  return theorem2Measures(steadystate(H, cOps), o);
}

/** Evolve from Haar-random pure node states with `mesolve`; the measures at each time of `tlistNs`. */
export function theorem2Evolve(o: Theorem2Options, rng: NormalSource, tlistNs: ArrayLike<number>): Array<Theorem2Report & { tNs: number }> {
  const { H, cOps } = theorem2Operators(o);
  const res = mesolve(H, theorem2Initial(o, rng), tlistNs, cOps, { options: { storeStates: true, atol: 1e-10, rtol: 1e-8 } });
  return (res.states ?? []).map((s, k) => ({ tNs: res.times[k]!, ...theorem2Measures(s, o) }));
}
