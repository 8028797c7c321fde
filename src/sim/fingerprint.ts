/**
 * The run fingerprint: FNV-1a 64-bit over a stream of numbers and strings.
 *
 * A run is a pure function of (resolved scenario, seed, code version); the fingerprint folds in
 * every processed event (time, kind, payload) and the final state, so any change of behaviour
 * shows as a different hex string. FNV-1a is not cryptographic: it detects change, it does not
 * resist forgery. Pure (no I/O, no node:crypto), so it may live in sim/.
 *
 * The 64-bit state is kept as two uint32 halves in plain numbers (no BigInt in the hot path);
 * multiplying by the FNV prime 2^40 + 2^8 + 0xb3 is done half by half with a carry. Checkpoints
 * still store four 16-bit lanes, so saved states read the same.
 */

/** FNV-1a 64 offset basis 0xcbf29ce484222325 as 16-bit lanes, least significant first. */
const OFFSET_LANES = [0x2325, 0x8422, 0x9ce4, 0xcbf2] as const;

/** Serialisable state of a fingerprint (four 16-bit lanes, least significant first). */
export type FingerprintState = readonly [number, number, number, number];

/**
 * High 32 bits of x·0x1b3 for a 32-bit x (the carry of the low half into the high half), from
 * 16-bit halves so it stays in small integers.
 */
function carry(x: number): number {
  return ((x >>> 16) * 0x1b3 + (((x & 0xffff) * 0x1b3) >>> 16)) >>> 16;
}

/** A running FNV-1a 64 hash. */
export class Fingerprint {
  /**
   * The 64-bit state h = hi·2^32 + lo as two int32 halves. One step h ← (h ⊕ b)·(2^40 + 0x1b3)
   * mod 2^64 is lo' = (x·0x1b3) mod 2^32 and hi' = hi·0x1b3 + carry(x) + (x·2^8) mod 2^32, with
   * x = lo ⊕ b: `Math.imul` and int32 adds, and the chain from one byte to the next is only an
   * xor and a multiply.
   */
  private hi: number = (OFFSET_LANES[3] * 0x10000 + OFFSET_LANES[2]) | 0;
  private lo: number = (OFFSET_LANES[1] * 0x10000 + OFFSET_LANES[0]) | 0;
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Int32Array(this.f64.buffer);
  private readonly u8 = new Uint8Array(this.f64.buffer);

  /** The bytes `string(s)` folds (two per UTF-16 unit, low first, then 0xff 0xff), for `event`. */
  static textBytes(s: string): Uint8Array {
    const b = new Uint8Array(2 * s.length + 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      b[2 * i] = c & 0xff;
      b[2 * i + 1] = c >>> 8;
    }
    b[2 * s.length] = 0xff;
    b[2 * s.length + 1] = 0xff;
    return b;
  }

  /**
   * Fold one kernel event in a single pass: `number(timeNs)`, the kind's text, then for each
   * field its text and `number(values[base + j])`. The same bytes as those calls one by one
   * (texts from `textBytes`), with the state kept in registers throughout.
   */
  event(timeNs: number, kind: Uint8Array, fields: readonly Uint8Array[], values: Float64Array, base: number): this {
    const u8 = this.u8;
    let hi = this.hi;
    let lo = this.lo;
    this.f64[0] = timeNs;
    for (let i = 0; i < 8; i++) {
      const x = lo ^ u8[i]!;
      hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
      lo = Math.imul(x, 0x1b3);
    }
    for (let i = 0; i < kind.length; i++) {
      const x = lo ^ kind[i]!;
      hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
      lo = Math.imul(x, 0x1b3);
    }
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j]!;
      for (let i = 0; i < f.length; i++) {
        const x = lo ^ f[i]!;
        hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
        lo = Math.imul(x, 0x1b3);
      }
      this.f64[0] = values[base + j]!;
      for (let i = 0; i < 8; i++) {
        const x = lo ^ u8[i]!;
        hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
        lo = Math.imul(x, 0x1b3);
      }
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** Write the state to `to[at]` (its low 32 bits) and `to[at + 1]` (high), for a fold done elsewhere. */
  saveHalves(to: Int32Array, at: number): void {
    to[at] = this.lo;
    to[at + 1] = this.hi;
  }

  /** Take the state back from `from[at]` (low 32 bits) and `from[at + 1]` (high). */
  loadHalves(from: Int32Array, at: number): void {
    this.lo = from[at]! | 0;
    this.hi = from[at + 1]! | 0;
  }

  /** Fold in one byte (0..255). */
  byte(b: number): this {
    const x = this.lo ^ (b & 0xff);
    this.hi = (Math.imul(this.hi, 0x1b3) + carry(x) + (x << 8)) | 0;
    this.lo = Math.imul(x, 0x1b3);
    return this;
  }

  /** Fold in the 8 IEEE-754 bytes of a number, little-endian (so 0 and -0, and every NaN payload, differ). */
  number(v: number): this {
    this.f64[0] = v;
    // Typed arrays use the platform's byte order; every platform node runs on is little-endian.
    let hi = this.hi;
    let lo = this.lo;
    for (let w = 0; w < 2; w++) {
      const a = this.u32[w]!;
      for (let sh = 0; sh < 32; sh += 8) {
        const x = lo ^ ((a >>> sh) & 0xff);
        hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
        lo = Math.imul(x, 0x1b3);
      }
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** Fold in a string as UTF-8-like code units (two bytes per UTF-16 unit) and a terminator. */
  string(s: string): this {
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let x = lo ^ (c & 0xff);
      hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
      lo = Math.imul(x, 0x1b3);
      x = lo ^ (c >>> 8);
      hi = (Math.imul(hi, 0x1b3) + carry(x) + (x << 8)) | 0;
      lo = Math.imul(x, 0x1b3);
    }
    this.hi = hi;
    this.lo = lo;
    return this.byte(0xff).byte(0xff);
  }

  /** Fold in raw bytes (for reference test vectors). */
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.byte(b[i]!);
    return this;
  }

  /** Fold in every element of a numeric array, preceded by its length. */
  numbers(xs: ArrayLike<number>): this {
    this.number(xs.length);
    for (let i = 0; i < xs.length; i++) this.number(xs[i]!);
    return this;
  }

  /** The current hash as 16 lowercase hex digits. */
  hex(): string {
    return (this.hi >>> 0).toString(16).padStart(8, "0") + (this.lo >>> 0).toString(16).padStart(8, "0");
  }

  /** The 16-bit lanes, least significant first, for checkpoints (the format does not change with the lane width in use). */
  state(): FingerprintState {
    return [this.lo & 0xffff, this.lo >>> 16, this.hi & 0xffff, this.hi >>> 16];
  }

  /** A fingerprint continuing from saved lanes. */
  static fromState(s: FingerprintState): Fingerprint {
    const f = new Fingerprint();
    for (const lane of s) if (!Number.isInteger(lane) || lane < 0 || lane > 0xffff) throw new Error(`pqms internal assertion: fingerprint lane ${lane}`);
    f.lo = (s[1] * 0x10000 + s[0]) | 0;
    f.hi = (s[3] * 0x10000 + s[2]) | 0;
    return f;
  }
}
