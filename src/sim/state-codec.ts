/**
 * Exact encodings of checkpoint state (`StateValue`), so decode(encode(x)) is bit-identical:
 *
 * - binary (`encodeStateBytes`, what checkpoints are written as): a small header, a table of the
 *   typed arrays, a JSON manifest of everything else (each typed array replaced by
 *   `{"$bin": index}`), then each array's raw little-endian bytes at an 8-byte-aligned offset.
 *   No base64, no text per number: encoding is one copy of each array, decoding one copy back.
 * - text (`encodeState`, the format of checkpoints stored before): JSON where typed arrays become
 *   `{"$typed": "Float64Array", "b64": …}` (their raw little-endian bytes).
 *
 * In both, numbers JSON cannot hold (NaN, ±Infinity, −0) become `{"$num": "NaN"}` etc.
 * `decodeStateAny` reads either. Also folds a state into a fingerprint in a fixed order.
 * Pure: no I/O.
 */
import { crc32 } from "node:zlib";
import { assert, describeValue, InputError } from "../errors.js";
import type { Fingerprint } from "./fingerprint.js";
import type { StateValue } from "./model.js";

const TYPED = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Int16Array, Uint16Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(v: unknown): TypedName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const name = v.constructor.name;
  return name in TYPED ? (name as TypedName) : undefined;
}

function toBase64(t: ArrayBufferView): string {
  return Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString("base64");
}

/** A `name` array holding a copy of `bytes`, in a buffer of its own. */
function ownCopy(name: TypedName, bytes: Uint8Array): Typed {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new TYPED[name](copy.buffer);
}

function fromBase64(name: TypedName, b64: string): Typed {
  return ownCopy(name, Buffer.from(b64, "base64"));
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  const name = typedName(value);
  if (name !== undefined) return { $typed: name, b64: toBase64(value as Typed) };
  return specialNumber(value);
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$typed === "string" && typeof o.b64 === "string" && o.$typed in TYPED) return fromBase64(o.$typed as TypedName, o.b64);
    if (typeof o.$num === "string") return Number(o.$num);
  }
  return value;
}

/**
 * Most characters of encoded state: V8's longest string is 2^29 − 24 characters; the rest of the
 * JSON beside the typed arrays' base64 needs a little room.
 */
export const ENCODED_STATE_CHARS_MAX = 2 ** 29 - 2 ** 20;

/** Encode a state as JSON text, exactly. */
export function encodeState(value: unknown): string {
  let chars = 0;
  // JSON.stringify calls the replacer after toJSON, and typed arrays have none: they arrive intact.
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const name = typedName(v);
    if (name !== undefined) {
      chars += 4 * Math.ceil((v as Typed).byteLength / 3);
      if (chars > ENCODED_STATE_CHARS_MAX) {
        throw new InputError([{ path: "checkpoint", expected: `a state whose arrays take at most ${Math.floor((ENCODED_STATE_CHARS_MAX * 3) / 4 / 2 ** 20)} MiB as text (checkpoints are written as binary state, encodeStateBytes; this format is kept for reading stores written before)`, got: `more (at "${key}", ${Math.round((chars * 3) / 4 / 2 ** 20)} MiB so far)` }]);
      }
    }
    return replacer.call(this, key, v);
  });
}

/** Decode text from `encodeState`. */
export function decodeState<T = StateValue>(text: string): T {
  return JSON.parse(text, reviver) as T;
}

// ---- Binary -------------------------------------------------------------------------------------
//
// Layout (all integers little-endian):
//   0   8 bytes  magic 89 50 51 4d 53 0d 0a 1a ("\x89PQMS\r\n\x1a": never the start of UTF-8 text)
//   8   u32      layout version (STATE_BYTES_VERSION)
//   12  u32      K, number of typed arrays
//   16  u32      M, manifest length in bytes
//   20  u32      CRC-32 of every byte from offset 24 to the end
//   24  K × 16   per array: u32 element type (TYPE_CODES), u32 0, u64 byte length
//   …   M        manifest: UTF-8 JSON of the state with array i as {"$bin": i}
//   then each array's bytes in table order, each starting at a multiple of 8 (zero padding
//   between), the whole a multiple of 8 bytes long.

