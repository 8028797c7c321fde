/**
 * `mesh.coupling: density` as a run (Appendix B's equation on density matrices; density-mesh.ts):
 * the run loop samples both readings of pairwise RCF, resuming from any checkpoint — on any thread
 * count — gives the fingerprint of the uninterrupted run, and faults (failures, sarcophagus
 * reloads of a density matrix) run on it.
 */
import { describe, expect, it } from "vitest";
import { executeRun } from "../executors/execute-run.js";
import { resolveScenario } from "../scenario/index.js";
import { decodeStateAny, type EncodedState } from "../state-codec.js";
import type { Checkpoint } from "../run.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { ResonanceMesh } from "../../model/resonance/mesh.js";
import { meshNodeView } from "./mesh-node-view.js";

const base = {
  run: { seed: 5, durationS: 3e-8, tickS: 1e-9, sampleEveryS: 5e-9, checkpointEveryS: 1e-8 },
  mesh: { nodes: 300, dim: 4, clusterSize: 100, gammaPerS: 5e7, initialSpread: 0.15, coupling: "density" as const },
};

describe("density mesh runs (mesh.coupling: density)", () => {
  it("samples Tr(ρ_iρ_j) and Uhlmann F² side by side, with purity; resume from every checkpoint gives the same fingerprint", () => {
    const checkpoints: EncodedState[] = [];
    const sc = resolveScenario(base);
    const full = executeRun(sc, { onCheckpoint: (p) => checkpoints.push(p.checkpoint) });
    expect(checkpoints.length).toBe(2);
    const last = full.samples.at(-1)!.metrics;
    for (const k of ["globalRcf", "rcfNeighbourMean", "fidelitySqNeighbourMean", "rcfNeighbourSampleMean", "purityMean"]) {
      expect(Number.isFinite(last[k]), k).toBe(true);
    }
    // Mixed nodes: F² (agreement) sits above Tr(ρ_iρ_j) (agreement and purity) on the same edges.
    expect(last.purityMean!).toBeLessThan(1);
    expect(last.fidelitySqNeighbourMean!).toBeGreaterThan(last.rcfNeighbourSampleMean!);
    expect(full.events.length).toBeGreaterThan(0); // vetoes happen and are recorded
    for (const cp of checkpoints) {
      expect(decodeStateAny<Checkpoint>(cp).tNs % 10).toBe(0);
      const resumed = executeRun(sc, { resume: cp });
      expect(resumed.fingerprint).toBe(full.fingerprint);
    }
    // Another coupling reading is another trajectory.
    expect(executeRun(resolveScenario({ ...base, mesh: { ...base.mesh, coupling: "meanField" } })).fingerprint).not.toBe(full.fingerprint);
  }, 120_000);

  it("blocks on 1 and 2 threads: same fingerprint, and a checkpoint of one resumes on the other", () => {
    const blocked = { ...base, mesh: { ...base.mesh, blocks: 4 } };
    const checkpoints: EncodedState[] = [];
    const one = executeRun(resolveScenario(blocked), { onCheckpoint: (p) => checkpoints.push(p.checkpoint) });
    const two = executeRun(resolveScenario({ ...blocked, run: { ...blocked.run, threads: 2 } }));
    expect(two.fingerprint).toBe(one.fingerprint);
    expect(two.samples.at(-1)).toEqual(one.samples.at(-1)); // (the fingerprint folds every sample)
    expect(executeRun(resolveScenario({ ...blocked, run: { ...blocked.run, threads: 2 } }), { resume: checkpoints[0]! }).fingerprint).toBe(one.fingerprint);
  }, 120_000);

  it("faults run on density nodes: failures, sarcophagus reloads of a density matrix, storms; resume gives the same fingerprint", () => {
    const sc = resolveScenario({
      run: { seed: 5, durationS: 4e-7, tickS: 1e-9, sampleEveryS: 2e-8, checkpointEveryS: 1e-7 },
      mesh: { nodes: 200, dim: 3, clusterSize: 50, gammaPerS: 1e6, kappaPerS: 1e9, coupling: "density" },
      constellation: { nodes: 200, planes: 8 },
      smc: {},
      sarcophagus: {},
      faults: { durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10 },
    });
    const checkpoints: EncodedState[] = [];
    const full = executeRun(sc, { onCheckpoint: (p) => checkpoints.push(p.checkpoint) });
    const kinds = new Set(full.events.map((e) => e.kind));
    expect(kinds.has("nodeFail")).toBe(true);
    expect(kinds.has("reload")).toBe(true); // a spare takes the node's place with its density matrix, checked by setNodeState
    expect(executeRun(sc, { resume: checkpoints[1]! }).fingerprint).toBe(full.fingerprint);
  }, 120_000);

  it("the dashboard's node view reads ⟨ODOS|ρ_i|ODOS⟩: for the initial |ψ_i⟩⟨ψ_i| it is the pure mesh's |⟨ODOS|ψ_i⟩|²", () => {
    const p = { nodes: 50, dim: 6, degree: 2, initialSpread: 0.4 };
    const pure = ResonanceMesh.init({ ...p, coupling: "meanField" }, RandomStream.fromSeed(2, "mesh"));
    const mixed = ResonanceMesh.init({ ...p, coupling: "density" }, RandomStream.fromSeed(2, "mesh"));
    const a = { rcf: new Float32Array(50), flags: new Uint8Array(50) };
    const b = { rcf: new Float32Array(50), flags: new Uint8Array(50) };
    meshNodeView(pure, a);
    meshNodeView(mixed, b);
    for (let i = 0; i < 50; i++) expect(b.rcf[i]).toBeCloseTo(a.rcf[i]!, 6); // Float32 display values
    expect(Math.min(...b.rcf)).toBeLessThan(0.95); // a spread that the view shows
  });
});
