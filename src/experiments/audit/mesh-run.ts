/**
 * The mesh twin run the §6.2 and abstract claims recompute from: falsify's H2 replicate itself
 * (`h2Sample`: a ring of nodes of degree 4 around the ODOS vector with 0.02 complex noise, UMT
 * clocks with the given residual, Appendix B's dephasing γ and coupling κ under the given
 * pure-state reading, 50 ns; then RCF̄ over the MST (§2.1) read in each node's clock frame, so the
 * UMT residual costs what it costs the nodes' read-out). The audit and `pqms falsify H2` thereby
 * answer one question one way: same seed, same replicates. Memoised by its inputs.
 */
import { InputError } from "../../errors.js";
import { meanCi } from "../../numeric/stats/index.js";
import { H2_COUPLINGS, H2_DIM, H2_DURATION_S, H2_INITIAL_STATES, H2_KAPPA_PER_S, h2Sample, type H2Coupling, type H2InitialState, type H2Setup } from "../falsify/h2.js";

export type MeshRunInputs = {
  readonly nodes: number;
  /** H2's d (12). */
  readonly dim: number;
  readonly clockErrorStdFs: number;
  readonly gammaPerS: number;
  readonly kappaPerS: number;
  /** "meanField", "jump" or "density" (H2's coupling readings). */
  readonly coupling: string;
  /** "odos" (ODOS vector + noise) or "haar" (Haar-random kets). */
  readonly initial: string;
  /** 1: the ODOS veto re-seeds drifting nodes; 0: off. */
  readonly veto: number;
  /** Run length, ns: H2's 50 ns (50/κ at κ = 1/ns). */
  readonly durationNs: number;
  readonly replicates: number;
  readonly seed: number;
};

export interface MeshRunResult {
  readonly rcf: readonly number[];
  /** RCF̄ of the same states with uncorrelated phases (H2's null), per replicate. */
  readonly nullSample: readonly number[];
  readonly mean: number;
  /** Two-sided 95 % interval. */
  readonly lower: number;
  readonly upper: number;
  /** One-sided 99 % lower bound: above a criterion exactly when the one-sample t-test gives p < 0.01. */
  readonly lower99: number;
  readonly durationS: number;
}

/** H2's setup from a claim's inputs; d and the run length are H2's own, and a t-test needs 2 replicates. */
export function h2SetupOf(i: MeshRunInputs, where = "mesh run"): H2Setup {
  if (i.dim !== H2_DIM) throw InputError.of(`${where}.dim`, `${H2_DIM} (H2's d)`, i.dim);
  if (i.durationNs !== H2_DURATION_S * 1e9) throw InputError.of(`${where}.durationNs`, `${H2_DURATION_S * 1e9} (H2's run length)`, i.durationNs);
  if (!(H2_COUPLINGS as readonly string[]).includes(i.coupling)) throw InputError.of(`${where}.coupling`, `one of ${H2_COUPLINGS.join(", ")}`, i.coupling);
  if (!(H2_INITIAL_STATES as readonly string[]).includes(i.initial)) throw InputError.of(`${where}.initial`, `one of ${H2_INITIAL_STATES.join(", ")}`, i.initial);
  if (!(Number.isInteger(i.replicates) && i.replicates >= 2)) throw InputError.of(`${where}.replicates`, "an integer ≥ 2 (a confidence interval needs two)", i.replicates);
  if (!(i.gammaPerS > 0)) throw InputError.of(`${where}.gammaPerS`, "> 0", i.gammaPerS);
  // H2 writes γ through κ/γ with Appendix B's κ = 1 ns⁻¹ as the unit (so κ = 0 leaves γ alone).
  return {
    nodes: i.nodes, clockResidualS: i.clockErrorStdFs * 1e-15, kappaPerS: i.kappaPerS, kappaOverGamma: H2_KAPPA_PER_S / i.gammaPerS,
    coupling: i.coupling as H2Coupling, veto: i.veto !== 0, initialState: i.initial as H2InitialState,
  };
}

const cache = new Map<string, MeshRunResult>();

export function meshRun(i: MeshRunInputs): MeshRunResult {
  const key = JSON.stringify(i);
  const hit = cache.get(key);
  if (hit) return hit;
  const x = h2Sample(h2SetupOf(i), i.replicates, i.seed);
  const ci = meanCi(x.measured, 0.95);
  const out = { rcf: x.measured, nullSample: x.nullSample, mean: ci.mean, lower: ci.lower, upper: ci.upper, lower99: meanCi(x.measured, 0.98).lower, durationS: H2_DURATION_S };
  cache.set(key, out);
  return out;
}
