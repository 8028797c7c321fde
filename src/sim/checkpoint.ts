/**
 * Checkpoints as an input boundary. A checkpoint comes back from a file (the run store's SQLite
 * database), so it is read like any other input: its format version and the model's state format
 * are checked, and every field a model restores from is read through a `StateReader` that names
 * the path, what was expected and what was found. A foreign checkpoint (another format, another
 * model) or a damaged one (truncated text, a field missing or of the wrong type or length) is
 * refused with a `CheckpointError`; nothing is cast.
 */
import { describeValue, InputError, PqmsError } from "../errors.js";
import type { StateValue } from "./model.js";
import type { KernelState } from "./kernel.js";
import { decodeStateAny, type EncodedState } from "./state-codec.js";
import type { StreamSetState } from "./streams.js";

/**
 * Format version of checkpoints; bump when the envelope's shape changes (a model's own state has
 * its version in `Model.stateFormat`). 2: adds `modelFormat`.
 */
export const CHECKPOINT_FORMAT = 2;

/** A checkpoint that cannot be restored: another format or model, or damaged. */
export class CheckpointError extends PqmsError {
  constructor(readonly path: string, readonly expected: string, readonly got: string, context = "checkpoint") {
    super(`${context}: ${path}: expected ${expected}, got ${got}`, "E_CHECKPOINT", 2);
  }
}

type TypedCtor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;

/** Reads one object of saved state, each field by name, or throws a `CheckpointError` naming its path. */
export class StateReader {
  private readonly o: Readonly<Record<string, unknown>>;

  constructor(value: unknown, readonly path: string, private readonly context = "checkpoint") {
    if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) throw this.fail(path, "an object", value);
    this.o = value as Record<string, unknown>;
  }

  /** A `CheckpointError` for field `key` of this object. */
  fail(path: string, expected: string, got: unknown): CheckpointError {
    return new CheckpointError(path, expected, describeValue(got), this.context);
  }

  has(key: string): boolean {
    return this.o[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.o[key];
  }

  /** A finite number (NaN and ±∞ only when `nonFinite`). */
  num(key: string, nonFinite = false): number {
    const v = this.o[key];
    if (typeof v !== "number" || (!nonFinite && !Number.isFinite(v))) throw this.fail(`${this.path}.${key}`, nonFinite ? "a number" : "a finite number", v);
    return v;
  }

  /** A safe integer in [min, max]. */
  int(key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.o[key];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max) throw this.fail(`${this.path}.${key}`, `an integer in [${min}, ${max}]`, v);
    return v;
  }

  bool(key: string): boolean {
    const v = this.o[key];
    if (typeof v !== "boolean") throw this.fail(`${this.path}.${key}`, "true or false", v);
    return v;
  }

  str(key: string): string {
    const v = this.o[key];
    if (typeof v !== "string") throw this.fail(`${this.path}.${key}`, "a string", v);
    return v;
  }

  /** A typed array of the given kind, of `length` elements when given. */
  typed<C extends TypedCtor>(key: string, ctor: C, length?: number): InstanceType<C> {
    const v = this.o[key];
    const what = `a ${ctor.name}${length === undefined ? "" : ` of length ${length}`}`;
    if (!(v instanceof ctor) || (length !== undefined && v.length !== length)) throw this.fail(`${this.path}.${key}`, what, v);
    return v as InstanceType<C>;
  }

  /** The nested object `key`. */
  obj(key: string): StateReader {
    return new StateReader(this.o[key], `${this.path}.${key}`, this.context);
  }

  /** The array `key` (of `length` entries when given). */
  arr(key: string, length?: number): readonly unknown[] {
    const v = this.o[key];
    if (!Array.isArray(v) || (length !== undefined && v.length !== length)) throw this.fail(`${this.path}.${key}`, `an array${length === undefined ? "" : ` of ${length} entries`}`, v);
    return v;
  }

  /** Every field as a finite number (a record of named counters). */
  numbers(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of Object.keys(this.o)) out[k] = this.num(k, true);
    return out;
  }
}

/** Everything needed to continue a run exactly (encode with state-codec.ts). */
export interface Checkpoint {
  readonly format: number;
  /** The model's state format (`Model.stateFormat`), e.g. "resonance-mesh/1". */
  readonly modelFormat: string;
  /** Simulated time of the checkpoint, ns (all ticks up to and including it are done). */
  readonly tNs: number;
  readonly kernel: KernelState;
  readonly streams: StreamSetState;
  readonly model: StateValue;
}

/**
 * Decode a checkpoint from the store and check it: binary state (or the text format of stores
 * written before) of this format version, written by a model whose state format is
 * `modelFormat`. `where` names it in errors (`run r-… checkpoint`); damaged bytes are refused
 * with a CheckpointError naming the part of the bytes.
 */
export function readCheckpoint(encoded: EncodedState, modelFormat: string, where: string): Checkpoint {
  let value: unknown;
  try {
    value = decodeStateAny<unknown>(encoded);
  } catch (e) {
    if (e instanceof InputError && e.issues[0] !== undefined) {
      const issue = e.issues[0];
      throw new CheckpointError(issue.path, issue.expected, issue.got, where);
    }
    throw new CheckpointError("checkpoint", "the JSON text pqms writes", `unreadable text (${(e as Error).message})`, where);
  }
  return checkCheckpoint(value, modelFormat, where);
}

/**
 * Check a decoded checkpoint: format, model, time, kernel and stream list. The model's state is
 * checked field by field by the model's `restore` (with a `StateReader`), the streams' states by
 * the stream factory.
 */
export function checkCheckpoint(value: unknown, modelFormat: string, where = "checkpoint"): Checkpoint {
  const r = new StateReader(value, "checkpoint", where);
  const format = r.raw("format");
  if (format !== CHECKPOINT_FORMAT) throw r.fail("checkpoint.format", `format ${CHECKPOINT_FORMAT} (this pqms's checkpoints; start the run again to continue it with this version)`, format);
  const mf = r.str("modelFormat");
  if (mf !== modelFormat) throw r.fail("checkpoint.modelFormat", `a state of model '${modelFormat}'`, mf);
  const tNs = r.int("tNs");
  if (!r.has("model")) throw r.fail("checkpoint.model", "the model's state", undefined);
  return { format, modelFormat: mf, tNs, kernel: readKernel(r.obj("kernel")), streams: readStreams(r.arr("streams"), where), model: r.raw("model") as StateValue };
}

function readKernel(k: StateReader): KernelState {
  const fp = k.arr("fingerprint", 4);
  const lane = (i: number): number => {
    const x = fp[i];
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > 0xffff) throw k.fail(`${k.path}.fingerprint[${i}]`, "a 16-bit lane", x);
    return x;
  };
  const fingerprint = [lane(0), lane(1), lane(2), lane(3)] as const;
  const pending = k.arr("pending").map((e, i) => {
    const ev = new StateReader(e, `${k.path}.pending[${i}]`);
    return { timeNs: ev.int("timeNs"), seq: ev.int("seq"), kind: ev.str("kind"), data: ev.obj("data").numbers() };
  });
  return { nowNs: k.int("nowNs"), nextSeq: k.int("nextSeq"), processed: k.int("processed"), queueCapacity: k.int("queueCapacity", 1), pending, fingerprint };
}

function readStreams(list: readonly unknown[], where: string): StreamSetState {
  return list.map((e, i) => {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "string") throw new CheckpointError(`checkpoint.streams[${i}]`, "a [name, state] pair", describeValue(e), where);
    return [e[0], e[1]] as const;
  });
}
