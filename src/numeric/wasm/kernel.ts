/**
 * Compiling and instantiating a hand-written SIMD kernel module (module-bytes.ts), with its
 * imported memory: compiled once on first use, and either instantiated afresh or kept as one
 * module-level scratch instance that is replaced by a larger one when a call does not fit.
 */
import { assert } from "../../errors.js";

/** The part of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** A WebAssembly memory (its buffer is a SharedArrayBuffer when it was made shared). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Bytes of one page of WebAssembly memory. */
const PAGE = 65_536;
/** Most bytes we put in one module's memory (its 32-bit addresses, with room to spare). */
export const MEMORY_BYTES_MAX = 2 ** 31;
/** Pages a shared kernel memory may have at most (what modules importing one declare): `MEMORY_BYTES_MAX`. */
export const SHARED_MAX_PAGES = MEMORY_BYTES_MAX / PAGE;

/**
 * A shared WebAssembly memory of at least `bytes` (zeroed, fixed size), for modules built with
 * `sharedMaxPages: SHARED_MAX_PAGES`; undefined where WebAssembly is missing or `bytes` exceeds
 * `MEMORY_BYTES_MAX`. Its buffer is a SharedArrayBuffer: worker threads may instantiate the same
 * modules on it.
 */
export function sharedMemory(bytes: number): WasmMemory | undefined {
  if (wasm === undefined || bytes > MEMORY_BYTES_MAX) return undefined;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

/** An instance of a kernel module: its exported functions, its memory as doubles, and the memory's size in bytes. */
export interface KernelInstance<F> {
  readonly fns: F;
  readonly f64: Float64Array;
  readonly bytes: number;
}

/** One kernel module: `build` writes its bytes, `bind` picks its exports. */
export class WasmKernel<F> {
  private compiled: object | null | undefined;
  private shared: KernelInstance<F> | undefined;

  constructor(
    private readonly build: () => Uint8Array,
    private readonly bind: (exports: Record<string, unknown>) => F,
  ) {}

  /** True where WebAssembly SIMD is available and the module validates (compiled on first call). */
  available(): boolean {
    if (this.compiled === undefined) {
      const code = this.build();
      this.compiled = wasm !== undefined && wasm.validate(code) ? new wasm.Module(code) : null;
    }
    return this.compiled !== null && wasm !== undefined;
  }

  /** A new instance with at least `bytes` of memory; only where `available()`. */
  instantiate(bytes: number): KernelInstance<F> {
    assert(this.available() && wasm !== undefined && this.compiled, "WebAssembly kernel module available");
    const memory = new wasm.Memory({ initial: Math.ceil(bytes / PAGE) });
    const instance = new wasm.Instance(this.compiled, { env: { mem: memory } });
    return { fns: this.bind(instance.exports), f64: new Float64Array(memory.buffer), bytes: memory.buffer.byteLength };
  }

  /**
   * An instance on a memory made elsewhere (`sharedMemory`, for a module importing a shared one),
   * with `functions` as its imported env functions; only where `available()`.
   */
  instantiateOn(memory: WasmMemory, functions: Record<string, (...args: number[]) => number | void> = {}): F {
    assert(this.available() && wasm !== undefined && this.compiled, "WebAssembly kernel module available");
    return this.bind(new wasm.Instance(this.compiled, { env: { ...functions, mem: memory } }).exports);
  }

  /**
   * The module-level scratch instance with at least `bytes` of memory (its contents are not kept
   * when it grows); undefined where WebAssembly SIMD is missing or `bytes` exceeds `MEMORY_BYTES_MAX`.
   */
  scratch(bytes: number): KernelInstance<F> | undefined {
    if (!this.available() || bytes > MEMORY_BYTES_MAX) return undefined;
    if (this.shared === undefined || this.shared.bytes < bytes) this.shared = this.instantiate(bytes);
    return this.shared;
  }
}
