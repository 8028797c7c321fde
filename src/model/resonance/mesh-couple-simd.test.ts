import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { ResonanceMesh } from "./mesh.js";
import { type BlockExecutor, coupleMeanField, edgeMirrors, KET_NODES, measureDeltaE, type MeshPhase, overlapEdges, PARTIALS, PHASE_COUPLE, PHASE_RCF, runBlockPhase } from "./mesh-blocks.js";
import { bindMeshCouple, meshCoupleKernel, type MeshCoupleKernels } from "./mesh-couple-simd.js";
import type { MeshParams } from "./mesh-params.js";

/** Index of the first element where a and b differ under Object.is, or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return k;
  return -1;
}

/**
 * A mesh in an arena with random (unnormalised) states in buffer 0, some failed nodes, one live
 * node with a zero state (its own norm is 0: NaN amplitudes), one live node orthogonal to its live
 * neighbours (overlap exactly 0: the coupling's `a = 0` branch) and, but on a complete graph (where it would reach every node), one live
 * node with a NaN amplitude and one live node with no live neighbour.
 */
function randomMesh(p: Partial<MeshParams> & { nodes: number }, blocks: number, seed: number): ResonanceMesh {
  const m = ResonanceMesh.init(p, RandomStream.fromSeed(seed, "mesh"), undefined, { blocks });
  expect(m.arena).toBeDefined();
  const r = new NumpyRandomState(seed);
  const s = m.buffers.states[0];
  for (let x = 0; x < s.length; x++) s[x] = r.randn() * (r.randomSample() < 0.1 ? 1e-3 : 1);
  const failed = m.buffers.failed;
  for (let i = 0; i < p.nodes; i++) if (r.randomSample() < 0.15) failed[i] = 1;
  const L = 2 * m.params.dim;
  const zero = 7;
  failed[zero] = 0;
  s.fill(0, zero * L, (zero + 1) * L);
  const lone = 20;
  failed[lone] = 0;
  s.fill(0, lone * L, (lone + 1) * L);
  s[lone * L] = 1;
  const { rowPtr, colIdx } = m.neighbours;
  for (let q = rowPtr[lone]!; q < rowPtr[lone + 1]!; q++) {
    const j = colIdx[q]!;
    if (failed[j] === 1 || j === zero) continue;
    s.fill(0, j * L, (j + 1) * L);
    s[j * L + 2] = -0.5;
    s[j * L + 3] = 0.75;
  }
  if (p.topology !== "complete") {
    failed[11] = 0;
    s[11 * L + 3] = Number.NaN;
    // A live node whose neighbours have all failed: its coupling is the self term alone.
    const alone = 30;
    failed[alone] = 0;
    for (let q = rowPtr[alone]!; q < rowPtr[alone + 1]!; q++) if (![zero, lone, 11].includes(colIdx[q]!)) failed[colIdx[q]!] = 1;
  }
  return m;
}

/** Neighbour lists as given (order kept), in the mesh's CSR form. */
function fromLists(rows: readonly number[][]): { nodes: number; rowPtr: Int32Array; colIdx: Int32Array } {
  const rowPtr = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (rowPtr[i + 1] = rowPtr[i]! + row.length));
  return { nodes: rows.length, rowPtr, colIdx: Int32Array.from(rows.flat()) };
}

/** deltaE, partials and buffer 1 reset to the same sentinels before each run. */
function reset(m: ResonanceMesh): void {
  m.buffers.deltaE.fill(-0.25);
  m.buffers.partials.fill(Number.POSITIVE_INFINITY);
  m.buffers.states[1].fill(-3);
}

const cases: Array<{ name: string; p: Partial<MeshParams> & { nodes: number }; blocks: number }> = [
  { name: "d = 12, clusters of 40 with a backbone, 5 blocks", p: { nodes: 301, dim: 12, topology: "clusters", clusterSize: 40, degree: 4 }, blocks: 5 },
  { name: "d = 5 (odd), ring of degree 4, 3 blocks", p: { nodes: 157, dim: 5, topology: "ring", degree: 4 }, blocks: 3 },
  { name: "d = 2, ring of degree 6, 1 block", p: { nodes: 64, dim: 2, topology: "ring", degree: 6 }, blocks: 1 },
  { name: "d = 13, complete graph, 4 blocks", p: { nodes: 40, dim: 13, topology: "complete" }, blocks: 4 },
];

