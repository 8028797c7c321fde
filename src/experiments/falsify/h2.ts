/**
 * H2 (§6.2): "For N = 100 nodes synchronised by UMT, the global RCF ≥ 0.995. Test: emulate 100
 * nodes, inject random phase noise, measure pairwise RCF after UMT correction. Success: RCF̄ >
 * 0.995 with p < 0.01 (t-test against null of uncorrelated phases)."
 *
 * On the twin, per replicate: a ring of 100 nodes (degree 4), d = 12, each node's state the ODOS
 * vector plus complex Gaussian noise (0.02 per component) or Haar-random, Appendix B's dephasing
 * γ and coupling κ under one pure-state reading (`meanField` or `jump`), the ODOS veto on or off,
 * run for 50 ns; then RCF̄ over the MST (§2.1) as the nodes measure it.
 *
 * The UMT residual enters where Theorem 1's proof puts it: in the phase reference each node
 * compares its state with. Node i's clock is off by τ_i ~ N(0, residual²), so in its own frame
 * mode k carries e^{−iω_kτ_i}: the overlap the nodes measure is Σ_k a*_ik a_jk e^{−iω_k(τ_j−τ_i)},
 * whose modulus depends on the mode spacing Δω (ω_k = ω₀ + kΔω) times τ_j − τ_i. The mesh also
 * applies τ_i to the states at its first tick (as in a scenario run), which the coupling heals
 * within ~1/κ; the read-out frame it cannot heal, so RCF̄ falls once Δω·residual·√Var(k) ~ 0.05.
 *
 * The null sample: the same final states with every mode's phase replaced by an independent
 * uniform phase, through the same MST estimator. One pair has E[RCF] = Σ_k |a_ik|²|a_jk|² ≈ 1/d;
 * the MST picks the N − 1 most similar of N(N−1)/2 pairs, so its null mean is higher.
 */
import { RandomStream } from "../../numeric/random/index.js";
import { meanCi, ttest1samp, ttestInd } from "../../numeric/stats/index.js";
import { maxStableDtS, ResonanceMesh } from "../../model/resonance/mesh.js";
import { exactCoherence } from "../../model/resonance/coherence.js";
import { allocStates, type NodeStates } from "../../model/resonance/node-states.js";
import { densityMstRcf, densityPairNullMean, densityRandomisePhases, densityReadoutFrame } from "./h2-density.js";
import { applyOverrides, assumptionRecords, choiceParser, numberParser, type AssumptionSpec } from "./assumption.js";
import { ALPHA, resolveFalsifyOptions, sampleFields, twinVerdict, type FalsifyOptions, type HypothesisResult } from "./hypothesis.js";

export const H2_NODES = 100;
export const H2_DIM = 12;
export const H2_CRITERION = 0.995;
export const H2_DURATION_S = 50e-9;
export const H2_DT_S = 0.25e-9;
/** Appendix B: κ ≈ 1 ns⁻¹. */
export const H2_KAPPA_PER_S = 1e9;
/** Appendix B: κ/γ = (1 ns⁻¹)/(10⁻³ ns⁻¹). */
export const H2_KAPPA_OVER_GAMMA = 1e3;
/** Theorem 1's precondition: relative clock drift below 10 fs. */
export const H2_CLOCK_RESIDUAL_S = 10e-15;

/**
 * Readings of Appendix B's coupling κ_ij(ρ_j − ρ_i) the H2 twin can run: the two pure-state
 * readings and the density-matrix equation itself (measured by h2-density.ts). A new reading is
 * one entry here (and, where its states are not kets or density matrices, its measurement in
 * `h2Replicate`).
 */
export const H2_COUPLINGS = ["meanField", "jump", "density"] as const;
export type H2Coupling = (typeof H2_COUPLINGS)[number];
export const H2_INITIAL_STATES = ["odos", "haar"] as const;
export type H2InitialState = (typeof H2_INITIAL_STATES)[number];

