import { describe, it, expect } from "vitest";
import { Fingerprint } from "./fingerprint.js";

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

describe("Fingerprint (FNV-1a 64)", () => {
  // Reference vectors from the FNV authors' test suite (isthe.com/chongo/tech/comp/fnv, test_fnv.c).
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
    ["chongo was here!\n", "46810940eff5f915"],
  ])("hashes %j to the published FNV-1a 64 value", (text, hex) => {
    expect(new Fingerprint().bytes(ascii(text)).hex()).toBe(hex);
  });

  it("agrees with a BigInt FNV-1a 64 on the bytes of numbers", () => {
    const xs = [0, -0, 1.5, -2e-300, 1e300, Number.NaN, 123456789];
    const dv = new DataView(new ArrayBuffer(8));
    let h = 0xcbf29ce484222325n;
    for (const x of xs) {
      dv.setFloat64(0, x, true);
      for (let i = 0; i < 8; i++) h = ((h ^ BigInt(dv.getUint8(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    const f = new Fingerprint();
    for (const x of xs) f.number(x);
    expect(f.hex()).toBe(h.toString(16).padStart(16, "0"));
  });

  it("continues identically from a saved state", () => {
    const a = new Fingerprint().string("veto").number(3);
    const b = Fingerprint.fromState(a.state());
    expect(a.number(7).hex()).toBe(b.number(7).hex());
    expect(new Fingerprint().string("ab").hex()).not.toBe(new Fingerprint().string("a").string("b").hex());
  });
});
