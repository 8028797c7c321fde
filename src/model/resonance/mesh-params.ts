/**
 * Parameters of the physical resonance mesh, SI units, each with the paper section it comes from
 * or the reason for our choice where the paper is silent. See docs/MODEL.md, "Resonance mesh".
 */
import { InputError } from "../../errors.js";
import { checkPopulation, STATE_BYTES_MAX } from "./node-states.js";
import { DELTA_E_THRESHOLD } from "./odos.js";
import { HBAR_JS, ELEMENTARY_CHARGE_C, VETO_CRITICAL_CURRENT_A, VETO_PHASE_SLIP_RAD } from "./veto-energy.js";

/**
 * How Appendix B's coupling term κ_ij(ρ_j − ρ_i) is read: on pure states (phase-aligned mean
 * field, or its jump unravelling), or literally on density matrices (density-mesh.ts).
 */
export type CouplingMode = "meanField" | "jump" | "density";
/** Coupling graph: rings inside clusters joined by a backbone (§3.2), one ring, or all-to-all. */
export type MeshTopology = "clusters" | "ring" | "complete";

/** Largest N for the all-to-all topology (its neighbour lists hold N(N−1) entries). */
export const COMPLETE_NODES_MAX = 4096;

export interface MeshParams {
  /** Number of nodes N (§5.1: 10^5 in the planetary cluster). */
  readonly nodes: number;
  /** Modes per node d (Appendix A: 12; §2.1: 192 as in V1000). */
  readonly dim: number;
  /** Coupling graph (scenario `mesh.topology`). */
  readonly topology: MeshTopology;
  /** Nodes per cluster for the `clusters` topology (§3.2: 100–200). */
  readonly clusterSize: number;
  /** Neighbours per node on a ring (even; k/2 on each side). */
  readonly degree: number;
  /** Initial states: around the ODOS vector (spread `initialSpread`), or Haar-random. */
  readonly initialState: "odos" | "haar";
  /** Local decoherence (dephasing) rate γ, 1/s (Appendix B: γ ≈ 10⁻³ ns⁻¹ = 10⁶ s⁻¹). */
  readonly gammaPerS: number;
  /** Resonant coupling κ per edge, 1/s (Appendix B: κ ≈ 1 ns⁻¹ = 10⁹ s⁻¹). */
  readonly kappaPerS: number;
  /** Reading of the coupling: pure-state mean field or jump unravelling, or the density-matrix equation itself. */
  readonly coupling: CouplingMode;
  /** Carrier angular frequency ω₀ of mode 0, rad/s (§2.2: ħω₀ ≈ 1 eV). */
  readonly omega0RadS: number;
  /** Mode spacing Δω, rad/s: ω_k = ω₀ + kΔω. The paper gives none; 2π·100 GHz, a photonic ring's FSR. */
  readonly modeSpacingRadS: number;
  /** Standard deviation of each node's static detuning (node Hamiltonian H_i = diag δ_ik), rad/s. */
  readonly detuningStdRadS: number;
  /** Standard deviation of each node's initial UMT clock error, s (Theorem 1's bound: 10 fs). */
  readonly clockErrorStdS: number;
  /** Standard deviation of each node's fractional clock frequency offset (Appendix A: UMT_DRIFT = 10⁻¹⁴). */
  readonly clockDriftStd: number;
  /** Random-walk growth of each node's clock error, s/√s (scenario umt.walkFsPerSqrtS). */
  readonly clockWalkSPerSqrtS: number;
  /** Per-component amplitude of the initial spread around the ODOS vector (dimensionless). */
  readonly initialSpread: number;
  /** ODOS veto threshold on ΔE (§2.3: 0.05). */
  readonly deltaEThreshold: number;
  /** Apply the thermodynamic veto (§2.3). */
  readonly vetoEnabled: boolean;
  /** Re-seed a vetoed node from its healthiest healthy neighbour, or reset it to ODOS. */
  readonly reseed: "neighbour" | "odos";
  /** TER junction critical current, A (§4.2: 10 µA). */
  readonly vetoCriticalCurrentA: number;
  /** TER phase slip per veto, rad (§4.2: 2π). */
  readonly vetoPhaseSlipRad: number;
}