/** Everything one H2 replicate depends on besides its seed. */
export interface H2Setup {
  readonly nodes: number;
  /** RMS of each node's UMT clock residual τ_i, s. */
  readonly clockResidualS: number;
  readonly kappaPerS: number;
  /** κ/γ with γ = (1 ns⁻¹)/(κ/γ): Appendix B's κ is the unit, so κ = 0 leaves γ alone. */
  readonly kappaOverGamma: number;
  readonly coupling: H2Coupling;
  readonly veto: boolean;
  readonly initialState: H2InitialState;
}

/** The paper's stated parameters, under our default readings. */
export const H2_PAPER: H2Setup = {
  nodes: H2_NODES, clockResidualS: H2_CLOCK_RESIDUAL_S, kappaPerS: H2_KAPPA_PER_S, kappaOverGamma: H2_KAPPA_OVER_GAMMA,
  coupling: "meanField", veto: true, initialState: "odos",
};

export const H2_ASSUMPTIONS: readonly AssumptionSpec<H2Setup>[] = [
  {
    name: "clockResidualS", unit: "s", source: "paper Theorem 1", scale: "log", range: [10e-15, 1e-9],
    description: "RMS UMT clock residual τ_i of each node: a phase e^{−iω_kτ_i} on mode k of the state it reads out (Theorem 1 assumes < 10 fs)",
    get: (s) => s.clockResidualS, set: (s, v) => ({ ...s, clockResidualS: v as number }), parse: numberParser("clockResidualS", 0, 1e-3, "a time in s"),
  },
  {
    name: "kappaOverGamma", unit: "(dimensionless)", source: "paper Appendix B", scale: "log", range: [1, 1e4],
    description: "coupling over dephasing; γ = (1 ns⁻¹)/(κ/γ) (Appendix B: κ ≈ 1 ns⁻¹, γ ≈ 10⁻³ ns⁻¹)",
    get: (s) => s.kappaOverGamma, set: (s, v) => ({ ...s, kappaOverGamma: v as number }), parse: numberParser("kappaOverGamma", Number.MIN_VALUE, 1e12),
  },
  {
    name: "kappaPerS", unit: "1/s", source: "paper Appendix B", scale: "log", range: [1e6, 1e9],
    description: "coupling rate κ per edge (Appendix B: 1 ns⁻¹); 0 switches the coupling off",
    get: (s) => s.kappaPerS, set: (s, v) => ({ ...s, kappaPerS: v as number }), parse: numberParser("kappaPerS", 0, 1e11, "a rate in 1/s"),
  },
  {
    name: "coupling", unit: "reading", source: "twin", scale: "choice", range: [H2_COUPLINGS[0], H2_COUPLINGS[H2_COUPLINGS.length - 1]!], choices: H2_COUPLINGS,
    description: `how κ(ρ_j − ρ_i) acts: ${H2_COUPLINGS.join(", ")} (phase-aligned pure-state mean field, not in the paper; its jump unravelling; Appendix B's linear equation on density matrices, RCF = Tr(ρ_iρ_j)); the search tries each`,
    get: (s) => s.coupling, set: (s, v) => ({ ...s, coupling: v as H2Coupling }), parse: choiceParser("coupling", H2_COUPLINGS),
  },
  {
    name: "veto", unit: "on/off", source: "twin", scale: "choice", range: [true, false],
    description: "ODOS veto (§2.3) re-seeding a drifting node from its healthiest neighbour or ODOS (the re-seed is our reading; §2.3 says only 'vetoed')",
    get: (s) => s.veto, set: (s, v) => ({ ...s, veto: v as boolean }), parse: choiceParser("veto", [true, false]),
  },
  {
    name: "initialState", unit: "state", source: "twin", scale: "choice", range: [H2_INITIAL_STATES[0], H2_INITIAL_STATES[1]],
    description: "initial node states: ODOS + 0.02 complex noise (our reading of 'inject random phase noise') or Haar-random",
    get: (s) => s.initialState, set: (s, v) => ({ ...s, initialState: v as H2InitialState }), parse: choiceParser("initialState", H2_INITIAL_STATES),
  },
];

