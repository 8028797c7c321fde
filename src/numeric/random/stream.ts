/**
 * Seeded, splittable random streams: xoshiro256** (Blackman & Vigna 2018) seeded through
 * SplitMix64, with named sub-streams derived from a 64-bit key.
 *
 * Each stream has a key. `fromSeed(seed, ...names)` starts from the seed's key and derives
 * one child key per name: key' = mix64(FNV-1a-64(parent key, UTF-8 name)), where mix64 is the
 * SplitMix64 finaliser. The generator state is the first four SplitMix64 outputs from the key.
 * `split(name)` therefore never consumes the parent's numbers: adding a component adds a name
 * and shifts no other component's stream (promise and breaking changes: docs/RANDOM.md).
 *
 * All arithmetic is 32-bit integer or IEEE-754 (no BigInt, no Math.log/exp/sin), so a stream
 * gives the same numbers on every platform and engine. Normals use Doornik's ZIGNOR ziggurat
 * (128 layers), built at load time from deterministic exp/log.
 */
import { InputError, requireInt } from "../../errors.js";
import { detExp } from "./det-math.js";
import { glibcLog } from "./glibc-log.js";

const TWO32 = 4294967296;
const TWO21 = 2097152;
const TWO53 = 9007199254740992;
const INV53 = 1 / TWO53;

// ---------------------------------------------------------------- 64-bit helpers (hi, lo)
let rHi = 0;
let rLo = 0;

/** (ah, al) * (bh, bl) mod 2^64 into (rHi, rLo). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const upper = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  rHi = (upper + Math.imul(al, bh) + Math.imul(ah, bl)) >>> 0;
}

/** SplitMix64 finaliser of (hi, lo) into (rHi, rLo): a bijection of 64-bit words. */
function mix64(hi: number, lo: number): void {
  // z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
  let l = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  let h = (hi ^ (hi >>> 30)) >>> 0;
  mul64(h, l, 0xbf58476d, 0x1ce4e5b9);
  // z = (z ^ (z >> 27)) * 0x94d049bb133111eb
  l = (rLo ^ ((rLo >>> 27) | (rHi << 5))) >>> 0;
  h = (rHi ^ (rHi >>> 27)) >>> 0;
  mul64(h, l, 0x94d049bb, 0x133111eb);
  // z ^ (z >> 31)
  l = (rLo ^ ((rLo >>> 31) | (rHi << 1))) >>> 0;
  h = (rHi ^ (rHi >>> 31)) >>> 0;
  rHi = h;
  rLo = l;
}

const utf8 = new TextEncoder();

/** Child key of (hi, lo) for `name`: mix64 of FNV-1a-64 over the name's UTF-8 bytes, starting from key ⊕ offset. */
function childKey(hi: number, lo: number, name: string): void {
  let h = (hi ^ 0xcbf29ce4) >>> 0;
  let l = (lo ^ 0x84222325) >>> 0;
  for (const b of utf8.encode(name)) {
    mul64(h, (l ^ b) >>> 0, 0x00000100, 0x000001b3);
    h = rHi;
    l = rLo;
  }
  mix64(h, l);
}

function hex32(x: number): string {
  return (x >>> 0).toString(16).padStart(8, "0");
}

// ---------------------------------------------------------------- ziggurat tables (ZIGNOR)
const ZIG_C = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(ZIG_C + 1);
const ZIG_RATIO = new Float64Array(ZIG_C);
{
  let f = detExp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[ZIG_C] = 0;
  for (let i = 2; i < ZIG_C; i++) {
    const x = Math.sqrt(-2 * glibcLog(ZIG_V / ZIG_X[i - 1]! + f));
    ZIG_X[i] = x;
    f = detExp(-0.5 * x * x);
  }
  for (let i = 0; i < ZIG_C; i++) ZIG_RATIO[i] = ZIG_X[i + 1]! / ZIG_X[i]!;
}

