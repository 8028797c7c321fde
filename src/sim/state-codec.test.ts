import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { InputError } from "../errors.js";
import {
  encodeState, decodeState, foldState, ENCODED_STATE_CHARS_MAX, encodeStateBytes, decodeStateBytes, decodeStateAny, encodedStateText,
  ENCODED_STATE_BYTES_MAX, STATE_BYTES_MAGIC, DECODE_VIEW_MIN_BYTES,
} from "./state-codec.js";
import { Fingerprint } from "./fingerprint.js";

describe("state codec", () => {
  it("round-trips typed arrays and non-JSON numbers bit for bit", () => {
    const s = { a: Float64Array.of(1.5, -0, Number.NaN, 1e-310), b: Int32Array.of(-7, 2 ** 31 - 1), c: [Infinity, -Infinity, -0], d: { e: "x", f: null, g: true } };
    const back = decodeState<typeof s>(encodeState(s));
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Array.from(back.a)).toEqual(Array.from(s.a));
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.b).toEqual(s.b);
    expect(back.c).toEqual([Infinity, -Infinity, -0]);
    expect(Object.is(back.c[2], -0)).toBe(true);
    expect(back.d).toEqual(s.d);
  });

  it("round-trips random doubles exactly (property)", () => {
    fc.assert(fc.property(fc.array(fc.double()), (xs) => {
      const back = decodeState<{ v: Float64Array; w: number[] }>(encodeState({ v: Float64Array.from(xs), w: xs }));
      expect(Array.from(back.v)).toEqual(xs);
      expect(back.w).toEqual(xs);
    }));
  });

  it("refuses a state whose base64 would pass V8's longest string with a typed error naming the array", () => {
    // One byte past the limit (zero-filled memory is not touched before the check, so this is cheap).
    const bytes = 3 * (Math.floor(ENCODED_STATE_CHARS_MAX / 4) + 1);
    let err: unknown;
    try {
      encodeState({ mesh: { timeS: 0, more: new Uint8Array(bytes) } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ path: "checkpoint", got: expect.stringContaining('"more"') });
  });

  it("folds equal states to equal hashes and a one-ulp change to a different one", () => {
    const h = (v: unknown) => { const f = new Fingerprint(); foldState(f, v); return f.hex(); };
    expect(h({ x: Float64Array.of(1, 2) })).toBe(h({ x: Float64Array.of(1, 2) }));
    expect(h({ x: Float64Array.of(1, 2) })).not.toBe(h({ x: Float64Array.of(1, 2 + 2 ** -51) }));
    expect(h({ x: [1, 2] })).not.toBe(h({ x: Float64Array.of(1, 2) }));
  });
});