export interface H2Result extends HypothesisResult {
  readonly measured: readonly number[];
  readonly ci95: { readonly lower: number; readonly upper: number };
  readonly statistic: { readonly name: string; readonly value: number; readonly df: number };
  readonly pValue: number;
  readonly setup: H2Setup;
  readonly nullSample: readonly number[];
  readonly nullMean: number;
  /** E[RCF] of one pair of states with uncorrelated phases (no MST selection), ≈ 1/d. */
  readonly nullPairMean: number;
  readonly welch: { readonly t: number; readonly df: number; readonly pValue: number };
  readonly durationS: number;
}

/** The same amplitudes with independent uniform phases (the null of uncorrelated phases). */
function randomisePhases(s: NodeStates, rng: RandomStream): NodeStates {
  const out = allocStates(s.nodes, s.dim);
  for (let x = 0; x < s.nodes * s.dim; x++) {
    const amp = Math.hypot(s.data[2 * x]!, s.data[2 * x + 1]!);
    const phi = 2 * Math.PI * rng.uniform();
    out.data[2 * x] = amp * Math.cos(phi);
    out.data[2 * x + 1] = amp * Math.sin(phi);
  }
  return out;
}

/** Mean over all pairs of |⟨ψ_i|ψ_j⟩|² averaged over uniform phases = Σ_k |a_ik|²|a_jk|². */
function pairNullMean(s: NodeStates): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < s.nodes; i++) for (let j = i + 1; j < s.nodes; j++) {
    let acc = 0;
    for (let k = 0; k < s.dim; k++) {
      const pi = s.data[2 * (i * s.dim + k)]! ** 2 + s.data[2 * (i * s.dim + k) + 1]! ** 2;
      const pj = s.data[2 * (j * s.dim + k)]! ** 2 + s.data[2 * (j * s.dim + k) + 1]! ** 2;
      acc += pi * pj;
    }
    sum += acc;
    n++;
  }
  return sum / n;
}

/**
 * The states as each node reads them against its own clock: mode k of node i times
 * e^{−i(ω_k − ω₀)τ_i} (the common e^{−iω₀τ_i} is a global phase of node i and drops out of every
 * |overlap|²; leaving it out keeps the float64 phase small).
 */
export function readoutFrame(s: NodeStates, omegaRadS: Float64Array, clockErrorS: Float64Array): NodeStates {
  const out = allocStates(s.nodes, s.dim);
  for (let i = 0; i < s.nodes; i++) {
    const tau = clockErrorS[i]!;
    for (let k = 0; k < s.dim; k++) {
      const phi = -(omegaRadS[k]! - omegaRadS[0]!) * tau;
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      const x = 2 * (i * s.dim + k);
      const re = s.data[x]!;
      const im = s.data[x + 1]!;
      out.data[x] = c * re - sn * im;
      out.data[x + 1] = c * im + sn * re;
    }
  }
  return out;
}

