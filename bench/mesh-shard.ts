/**
 * One physical-mode tick of a sharded mesh (docs/CLUSTER.md): N = 10^5, d = 12, ring of
 * degree 4, mesh.blocks = 8, on 1 and 2 threads (and more with --threads), the speed-up, and the
 * numpy vectorised tick of bench/mesh-tick.ts beside it, measured in the same run. Every thread
 * count gives the same numbers (checked here too: the final snapshots must agree).
 *
 * Run: npx tsx bench/mesh-shard.ts [--nodes 100000] [--ticks 10] [--blocks 8] [--threads 2]
 */
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { ThreadedBlocks } from "../src/sim/executors/mesh-shard.js";
import { encodeState } from "../src/sim/state-codec.js";
import { numberArg as arg, median } from "./lib.js";
import { numpyMeshTick } from "./mesh-numpy.js";

const N = arg("--nodes", 100_000);
const TICKS = arg("--ticks", 10);
const BLOCKS = arg("--blocks", 8);
const THREADS_MAX = arg("--threads", 2);
const D = 12;
const DT = 1e-10;

async function ours(threads: number): Promise<{ tickMs: number; snapshot: string }> {
  const mesh = ResonanceMesh.init({ nodes: N, dim: D, topology: "ring", degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 }, RandomStream.fromSeed(1, "mesh"), undefined, { blocks: BLOCKS, shared: threads > 1 });
  const ex = threads > 1 ? ThreadedBlocks.attach(mesh, threads) : undefined;
  for (let i = 0; i < 3; i++) mesh.step(DT);
  const ts: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t0 = performance.now();
    mesh.step(DT);
    ts.push(performance.now() - t0);
  }
  await ex?.close();
  return { tickMs: median(ts), snapshot: encodeState(mesh.snapshot()) };
}

const a = numpyMeshTick(N, D, TICKS, DT);
const results: Array<{ threads: number; tickMs: number; snapshot: string }> = [];
for (let t = 1; t <= THREADS_MAX; t *= 2) results.push({ threads: t, ...(await ours(t)) });
const t1 = results[0]!;
console.log(`Sharded mesh tick, N = ${N}, d = ${D}, ring of degree 4, mesh.blocks = ${BLOCKS}, median of ${TICKS} ticks`);
for (const r of results) {
  const same = r.snapshot === t1.snapshot ? "state identical to 1 thread" : "STATE DIFFERS FROM 1 THREAD";
  console.log(`  pqms, ${r.threads} thread(s): ${r.tickMs.toFixed(1)} ms per tick   speed-up ${(t1.tickMs / r.tickMs).toFixed(2)}×   ${same}`);
}
if (a) console.log(`  numpy ${a.numpy} vectorised tick (one thread): ${a.tickMs.toFixed(1)} ms   ratio pqms(${results.at(-1)!.threads} threads)/numpy = ${(results.at(-1)!.tickMs / a.tickMs).toFixed(2)}`);