/**
 * The ziggurat's tables (copies): layer edges x_0 … x_128 and the ratios x_{i+1}/x_i, for a kernel
 * that draws `normal()`'s fast path elsewhere: with u = 2·uniform53 − 1 from one output (hi, lo)
 * and i = lo & 127, |u| < ratio[i] returns u·x[i]; anything else is `normal()`'s slow path.
 */
export function zigguratTables(): { x: Float64Array; ratio: Float64Array } {
  return { x: ZIG_X.slice(), ratio: ZIG_RATIO.slice() };
}

/** Int32 words of a stream's generator state (see `RandomStream.stateWords`). */
export const STREAM_WORDS = 9;

/** JSON form of a stream: its key (for further splits) and its xoshiro256** state, as hex. */
export interface RandomStreamState {
  generator: "xoshiro256**";
  /** 64-bit key, 16 hex digits. */
  key: string;
  /** s0‖s1‖s2‖s3, 64 hex digits (each word big-endian), not all zero. */
  s: string;
}

/** A deterministic random stream. Construct with `RandomStream.fromSeed(seed, ...names)`. */
export class RandomStream {
  private keyHi = 0;
  private keyLo = 0;
  /** xoshiro256** state s0h, s0l, … s3l as int32 words; [8] holds the low half of the last output. */
  private readonly st = new Int32Array(STREAM_WORDS);

  /** The root stream of `seed` (a non-negative safe integer). Same as `fromSeed(seed)`. */
  constructor(seed: number) {
    requireInt(seed, "seed", 0, Number.MAX_SAFE_INTEGER, "a stream seed is a non-negative safe integer");
    this.rekey(Math.floor(seed / TWO32) >>> 0, seed >>> 0);
  }

  /** The stream of `seed` followed by `names` (each a split): `fromSeed(s, "a", "b")` = `fromSeed(s).split("a").split("b")`. */
  static fromSeed(seed: number, ...names: string[]): RandomStream {
    const s = new RandomStream(seed);
    for (const name of names) s.rekeyChild(name);
    return s;
  }

  /** An independent named sub-stream; depends only on this stream's key and `name`, never on its position. */
  split(name: string): RandomStream {
    const s = new RandomStream(0);
    s.keyHi = this.keyHi;
    s.keyLo = this.keyLo;
    s.rekeyChild(name);
    return s;
  }

  /** A copy at the same position (same key, same state). */
  clone(): RandomStream {
    return new RandomStream(0).setState(this.getState());
  }

  /**
   * Copy the generator state into `out[at …]` (`STREAM_WORDS` int32s: s0 high, s0 low, … s3 low,
   * then the last output's low half), for a kernel that draws from the same state outside
   * JavaScript; `setStateWords` takes it back. No allocation: cheap enough to call around every
   * kernel call.
   */
  stateWords(out: Int32Array, at = 0): void {
    for (let j = 0; j < STREAM_WORDS; j++) out[at + j] = this.st[j]!;
  }

  /** Continue from generator state words written by `stateWords` (or a kernel that drew from them). */
  setStateWords(src: Int32Array, at = 0): void {
    for (let j = 0; j < STREAM_WORDS; j++) this.st[j] = src[at + j]!;
  }

  /** This stream's 64-bit key as 16 hex digits (identifies the stream, not its position). */
  get key(): string {
    return hex32(this.keyHi) + hex32(this.keyLo);
  }

  private rekeyChild(name: string): void {
    if (typeof name !== "string") throw InputError.of("name", "a string", name);
    childKey(this.keyHi, this.keyLo, name);
    this.rekey(rHi, rLo);
  }

  /** Set the key and seed the generator with SplitMix64(key). */
  private rekey(hi: number, lo: number): void {
    this.keyHi = hi;
    this.keyLo = lo;
    const w = new Uint32Array(8);
    let ch = hi, cl = lo;
    for (let j = 0; j < 4; j++) {
      // counter += 0x9e3779b97f4a7c15 (golden gamma)
      const l = cl + 0x7f4a7c15;
      cl = l >>> 0;
      ch = (ch + 0x9e3779b9 + (l >= TWO32 ? 1 : 0)) >>> 0;
      mix64(ch, cl);
      w[2 * j] = rHi;
      w[2 * j + 1] = rLo;
    }
    this.loadWords(w);
  }