/** Defaults: the paper's values where it states them (sections in the field docs). */
export const MESH_DEFAULTS: Omit<MeshParams, "nodes"> = {
  dim: 12,
  topology: "ring",
  clusterSize: 150,
  degree: 4,
  initialState: "odos",
  gammaPerS: 1e6,
  kappaPerS: 1e9,
  coupling: "meanField",
  omega0RadS: ELEMENTARY_CHARGE_C / HBAR_JS,
  modeSpacingRadS: 2 * Math.PI * 100e9,
  detuningStdRadS: 0,
  clockErrorStdS: 10e-15,
  clockDriftStd: 0,
  clockWalkSPerSqrtS: 0,
  initialSpread: 0.02,
  deltaEThreshold: DELTA_E_THRESHOLD,
  vetoEnabled: true,
  reseed: "neighbour",
  vetoCriticalCurrentA: VETO_CRITICAL_CURRENT_A,
  vetoPhaseSlipRad: VETO_PHASE_SLIP_RAD,
};

function nonNegative(x: unknown, path: string, unit: string): void {
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw InputError.of(`mesh.${path}`, `a finite number ≥ 0 ${unit}`, x);
}

/** Fill defaults and validate every field; throws an InputError naming the first bad field. */
export function resolveMeshParams(p: Partial<MeshParams> & { nodes: number }): MeshParams {
  const r: MeshParams = { ...MESH_DEFAULTS, ...p };
  checkPopulation(r.nodes, r.dim, "mesh", 3);
  if (r.coupling === "density" && 16 * r.nodes * r.dim * r.dim > STATE_BYTES_MAX) {
    throw InputError.of("mesh.nodes × dim²", `N·d²·16 bytes ≤ 1 GiB for one array of density matrices (N·d² ≤ ${STATE_BYTES_MAX / 16})`, `~N·d² = ${r.nodes * r.dim * r.dim}`);
  }
  nonNegative(r.gammaPerS, "gammaPerS", "1/s");
  nonNegative(r.kappaPerS, "kappaPerS", "1/s");
  nonNegative(r.omega0RadS, "omega0RadS", "rad/s");
  nonNegative(r.modeSpacingRadS, "modeSpacingRadS", "rad/s");
  nonNegative(r.detuningStdRadS, "detuningStdRadS", "rad/s");
  nonNegative(r.clockErrorStdS, "clockErrorStdS", "s");
  nonNegative(r.clockDriftStd, "clockDriftStd", "(fractional)");
  nonNegative(r.clockWalkSPerSqrtS, "clockWalkSPerSqrtS", "s/√s");
  nonNegative(r.initialSpread, "initialSpread", "(dimensionless)");
  nonNegative(r.vetoCriticalCurrentA, "vetoCriticalCurrentA", "A");
  nonNegative(r.vetoPhaseSlipRad, "vetoPhaseSlipRad", "rad");
  if (typeof r.deltaEThreshold !== "number" || !(r.deltaEThreshold > 0 && r.deltaEThreshold < 1)) {
    throw InputError.of("mesh.deltaEThreshold", "a number in (0, 1) (§2.3 uses 0.05)", r.deltaEThreshold);
  }
  if (r.coupling !== "meanField" && r.coupling !== "jump" && r.coupling !== "density") throw InputError.of("mesh.coupling", "one of meanField, jump, density", r.coupling);
  if (r.topology !== "clusters" && r.topology !== "ring" && r.topology !== "complete") throw InputError.of("mesh.topology", "one of clusters, ring, complete", r.topology);
  if (r.topology === "complete" && r.nodes > COMPLETE_NODES_MAX) {
    throw InputError.of("mesh.nodes", `at most ${COMPLETE_NODES_MAX} nodes for topology "complete" (its neighbour lists hold N(N−1) entries)`, r.nodes);
  }
  if (r.initialState !== "odos" && r.initialState !== "haar") throw InputError.of("mesh.initialState", "one of odos, haar", r.initialState);
  if (r.reseed !== "neighbour" && r.reseed !== "odos") throw InputError.of("veto.reseed", "one of neighbour, odos", r.reseed);
  if (typeof r.vetoEnabled !== "boolean") throw InputError.of("veto.enabled", "true or false", r.vetoEnabled);
  if (r.topology === "clusters" && (!Number.isInteger(r.clusterSize) || r.clusterSize < 3 || r.clusterSize > r.nodes)) {
    throw InputError.of("mesh.clusterSize", `an integer in [3, N = ${r.nodes}] (§3.2: clusters of 100–200 nodes)`, r.clusterSize);
  }
  return r;
}
