/**
 * The scenario schema: what a run is made of, section by section, with units in every name.
 *
 * Every object is strict (unknown keys are errors, so a typo never silently falls back to a
 * default) and every field has a default, so `{}` resolves to the paper's architecture. The
 * sections mirror the paper: `mesh` (§2.1, §3.2, Appendix B), `odos` (§2.1, §2.3), `umt`
 * (Theorem 1, §5.2), `veto` (§2.3, §4.2). Later issues add sections (constellation, faults,
 * guardian, energy) through `extensionSections` below: one entry each.
 *
 * Field names are shared with model/resonance (model/resonance owns the physics, this file owns the
 * names and limits); docs/scenario.schema.json is generated from this file (`npm run schema`).
 */
import { z } from "zod";
import { constellationSections, umtSyncSchema } from "./constellation-sections.js";
import { interplanetarySections } from "./interplanetary-section.js";

/** Largest seed: seeds are unsigned 32-bit, as numpy's `RandomState.seed` takes them. */
export const SEED_MAX = 4_294_967_295;
/** Horizon of integer-nanosecond time (kernel.ts): 2^53 − 1 ns ≈ 104 days. */
const DURATION_S_MAX = Math.floor(Number.MAX_SAFE_INTEGER / 1e9);

/** §3.2: local clusters of 100–200 nodes; we default to the middle. */
export const CLUSTER_SIZE_DEFAULT = 150;

const positiveSeconds = (what: string) => z.number().positive().max(DURATION_S_MAX).describe(what);

export const runSchema = z.strictObject({
  seed: z.number().int().min(0).max(SEED_MAX).default(42)
    .describe("Seed of every random stream of the run (unsigned 32-bit; Appendix A uses 42)."),
  durationS: positiveSeconds("Simulated time to run, seconds (integer-ns kernel: at most ≈ 9.0e6 s).").default(1e-6),
  tickS: z.number().min(1e-9).max(DURATION_S_MAX).default(1e-9)
    .describe("Interval between model steps (kernel ticks), seconds; a whole number of nanoseconds (≥ 1 ns)."),
  sampleEveryS: positiveSeconds("Interval between recorded metric samples, seconds (a whole number of ticks).").default(1e-8),
  checkpointEveryS: positiveSeconds("Interval between checkpoints, seconds of simulated time (a whole number of ticks).").default(1e-7),
  queueCapacity: z.number().int().min(16).max(16_777_216).default(65_536)
    .describe("Bound on pending kernel events; overflowing it stops the run with an error."),
  threads: z.number().int().min(1).max(64).default(1)
    .describe("Threads that run the mesh's node blocks (mesh.blocks); never changes a result, only the wall time (docs/CLUSTER.md)."),
}).describe("How long and how finely the run advances.");

export const meshSchema = z.strictObject({
  nodes: z.number().int().min(2).max(10_000_000).default(1000)
    .describe("Number of nodes N (§2.1; Appendix A uses 1000, §5.1 plans 10^5)."),
  dim: z.number().int().min(2).max(4096).default(12)
    .describe("Modes per node state d (Appendix A: 12; §2.1 V1000 nodes: 192)."),
  clusterSize: z.number().int().min(2).max(100_000).optional()
    .describe(`Nodes per local cluster (§3.2: 100–200 nodes within one orbital plane); default ${CLUSTER_SIZE_DEFAULT}, or N when the mesh has fewer nodes.`),
  topology: z.enum(["clusters", "ring", "complete"]).default("clusters")
    .describe("Coupling graph: rings of `neighbours` inside each cluster joined by a backbone (§3.2), one ring, or all-to-all."),
  neighbours: z.number().int().min(2).max(1024).multipleOf(2).default(4)
    .describe("Neighbours per node inside its cluster ring (even: k/2 on each side)."),
  gammaPerS: z.number().nonnegative().max(1e18).default(1e6)
    .describe("Local decoherence rate γ, 1/s (Appendix B: γ ≈ 10^-3 ns^-1)."),
  kappaPerS: z.number().nonnegative().max(1e18).default(1e9)
    .describe("Resonant coupling κ_ij between neighbours, 1/s (Appendix B: κ ≈ 1 ns^-1)."),
  substeps: z.number().int().min(1).max(100_000).default(10)
    .describe("Coupling steps per kernel tick: κ·dt·degree ≤ 1 for stability (6 per ns at the clusters' backbone degree 6), and more for accuracy: the neighbour decoherence 1 − RCF between neighbours is about half its converged value at 10 per ns (bench/mesh-substeps.ts)."),
  initialState: z.enum(["odos", "haar"]).default("odos")
    .describe("Initial node states: around the ODOS reference (all-ones, normalised; spread `initialSpread`) or Haar-random."),
  initialSpread: z.number().nonnegative().max(100).default(0.02)
    .describe("Per-component Gaussian spread of the initial states around ODOS (dimensionless; the paper gives none)."),
  coupling: z.enum(["meanField", "jump", "density"]).default("meanField")
    .describe("Reading of Appendix B's κ_ij(ρ_j − ρ_i): on pure states, a phase-aligned mean field or its exact jump unravelling; `density`: the equation itself, each node a d×d density matrix (2·d²·8 bytes a node; global RCF is then the all-pairs mean of Tr(ρ_iρ_j), whatever coherenceMethod says)."),
  detuningStdRadPerS: z.number().nonnegative().max(1e18).default(0)
    .describe("Standard deviation of each node's static mode detuning (node Hamiltonian H_i), rad/s."),
  modeSpacingRadPerS: z.number().nonnegative().max(1e18).default(2 * Math.PI * 100e9)
    .describe("Spacing Δω of the node's mode frequencies ω_k = ω₀ + kΔω, rad/s (paper: none; 2π·100 GHz, a photonic ring's FSR)."),
  coherenceMethod: z.enum(["auto", "exact", "hierarchical"]).default("auto")
    .describe("Global coherence (§2.1 MST mean RCF): exact Prim, per-cluster MST + backbone, or auto by N."),
  blocks: z.number().int().min(1).max(65_536).default(1)
    .describe("Node blocks of the mesh tick, each with its own random stream and reduced in block order: 1 is the classic single-stream mesh; B > 1 changes the trajectories (fixed by B, not by run.threads) so that run.threads can share the blocks."),
}).describe("The resonance mesh (§2.1, §3.2, Appendix B).")
  // The cluster-size default depends on N (a mesh smaller than one cluster is one cluster).
  .transform((m) => ({ ...m, clusterSize: m.clusterSize ?? Math.min(CLUSTER_SIZE_DEFAULT, m.nodes) }));