/** The first 8 bytes of binary state. */
export const STATE_BYTES_MAGIC: readonly number[] = [0x89, 0x50, 0x51, 0x4d, 0x53, 0x0d, 0x0a, 0x1a];
/** Version of the binary layout; bump when it changes (decoders keep reading older ones). */
export const STATE_BYTES_VERSION = 1;
const HEADER_BYTES = 24;
const ENTRY_BYTES = 16;
/**
 * Most bytes of binary state: better-sqlite3 limits one value (SQLITE_LIMIT_LENGTH) to V8's
 * longest string, 2^29 − 24; the row around the checkpoint needs a little room.
 */
export const ENCODED_STATE_BYTES_MAX = 2 ** 29 - 2 ** 20;

/** Element type codes in the table (never renumber: stored checkpoints carry them). */
const TYPE_CODES: Readonly<Record<TypedName, number>> = {
  Float64Array: 1, Float32Array: 2, Int32Array: 3, Uint32Array: 4, Uint8Array: 5, Int8Array: 6, Int16Array: 7, Uint16Array: 8,
};
const TYPE_NAMES: ReadonlyMap<number, TypedName> = new Map(Object.entries(TYPE_CODES).map(([n, c]) => [c, n as TypedName]));

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const align8 = (n: number) => (n + 7) & ~7;

/** A number JSON cannot hold, as the text format writes it; other values unchanged. */
function specialNumber(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $num: "NaN" };
    if (value === Infinity) return { $num: "Infinity" };
    if (value === -Infinity) return { $num: "-Infinity" };
    if (Object.is(value, -0)) return { $num: "-0" };
  }
  return value;
}

/**
 * Encode a state as bytes, exactly: the typed arrays' bytes are copied once, straight into the
 * result. Refuses (InputError) a state of more than ENCODED_STATE_BYTES_MAX bytes.
 */
export function encodeStateBytes(value: unknown): Uint8Array {
  assert(LITTLE_ENDIAN, "binary checkpoints are written on little-endian machines only");
  const arrays: Typed[] = [];
  let dataBytes = 0;
  const manifest = Buffer.from(JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const name = typedName(v);
    if (name !== undefined) {
      const t = v as Typed;
      dataBytes += align8(t.byteLength);
      if (dataBytes > ENCODED_STATE_BYTES_MAX) {
        throw new InputError([{ path: "checkpoint", expected: `a state whose arrays take at most ${Math.floor(ENCODED_STATE_BYTES_MAX / 2 ** 20)} MiB (fewer nodes, a smaller mesh.dim, or no checkpoints: run.checkpointEveryS)`, got: `more (at "${key}", ${Math.round(dataBytes / 2 ** 20)} MiB so far)` }]);
      }
      arrays.push(t);
      return { $bin: arrays.length - 1 };
    }
    return specialNumber(v);
  }) ?? "null", "utf8");
  const dataStart = align8(HEADER_BYTES + ENTRY_BYTES * arrays.length + manifest.length);
  const total = dataStart + dataBytes;
  if (total > ENCODED_STATE_BYTES_MAX) throw new InputError([{ path: "checkpoint", expected: `a state of at most ${Math.floor(ENCODED_STATE_BYTES_MAX / 2 ** 20)} MiB`, got: `${Math.round(total / 2 ** 20)} MiB` }]);
  // Not zero-filled: every byte is written below (padding explicitly), so equal states give equal
  // bytes. A plain Uint8Array on a buffer of its own (a Buffer's slice() would be a view).
  const raw = Buffer.allocUnsafeSlow(total);
  const out = new Uint8Array(raw.buffer, raw.byteOffset, total);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(STATE_BYTES_MAGIC, 0);
  view.setUint32(8, STATE_BYTES_VERSION, true);
  view.setUint32(12, arrays.length, true);
  view.setUint32(16, manifest.length, true);
  let at = HEADER_BYTES;
  for (const t of arrays) {
    view.setUint32(at, TYPE_CODES[typedName(t) as TypedName], true);
    view.setUint32(at + 4, 0, true);
    view.setBigUint64(at + 8, BigInt(t.byteLength), true);
    at += ENTRY_BYTES;
  }
  out.set(manifest, at);
  at += manifest.length;
  out.fill(0, at, dataStart);
  at = dataStart;
  for (const t of arrays) {
    out.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), at);
    at += t.byteLength;
    const next = align8(at);
    out.fill(0, at, next);
    at = next;
  }
  view.setUint32(20, crc32(out.subarray(HEADER_BYTES)), true);
  return out;
}

