/**
 * Worker thread of a sharded mesh (mesh-shard.ts): runs the pure block kernels of
 * model/resonance/mesh-blocks.ts on its blocks (b ≡ thread mod threads) over the shared arrays,
 * one phase per generation, and writes its block streams' states into shared memory when asked
 * (PHASE_WRITE_STREAMS). PHASE_SAMPLE runs its part (part = thread) of the hierarchical coherence
 * sample into the shared scratch.
 */
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { RandomStream } from "../../numeric/random/stream.js";
import { type HierarchicalWork, hierarchicalPart } from "../../model/resonance/coherence-hierarchical.js";
import { type MeshBuffers, type MeshPhase, PHASE_SAMPLE, runBlockPhase } from "../../model/resonance/mesh-blocks.js";
import { bindMeshKernels } from "../../model/resonance/mesh-kernels.js";
import { GenerationBarrier } from "./generation-barrier.js";
import {
  CTRL_CUR, CTRL_ERROR, CTRL_EXTERNAL, CTRL_PHASE, CTRL_READY, CTRL_RNG_GEN, CTRL_SAMPLE_CLUSTER, CTRL_SAMPLE_GEN, MESH_BARRIER,
  type MeshShardWorkerData, PHASE_WRITE_STREAMS, readStreamState, type SampleScratchMessage, SPIN_MAX, writeStreamState,
} from "./mesh-shard-protocol.js";

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
// The main thread binds its phase kernel only when its streams hand over their words; this thread's are RandomStreams.
const kernels = bindMeshKernels(m, w.memory, (b) => rngs.get(b), true);

function loadStreams(): void {
  for (const b of own) rngs.set(b, new RandomStream(0).setState(readStreamState(rngBytes, b)));
}

function runPhase(phase: MeshPhase): void {
  const cur = Atomics.load(ctrl, CTRL_CUR);
  const ext = Atomics.load(ctrl, CTRL_EXTERNAL) !== 0;
  for (const b of own) runBlockPhase(m, phase, b, rngs.get(b)!, dt[0]!, cur, ext, kernels);
}

function writeStreams(): void {
  for (const b of own) writeStreamState(rngBytes, b, rngs.get(b)!.getState());
}

let sampleWork: HierarchicalWork | undefined;
let sampleGen = 0;

/** The sample scratch of generation `gen`: posted before the phase started, so already queued. */
function scratchOf(gen: number): HierarchicalWork {
  while (sampleGen !== gen) {
    const got = parentPort ? receiveMessageOnPort(parentPort) : undefined;
    if (got === undefined) throw new Error(`mesh shard worker: sample scratch ${gen} was not posted before its phase`);
    const msg = got.message as SampleScratchMessage;
    if (msg.kind !== "sampleScratch") continue;
    sampleWork = msg.work;
    sampleGen = msg.gen;
  }
  return sampleWork!;
}

function runSample(): void {
  const work = scratchOf(Atomics.load(ctrl, CTRL_SAMPLE_GEN));
  const states = { nodes: w.params.nodes, dim: w.params.dim, data: m.states[Atomics.load(ctrl, CTRL_CUR)]! };
  hierarchicalPart(states, Atomics.load(ctrl, CTRL_SAMPLE_CLUSTER), w.thread, w.threads, work);
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
    const phase = Atomics.load(ctrl, CTRL_PHASE);
    if (phase === PHASE_SAMPLE) runSample();
    else if (phase === PHASE_WRITE_STREAMS) writeStreams();
    else runPhase(phase as MeshPhase);
  } catch (e) {
    fail(e);
  }
  barrier.arrive();
}