  private loadWords(w: Uint32Array): void {
    for (let j = 0; j < 8; j++) this.st[j] = w[j]! | 0;
  }

  /** Next 64-bit xoshiro256** output: returns the high 32 bits (unsigned), low half in `st[8]`. */
  private next64(): number {
    const st = this.st;
    const s0h = st[0]!, s0l = st[1]!, s1h = st[2]!, s1l = st[3]!;
    const s2h = st[4]! ^ s0h, s2l = st[5]! ^ s0l;
    const s3h = st[6]! ^ s1h, s3l = st[7]! ^ s1l;
    // result = rotl(s1 * 5, 7) * 9
    const l5 = (s1l >>> 0) * 5;
    const m5l = l5 >>> 0;
    const m5h = (Math.imul(s1h, 5) + ((l5 / TWO32) | 0)) | 0;
    const rh = (m5h << 7) | (m5l >>> 25);
    const rl = (m5l << 7) | (m5h >>> 25);
    const l9 = (rl >>> 0) * 9;
    st[8] = l9 | 0;
    const out = (Math.imul(rh, 9) + ((l9 / TWO32) | 0)) >>> 0;
    st[0] = s0h ^ s3h; st[1] = s0l ^ s3l;
    st[2] = s1h ^ s2h; st[3] = s1l ^ s2l;
    // s2 ^= s1 << 17
    st[4] = s2h ^ ((s1h << 17) | (s1l >>> 15)); st[5] = s2l ^ (s1l << 17);
    // s3 = rotl(s3, 45) = rotl(swap(s3), 13)
    st[6] = (s3l << 13) | (s3h >>> 19); st[7] = (s3h << 13) | (s3l >>> 19);
    return out;
  }

  /** Next raw output as two unsigned 32-bit halves [hi, lo] (for known-answer tests). */
  nextUint64Parts(): [number, number] {
    const hi = this.next64();
    return [hi, this.st[8]! >>> 0];
  }

  /** Next unsigned 32-bit integer (the high half of a 64-bit output). */
  nextUint32(): number {
    return this.next64();
  }

  /** A double uniform in [0, 1): the top 53 bits of one output, times 2^-53. */
  uniform(): number {
    const hi = this.next64();
    return (hi * TWO21 + (this.st[8]! >>> 11)) * INV53;
  }

