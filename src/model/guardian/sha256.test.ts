import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { sha256HexOfString, sha256Hex } from "./sha256.js";

describe("SHA-256 (FIPS 180-4)", () => {
  it("FIPS 180-2 Appendix B vectors", () => {
    expect(sha256HexOfString("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256HexOfString("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexOfString("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
      .toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("agrees with node:crypto on every length 0..200 (padding boundaries 55/56/64)", () => {
    for (let n = 0; n <= 200; n++) {
      const m = new Uint8Array(n).map((_, i) => (i * 131 + n) & 0xff);
      expect(sha256Hex(m)).toBe(createHash("sha256").update(m).digest("hex"));
    }
  });
});
