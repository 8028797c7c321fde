/**
 * One physical-mode tick of the resonance mesh (phases + dephasing kicks, mean-field coupling to
 * ring neighbours, renormalisation, ΔE and veto, neighbour RCF) at N = 10^5, d = 12, beside the
 * same tick vectorised in numpy, measured here in the same run. Also the memory the mesh holds.
 *
 * Run: npx tsx bench/mesh-tick.ts [--nodes 100000] [--ticks 20]
 */
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { numberArg as arg, median } from "./lib.js";
import { numpyMeshTick } from "./mesh-numpy.js";

const N = arg("--nodes", 100_000);
const TICKS = arg("--ticks", 20);
const D = 12;
const DT = 1e-10;

function ours(): { tickMs: number; bytes: number; rssMb: number } {
  const before = process.memoryUsage();
  const mesh = ResonanceMesh.init({ nodes: N, dim: D, topology: "ring", degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 }, RandomStream.fromSeed(1, "mesh"));
  const after = process.memoryUsage();
  for (let i = 0; i < 3; i++) mesh.step(DT);
  const ts: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t0 = performance.now();
    mesh.step(DT);
    ts.push(performance.now() - t0);
  }
  return { tickMs: median(ts), bytes: after.arrayBuffers - before.arrayBuffers, rssMb: process.memoryUsage().rss / 2 ** 20 };
}

const a = numpyMeshTick(N, D, TICKS, DT);
const o = ours();
console.log(`Physical-mode tick, N = ${N}, d = ${D}, ring of degree 4, median of ${TICKS} ticks`);
console.log(`  pqms:  ${o.tickMs.toFixed(1)} ms per tick; mesh arrays ${(o.bytes / 2 ** 20).toFixed(1)} MiB, process RSS ${o.rssMb.toFixed(0)} MiB (budget 1 GiB)`);
if (a) console.log(`  numpy ${a.numpy} vectorised tick: ${a.tickMs.toFixed(1)} ms   ratio pqms/numpy = ${(o.tickMs / a.tickMs).toFixed(2)}`);
