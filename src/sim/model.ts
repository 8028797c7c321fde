/**
 * The contract between the run loop and a model (ARCHITECTURE.md: models are pure state machines
 * advanced by `step` calls that return what happened). A model owns its state; the run loop owns
 * time, randomness (it hands the model a `StreamSet`), recording and checkpoints.
 */
import type { RandomStream } from "../numeric/random/stream.js";
import type { EventData } from "./queue.js";
import type { Scenario } from "./scenario/index.js";
import type { StreamSet } from "./streams.js";

/** Something that happened inside a step (a veto, a failure, an alert). `tNs` ≤ the step's time. */
export interface ModelEvent {
  readonly tNs: number;
  readonly kind: string;
  readonly data: EventData;
}

/** What one step reports. `metrics` is filled only when the run asked for a sample. */
export interface StepResult {
  readonly metrics: Readonly<Record<string, number>>;
  readonly events: readonly ModelEvent[];
}

/**
 * Plain data a model's state is saved as: JSON values plus typed arrays (state-codec.ts encodes
 * them exactly), with no functions, classes, NaN-hiding or cycles.
 */
export type StateValue =
  | null | boolean | number | string
  | Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int8Array | Int16Array | Uint16Array
  | readonly StateValue[]
  | { readonly [key: string]: StateValue };

/** `NodeView.flags` bit: the node has failed (isolated, no state) and has not been reloaded. */
export const NODE_FAILED = 1;
/** `NodeView.flags` bit: the node lies in an active CME region (its ΔE threshold is tightened). */
export const NODE_STORM = 2;

/**
 * Per-node figures for displays (the dashboard's constellation view), written by a model's
 * optional `nodeView`. Both arrays have one entry per node (the scenario's `mesh.nodes`).
 */
export interface NodeView {
  /** Each node's RCF to the ODOS reference, |⟨ψ_i|ODOS⟩|² = 1 − ΔE_i (§2.3), in [0, 1]; 0 for a failed node. */
  readonly rcf: Float32Array;
  /** Bit set per node: NODE_FAILED, NODE_STORM. */
  readonly flags: Uint8Array;
}

/** A model the run loop can drive, checkpoint and resume. */
export interface Model {
  /**
   * Name and version of this model's saved state, e.g. "resonance-mesh/1"; checkpoints carry it,
   * and one from another model or version is refused. Bump it when `snapshot`'s shape changes.
   */
  readonly stateFormat: string;
  /** Set up the initial state from the resolved scenario; draw randomness only from `streams`. */
  init(scenario: Scenario, streams: StreamSet<RandomStream>): void;
  /**
   * Advance the model from the previous tick to `tNs` (integer ns) and report what happened.
   * When `sample` is true, also measure and return the metrics (e.g. global coherence).
   */
  step(tNs: number, sample: boolean): StepResult;
  /** The complete model state (restoring it and stepping on must reproduce the run exactly). */
  snapshot(): StateValue;
  /** Replace the state with a snapshot (after `init` with the same scenario and streams). */
  restore(state: StateValue): void;
  /**
   * Optional, read-only: write each node's current figures into `out` (between steps). It must
   * not change the state or draw randomness, so calling it never changes a run's fingerprint.
   */
  nodeView?(out: NodeView): void;
  /**
   * Optional: release what the model holds outside its state (e.g. the worker threads of a mesh
   * sharded over `run.threads`). The `Runner` calls it exactly once when the run ends for any
   * reason: finished (after the final checkpoint), interrupted (`Runner.interrupt`, after its
   * checkpoint), or failed (an error from `init`, `restore`, `step` or the sink). It must not
   * throw; after it the model is never stepped again (`snapshot` may still be called).
   */
  dispose?(): void;
}

/** Builds the model a scenario names. */
export type ModelFactory = (scenario: Scenario) => Model;
