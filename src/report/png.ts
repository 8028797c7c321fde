/**
 * A minimal PNG reader for checks: validates the signature and chunk CRCs, reads IHDR and
 * inflates the image data to confirm it holds exactly `height` scanlines of `width` pixels.
 * Enough to prove a rendered report image decodes; not a general-purpose image library.
 */
import { inflateSync } from "node:zlib";
import { InputError } from "../errors.js";

/** What a decoded PNG header says. */
export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decode a PNG's structure: signature, IHDR, all chunk CRCs, and the inflated IDAT size.
 * @throws InputError when any part is malformed.
 */
export function inspectPng(png: Uint8Array): PngInfo {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) throw InputError.of("png", "a PNG signature", "~other bytes");
  let info: PngInfo | undefined;
  const idat: Buffer[] = [];
  let off = 8;
  let ended = false;
  while (off + 12 <= buf.length && !ended) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    if (off + 12 + len > buf.length) throw InputError.of(`png chunk ${type}`, `${len} bytes`, "~a truncated file");
    const data = buf.subarray(off + 8, off + 8 + len);
    if (crc32(buf.subarray(off + 4, off + 8 + len)) !== buf.readUInt32BE(off + 8 + len)) throw InputError.of(`png chunk ${type}`, "a matching CRC", "~a corrupt chunk");
    if (type === "IHDR") info = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8] ?? 0, colorType: data[9] ?? 0 };
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") ended = true;
    off += 12 + len;
  }
  if (info === undefined || !ended) throw InputError.of("png", "IHDR … IEND chunks", "~missing chunks");
  const channels = CHANNELS[info.colorType];
  if (channels === undefined) throw InputError.of("png IHDR colour type", "0, 2, 3, 4 or 6", info.colorType);
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = 1 + Math.ceil((info.width * channels * info.bitDepth) / 8);
  if (raw.length !== rowBytes * info.height) throw InputError.of("png IDAT", `${rowBytes * info.height} bytes`, `~${raw.length} bytes`);
  return info;
}

let table: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (table[(crc ^ bytes[i]!) & 0xff]!) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
