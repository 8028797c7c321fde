/**
 * numpy's legacy random stream, bit for bit: `np.random.seed`, `np.random.random_sample` and
 * `np.random.randn` (numpy ≥ 1.17 `RandomState`, MT19937 + the legacy polar Gaussian).
 *
 * Paper mode uses it to replay the paper's Python appendices number for number. For new
 * simulations use `RandomStream` (faster, splittable); this class exists for replication.
 *
 * - seeding: `RandomState.seed(n)` for an integer 0 ≤ n < 2^32 is Matsumoto–Nishimura
 *   `init_genrand(n)` (numpy's `mt19937_seed`); `seed(array)` is `init_by_array`.
 * - `random_sample`: 53-bit double `((a >> 5) * 2^26 + (b >> 6)) / 2^53` from two outputs.
 * - `randn`: Marsaglia's polar method with the second value cached (`has_gauss`), exactly
 *   numpy's `legacy_gauss`; its `log` is glibc's (see `glibc-log.ts`), as numpy calls libm.
 *   `random_sample` does not touch the cached Gaussian, as in numpy.
 */
import { InputError, requireInt } from "../../errors.js";
import { glibcLog } from "./glibc-log.js";

/** Words per MT19937 block (the state size). */
export const MT_WORDS = 624;
const N = MT_WORDS;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const TWO_M53 = 2 ** -53;
const TWO_M52 = 2 ** -52;

/** A numpy `RandomState` snapshot: the fields of `np.random.get_state()` after the name. */
export interface NumpyState {
  /** 624 words of MT19937 state, each an unsigned 32-bit integer. */
  key: number[];
  /** Position in `key` (0…624). */
  pos: number;
  /** 1 when a Gaussian is cached (the second value of the last polar pair), else 0. */
  hasGauss: number;
  /** The cached Gaussian (0 when none). */
  gauss: number;
}

/**
 * Where a `NumpyRandomState` gets its 624-word blocks. `advance()` moves to the next block: the
 * twist of the current `key`; afterwards `key` holds the twisted state and `out` its tempered
 * words (views that may change on every `advance`). The in-thread source twists here; a ring-backed
 * source (`sim/executors/mt19937-ring.ts`) reads blocks another thread twisted ahead, bit for bit the same.
 */
export interface MtBlockSource {
  advance(): void;
  readonly key: Uint32Array;
  readonly out: Int32Array;
}

/** The default source: MT19937's twist and tempering in this thread. */
export class LocalMtBlocks implements MtBlockSource {
  readonly key = new Uint32Array(N);
  readonly out = new Int32Array(N);
  advance(): void {
    generate(this.key, this.out);
  }
}

/** numpy's `np.random.RandomState(seed)` restricted to the legacy uniform and Gaussian draws. */
export class NumpyRandomState {
  private src: MtBlockSource = new LocalMtBlocks();
  /** The MT19937 state words of the current block (`src.key`). */
  private key = this.src.key;
  /** The tempered outputs of `key` (MT19937's output words), refreshed on every block (`src.out`). */
  private out = this.src.out;
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /** Same as `np.random.seed(seed)`: an integer in [0, 2^32 − 1]. */
  constructor(seed: number) {
    this.seed(seed);
  }

  /** `np.random.seed(seed)` for an integer seed (`init_genrand`); resets the cached Gaussian. */
  seed(seed: number): this {
    requireInt(seed, "seed", 0, 0xffffffff, "numpy accepts seeds between 0 and 2**32 - 1");
    this.detach();
    initGenrand(this.key, seed >>> 0);
    this.pos = N;
    this.hasGauss = false;
    this.gauss = 0;
    return this;
  }

