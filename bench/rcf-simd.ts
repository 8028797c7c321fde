/**
 * The coherence kernels with and without WebAssembly SIMD, in the same process on the same states
 * (the scalar kernels are the anchor; the results must be identical bit for bit):
 *  - the exact method's nearest-list pass (N²/2 pairs; numpy random_ket states, seed 1), 1 thread;
 *  - the hierarchical backbone of the planetary mesh's states (K·N overlaps, clusters of 150),
 *    drawn as `ResonanceMesh.init` draws them (N = 10^5, d = 12, seed 42, one coupling step).
 * CPU time (process.cpuUsage) beside wall time: on a shared machine the CPU figure is the steadier.
 *
 * Run: npx tsx bench/rcf-simd.ts [--nodes 20000] [--mesh-nodes 100000] [--reps 2]
 */
import { nearestLists } from "../src/model/resonance/coherence-bounds.js";
import { backboneWeights, clusterCount, hierarchicalWork } from "../src/model/resonance/coherence-hierarchical.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { allocStates } from "../src/model/resonance/node-states.js";
import { numpyRandomKets } from "../src/model/resonance/random-states.js";
import { NumpyRandomState } from "../src/numeric/random/mt19937.js";
import { RandomStream } from "../src/numeric/random/stream.js";
import { numberArg as arg, median } from "./lib.js";

const N = arg("--nodes", 20_000);
const MESH_N = arg("--mesh-nodes", 100_000);
const REPS = arg("--reps", 2);

function timed<T>(f: () => T): { value: T; cpuS: number; wallS: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, cpuS: (c.user + c.system) / 1e6, wallS: (performance.now() - w0) / 1e3 };
}

function compare(what: string, pairs: number, simd: () => Float64Array, scalar: () => Float64Array): void {
  const a: number[] = [];
  const b: number[] = [];
  const aw: number[] = [];
  const bw: number[] = [];
  let same = true;
  for (let r = 0; r < REPS; r++) {
    const x = timed(simd);
    const y = timed(scalar);
    a.push(x.cpuS);
    aw.push(x.wallS);
    b.push(y.cpuS);
    bw.push(y.wallS);
    same &&= x.value.length === y.value.length && x.value.every((v, i) => Object.is(v, y.value[i]));
  }
  console.log(`  ${what}`);
  console.log(`    SIMD:   ${median(a).toFixed(2)} s CPU (${median(aw).toFixed(2)} s wall), ${(pairs / median(a) / 1e6).toFixed(1)}·10⁶ pairs per CPU-second`);
  console.log(`    scalar: ${median(b).toFixed(2)} s CPU (${median(bw).toFixed(2)} s wall), ${(pairs / median(b) / 1e6).toFixed(1)}·10⁶ pairs per CPU-second   ratio SIMD/scalar = ${(median(a) / median(b)).toFixed(2)}; identical: ${same}`);
}

console.log(`Coherence kernels, WebAssembly SIMD vs scalar, median of ${REPS}`);
const s = numpyRandomKets(allocStates(N, 12), new NumpyRandomState(1));
compare(`nearest-list pass, N = ${N}, d = 12, k = 8 (${(N * (N - 1) / 2).toExponential(2)} pairs)`, (N * (N - 1)) / 2,
  () => nearestLists(s, 8, 0, 1, undefined, true).weight, () => nearestLists(s, 8, 0, 1, undefined, false).weight);
const mesh = ResonanceMesh.init({ nodes: MESH_N, dim: 12, topology: "clusters", clusterSize: 150, degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 }, RandomStream.fromSeed(42, "mesh"), undefined, { blocks: 16 });
mesh.step(1e-10);
const k = clusterCount(MESH_N, 150);
const backbone = (simd: boolean) => () => {
  const w = hierarchicalWork(MESH_N, 150);
  backboneWeights(mesh.nodeStates, 150, 0, k, w, simd);
  return w.weight;
};
compare(`hierarchical backbone of the planetary mesh, N = ${MESH_N}, d = 12, K = ${k} clusters (${(k * MESH_N).toExponential(2)} overlaps)`, k * MESH_N, backbone(true), backbone(false));
