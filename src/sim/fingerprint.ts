/**
 * The run fingerprint: FNV-1a 64-bit over a stream of numbers and strings.
 *
 * A run is a pure function of (resolved scenario, seed, code version); the fingerprint folds in
 * every processed event (time, kind, payload) and the final state, so any change of behaviour
 * shows as a different hex string. FNV-1a is not cryptographic: it detects change, it does not
 * resist forgery. Pure (no I/O, no node:crypto), so it may live in sim/.
 *
 * The 64-bit state is kept as four 16-bit lanes in plain numbers (no BigInt in the hot path);
 * multiplying by the FNV prime 2^40 + 2^8 + 0xb3 is done lane by lane with carries.
 */

/** FNV-1a 64 offset basis 0xcbf29ce484222325 as 16-bit lanes, least significant first. */
const OFFSET_LANES = [0x2325, 0x8422, 0x9ce4, 0xcbf2] as const;

/** Serialisable state of a fingerprint (four 16-bit lanes, least significant first). */
export type FingerprintState = readonly [number, number, number, number];

/** A running FNV-1a 64 hash. */
export class Fingerprint {
  private h0: number = OFFSET_LANES[0];
  private h1: number = OFFSET_LANES[1];
  private h2: number = OFFSET_LANES[2];
  private h3: number = OFFSET_LANES[3];
  private readonly scratch = new DataView(new ArrayBuffer(8));

  /** Fold in one byte (0..255). */
  byte(b: number): this {
    this.h0 ^= b & 0xff;
    // h *= 0x100000001b3 (mod 2^64): h*0x1b3 + (h << 40).
    const t0 = this.h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + (t1 >>> 16) + (this.h0 << 8);
    const t3 = this.h3 * 0x1b3 + (t2 >>> 16) + (this.h1 << 8);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
    return this;
  }

  /** Fold in the 8 IEEE-754 bytes of a number (so 0 and -0, and every NaN payload, differ). */
  number(x: number): this {
    this.scratch.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
    return this;
  }

  /** Fold in a string as UTF-8-like code units (two bytes per UTF-16 unit) and a terminator. */
  string(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.byte(c & 0xff).byte(c >>> 8);
    }
    return this.byte(0xff).byte(0xff);
  }

  /** Fold in raw bytes (for reference test vectors). */
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.byte(b[i] as number);
    return this;
  }

  /** Fold in every element of a numeric array, preceded by its length. */
  numbers(xs: ArrayLike<number>): this {
    this.number(xs.length);
    for (let i = 0; i < xs.length; i++) this.number(xs[i] as number);
    return this;
  }

  /** The current hash as 16 lowercase hex digits. */
  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((l) => l.toString(16).padStart(4, "0")).join("");
  }

  /** The lanes, for checkpoints. */
  state(): FingerprintState {
    return [this.h0, this.h1, this.h2, this.h3];
  }

  /** A fingerprint continuing from saved lanes. */
  static fromState(s: FingerprintState): Fingerprint {
    const f = new Fingerprint();
    for (const lane of s) if (!Number.isInteger(lane) || lane < 0 || lane > 0xffff) throw new Error(`pqms internal assertion: fingerprint lane ${lane}`);
    [f.h0, f.h1, f.h2, f.h3] = s;
    return f;
  }
}