describe("mesh coupling and edge pass as WebAssembly SIMD on the arena", () => {
  it("is available and instantiates on a mesh's arena", () => {
    expect(meshCoupleKernel.available()).toBe(true);
  });

  for (const { name, p, blocks } of cases) {
    it(`coupling + ΔE equal coupleMeanField + measureDeltaE bit for bit: ${name}`, () => {
      for (const dtS of [1e-10, 3e-11]) {
        const m = randomMesh({ ...p, kappaPerS: 1e9 }, blocks, p.nodes + p.dim!);
        const b = m.buffers;
        const kernels = bindMeshCouple(meshCoupleKernel.instantiateOn(m.arena!.memory), m.buffers);
        const [s, out] = b.states;
        reset(m);
        for (let k = 0; k < blocks; k++) {
          coupleMeanField(b, b.bounds[k]!, b.bounds[k + 1]!, s, out, dtS);
          measureDeltaE(b, k, b.bounds[k]!, b.bounds[k + 1]!, out, KET_NODES);
        }
        const js = { out: out.slice(), deltaE: b.deltaE.slice(), partials: b.partials.slice() };
        reset(m);
        for (let k = 0; k < blocks; k++) kernels.coupleMeanField(k, b.bounds[k]!, b.bounds[k + 1]!, s, out, dtS);
        expect(firstDifference(out, js.out)).toBe(-1);
        expect(firstDifference(b.deltaE, js.deltaE)).toBe(-1);
        expect(firstDifference(b.partials, js.partials)).toBe(-1);
        // The run exercised what it claims to: NaN amplitudes, failed nodes, live nodes in every block.
        expect(js.out.some((v) => Number.isNaN(v))).toBe(p.topology !== "complete");
        expect(b.failed.some((f) => f === 1)).toBe(true);
        for (let k = 0; k < blocks; k++) expect(js.partials[PARTIALS * k + 2]).toBeGreaterThan(0);
      }
    });

    it(`edge pass equals overlapEdges bit for bit: ${name}`, () => {
      const m = randomMesh(p, blocks, 3 * p.nodes + p.dim!);
      const b = m.buffers;
      const kernels = bindMeshCouple(meshCoupleKernel.instantiateOn(m.arena!.memory), m.buffers);
      for (const s of b.states) {
        reset(m);
        for (let k = 0; k < blocks; k++) overlapEdges(b, k, b.bounds[k]!, b.bounds[k + 1]!, s, KET_NODES);
        const js = b.partials.slice();
        reset(m);
        for (let k = 0; k < blocks; k++) kernels.overlapEdges(k, b.bounds[k]!, b.bounds[k + 1]!, s);
        expect(firstDifference(b.partials, js)).toBe(-1);
        for (let k = 0; k < blocks; k++) expect(js[PARTIALS * k + 4]).toBeGreaterThan(0);
      }
    });
  }

  it("edgeMirrors pairs each neighbour entry with the reverse edge's, occurrence by occurrence (duplicates, self-loops, one-way edges)", () => {
    const r = new NumpyRandomState(17);
    for (let trial = 0; trial < 20; trial++) {
      const nodes = 2 + Math.floor(r.randomSample() * 30);
      const rows: number[][] = [];
      for (let i = 0; i < nodes; i++) rows.push(Array.from({ length: Math.floor(r.randomSample() * 7) }, () => Math.floor(r.randomSample() * nodes)));
      const { rowPtr, colIdx } = fromLists(rows);
      const got = new Int32Array(colIdx.length);
      edgeMirrors({ nodes, rowPtr, colIdx }, got);
      // By the definition: entry p of i's list, its k-th j ↦ the k-th entry of j's list holding i.
      for (let i = 0; i < nodes; i++) {
        for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
          const j = colIdx[p]!;
          const k = rows[i]!.slice(0, p - rowPtr[i]!).filter((x) => x === j).length;
          const inJ = rows[j]!.flatMap((x, q) => (x === i ? [rowPtr[j]! + q] : []));
          expect(got[p]).toBe(j === i || k >= inJ.length ? -1 : inJ[k]);
        }
      }
    }
  });

  it("passes each overlap on to the neighbour (conjugated) bit for bit, and computes it afresh where its imaginary part is 0: real states, irregular lists with repeated edges", () => {
    // Irregular symmetric neighbour lists (random degrees, repeated edges), across 3 blocks.
    const nodes = 90;
    const r = new NumpyRandomState(23);
    const rows: number[][] = Array.from({ length: nodes }, () => []);
    for (let i = 0; i < nodes; i++) {
      for (let e = 0; e < 3; e++) {
        const j = (i + 1 + Math.floor(r.randomSample() * 12)) % nodes;
        rows[i]!.push(j);
        rows[j]!.push(i);
      }
    }
    rows[5]!.push(rows[5]![0]!);
    rows[rows[5]![0]!]!.push(5);
    const neighbours = fromLists(rows);
    for (const real of [false, true]) {
      const m = ResonanceMesh.init({ nodes, dim: 6, kappaPerS: 1e9 }, RandomStream.fromSeed(3, "mesh"), neighbours, { blocks: 3 });
      const b = m.buffers;
      const [s, out] = b.states;
      const rs = new NumpyRandomState(real ? 2 : 1);
      // Real states (imaginary parts −0): every overlap's imaginary part is a zero, so each node computes its own (a passed −0 could give a zero of the other sign).
      for (let x = 0; x < s.length; x++) s[x] = real && x % 2 === 1 ? -0 : rs.randn();
      b.failed[40] = 1;
      const kernels = bindMeshCouple(meshCoupleKernel.instantiateOn(m.arena!.memory), b);
      reset(m);
      for (let k = 0; k < 3; k++) {
        coupleMeanField(b, b.bounds[k]!, b.bounds[k + 1]!, s, out, 1e-10);
        measureDeltaE(b, k, b.bounds[k]!, b.bounds[k + 1]!, out, KET_NODES);
      }
      const js = { out: out.slice(), deltaE: b.deltaE.slice(), partials: b.partials.slice() };
      reset(m);
      b.edgeOverlaps.fill(Number.NaN);
      for (let k = 0; k < 3; k++) kernels.coupleMeanField(k, b.bounds[k]!, b.bounds[k + 1]!, s, out, 1e-10);
      expect(firstDifference(out, js.out)).toBe(-1);
      expect(firstDifference(b.deltaE, js.deltaE)).toBe(-1);
      expect(firstDifference(b.partials, js.partials)).toBe(-1);
      // Overlaps were passed on (entries written), with an imaginary part of 0 exactly when the states are real.
      const passed = [];
      for (let e = 0; e < b.edgeMirror.length; e++) if (!Number.isNaN(b.edgeOverlaps[2 * e]!)) passed.push(b.edgeOverlaps[2 * e + 1]!);
      expect(passed.length).toBeGreaterThan(nodes);
      expect(passed.every((im) => im === 0)).toBe(real);
    }
  });

  it("a mesh whose coupling and edge phases run on the kernels steps exactly as the plain mesh (states, metrics, vetoes)", () => {
    const p = { nodes: 600, dim: 12, topology: "clusters" as const, clusterSize: 150, degree: 4, kappaPerS: 1e9, gammaPerS: 3e8, deltaEThreshold: 0.02 };
    const make = () => {
      const m = ResonanceMesh.init(p, RandomStream.fromSeed(5, "mesh"), undefined, { blocks: 4 });
      for (const i of [3, 151, 152, 420]) m.failNode(i);
      return m;
    };
    const plain = make();
    const viaKernels = make();
    viaKernels.setExecutor(new KernelBlocks(viaKernels, bindMeshCouple(meshCoupleKernel.instantiateOn(viaKernels.arena!.memory), viaKernels.buffers)));
    let vetoes = 0;
    for (let t = 0; t < 30; t++) {
      const a = plain.step(1e-10, t % 3 === 0);
      const b = viaKernels.step(1e-10, t % 3 === 0);
      expect(b).toEqual(a);
      vetoes += a.events.length;
    }
    expect(vetoes).toBeGreaterThan(0);
    expect(firstDifference(viaKernels.nodeStates.data, plain.nodeStates.data)).toBe(-1);
  });
});

/** Blocks one after the other, the mean-field coupling and edge phases through the kernels, the others as JavaScript. */
class KernelBlocks implements BlockExecutor {
  constructor(private readonly mesh: ResonanceMesh, private readonly kernels: MeshCoupleKernels) {}

  run(phase: MeshPhase, dtS: number, cur: number, externalClock: boolean): void {
    const m = this.mesh.buffers;
    for (let b = 0; b < this.mesh.blocks; b++) {
      const lo = m.bounds[b]!;
      const hi = m.bounds[b + 1]!;
      if (phase === PHASE_COUPLE) this.kernels.coupleMeanField(b, lo, hi, m.states[cur]!, m.states[1 - cur]!, dtS);
      else if (phase === PHASE_RCF) this.kernels.overlapEdges(b, lo, hi, m.states[cur]!);
      else runBlockPhase(m, phase, b, this.mesh.blockRandom[b]!, dtS, cur, externalClock);
    }
  }

  pull(): void {}

  push(): void {}
}