  /** Fill `out` with uniforms in [0, 1); returns `out`. */
  uniformInto(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) {
      const hi = this.next64();
      out[i] = (hi * TWO21 + (this.st[8]! >>> 11)) * INV53;
    }
    return out;
  }

  /** A standard normal draw (ZIGNOR ziggurat; one 64-bit output per draw ~99% of the time). */
  normal(): number {
    for (;;) {
      const hi = this.next64();
      const lo = this.st[8]!;
      const u = 2 * ((hi * TWO21 + (lo >>> 11)) * INV53) - 1;
      const i = lo & 0x7f;
      if (Math.abs(u) < ZIG_RATIO[i]!) return u * ZIG_X[i]!;
      if (i === 0) return this.normalTail(u < 0);
      const x = u * ZIG_X[i]!;
      const xi = ZIG_X[i]!, xj = ZIG_X[i + 1]!;
      const f0 = detExp(-0.5 * (xi * xi - x * x));
      const f1 = detExp(-0.5 * (xj * xj - x * x));
      if (f1 + this.uniform() * (f0 - f1) < 1.0) return x;
    }
  }

  private normalTail(negative: boolean): number {
    let x: number, y: number;
    do {
      x = -glibcLog(1 - this.uniform()) / ZIG_R;
      y = -glibcLog(1 - this.uniform());
    } while (y + y < x * x);
    return negative ? -x - ZIG_R : x + ZIG_R;
  }

  /** Fill `out` with normal draws of mean `mean` and standard deviation `sd`; returns `out`. */
  normalInto(out: Float64Array, mean = 0, sd = 1): Float64Array {
    if (!Number.isFinite(mean)) throw InputError.of("mean", "a finite number", mean);
    if (!Number.isFinite(sd) || sd < 0) throw InputError.of("sd", "a finite number ≥ 0", sd);
    for (let i = 0; i < out.length; i++) out[i] = mean + sd * this.normal();
    return out;
  }

  /** An integer uniform on {0, …, n − 1}, without modulo bias (rejection); n in [1, 2^53]. */
  int(n: number): number {
    requireInt(n, "n", 1, TWO53);
    if (n <= TWO32) {
      const limit = TWO32 - (TWO32 % n);
      for (;;) {
        const x = this.next64();
        if (x < limit) return x % n;
      }
    }
    const limit = TWO53 - (TWO53 % n);
    for (;;) {
      const x = this.next64() * TWO21 + (this.st[8]! >>> 11);
      if (x < limit) return x % n;
    }
  }

  /**
   * A Haar-random pure state in C^dim: dim complex Gaussians (re, im interleaved) normalised
   * to unit length. Written into `out` (length 2·dim) when given; returns it.
   */
  haarKet(dim: number, out?: Float64Array): Float64Array {
    requireInt(dim, "dim", 1);
    const v = out ?? new Float64Array(2 * dim);
    if (v.length !== 2 * dim) throw InputError.of("out", `a Float64Array of length 2·dim = ${2 * dim}`, v);
    for (;;) {
      let norm2 = 0;
      for (let i = 0; i < 2 * dim; i++) {
        const g = this.normal();
        v[i] = g;
        norm2 += g * g;
      }
      if (norm2 > 0) {
        const s = 1 / Math.sqrt(norm2);
        for (let i = 0; i < 2 * dim; i++) v[i]! *= s;
        return v;
      }
    }
  }

  /** The stream's key and position as JSON-safe strings. */
  getState(): RandomStreamState {
    const words = Array.from(this.st.subarray(0, 8));
    return { generator: "xoshiro256**", key: this.key, s: words.map(hex32).join("") };
  }

  /** Restore a state saved by `getState()`; returns this stream. */
  setState(state: RandomStreamState): this {
    if (typeof state !== "object" || state === null) throw InputError.of("state", "an object {generator, key, s}", state);
    if (state.generator !== "xoshiro256**") throw InputError.of("state.generator", '"xoshiro256**"', state.generator);
    if (typeof state.key !== "string" || !/^[0-9a-f]{16}$/.test(state.key)) throw InputError.of("state.key", "16 lower-case hex digits", state.key);
    if (typeof state.s !== "string" || !/^[0-9a-f]{64}$/.test(state.s) || /^0+$/.test(state.s)) {
      throw InputError.of("state.s", "64 lower-case hex digits, not all zero", state.s);
    }
    const w = new Uint32Array(8);
    for (let j = 0; j < 8; j++) w[j] = parseInt(state.s.slice(8 * j, 8 * j + 8), 16);
    this.keyHi = parseInt(state.key.slice(0, 8), 16);
    this.keyLo = parseInt(state.key.slice(8), 16);
    this.loadWords(w);
    return this;
  }
}

/**
 * Make/save/load triple for RandomStream (the shape sim/'s `StreamFactory` expects): the stream
 * for (seed, name) is `RandomStream.fromSeed(seed, name)`.
 */
export const randomStreamFactory = {
  create: (seed: number, name: string): RandomStream => RandomStream.fromSeed(seed, name),
  save: (stream: RandomStream): RandomStreamState => stream.getState(),
  load: (stream: RandomStream, state: unknown): void => {
    stream.setState(state as RandomStreamState);
  },
};