/** One replicate: the RCF̄ the nodes measure after UMT correction, and its phase-randomised null. */
export function h2Replicate(setup: H2Setup, seed: number, r: number): { measured: number; nullRcf: number; nullPair: number } {
  const rng = RandomStream.fromSeed(seed, "falsify", "h2", String(r));
  const mesh = ResonanceMesh.init({
    nodes: setup.nodes, dim: H2_DIM, topology: "ring", degree: 4, initialState: setup.initialState, initialSpread: 0.02,
    clockErrorStdS: setup.clockResidualS, gammaPerS: H2_KAPPA_PER_S / setup.kappaOverGamma, kappaPerS: setup.kappaPerS,
    coupling: setup.coupling, vetoEnabled: setup.veto,
  }, rng.split("mesh"));
  const stable = maxStableDtS(mesh.params);
  const steps = Math.max(Math.round(H2_DURATION_S / H2_DT_S), Math.ceil(H2_DURATION_S / stable));
  const dt = H2_DURATION_S / steps;
  for (let s = 0; s < steps; s++) mesh.step(dt);
  const { omegaRadS, clockErrorS } = mesh.buffers;
  if (mesh.isDensity) {
    const rho = densityReadoutFrame(mesh.densityMatrices.data, setup.nodes, H2_DIM, omegaRadS, clockErrorS);
    const nullRho = densityRandomisePhases(rho, setup.nodes, H2_DIM, rng.split("null"));
    return { measured: densityMstRcf(rho, setup.nodes, H2_DIM), nullRcf: densityMstRcf(nullRho, setup.nodes, H2_DIM), nullPair: densityPairNullMean(rho, setup.nodes, H2_DIM) };
  }
  const states = readoutFrame(mesh.nodeStates, omegaRadS, clockErrorS);
  const nullStates = randomisePhases(states, rng.split("null"));
  return { measured: exactCoherence(states).globalRcf, nullRcf: exactCoherence(nullStates).globalRcf, nullPair: pairNullMean(states) };
}

/** The replicates of one setup and the paper's test on them. */
export interface H2Sample {
  readonly measured: number[];
  readonly nullSample: number[];
  readonly nullPair: number;
  readonly ci: ReturnType<typeof meanCi>;
  readonly one: ReturnType<typeof ttest1samp>;
  readonly welch: { readonly t: number; readonly df: number; readonly pValue: number };
  /** RCF̄ > 0.995 with p < 0.01, one-sample against 0.995 and Welch against the null. */
  readonly holds: boolean;
}

/**
 * Welch's t-test of mean(measured) > mean(null). When both samples are one repeated value (a mesh
 * that collapsed every node onto one basis mode has RCF̄ = 1 with and without random phases) t is
 * 0/0 or ±∞: equal values are no evidence against the null (p = 1), a constant gap is (p = 0 or 1).
 */
export function welchGreater(measured: readonly number[], nullSample: readonly number[]): { t: number; df: number; pValue: number } {
  const constant = (xs: readonly number[]) => xs.every((x) => x === xs[0]);
  if (constant(measured) && constant(nullSample)) {
    const diff = measured[0]! - nullSample[0]!;
    return { t: diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, df: measured.length + nullSample.length - 2, pValue: diff > 0 ? 0 : 1 };
  }
  return ttestInd(measured, nullSample, { equalVar: false, alternative: "greater" });
}

/** Run `replicates` replicates of `setup` and apply §6.2's criterion. */
export function h2Sample(setup: H2Setup, replicates: number, seed: number): H2Sample {
  const measured: number[] = [];
  const nullSample: number[] = [];
  let nullPair = 0;
  for (let r = 0; r < replicates; r++) {
    const x = h2Replicate(setup, seed, r);
    measured.push(x.measured);
    nullSample.push(x.nullRcf);
    nullPair += x.nullPair / replicates;
  }
  const ci = meanCi(measured, 0.95);
  const one = ttest1samp(measured, H2_CRITERION, { alternative: "greater" });
  const welch = welchGreater(measured, nullSample);
  const holds = ci.mean > H2_CRITERION && one.pValue < ALPHA && welch.pValue < ALPHA;
  return { measured, nullSample, nullPair, ci, one, welch, holds };
}