/** Every leaf of `a` and `b` equal by Object.is (typed arrays element by element, of the same kind). */
function expectSame(a: unknown, b: unknown, path = "$"): void {
  if (ArrayBuffer.isView(a)) {
    expect(b?.constructor, path).toBe(a.constructor);
    const x = a as unknown as ArrayLike<number>;
    const y = b as ArrayLike<number>;
    expect(y.length, path).toBe(x.length);
    // Bytes, so NaN payloads count too.
    expect(Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength)), path).toBe(0);
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i]) && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) expect(y[i], `${path}[${i}]`).toBe(x[i]);
  } else if (Array.isArray(a)) {
    expect(Array.isArray(b), path).toBe(true);
    expect((b as unknown[]).length, path).toBe(a.length);
    a.forEach((v, i) => expectSame(v, (b as unknown[])[i], `${path}[${i}]`));
  } else if (a !== null && typeof a === "object") {
    expect(Object.keys(b as object), path).toEqual(Object.keys(a));
    for (const [k, v] of Object.entries(a)) expectSame(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else expect(Object.is(a, b), `${path}: ${String(a)} vs ${String(b)}`).toBe(true);
}

describe("binary state", () => {
  const all = {
    f64: Float64Array.of(1.5, -0, Number.NaN, Infinity, -Infinity, 1e-310, Number.MAX_VALUE), f32: Float32Array.of(-0, 3.25, Number.NaN),
    i32: Int32Array.of(-7, 2 ** 31 - 1, -(2 ** 31)), u32: Uint32Array.of(0, 2 ** 32 - 1), u8: Uint8Array.of(0, 1, 255), i8: Int8Array.of(-128, 127),
    i16: Int16Array.of(-32768, 5), u16: Uint16Array.of(65535), empty: new Float64Array(0),
    nums: [Infinity, -Infinity, -0, Number.NaN, 0, 5e-324], nested: { list: [Float64Array.of(2), { deep: Uint8Array.of(9) }, null, "s", true], o: {} },
    view: new Float64Array(Float64Array.of(1, 2, 3, 4).buffer, 8, 2),
  };

  it("round-trips every field (typed arrays of every kind, views, non-JSON numbers, nesting) by Object.is", () => {
    const bytes = encodeStateBytes(all);
    expect(Array.from(bytes.subarray(0, 8))).toEqual(STATE_BYTES_MAGIC);
    expect(bytes.length % 8).toBe(0);
    expectSame(all, decodeStateBytes(bytes));
    expectSame(all, decodeStateAny(bytes));
    expectSame(all, decodeStateAny(encodedStateText(bytes))); // as a job queue carries it
    expectSame(all, decodeStateAny(Uint8Array.from(bytes))); // at another offset in memory: still exact
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expectSame(all, decodeStateBytes(shifted.subarray(3)));
  });

  it("round-trips random doubles and integers exactly (property), deterministically (equal states, equal bytes)", () => {
    fc.assert(fc.property(fc.array(fc.double()), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (xs, ks) => {
      const s = { v: Float64Array.from(xs), w: xs, k: Int32Array.from(ks), t: Uint8Array.from(ks.map((k) => k & 255)) };
      const bytes = encodeStateBytes(s);
      expectSame(s, decodeStateBytes(bytes));
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(encodeStateBytes(s)))).toBe(0);
    }));
  });

  it("gives each small decoded array a buffer of its own (a model keeping it does not keep the input alive); a large one is a view on the input, exactly", () => {
    const big = Float64Array.from({ length: DECODE_VIEW_MIN_BYTES / 8 }, (_, i) => Math.sin(i));
    const encoded = encodeStateBytes({ small: Int16Array.of(1, 2, 3), big });
    const decoded = decodeStateBytes<{ small: Int16Array; big: Float64Array }>(encoded);
    expect(decoded.big.buffer).toBe(encoded.buffer);
    expect(decoded.small.buffer).not.toBe(encoded.buffer);
    expectSame({ small: Int16Array.of(1, 2, 3), big }, decoded);
    // At an offset where a Float64Array cannot start: copied.
    const odd = new Uint8Array(encoded.length + 1);
    odd.set(encoded, 1);
    const shifted = decodeStateBytes<{ big: Float64Array }>(odd.subarray(1));
    expect(shifted.big.buffer).not.toBe(odd.buffer);
    expectSame(big, shifted.big);
    const bytes = encodeStateBytes({ a: Float64Array.of(1, 2), b: Uint8Array.of(3) });
    // Small arrays: copies.
    const back = decodeStateBytes<{ a: Float64Array; b: Uint8Array }>(bytes);
    expect(back.a.byteOffset).toBe(0);
    expect(back.a.buffer.byteLength).toBe(16);
    expect(back.a.buffer).not.toBe(bytes.buffer);
    bytes.fill(0);
    expect(Array.from(back.a)).toEqual([1, 2]);
  });

  it("reads what the text format wrote, as a string or as its UTF-8 bytes", () => {
    const text = encodeState(all);
    expectSame(all, decodeStateAny(text));
    expectSame(all, decodeStateAny(Buffer.from(text, "utf8")));
  });

  it("refuses damage with an InputError naming the part of the bytes", () => {
    const bytes = encodeStateBytes(all);
    const fail = (b: Uint8Array): string => {
      try {
        decodeStateBytes(b);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).issues[0]!.path;
      }
      throw new Error("accepted");
    };
    expect(fail(bytes.subarray(0, 10))).toMatch(/header/);
    expect(fail(bytes.subarray(0, bytes.length - 1))).toMatch(/whole/);
    expect(fail(Uint8Array.from([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatch(/whole/);
    const flip = (at: number) => { const c = Uint8Array.from(bytes); c[at]! ^= 1; return fail(c); };
    expect(flip(0)).toMatch(/magic/);
    expect(flip(8)).toMatch(/version/);
    expect(flip(bytes.length - 1)).toMatch(/checksum/);
    // Every single-bit flip anywhere is refused (none decodes to other values).
    for (let at = 0; at < bytes.length; at++) flip(at);
  });

  it("refuses a state past SQLite's largest value with a typed error naming the array", () => {
    let err: unknown;
    try {
      encodeStateBytes({ mesh: { timeS: 0, more: new Uint8Array(ENCODED_STATE_BYTES_MAX + 1) } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ path: "checkpoint", got: expect.stringContaining('"more"') });
  });
});
