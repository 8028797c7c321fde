/**
 * Sharding one mesh tick over threads (docs/CLUSTER.md): with the node blocks fixed by
 * the scenario (`mesh.blocks`), the number of threads (`run.threads`) never changes a number —
 * states, metrics, veto events, snapshots and run fingerprints are bit-identical for T = 1, 2, 3
 * (B = 4: blocks not a multiple of T). And `mesh.blocks = 1` is the classic mesh: the h2-protocol
 * scenario (§6.2) keeps the fingerprint the code had before blocks existed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { hierarchicalCoherence, hierarchicalPart, hierarchicalWork } from "../../model/resonance/coherence-hierarchical.js";
import { coherenceInterval } from "../../model/resonance/coherence-bounds.js";
import { ResonanceMesh, type MeshStep } from "../../model/resonance/mesh.js";
import type { MeshParams } from "../../model/resonance/mesh-params.js";
import { parseScenario, resolveScenario } from "../scenario/index.js";
import { decodeStateAny, type EncodedState, encodeState } from "../state-codec.js";
import type { Checkpoint } from "../run.js";
import { executeRun } from "./execute-run.js";
import { ThreadedBlocks } from "./mesh-shard.js";

/**
 * Fingerprint of scenarios/h2-protocol.yaml (seed 2026). First recorded by the code BEFORE mesh
 * blocks existed (commit fccfccf: "a15b20b29e0723cb"), and kept by blocks = 1 since. Recorded again
 * after two deliberate changes that move every mesh fingerprint: the coupling's phase factor uses
 * √(re² + im²) instead of Math.hypot (last-bit differences), and snapshots no longer carry the
 * static detunings (the final state folded into the fingerprint lost them). It guards backward
 * compatibility from here on: mesh.blocks = 1 (the default) must leave every existing run unchanged.
 */
const H2_FINGERPRINT_BEFORE_BLOCKS = "edcf4471a99118cd";

const P: Partial<MeshParams> & { nodes: number } = { nodes: 1000, dim: 6, topology: "ring", degree: 4, gammaPerS: 1e8, kappaPerS: 1e9, initialSpread: 0.2, clockWalkSPerSqrtS: 1e-12 };

/** 40 ticks of a B-block mesh on T threads, with two nodes failed at tick 10 and one restored at 25. */
function meshRun(blocks: number, threads: number, coupling: "meanField" | "jump" | "density") {
  const mesh = ResonanceMesh.init({ ...P, coupling }, RandomStream.fromSeed(7, "mesh"), undefined, { blocks, shared: threads > 1 });
  const ex = threads > 1 ? ThreadedBlocks.attach(mesh, threads) : undefined;
  const steps: MeshStep[] = [];
  let keep: Float64Array = new Float64Array(0);
  try {
    for (let t = 0; t < 40; t++) {
      if (t === 10) {
        keep = mesh.nodeState(3);
        mesh.failNode(3);
        mesh.failNode(600);
        mesh.setNodeThreshold(251, 0.02);
      }
      if (t === 25) mesh.restoreNode(3, keep);
      steps.push(mesh.step(1e-10));
    }
    return { steps, snapshot: encodeState(mesh.snapshot()) };
  } finally {
    void ex?.close();
  }
}

