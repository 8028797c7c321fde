/**
 * Worker thread of a sharded mesh (mesh-shard.ts): runs the pure block kernels of
 * model/resonance/mesh-blocks.ts on its blocks (b ≡ thread mod threads) over the shared arrays,
 * one phase per generation, and leaves its block streams' states in shared memory.
 */
import { parentPort, workerData } from "node:worker_threads";
import { RandomStream } from "../../numeric/random/stream.js";
import { type MeshBuffers, type MeshPhase, PHASE_COUPLE, PHASE_PHASES, runBlockPhase } from "../../model/resonance/mesh-blocks.js";
import { GenerationBarrier } from "./generation-barrier.js";
import { CTRL_CUR, CTRL_ERROR, CTRL_EXTERNAL, CTRL_PHASE, CTRL_READY, CTRL_RNG_GEN, MESH_BARRIER, type MeshShardWorkerData, readStreamState, SPIN_MAX, writeStreamState } from "./mesh-shard-protocol.js";

const w = workerData as MeshShardWorkerData;
const m: MeshBuffers = { params: w.params, neighbours: { nodes: w.params.nodes, rowPtr: w.rowPtr, colIdx: w.colIdx }, bounds: w.bounds, ...w.arrays };
const ctrl = new Int32Array(w.control);
const dt = new Float64Array(w.dtS);
const rngBytes = new Uint8Array(w.rng);
const blocks = w.bounds.length - 1;
const own: number[] = [];
for (let b = w.thread; b < blocks; b += w.threads) own.push(b);
const rngs = new Map<number, RandomStream>();
let rngGen = -1;

function loadStreams(): void {
  for (const b of own) rngs.set(b, new RandomStream(0).setState(readStreamState(rngBytes, b)));
}

function runPhase(phase: MeshPhase): void {
  const cur = Atomics.load(ctrl, CTRL_CUR);
  const ext = Atomics.load(ctrl, CTRL_EXTERNAL) !== 0;
  for (const b of own) {
    const r = rngs.get(b)!;
    runBlockPhase(m, phase, b, r, dt[0]!, cur, ext);
    if (phase === PHASE_PHASES || phase === PHASE_COUPLE) writeStreamState(rngBytes, b, r.getState());
  }
}

function fail(e: unknown): void {
  const text = new TextEncoder().encode(e instanceof Error ? (e.stack ?? e.message) : String(e)).subarray(0, 1023);
  new Uint8Array(w.error).set(text);
  Atomics.store(ctrl, CTRL_ERROR, 1);
}

Atomics.add(ctrl, CTRL_READY, 1);
Atomics.notify(ctrl, CTRL_READY);
parentPort?.postMessage("ready");
const barrier = new GenerationBarrier(ctrl, MESH_BARRIER, w.threads - 1, SPIN_MAX);
for (let gen: number | null = 0; (gen = barrier.nextRound(gen)) !== null;) {
  try {
    const g = Atomics.load(ctrl, CTRL_RNG_GEN);
    if (g !== rngGen) {
      loadStreams();
      rngGen = g;
    }
    runPhase(Atomics.load(ctrl, CTRL_PHASE) as MeshPhase);
  } catch (e) {
    fail(e);
  }
  barrier.arrive();
}
