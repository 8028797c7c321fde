/**
 * The mesh at scale (bench/mesh-1e6.ts, bench/mesh-192.ts): a clustered mesh of N nodes of
 * dimension d (§3.2 topology, mesh.blocks = 16 on 2 threads as in scenarios/planetary-*.yaml):
 * build time, the median coupling step, optionally one hierarchical coherence sample and one
 * checkpoint through the SQLite run store (encode, commit, read back, decode, restore: the state
 * restored must equal the one saved) in the text format stores used to hold and in the binary
 * one written now (`--checkpoint-formats binary` skips the text one), the process's peak RSS,
 * and the numpy vectorised tick at the same N and d (bench/mesh-numpy.ts), measured in the same
 * run; bench/checkpoint.ts has the checkpoint's own anchor (numpy save/load).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh, type MeshSnapshot } from "../src/model/resonance/mesh.js";
import { hierarchicalCoherence } from "../src/model/resonance/coherence-hierarchical.js";
import { ThreadedBlocks } from "../src/sim/executors/mesh-shard.js";
import { decodeStateAny, encodeState, encodeStateBytes } from "../src/sim/state-codec.js";
import { resolveScenario } from "../src/sim/scenario/index.js";
import { openStore } from "../src/store/run-store.js";
import { median } from "./lib.js";
import { numpyMeshTick } from "./mesh-numpy.js";

export interface ScaleOptions {
  readonly nodes: number;
  readonly dim: number;
  readonly steps: number;
  readonly blocks?: number;
  readonly threads?: number;
  readonly coherence?: boolean;
  readonly checkpoint?: boolean;
  readonly anchorTicks?: number;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export async function meshAtScale(o: ScaleOptions): Promise<void> {
  const { nodes, dim, steps } = o;
  const blocks = o.blocks ?? 16;
  const threads = o.threads ?? 2;
  const dt = 1e-10;
  const t0 = performance.now();
  const mesh = ResonanceMesh.init({ nodes, dim, topology: "clusters", clusterSize: 150, degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 }, RandomStream.fromSeed(42, "mesh"), undefined, { blocks, shared: threads > 1 });
  const ex = threads > 1 ? ThreadedBlocks.attach(mesh, threads) : undefined;
  const buildS = (performance.now() - t0) / 1e3;
  const ts: number[] = [];
  try {
    mesh.step(dt);
    for (let i = 0; i < steps; i++) {
      const s0 = performance.now();
      mesh.step(dt);
      ts.push(performance.now() - s0);
    }
    console.log(`Mesh at scale: N = ${nodes}, d = ${dim}, clusters of 150 (degree ≤ ${mesh.params.degree}), mesh.blocks = ${blocks} on ${threads} thread(s); state ${mib(16 * nodes * dim)} per buffer`);
    console.log(`  build ${buildS.toFixed(1)} s; coupling step (median of ${steps}): ${median(ts).toFixed(0)} ms`);
    if (o.coherence) {
      const c0 = performance.now();
      const c = hierarchicalCoherence(mesh.nodeStates, 150);
      console.log(`  hierarchical coherence sample: ${((performance.now() - c0) / 1e3).toFixed(1)} s (globalRcf ${c.globalRcf.toFixed(6)})`);
    }
    if (o.checkpoint) {
      const at = process.argv.indexOf("--checkpoint-formats");
      const formats = at > 0 ? process.argv[at + 1]!.split(",") : ["text", "binary"];
      for (const f of formats) checkpointRoundTrip(mesh, nodes, dim, f === "text");
    }
  } finally {
    await ex?.close();
  }
  console.log(`  peak RSS of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
  const a = numpyMeshTick(nodes, dim, o.anchorTicks ?? 3, dt);
  if (a) console.log(`  numpy ${a.numpy} vectorised tick (ring of 4, one thread): ${a.tickMs.toFixed(0)} ms   ratio pqms step/numpy tick = ${(median(ts) / a.tickMs).toFixed(2)}`);
}

/** One checkpoint through a SQLite run store on disk and back into the mesh, as text (before) or binary. */
function checkpointRoundTrip(mesh: ResonanceMesh, nodes: number, dim: number, text: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), "pqms-bench-"));
  try {
    const store = openStore(join(dir, "runs.db"));
    try {
      const sc = resolveScenario({ name: "scale", run: { durationS: 1e-9 }, mesh: { nodes: Math.min(nodes, 1000), clusterSize: 150 } });
      const runId = store.createRun({ scenario: sc, codeVersion: "bench", durationNs: 1 });
      const c0 = process.cpuUsage();
      const k0 = performance.now();
      const snap = mesh.snapshot();
      const encoded = text ? encodeState({ mesh: snap }) : encodeStateBytes({ mesh: snap });
      const k1 = performance.now();
      const c1 = process.cpuUsage();
      store.commitProgress(runId, { samples: [], events: [], checkpoint: encoded, simTNs: 1, wallS: 0 });
      const k2 = performance.now();
      const c2 = process.cpuUsage();
      const back = store.latestCheckpoint(runId)!;
      const decoded = decodeStateAny<{ mesh: MeshSnapshot }>(back.state);
      mesh.restore(decoded.mesh);
      const k3 = performance.now();
      const c3 = process.cpuUsage();
      const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => ((b.user + b.system - a.user - a.system) / 1e6).toFixed(1);
      const same = Buffer.compare(Buffer.from(snap.states.buffer), Buffer.from(mesh.nodeStates.data.buffer, mesh.nodeStates.data.byteOffset, mesh.nodeStates.data.byteLength)) === 0;
      console.log(`  checkpoint (${text ? "text, before" : "binary"}): ${mib(encoded.length)} (${mib(statSync(join(dir, "runs.db")).size)} on disk), snapshot+encode ${((k1 - k0) / 1e3).toFixed(1)} s (CPU ${cpu(c0, c1)} s), SQLite commit ${((k2 - k1) / 1e3).toFixed(1)} s (CPU ${cpu(c1, c2)} s), read+decode+restore ${((k3 - k2) / 1e3).toFixed(1)} s (CPU ${cpu(c2, c3)} s); restored states ${same ? "identical" : "DIFFER"} (N·d = ${nodes * dim})`);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
