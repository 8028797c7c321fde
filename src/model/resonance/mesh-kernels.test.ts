/**
 * The mesh's WebAssembly kernels on the arena (mesh-kernels.ts) against the JavaScript kernels on
 * plain arrays (`arena: false`): the same metrics, veto events and snapshot bit for bit, over ticks
 * with failures, restores and re-seeding, for several blocks, odd and even d, and on worker threads.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { encodeState } from "../../sim/state-codec.js";
import { ThreadedBlocks } from "../../sim/executors/mesh-shard.js";
import { type MeshStep, ResonanceMesh } from "./mesh.js";
import type { MeshParams } from "./mesh-params.js";

function run(p: Partial<MeshParams> & { nodes: number }, blocks: number, arena: boolean, threads = 1) {
  const mesh = ResonanceMesh.init(p, RandomStream.fromSeed(19, "mesh"), undefined, { blocks, arena, shared: threads > 1 });
  const ex = threads > 1 ? ThreadedBlocks.attach(mesh, threads) : undefined;
  const steps: MeshStep[] = [];
  try {
    let keep: Float64Array = new Float64Array(0);
    for (let t = 0; t < 30; t++) {
      if (t === 8) {
        keep = mesh.nodeState(5);
        mesh.failNode(5);
        mesh.failNode(p.nodes - 3);
        mesh.setNodeThreshold(40, 0.02);
      }
      if (t === 20) mesh.restoreNode(5, keep);
      steps.push(mesh.step(1e-10, t % 3 === 0));
    }
    return { steps, snapshot: encodeState(mesh.snapshot()), kernels: mesh.blockKernels };
  } finally {
    void ex?.close();
  }
}

describe("mesh kernels on the arena", () => {
  for (const dim of [12, 5]) {
    for (const blocks of [1, 4]) {
      it(`d = ${dim}, ${blocks} block(s): metrics, veto events and snapshot equal the JavaScript kernels' bit for bit`, () => {
        const p = { nodes: 400, dim, degree: 4, gammaPerS: 1e8, kappaPerS: 1e9, initialSpread: 0.2, clockWalkSPerSqrtS: 1e-12, clockErrorStdS: 1e-14, detuningStdRadS: 1e7 };
        const js = run(p, blocks, false);
        const wasm = run(p, blocks, true);
        expect(js.kernels).toBeUndefined();
        expect(wasm.kernels?.phases).toBeDefined();
        expect(js.steps.reduce((n, s) => n + s.events.length, 0)).toBeGreaterThan(0);
        expect(wasm.steps).toEqual(js.steps);
        expect(wasm.snapshot).toBe(js.snapshot);
      }, 60_000);
    }
  }

  it("on two worker threads the kernels give the same numbers as one thread without them", () => {
    const p = { nodes: 600, dim: 12, degree: 4, gammaPerS: 1e8, kappaPerS: 1e9, initialSpread: 0.2, clockWalkSPerSqrtS: 1e-12 };
    const js = run(p, 4, false);
    const two = run(p, 4, true, 2);
    expect(two.steps).toEqual(js.steps);
    expect(two.snapshot).toBe(js.snapshot);
  }, 60_000);
});
