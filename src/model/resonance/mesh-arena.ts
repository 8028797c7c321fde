/**
 * Where the resonance mesh's arrays live. Three places, one interface: plain typed arrays (one
 * thread), one SharedArrayBuffer per array (worker threads), or all of them carved out of one
 * shared WebAssembly memory (an arena), so the mesh's WebAssembly kernels and the worker threads
 * read and write the very same bytes. A kernel addresses an array by its view's `byteOffset`.
 *
 * An arena is sized before anything is carved (`ArenaSizer`), every array starts on a 16-byte
 * boundary (whole v128 loads of a node's state), and its contents start zeroed, like a new typed
 * array. Which place holds the arrays never changes a number.
 */
import { assert } from "../../errors.js";
import { MEMORY_BYTES_MAX, sharedMemory, type WasmMemory } from "../../numeric/wasm/kernel.js";

/** Allocates the mesh's typed arrays (zeroed). */
export interface ArrayAlloc {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  u8(n: number): Uint8Array;
  /** True when the arrays are on shared memory (visible to worker threads). */
  readonly shared: boolean;
}

/** Plain typed arrays, or each on its own SharedArrayBuffer. */
export class TypedArrays implements ArrayAlloc {
  constructor(readonly shared: boolean) {}
  private buffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
    return this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }
  f64(n: number): Float64Array {
    return new Float64Array(this.buffer(8 * n));
  }
  i32(n: number): Int32Array {
    return new Int32Array(this.buffer(4 * n));
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(this.buffer(n));
  }
}

/** Bytes an array of `count` elements of `size` bytes takes in an arena, padding included. */
function padded(count: number, size: number): number {
  return Math.ceil((count * size) / 16) * 16;
}

/**
 * Counts the bytes an arena needs: run the code that allocates with this first (it hands out empty
 * arrays), then again with an `Arena` of `bytes`.
 */
export class ArenaSizer implements ArrayAlloc {
  readonly shared = true;
  private total = 0;
  f64(n: number): Float64Array {
    this.total += padded(n, 8);
    return new Float64Array(0);
  }
  i32(n: number): Int32Array {
    this.total += padded(n, 4);
    return new Int32Array(0);
  }
  u8(n: number): Uint8Array {
    this.total += padded(n, 1);
    return new Uint8Array(0);
  }
  get bytes(): number {
    return this.total;
  }
}

/** Arrays carved one after another from one shared WebAssembly memory. */
export class Arena implements ArrayAlloc {
  readonly shared = true;
  private next = 0;

  private constructor(readonly memory: WasmMemory, private readonly size: number) {}

  /** An arena of `bytes` (from an `ArenaSizer`), or undefined where WebAssembly is missing or it would exceed `MEMORY_BYTES_MAX`. */
  static create(bytes: number): Arena | undefined {
    if (bytes > MEMORY_BYTES_MAX) return undefined;
    const memory = sharedMemory(bytes);
    return memory === undefined ? undefined : new Arena(memory, bytes);
  }

  private take(count: number, size: number): number {
    const at = this.next;
    this.next += padded(count, size);
    assert(this.next <= this.size, `arena of ${this.size} bytes holds what was sized for it`);
    return at;
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(n, 8), n);
  }
  i32(n: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.take(n, 4), n);
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, this.take(n, 1), n);
  }
}