describe("mesh sharded over threads", () => {
  // density: Appendix B's equation on d×d matrices (density-mesh.ts), two coupling sweeps a tick.
  for (const coupling of ["meanField", "jump", "density"] as const) {
    it(`${coupling}: B = 4 gives bit-identical metrics, veto events and snapshots on 1, 2 and 3 threads`, () => {
      const one = meshRun(4, 1, coupling);
      const vetoes = one.steps.reduce((n, s) => n + s.events.length, 0);
      expect(vetoes).toBeGreaterThan(0); // the veto pass, with cross-block re-seeding, is exercised
      for (const threads of [2, 3]) {
        const r = meshRun(4, threads, coupling);
        expect(r.steps).toEqual(one.steps); // toEqual on numbers is Object.is: NaN, ±0 and every bit
        expect(r.snapshot).toBe(one.snapshot);
      }
      // The blocks (not the threads) fix the trajectory: B = 1 is another one.
      expect(meshRun(1, 1, coupling).snapshot).not.toBe(one.snapshot);
    }, 60_000);
  }

  const base = { run: { seed: 11, durationS: 6e-8, tickS: 1e-9, sampleEveryS: 5e-9, checkpointEveryS: 2e-8 }, mesh: { nodes: 600, clusterSize: 100, gammaPerS: 3e7, initialSpread: 0.15, blocks: 4 } };
  const sc = (threads: number) => resolveScenario({ ...base, run: { ...base.run, threads } });

  it("a run's fingerprint, samples and events do not depend on run.threads; resuming a checkpoint on another thread count gives the same fingerprint", () => {
    const checkpoints: EncodedState[] = [];
    const one = executeRun(sc(1));
    const two = executeRun(sc(2), { onCheckpoint: (p) => checkpoints.push(p.checkpoint) });
    const three = executeRun(sc(3));
    expect(one.events.length).toBeGreaterThan(0);
    expect(two.fingerprint).toBe(one.fingerprint);
    expect(three.fingerprint).toBe(one.fingerprint);
    expect(three.samples).toEqual(one.samples);
    expect(three.events).toEqual(one.events);
    expect(checkpoints.length).toBe(2);
    expect(decodeStateAny<Checkpoint>(checkpoints[0]!).tNs).toBe(20);
    for (const [cp, threads] of [[checkpoints[0]!, 1], [checkpoints[1]!, 3], [checkpoints[1]!, 2]] as const) {
      expect(executeRun(sc(threads), { resume: cp }).fingerprint).toBe(one.fingerprint);
    }
    // With blocks = 1 the same scenario is the classic mesh, another trajectory.
    expect(executeRun(resolveScenario({ ...base, mesh: { ...base.mesh, blocks: 1 } })).fingerprint).not.toBe(one.fingerprint);
  }, 120_000);

  /** The same bits (Object.is on every element, so ±0 and NaN count too). */
  const bits = (a: Float64Array | Int32Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

  /** Hierarchical samples of a B = 4 mesh on T threads: at two times, with two cluster sizes (a remainder cluster, scratch remade). */
  function meshSamples(threads: number) {
    const mesh = ResonanceMesh.init({ ...P, nodes: 1500, coupling: "meanField" }, RandomStream.fromSeed(5, "mesh"), undefined, { blocks: 4, shared: threads > 1 });
    const ex = threads > 1 ? ThreadedBlocks.attach(mesh, threads) : undefined;
    const out = [];
    try {
      // Clusters of 1000: K = 2, fewer clusters than 3 threads (the main thread's part is empty).
      for (const [ticks, size] of [[3, 100], [2, 100], [1, 37], [1, 1000], [2, 100]] as const) {
        for (let t = 0; t < ticks; t++) mesh.step(1e-10);
        const h = mesh.hierarchicalCoherence(size);
        // The free function on its own fresh arrays: the sample as it was before it had threads.
        const ref = hierarchicalCoherence(mesh.nodeStates, size);
        expect(h.globalRcf).toBe(ref.globalRcf);
        expect(bits(h.edgeFrom)).toEqual(bits(ref.edgeFrom));
        expect(bits(h.edgeTo)).toEqual(bits(ref.edgeTo));
        // The backbone weights: from the threads' shared scratch, or (one thread) every part here.
        let weights = ex?.hierarchicalParts(mesh.currentBuffer, size);
        if (!weights) {
          weights = hierarchicalWork(mesh.params.nodes, size);
          hierarchicalPart(mesh.nodeStates, size, 0, 1, weights);
        }
        const iv = coherenceInterval(mesh.nodeStates, h.edgeFrom.slice(), h.edgeTo.slice());
        out.push({
          globalRcf: h.globalRcf, mstWeight: h.mstWeight, from: bits(h.edgeFrom), to: bits(h.edgeTo), lower: iv.lower, upper: iv.upper,
          weight: bits(weights.weight), endpoint: bits(weights.endpoint),
        });
      }
      return out;
    } finally {
      void ex?.close();
    }
  }

  it("the hierarchical coherence sample run on 2 and 3 threads is the single-thread sample bit for bit (RCF̄, tree, backbone weights, certified interval)", () => {
    const one = meshSamples(1);
    const two = meshSamples(2);
    const three = meshSamples(3);
    for (const r of [two, three]) {
      expect(r.length).toBe(one.length);
      r.forEach((s, i) => {
        const o = one[i]!;
        expect(Object.is(s.globalRcf, o.globalRcf)).toBe(true);
        expect(Object.is(s.mstWeight, o.mstWeight)).toBe(true);
        expect(Object.is(s.lower, o.lower)).toBe(true);
        expect(Object.is(s.upper, o.upper)).toBe(true);
        expect(s.from).toEqual(o.from);
        expect(s.to).toEqual(o.to);
        // The backbone weights and endpoints the threads wrote into the shared scratch.
        expect(s.weight).toEqual(o.weight);
        expect(s.endpoint).toEqual(o.endpoint);
      });
    }
    expect(one[0]!.lower).toBeLessThanOrEqual(one[0]!.upper);
  }, 60_000);

  it("a run with hierarchical coherence samples gives the same fingerprint and samples on 1, 2 and 3 threads", () => {
    const h = (threads: number) => executeRun(resolveScenario({ ...base, run: { ...base.run, threads }, mesh: { ...base.mesh, coherenceMethod: "hierarchical" } }));
    const one = h(1);
    expect(one.samples.length).toBeGreaterThan(0);
    for (const threads of [2, 3]) {
      const r = h(threads);
      expect(r.fingerprint).toBe(one.fingerprint);
      expect(r.samples).toEqual(one.samples);
    }
  }, 120_000);

  it("mesh.blocks = 1 (default) keeps the fingerprint of h2-protocol from before blocks existed (§6.2 scenario)", () => {
    const text = readFileSync(new URL("../../../scenarios/h2-protocol.yaml", import.meta.url), "utf8");
    expect(executeRun(parseScenario(text, "h2-protocol.yaml")).fingerprint).toBe(H2_FINGERPRINT_BEFORE_BLOCKS);
  }, 60_000);

  it("rejects run.threads > mesh.blocks, mesh.blocks > N and threads outside [1, 64]", () => {
    expect(() => resolveScenario({ run: { threads: 2 } })).toThrow(/run\.threads.*at most mesh\.blocks \(1\)/s);
    expect(() => resolveScenario({ mesh: { nodes: 10, clusterSize: 10, blocks: 11 } })).toThrow(/mesh\.blocks.*at most mesh\.nodes \(10\)/s);
    expect(() => resolveScenario({ run: { threads: 65 }, mesh: { blocks: 100 } })).toThrow(/run\.threads/);
    expect(() => ResonanceMesh.init({ nodes: 10 }, { normal: () => 0, uniform: () => 0 }, undefined, { blocks: 2 })).toThrow(/splittable/);
  });
});
