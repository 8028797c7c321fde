import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { InputError } from "../errors.js";
import { encodeState, decodeState, foldState, ENCODED_STATE_CHARS_MAX } from "./state-codec.js";
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