  /** `np.random.seed(array)` (`init_by_array`), each element an integer in [0, 2^32 − 1]. */
  static fromArray(keys: ArrayLike<number>): NumpyRandomState {
    if (keys.length === 0) throw InputError.of("keys", "a non-empty array of integers in [0, 2**32 - 1]", "~an empty array");
    const s = new NumpyRandomState(0);
    const init = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) init[i] = requireInt(keys[i], `keys[${i}]`, 0, 0xffffffff);
    initByArray(s.src.key, init);
    s.pos = N;
    return s;
  }

  /**
   * Take the following blocks from `src`, whose first block must be the twist of this state's
   * current `key` (checked against `startKey`, the key `src` started from). Draws are unchanged;
   * `seed` and `setState` return to the in-thread twist.
   */
  useBlockSource(src: MtBlockSource, startKey: Uint32Array): this {
    if (startKey.length !== N || startKey.some((k, i) => k !== this.key[i])) {
      throw InputError.of("useBlockSource(startKey)", "the block source to start from this state's current key", "~a different key");
    }
    this.src = src;
    return this;
  }

  /** Whether the blocks come from another source than the in-thread twist. */
  get usesBlockSource(): boolean {
    return !(this.src instanceof LocalMtBlocks);
  }

  /** Back to the in-thread twist, keeping the current block (key and tempered words). */
  private detach(): void {
    if (this.src instanceof LocalMtBlocks) return;
    const local = new LocalMtBlocks();
    local.key.set(this.key);
    local.out.set(this.out);
    this.src = local;
    this.key = local.key;
    this.out = local.out;
  }

  /** Next raw 32-bit output (numpy `mt19937_next32`), as an unsigned integer. */
  nextUint32(): number {
    if (this.pos === N) {
      this.src.advance();
      this.key = this.src.key;
      this.out = this.src.out;
      this.pos = 0;
    }
    return this.out[this.pos++]! >>> 0;
  }

  /** `np.random.random_sample()`: a double in [0, 1) with 53 random bits. */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `np.random.random_sample(out.length)` written into `out`; returns `out`. */
  randomSampleInto(out: Float64Array): Float64Array {
    const n = out.length;
    let i = 0;
    while (i < n) {
      const w = this.out;
      // Whole pairs left in the tempered block, then one draw through the twist.
      const m = Math.min(n, i + ((N - this.pos) >> 1));
      let pos = this.pos;
      for (; i < m; i++, pos += 2) out[i] = ((w[pos]! >>> 5) * 67108864 + (w[pos + 1]! >>> 6)) * TWO_M53;
      this.pos = pos;
      if (i < n) out[i++] = this.randomSample();
    }
    return out;
  }

  /** `np.random.randn()` / `standard_normal` of the legacy RandomState. */
  randn(): number {
    if (this.hasGauss) {
      const g = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * this.randomSample() - 1.0;
      x2 = 2.0 * this.randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * `np.random.randn(out.length)` written into `out` in order; returns `out`. The polar method's
   * four words per attempt are read straight from the tempered block while it has four left;
   * 2u − 1 = (a·2^26 + b)·2^−52 − 1 is the same rounding as numpy's (the scalings are exact).
   */
  randnInto(out: Float64Array): Float64Array {
    const n = out.length;
    let i = 0;
    if (n > 0 && this.hasGauss) out[i++] = this.randn();
    let w = this.out;
    let pos = this.pos;
    while (i + 1 < n) {
      let x1: number, x2: number;
      if (pos <= N - 4) {
        x1 = ((w[pos]! >>> 5) * 67108864 + (w[pos + 1]! >>> 6)) * TWO_M52 - 1.0;
        x2 = ((w[pos + 2]! >>> 5) * 67108864 + (w[pos + 3]! >>> 6)) * TWO_M52 - 1.0;
        pos += 4;
      } else {
        this.pos = pos; // the block runs out within this attempt: word by word through the twist
        x1 = 2.0 * this.randomSample() - 1.0;
        x2 = 2.0 * this.randomSample() - 1.0;
        pos = this.pos;
        w = this.out;
      }
      const r2 = x1 * x1 + x2 * x2;
      if (r2 >= 1.0 || r2 === 0.0) continue;
      const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
      out[i] = f * x2;
      out[i + 1] = f * x1;
      i += 2;
    }
    this.pos = pos;
    if (i < n) out[i] = this.randn();
    return out;
  }

  /** The state as `np.random.get_state()` holds it (copied; JSON-serialisable). */
  getState(): NumpyState {
    return { key: Array.from(this.key), pos: this.pos, hasGauss: this.hasGauss ? 1 : 0, gauss: this.gauss };
  }

  /** Restore a state from `getState()` (or from numpy's `get_state()` fields). */
  setState(state: NumpyState): this {
    if (typeof state !== "object" || state === null) throw InputError.of("state", "an object {key, pos, hasGauss, gauss}", state);
    const { key, pos, hasGauss, gauss } = state;
    if (!Array.isArray(key) || key.length !== N) throw InputError.of("state.key", `an array of ${N} unsigned 32-bit integers`, key);
    for (let i = 0; i < N; i++) requireInt(key[i], `state.key[${i}]`, 0, 0xffffffff);
    requireInt(pos, "state.pos", 0, N);
    requireInt(hasGauss, "state.hasGauss", 0, 1);
    if (typeof gauss !== "number" || !Number.isFinite(gauss)) throw InputError.of("state.gauss", "a finite number", gauss);
    this.detach();
    this.key.set(key);
    temper(this.key, this.out);
    this.pos = pos;
    this.hasGauss = hasGauss === 1;
    this.gauss = this.hasGauss ? gauss : 0;
    return this;
  }
}

function initGenrand(key: Uint32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < N; i++) {
    key[i] = s;
    s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
  }
}

function initByArray(key: Uint32Array, init: Uint32Array): void {
  initGenrand(key, 19650218);
  let i = 1;
  let j = 0;
  const len = init.length;
  for (let k = Math.max(N, len); k > 0; k--) {
    const prev = key[i - 1]! ^ (key[i - 1]! >>> 30);
    key[i] = ((key[i]! ^ Math.imul(prev, 1664525)) + init[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) { key[0] = key[N - 1]!; i = 1; }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = key[i - 1]! ^ (key[i - 1]! >>> 30);
    key[i] = ((key[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) { key[0] = key[N - 1]!; i = 1; }
  }
  key[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
}

/** Regenerate the 624 words (the MT19937 "twist") and their tempered outputs, in one pass. */
export function generate(key: Uint32Array, out: Int32Array): void {
  let i = 0;
  let y: number;
  for (; i < N - M; i++) {
    y = (key[i]! & UPPER) | (key[i + 1]! & LOWER);
    y = key[i + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    key[i] = y;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    out[i] = y ^ (y >>> 18);
  }
  for (; i < N - 1; i++) {
    y = (key[i]! & UPPER) | (key[i + 1]! & LOWER);
    y = key[i + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    key[i] = y;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    out[i] = y ^ (y >>> 18);
  }
  y = (key[N - 1]! & UPPER) | (key[0]! & LOWER);
  y = key[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  key[N - 1] = y;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  out[N - 1] = y ^ (y >>> 18);
}

/** out[i] = MT19937's tempering of key[i] (as a signed 32-bit pattern; read it with `>>>`). */
function temper(key: Uint32Array, out: Int32Array): void {
  for (let i = 0; i < N; i++) {
    let y = key[i]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    out[i] = y;
  }
}