/** True when `bytes` begin as binary state does (else they may be the text format's UTF-8). */
export function isStateBytes(bytes: Uint8Array): boolean {
  if (bytes.length < STATE_BYTES_MAGIC.length) return false;
  for (let i = 0; i < STATE_BYTES_MAGIC.length; i++) if (bytes[i] !== STATE_BYTES_MAGIC[i]) return false;
  return true;
}

/**
 * Arrays of at least this many bytes are decoded as views on the input rather than copies (the
 * mesh's states: a restore copies them into the mesh once more anyway). Smaller ones are copied,
 * so a model that keeps a small array does not keep the whole input alive.
 */
export const DECODE_VIEW_MIN_BYTES = 2 ** 20;

/** Array `name` at `bytes[offset, offset + length)`: a view when large and aligned, else a copy in a buffer of its own. */
function decodedArray(name: TypedName, bytes: Uint8Array, offset: number, length: number): Typed {
  const Ctor = TYPED[name];
  const abs = bytes.byteOffset + offset;
  if (bytes.buffer instanceof ArrayBuffer && length >= DECODE_VIEW_MIN_BYTES && abs % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, abs, length / Ctor.BYTES_PER_ELEMENT);
  return ownCopy(name, bytes.subarray(offset, offset + length));
}

/** An InputError about binary state: `where` names the part (and its byte offsets). */
function bad(where: string, expected: string, got: string): InputError {
  return new InputError([{ path: `checkpoint bytes: ${where}`, expected, got }]);
}

/**
 * Decode bytes from `encodeStateBytes`. Arrays of DECODE_VIEW_MIN_BYTES or more are views on
 * `bytes` (which must then not be written while they are in use); smaller ones come back in
 * buffers of their own. Damaged bytes (truncated, wrong magic or version, a table or
 * manifest that does not fit, a checksum that differs) are refused with an InputError naming the
 * part and its offsets.
 */
export function decodeStateBytes<T = StateValue>(bytes: Uint8Array): T {
  if (bytes.length < HEADER_BYTES) throw bad("header [0, 24)", `at least ${HEADER_BYTES} bytes`, `${bytes.length} bytes`);
  if (!isStateBytes(bytes)) throw bad("magic [0, 8)", "the bytes 89 50 51 4d 53 0d 0a 1a", Buffer.from(bytes.subarray(0, 8)).toString("hex"));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== STATE_BYTES_VERSION) throw bad("version [8, 12)", `layout version ${STATE_BYTES_VERSION} (a newer pqms wrote it?)`, String(version));
  const count = view.getUint32(12, true);
  const manifestBytes = view.getUint32(16, true);
  const tableEnd = HEADER_BYTES + ENTRY_BYTES * count;
  if (tableEnd + manifestBytes > bytes.length) {
    throw bad(`array table and manifest [24, ${tableEnd + manifestBytes})`, `${count} table entries and a ${manifestBytes}-byte manifest within the ${bytes.length} bytes`, "fewer bytes (truncated?)");
  }
  // Sizes first (they say how long the whole must be), then the checksum, then the contents.
  const entries: Array<{ name: TypedName; offset: number; byteLength: number }> = [];
  let at = align8(tableEnd + manifestBytes);
  for (let i = 0; i < count; i++) {
    const e = HEADER_BYTES + ENTRY_BYTES * i;
    const code = view.getUint32(e, true);
    const name = TYPE_NAMES.get(code);
    if (name === undefined || view.getUint32(e + 4, true) !== 0) throw bad(`array ${i} type [${e}, ${e + 8})`, `an element type code in 1..${TYPE_NAMES.size}, then 0`, `${code}, ${view.getUint32(e + 4, true)}`);
    const len = view.getBigUint64(e + 8, true);
    const size = TYPED[name].BYTES_PER_ELEMENT;
    if (len > BigInt(bytes.length) || Number(len) % size !== 0) throw bad(`array ${i} length [${e + 8}, ${e + 16})`, `a byte length that is a multiple of ${size} (${name}) within the ${bytes.length} bytes`, String(len));
    entries.push({ name, offset: at, byteLength: Number(len) });
    at = align8(at + Number(len));
  }
  if (at !== bytes.length) throw bad(`whole [0, ${bytes.length})`, `${at} bytes (header, table, manifest and arrays as the table gives them)`, `${bytes.length} bytes${at > bytes.length ? " (truncated?)" : ""}`);
  const crc = crc32(bytes.subarray(HEADER_BYTES));
  if (crc !== view.getUint32(20, true)) throw bad(`checksum [20, 24) over [24, ${bytes.length})`, `CRC-32 ${view.getUint32(20, true).toString(16).padStart(8, "0")} (as written)`, `${crc.toString(16).padStart(8, "0")} (the bytes were damaged)`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(tableEnd, tableEnd + manifestBytes));
  } catch {
    throw bad(`manifest [${tableEnd}, ${tableEnd + manifestBytes})`, "UTF-8 text", "other bytes");
  }
  const used = new Uint8Array(count);
  let value: unknown;
  try {
    value = JSON.parse(text, (_key: string, v: unknown) => {
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        if (o.$bin !== undefined) {
          const i = o.$bin;
          if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= count || used[i] === 1) throw bad(`manifest [${tableEnd}, ${tableEnd + manifestBytes})`, `array references 0..${count - 1}, each once`, describeValue(i));
          used[i] = 1;
          const { name, offset, byteLength } = entries[i]!;
          return decodedArray(name, bytes, offset, byteLength);
        }
        if (typeof o.$num === "string") return Number(o.$num);
      }
      return v;
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(`manifest [${tableEnd}, ${tableEnd + manifestBytes})`, "the JSON pqms writes", `unreadable text (${(e as Error).message})`);
  }
  const unused = used.indexOf(0);
  if (unused >= 0) throw bad(`manifest [${tableEnd}, ${tableEnd + manifestBytes})`, `a reference to each of the ${count} arrays`, `none to array ${unused}`);
  return value as T;
}

