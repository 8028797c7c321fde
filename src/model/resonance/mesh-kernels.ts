/**
 * The mesh tick's WebAssembly kernels bound to one thread: one instance of each kernel module on
 * the mesh's arena memory (mesh-arena.ts), called with the byte offsets of the mesh's arrays.
 * Each thread that runs blocks (the main thread, each shard worker) binds its own set; the
 * numbers are the JavaScript kernels' bit for bit (mesh-phases-simd.ts, mesh-couple-simd.ts).
 *
 * The phase step draws its normals in WebAssembly from a copy of the block stream's generator
 * words in the arena (`MeshBuffers.streamWords`): copied in before the call and back after, and
 * the rare draw the kernel leaves to JavaScript (the ziggurat's base-layer tail) runs `normal()` on the
 * stream itself between two such copies. So the stream objects stay where they are and a stream
 * shared with other code (a caller's single-block stream) sees every draw.
 */
import type { WasmMemory } from "../../numeric/wasm/kernel.js";
import { type BlockKernels, type MeshBuffers, STREAM_SLOT } from "./mesh-blocks.js";
import { bindMeshCouple, meshCoupleKernel } from "./mesh-couple-simd.js";
import { meshPhasesKernel } from "./mesh-phases-simd.js";

/** A block stream whose generator words can be copied out and back (a `RandomStream`). */
interface WordStream {
  normal(): number;
  stateWords(out: Int32Array, at?: number): void;
  setStateWords(src: Int32Array, at?: number): void;
}

/** True when every stream can copy its generator words out and back (so the phase kernel may draw). */
export function streamsHandWords(streams: readonly unknown[]): boolean {
  return streams.every((r) => {
    const w = r as Partial<WordStream>;
    return typeof w.stateWords === "function" && typeof w.setStateWords === "function";
  });
}

/**
 * The kernels for `m` on this thread, or undefined where they cannot run: the arrays are not in
 * an arena (`memory` undefined), or WebAssembly SIMD is missing. The phase step is bound only when
 * the block streams can hand over their words (`RandomStream`s, see `streamsHandWords`; a caller's
 * own `MeshRandom` keeps the JavaScript phase step). `stream(b)` is block b's stream as this thread
 * holds it, read at each call (an executor may replace its stream objects after a restore).
 */
export function bindMeshKernels(m: MeshBuffers, memory: WasmMemory | undefined, stream: (b: number) => unknown, handWords: boolean): BlockKernels | undefined {
  if (memory === undefined || m.params.coupling === "density" || !meshCoupleKernel.available()) return undefined;
  return {
    phases: handWords ? bindPhases(m, memory, stream) : undefined,
    ...bindMeshCouple(meshCoupleKernel.instantiateOn(memory), m),
  };
}

function bindPhases(m: MeshBuffers, memory: WasmMemory, stream: (b: number) => unknown): BlockKernels["phases"] {
  const blocks = m.bounds.length - 1;
  if (!meshPhasesKernel.available() || m.streamWords.length < STREAM_SLOT * blocks) return undefined;
  const words = m.streamWords;
  const slowNormal = (b: number): number => {
    const r = stream(b) as WordStream;
    r.setStateWords(words, STREAM_SLOT * b);
    const x = r.normal();
    r.stateWords(words, STREAM_SLOT * b);
    return x;
  };
  const k = meshPhasesKernel.instantiateOn(memory, { normal: slowNormal, sin: Math.sin, cos: Math.cos });
  const { dim, gammaPerS } = m.params;
  return (b, lo, hi, s, dtS, advanceClocks) => {
    const r = stream(b) as WordStream;
    r.stateWords(words, STREAM_SLOT * b);
    k.phases(lo, hi, dim, dtS, Math.sqrt(gammaPerS * dtS), b, s.byteOffset, m.detuningRadS.byteOffset, m.clockErrorS.byteOffset,
      m.appliedClockErrorS.byteOffset, m.omegaRadS.byteOffset, m.failed.byteOffset, words.byteOffset + 4 * STREAM_SLOT * b, m.zigX.byteOffset, m.zigRatio.byteOffset,
      m.clockRate.byteOffset, advanceClocks ? 1 : 0);
    r.setStateWords(words, STREAM_SLOT * b);
  };
}