export const odosSchema = z.strictObject({
  deltaEThreshold: z.number().gt(0).lt(1).default(0.05)
    .describe("Veto threshold on ΔE = 1 − |⟨ψ|ODOS⟩|² (§2.3, §6.3: ΔE > 0.05)."),
  rcfThreshold: z.number().gt(0).lte(1).default(0.95)
    .describe("θ_crit: nodes i, j are resonantly coupled when RCF_ij ≥ θ_crit (§2.1: 0.95)."),
  stormDeltaEThreshold: z.number().gt(0).lt(1).default(0.02)
    .describe("Tightened ΔE threshold during a coronal mass ejection (V2000 storm mode; 0.02 is a modelling assumption, the paper states no value)."),
}).describe("The ODOS ethical invariants (§2.1, §2.3).");

export const umtSchema = z.strictObject({
  driftFs: z.number().nonnegative().max(1e12).default(10)
    .describe("RMS relative clock error per node, femtoseconds (Theorem 1: below 10 fs; §5.2: 100 fs over Earth–Mars)."),
  walkFsPerSqrtS: z.number().nonnegative().max(1e15).default(0)
    .describe("Random-walk growth of each node's clock error, fs/√s (0: a static offset)."),
  fractionalFrequencyStd: z.number().nonnegative().max(1).default(0)
    .describe("Standard deviation of each node's fractional clock-rate offset (Appendix A: UMT_DRIFT = 1e-14 per unit time)."),
  photonEnergyEv: z.number().positive().max(1e3).default(1)
    .describe("ħω₀ of the node cavity, eV (§2.2: ≈ 1 eV); a clock error τ adds a phase ω·τ per mode."),
  sync: umtSyncSchema.optional(),
}).describe("Unified Multiversal Time synchronisation (Theorem 1, §5.2).");

export const vetoSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("Apply the thermodynamic veto (§2.3)."),
  criticalCurrentA: z.number().positive().max(1).default(10e-6)
    .describe("Josephson critical current I_c, amperes (§4.2: 10 µA)."),
  phaseSlipRad: z.number().positive().max(1e6).default(2 * Math.PI)
    .describe("Phase slip Δφ per veto, radians (§4.2: 2π); E_diss = ħ/(2e)·I_c·Δφ."),
  reseed: z.enum(["neighbour", "odos"]).default("neighbour")
    .describe("A vetoed node is isolated and re-seeded from a healthy neighbour, or reset to the ODOS reference."),
}).describe("The TER veto (§2.3, §4.2).");

/**
 * Optional sections added by later issues (constellation, faults, guardian, energy, …): each
 * adds one `name: schema.optional()` entry here. Absent sections stay absent after resolution.
 */
export const extensionSections = { ...constellationSections, ...interplanetarySections } satisfies Record<string, z.ZodType>;

/** A scenario file (input form: every field optional). */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(200).default("unnamed").describe("Short name shown in `pqms runs list`."),
  description: z.string().max(10_000).optional().describe("Free text."),
  model: z.enum(["resonance-mesh", "interplanetary"]).default("resonance-mesh").describe("Which model the run drives: the resonance mesh, or the Earth–Mars twin of §5.2 (reads the `interplanetary` section)."),
  run: runSchema.prefault({}),
  mesh: meshSchema.prefault({}),
  odos: odosSchema.prefault({}),
  umt: umtSchema.prefault({}),
  veto: vetoSchema.prefault({}),
  ...extensionSections,
}).describe("A pqms scenario: one run of the PQMS-V3000 digital twin.");

/** A resolved scenario: every default filled. This is what a run stores and what models read. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults not yet filled). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** The JSON Schema (draft 2020-12) of a scenario file, as committed in docs/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "throw" }),
    $id: "https://github.com/pqms/pqms/docs/scenario.schema.json",
    title: "pqms scenario",
  };
}
