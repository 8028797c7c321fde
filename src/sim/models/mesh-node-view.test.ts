/**
 * The mesh's per-node view (dashboard): RCF_i = |⟨ψ_i|ODOS⟩|² with |ODOS⟩ = (1,…,1)/√d
 * (§2.3, Appendix A `delta_e`), failed and CME-storm flags, and that reading it never changes a
 * run (the fingerprint folds the whole trajectory, run.ts).
 */
import { describe, expect, it } from "vitest";
import { DimensionError } from "../../errors.js";
import { NODE_FAILED, NODE_STORM, type NodeView, type StateValue } from "../model.js";
import { Runner, type Checkpoint, type RunSink } from "../run.js";
import { resolveScenario } from "../scenario/index.js";
import { ResonanceMeshModel } from "./resonance-mesh.js";

const NODES = 120;
const sc = resolveScenario({
  run: { seed: 11, durationS: 4e-8, tickS: 1e-9, sampleEveryS: 2e-9, checkpointEveryS: 1e-8 },
  mesh: { nodes: NODES, clusterSize: 60, gammaPerS: 3e8 },
});
const sink: RunSink = { sample: () => {}, event: () => {}, checkpoint: () => {} };
const view = (): NodeView => ({ rcf: new Float32Array(NODES), flags: new Uint8Array(NODES) });

/** Drive to the end, reading the node view after every tick when `watch` is set. */
function finish(r: Runner, watch: boolean): { fingerprint: string; reads: number } {
  const v = view();
  let reads = 0;
  while (!r.advance(1)) if (watch && r.viewNodes(v)) reads++;
  return { fingerprint: r.result!.fingerprint, reads };
}

/** A checkpoint 10 ticks in, with nodes 3 and 40 failed and nodes 5…9 under a storm threshold. */
function faultyCheckpoint(): Checkpoint {
  const r = Runner.start(sc, new ResonanceMeshModel(), sink);
  r.advance(10);
  const cp = r.checkpoint();
  const model = cp.model as { mesh: Record<string, StateValue> };
  const failed = new Uint8Array(NODES);
  failed[3] = 1;
  failed[40] = 1;
  const thresholds = new Float64Array(NODES).fill(sc.odos.deltaEThreshold);
  thresholds.fill(0.02, 5, 10);
  return { ...cp, model: { ...model, mesh: { ...model.mesh, failed, thresholds } } };
}

describe("ResonanceMeshModel.nodeView", () => {
  it("is read-only: the fingerprint with a listener reading it every tick equals the one without", () => {
    const quiet = finish(Runner.start(sc, new ResonanceMeshModel(), sink), false);
    const watched = finish(Runner.start(sc, new ResonanceMeshModel(), sink), true);
    expect(watched.reads).toBeGreaterThan(30);
    expect(watched.fingerprint).toBe(quiet.fingerprint);
    // Also with failed nodes and storm thresholds (the paths that read the fault arrays).
    const cp = faultyCheckpoint();
    const a = finish(Runner.resume(sc, new ResonanceMeshModel(), cp, sink), false);
    const b = finish(Runner.resume(sc, new ResonanceMeshModel(), cp, sink), true);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.fingerprint).not.toBe(quiet.fingerprint);
  });

  it("gives 1 − ΔE_i = |Σ_k ψ_ik|²/d per node (§2.3), and the failed and storm flags", () => {
    const model = new ResonanceMeshModel();
    const r = Runner.resume(sc, model, faultyCheckpoint(), sink);
    r.advance(5);
    const v = view();
    expect(r.viewNodes(v)).toBe(true);
    const snap = model.snapshot() as { mesh: { states: Float64Array } };
    const d = sc.mesh.dim;
    let below = 0;
    for (let i = 0; i < NODES; i++) {
      const failed = i === 3 || i === 40;
      expect(v.flags[i]! & NODE_FAILED).toBe(failed ? NODE_FAILED : 0);
      expect(v.flags[i]! & NODE_STORM).toBe(i >= 5 && i < 10 ? NODE_STORM : 0);
      if (failed) { expect(v.rcf[i]).toBe(0); continue; }
      // Independent: the overlap with (1,…,1)/√d summed here, not through odos.ts.
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) { re += snap.mesh.states[2 * (i * d + k)]!; im += snap.mesh.states[2 * (i * d + k) + 1]!; }
      expect(v.rcf[i]).toBeCloseTo((re * re + im * im) / d, 6);
      if (v.rcf[i]! < 0.999) below++;
    }
    expect(below).toBeGreaterThan(0); // dephasing moved states off ODOS, so the check is not trivial
  });

  it("refuses arrays of the wrong length, naming which", () => {
    const r = Runner.start(sc, new ResonanceMeshModel(), sink);
    expect(() => r.viewNodes({ rcf: new Float32Array(NODES - 1), flags: new Uint8Array(NODES) })).toThrow(DimensionError);
    expect(() => r.viewNodes({ rcf: new Float32Array(NODES), flags: new Uint8Array(3) })).toThrow(/nodeView flags: expected length 120/);
  });
});