/** Run H2 with `replicates` independent seeds at the paper's parameters (or `set`'s overrides). */
export function runH2(o: FalsifyOptions = {}): H2Result {
  const { replicates, seed, set, searchFlips } = resolveFalsifyOptions(o);
  const setup = applyOverrides(H2_ASSUMPTIONS, H2_PAPER, set, "H2");
  const x = h2Sample(setup, replicates, seed);
  const { measured, nullSample, ci, one, welch } = x;
  const assumptions = assumptionRecords(H2_ASSUMPTIONS, setup, x.holds, (s) => h2Sample(s, replicates, seed).holds, searchFlips);
  const nullMean = nullSample.reduce((a, b) => a + b, 0) / replicates;
  const flips = assumptions.filter((a) => a.flipsAt !== null).map((a) => `${a.name} ${typeof a.flipsAt === "number" ? `≈ ${a.flipsAt.toExponential(2)}` : `= ${String(a.flipsAt)}`}`);
  const at = `(N = ${setup.nodes}, d = ${H2_DIM}, ring of degree 4, ${H2_DURATION_S * 1e9} ns, residual ${setup.clockResidualS.toExponential(1)} s applied to each node's read-out frame, κ = ${setup.kappaPerS.toExponential(1)}/s, κ/γ = ${setup.kappaOverGamma}, ${setup.coupling}, veto ${setup.veto ? "on" : "off"}, ${setup.initialState})`;
  return {
    id: "H2", section: "§6.2",
    hypothesis: "For N = 100 nodes synchronised by UMT, the global RCF ≥ 0.995",
    criterion: "RCF̄ > 0.995 with p < 0.01 (t-test against null of uncorrelated phases)",
    ...sampleFields(measured, ci, "one-sample t (H1: mean > 0.995)", one), unit: "RCF̄ (dimensionless)", replicates, seed,
    verdict: twinVerdict(x.holds), criterionMet: x.holds,
    reason: (x.holds
      ? `On the twin ${at} RCF̄ = ${ci.mean.toFixed(6)} (95 % CI ${ci.lower.toFixed(6)}–${ci.upper.toFixed(6)}) is above 0.995 (one-sample p = ${one.pValue.toExponential(2)}; null mean ${nullMean.toFixed(4)}, Welch p = ${welch.pValue.toExponential(2)}) — but only under the assumptions listed`
      : `On the twin ${at} RCF̄ = ${ci.mean.toFixed(6)} (95 % CI ${ci.lower.toFixed(6)}–${ci.upper.toFixed(6)}): the criterion > 0.995 at p < 0.01 is not met (one-sample p = ${one.pValue.toExponential(2)}; null mean ${nullMean.toFixed(4)}, Welch p = ${welch.pValue.toExponential(2)})`) +
      (flips.length > 0 ? `; the verdict flips at ${flips.join(", ")}.` : ".") +
      " The coherence comes from Appendix B's coupling κ, not from UMT: the residual only costs coherence, through the read-out frame.",
    wouldTest: "An FPGA or photonic emulation of 100 nodes with measured pairwise overlaps (§6.2) — the twin shows what the paper's own equations predict.",
    criterionValue: H2_CRITERION,
    arithmetic: [
      `measured RCF̄ per replicate: ${measured.map((v) => v.toFixed(6)).join(", ")}`,
      `null (uncorrelated phases) RCF̄ per replicate: ${nullSample.map((v) => v.toFixed(4)).join(", ")}`,
      `null per pair without MST selection: Σ_k |a_ik|²|a_jk|² = ${x.nullPair.toFixed(5)} (1/d = ${(1 / H2_DIM).toFixed(5)})`,
      `one-sample t = (x̄ − 0.995)/(s/√n) = ${one.t.toFixed(3)}, df ${one.df}, p = ${one.pValue.toExponential(3)}`,
      `Welch t (measured vs null) = ${welch.t.toFixed(1)}, df ${welch.df.toFixed(1)}, p = ${welch.pValue.toExponential(3)}`,
      `read-out frame: mode k of node i × e^{−ikΔωτ_i}, Δω = 2π·100 GHz, τ_i ~ N(0, (${setup.clockResidualS.toExponential(2)} s)²)`,
    ],
    assumptions, setup, nullSample, nullMean, nullPairMean: x.nullPair,
    welch: { t: welch.t, df: welch.df, pValue: welch.pValue },
    durationS: H2_DURATION_S,
  };
}