/** A checkpoint as stored or passed between threads: binary state, or the text format (older stores). */
export type EncodedState = Uint8Array | string;

/** Prefix of binary state written as text (base64), for carriers that hold only JSON (a job queue). */
export const STATE_BYTES_TEXT_PREFIX = "pqms-state-bytes:";

/** Encoded state as a string: text as it is, bytes as STATE_BYTES_TEXT_PREFIX + base64. */
export function encodedStateText(e: EncodedState): string {
  return typeof e === "string" ? e : STATE_BYTES_TEXT_PREFIX + toBase64(e);
}

/**
 * Decode state in any format pqms has written: binary bytes, the text format (a string, or its
 * UTF-8 bytes as stores written before binary checkpoints hold), or binary as prefixed base64.
 * Unreadable input is an InputError naming where (see `decodeStateBytes`) or a SyntaxError from
 * the text format's JSON.
 */
export function decodeStateAny<T = StateValue>(e: EncodedState): T {
  if (typeof e === "string") {
    if (e.startsWith(STATE_BYTES_TEXT_PREFIX)) return decodeStateBytes<T>(Buffer.from(e.slice(STATE_BYTES_TEXT_PREFIX.length), "base64"));
    return decodeState<T>(e);
  }
  if (isStateBytes(e)) return decodeStateBytes<T>(e);
  return decodeState<T>(Buffer.from(e.buffer, e.byteOffset, e.byteLength).toString("utf8"));
}

/** Fold a state into a fingerprint: keys in insertion order, numbers by their IEEE bytes. */
export function foldState(fp: Fingerprint, value: unknown, depth = 0): void {
  assert(depth < 64, "state nested deeper than 64 levels (a cycle?)");
  if (value === null || value === undefined) fp.byte(0);
  else if (typeof value === "number") fp.byte(1).number(value);
  else if (typeof value === "boolean") fp.byte(2).byte(value ? 1 : 0);
  else if (typeof value === "string") fp.byte(3).string(value);
  else if (typedName(value) !== undefined) fp.byte(4).string(typedName(value) as string).numbers(value as Typed);
  else if (Array.isArray(value)) {
    fp.byte(5).number(value.length);
    for (const v of value) foldState(fp, v, depth + 1);
  } else if (typeof value === "object") {
    fp.byte(6);
    for (const [k, v] of Object.entries(value)) {
      fp.string(k);
      foldState(fp, v, depth + 1);
    }
  } else assert(false, `state holds a ${typeof value}`);
}
