import { describe, it, expect } from "vitest";
import { deflateSync } from "node:zlib";
import { inspectPng } from "./png.js";
import { InputError } from "../errors.js";

// CRC-32 per the PNG spec (ISO/IEC 15948 annex D), written independently of png.ts's table.
function crc(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** A hand-built RGB PNG of width × height (filter 0 on every row). */
function tinyPng(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(rows * (1 + width * 3), 7);
  for (let r = 0; r < rows; r++) raw[r * (1 + width * 3)] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

describe("inspectPng", () => {
  it("reads the size of a hand-built PNG", () => {
    expect(inspectPng(tinyPng(3, 2))).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 2 });
  });
  it("rejects a wrong signature, a corrupt chunk and missing scanlines", () => {
    const bad = tinyPng(3, 2);
    bad[0] = 0;
    expect(() => inspectPng(bad)).toThrow(InputError);
    const corrupt = tinyPng(3, 2);
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff; // inside IHDR data: CRC no longer matches
    expect(() => inspectPng(corrupt)).toThrow(/CRC/);
    expect(() => inspectPng(tinyPng(3, 4, 3))).toThrow(/IDAT/);
  });
});
