/**
 * `pqms coherence`: global coherence (§2.1, mean RCF over the MST of 1 − RCF) of N random node
 * states, exact (the MST certified from every node's nearest edges, scans where they fall short;
 * optionally on worker threads) or hierarchical (per-cluster MST plus a backbone, reported as a
 * certified interval). With `rng: "numpy"` the states are Appendix A's `random_ket` draws, so
 * numpy + scipy can check the number (scripts/refs/coherence-scipy.py).
 */
import { InputError, requireInt } from "../../errors.js";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { CLUSTER_SIZE_DEFAULT, hierarchicalCoherence } from "../../model/resonance/coherence-hierarchical.js";
import type { CoherenceResult } from "../../model/resonance/coherence.js";
import { allocSharedStates, allocStates, checkPopulation, type NodeStates } from "../../model/resonance/node-states.js";
import { numpyRandomKets } from "../../model/resonance/random-states.js";
import { coherenceInterval, NEAREST_K_DEFAULT } from "../../model/resonance/coherence-bounds.js";
import { THREADS_MAX } from "./coherence-parallel.js";
import { exactCoherenceNearest, nearestListsParallel } from "./coherence-nearest.js";

/** Largest N for the exact method: O(N²·d) time, about 10 minutes single-threaded at d = 12 here. */
export const EXACT_NODES_MAX = 200_000;

export interface CoherenceOptions {
  readonly nodes: number;
  readonly dim: number;
  readonly seed: number;
  /** `numpy`: Appendix A's random_ket draws on numpy's stream; `stream`: Haar kets from pqms' RandomStream. */
  readonly rng: "numpy" | "stream";
  readonly method: "exact" | "hierarchical";
  readonly threads: number;
  /** Cluster size of the hierarchical method (§3.2: 100–200). */
  readonly clusterSize?: number;
}

export interface CoherenceReport {
  readonly nodes: number;
  readonly dim: number;
  readonly method: "exact" | "hierarchical";
  readonly globalRcf: number;
  readonly mstWeight: number;
  readonly edges: number;
  /**
   * The certified interval lower ≤ exact RCF̄ ≤ upper (hierarchical: a spanning tree below,
   * Borůvka's bound above; exact: both equal `globalRcf`, up to a rounding allowance).
   */
  readonly lower: number;
  readonly upper: number;
  /** Wall time of the coherence computation (not the state draw), s. */
  readonly wallS: number;
}

/** A tree's coherence with the interval that brackets the exact RCF̄. */
export type BracketedCoherence = CoherenceResult & { readonly lower: number; readonly upper: number };

/** Validate before any allocation; each limit says why. */
export function checkCoherenceOptions(o: CoherenceOptions): void {
  checkPopulation(o.nodes, o.dim, "coherence");
  requireInt(o.seed, "seed", 0, 0xffffffff, "seeds are unsigned 32-bit, as numpy's np.random.seed takes them");
  if (o.rng !== "numpy" && o.rng !== "stream") throw InputError.of("rng", "one of numpy, stream", o.rng);
  if (o.method !== "exact" && o.method !== "hierarchical") throw InputError.of("method", "one of exact, hierarchical", o.method);
  requireInt(o.threads, "threads", 1, THREADS_MAX);
  if (o.method === "exact" && o.nodes > EXACT_NODES_MAX) {
    throw InputError.of("nodes", `at most ${EXACT_NODES_MAX} for --method exact (O(N²) pairs; use --method hierarchical beyond)`, o.nodes);
  }
}

/** Draw the states as `rng` says, into a shared buffer when threads will read them. */
export function drawStates(o: CoherenceOptions): NodeStates {
  const states = o.threads > 1 ? allocSharedStates(o.nodes, o.dim) : allocStates(o.nodes, o.dim);
  if (o.rng === "numpy") return numpyRandomKets(states, new NumpyRandomState(o.seed));
  const stream = RandomStream.fromSeed(o.seed, "coherence");
  for (let i = 0; i < o.nodes; i++) stream.haarKet(o.dim, states.data.subarray(2 * i * o.dim, 2 * (i + 1) * o.dim));
  return states;
}

/**
 * The global coherence of `states` by the chosen method. Exact: the MST itself (lower = upper =
 * RCF̄). Hierarchical: the cluster tree, improved by the nearest lists, is the lower side (its RCF̄
 * is `globalRcf`), Borůvka's bound on the lists the upper side (coherence-bounds.ts).
 */
export async function coherenceOf(states: NodeStates, o: Pick<CoherenceOptions, "method" | "threads" | "clusterSize">): Promise<BracketedCoherence> {
  if (o.method === "hierarchical") {
    const h = hierarchicalCoherence(states, o.clusterSize ?? CLUSTER_SIZE_DEFAULT);
    // Beyond the exact method's limit the pass over all pairs is out of reach too: the tree alone
    // bounds RCF̄ from below, and 1 is the only certain upper bound.
    if (states.nodes > EXACT_NODES_MAX) return { ...h, lower: h.globalRcf, upper: 1 };
    const lists = await nearestListsParallel(states, Math.min(NEAREST_K_DEFAULT, states.nodes - 1), o.threads);
    const iv = coherenceInterval(states, h.edgeFrom, h.edgeTo, lists);
    return { ...iv.tree, lower: iv.lower, upper: iv.upper };
  }
  const r = await exactCoherenceNearest(states, o.threads);
  return { ...r, lower: r.globalRcf, upper: r.globalRcf };
}

/** Draw N random states and report their global coherence (§2.1). */
export async function runCoherence(o: CoherenceOptions): Promise<CoherenceReport> {
  checkCoherenceOptions(o);
  const states = drawStates(o);
  const t0 = performance.now();
  const r = await coherenceOf(states, o);
  const wallS = (performance.now() - t0) / 1000;
  return { nodes: o.nodes, dim: o.dim, method: o.method, globalRcf: r.globalRcf, mstWeight: r.mstWeight, edges: r.edges, lower: r.lower, upper: r.upper, wallS };
}
