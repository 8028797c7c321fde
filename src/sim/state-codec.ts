/**
 * Exact, JSON-based encoding of checkpoint state (`StateValue`): typed arrays become
 * `{"$typed": "Float64Array", "b64": …}` (their raw little-endian bytes), and numbers JSON cannot
 * hold (NaN, ±Infinity, −0) become `{"$num": "NaN"}` etc., so decode(encode(x)) is bit-identical.
 * Also folds a state into a fingerprint in a fixed order. Pure: no I/O.
 */
import { assert, InputError } from "../errors.js";
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

function toBase64(t: Typed): string {
  return Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString("base64");
}

function fromBase64(name: TypedName, b64: string): Typed {
  const bytes = Buffer.from(b64, "base64");
  const Ctor = TYPED[name];
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return new Ctor(copy);
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  const name = typedName(value);
  if (name !== undefined) return { $typed: name, b64: toBase64(value as Typed) };
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $num: "NaN" };
    if (value === Infinity) return { $num: "Infinity" };
    if (value === -Infinity) return { $num: "-Infinity" };
    if (Object.is(value, -0)) return { $num: "-0" };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$typed === "string" && typeof o.b64 === "string" && o.$typed in TYPED) return fromBase64(o.$typed as TypedName, o.b64);
    if (typeof o.$num === "string") return Number(o.$num === "-0" ? "-0" : o.$num);
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
        throw new InputError([{ path: "checkpoint", expected: `a state whose arrays take at most ${Math.floor((ENCODED_STATE_CHARS_MAX * 3) / 4 / 2 ** 20)} MiB (checkpoints are text; fewer nodes, a smaller mesh.dim, or no checkpoints: run.checkpointEveryS)`, got: `more (at "${key}", ${Math.round((chars * 3) / 4 / 2 ** 20)} MiB so far)` }]);
      }
    }
    return replacer.call(this, key, v);
  });
}

/** Decode text from `encodeState`. */
export function decodeState<T = StateValue>(text: string): T {
  return JSON.parse(text, reviver) as T;
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
