/**
 * The kernel's per-event fingerprint fold in WebAssembly, in batches: the same FNV-1a 64 bytes as
 * `Fingerprint.event`, with the state as one i64 (one xor and one multiply per byte, where the
 * JavaScript fold carries two 32-bit halves by hand).
 *
 * The kernel journals each dispatched event as doubles — its time, its kind id, then its field
 * values — into the module's memory, and the module folds the journal when it is full or when
 * the fingerprint is read. Each kind's text bytes (`Fingerprint.textBytes` of its name and field
 * names) are written into the memory once, when the kind is registered. The bytes folded and
 * their order are those of `Fingerprint.event`, event after event, so the hash is the same bit for
 * bit (`event-fold.test.ts` compares the two over random events).
 *
 * Where WebAssembly is missing `EventFold.create` returns undefined and the kernel folds in
 * JavaScript. The module is written out byte by byte (numeric/wasm/module-bytes.ts).
 */
import { WasmKernel } from "../numeric/wasm/kernel.js";
import { I32, moduleBytes, op } from "../numeric/wasm/module-bytes.js";
import type { Fingerprint } from "./fingerprint.js";
import { FIELDS_MAX } from "./queue.js";

const I64 = 0x7e;
/** Byte offset of the state (low 32 bits, then high). */
const STATE = 0;
/** Byte offset of the kind table: per kind, name (start, end), field count, then per field (start, end), as i32. */
const KINDS = 64;
const KIND_STRIDE = 4 * (3 + 2 * FIELDS_MAX);
/** Kinds the table holds (events of later kinds fold in JavaScript). */
const FOLD_KINDS_MAX = 512;
/** Byte offset and size of the kinds' text bytes. */
const TEXT = KINDS + FOLD_KINDS_MAX * KIND_STRIDE;
const TEXT_BYTES = 64 * 1024;
/** Byte offset of the journal, and its size in doubles. */
const JOURNAL = TEXT + TEXT_BYTES;
const JOURNAL_DOUBLES = 32 * 1024;
const MEMORY_BYTES = JOURNAL + 8 * JOURNAL_DOUBLES;

/** i64.const of a non-negative integer below 2^53 (signed LEB128: module-bytes' `s32` covers 32 bits only). */
function i64Const(x: number): number[] {
  const out: number[] = [0x42];
  for (;;) {
    const b = x % 128;
    x = Math.floor(x / 128);
    if (x === 0 && (b & 0x40) === 0) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
/** The FNV-1a 64 prime, 2^40 + 0x1b3. */
const PRIME = i64Const(2 ** 40 + 0x1b3);


// `fold(end)`: params and locals.
const END = 0;
const H = 1;
const X = 2;
const P = 3;
const K = 4;
const Q = 5;
const QE = 6;
const J = 7;
const NF = 8;

/** h = (h ^ (x & 0xff)) * prime; x >>= 8, eight times: the 8 bytes of x, low first. */
function foldWord(): number[] {
  const out: number[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(...op.get(H), ...op.get(X), ...i64Const(0xff), ...op.i64And, ...op.i64Xor, ...PRIME, ...op.i64Mul, ...op.set(H));
    if (i < 7) out.push(...op.get(X), ...i64Const(8), ...op.i64ShrU, ...op.set(X));
  }
  return out;
}

/** Fold the bytes [Q, QE). */
function foldText(): number[] {
  return [
    ...op.block, ...op.loop,
    ...op.get(Q), ...op.get(QE), ...op.i32GeU, ...op.brIf(1),
    ...op.get(H), ...op.get(Q), ...op.i64Load8U(), ...op.i64Xor, ...PRIME, ...op.i64Mul, ...op.set(H),
    ...op.get(Q), ...op.i32(1), ...op.i32Add, ...op.set(Q),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

function foldBody(): number[] {
  return [
    ...op.i32(STATE), ...op.i64Load(), ...op.set(H),
    ...op.i32(JOURNAL), ...op.set(P),
    ...op.block, ...op.loop,
    ...op.get(P), ...op.get(END), ...op.i32GeU, ...op.brIf(1),
    // The time's 8 bytes.
    ...op.get(P), ...op.i64Load(), ...op.set(X), ...foldWord(),
    // The kind's entry: K = KINDS + id·stride.
    ...op.get(P), ...op.f64Load(8), ...op.i32TruncF64S, ...op.i32(KIND_STRIDE), 0x6c /* i32.mul */, ...op.i32(KINDS), ...op.i32Add, ...op.set(K),
    ...op.get(P), ...op.i32(16), ...op.i32Add, ...op.set(P),
    ...op.get(K), ...op.i32Load(0), ...op.set(Q), ...op.get(K), ...op.i32Load(4), ...op.set(QE), ...foldText(),
    ...op.get(K), ...op.i32Load(8), ...op.set(NF), ...op.i32(0), ...op.set(J),
    ...op.get(K), ...op.i32(12), ...op.i32Add, ...op.set(K),
    ...op.block, ...op.loop,
    ...op.get(J), ...op.get(NF), ...op.i32GeU, ...op.brIf(1),
    ...op.get(K), ...op.i32Load(0), ...op.set(Q), ...op.get(K), ...op.i32Load(4), ...op.set(QE), ...foldText(),
    ...op.get(P), ...op.i64Load(), ...op.set(X), ...foldWord(),
    ...op.get(P), ...op.i32(8), ...op.i32Add, ...op.set(P),
    ...op.get(K), ...op.i32(8), ...op.i32Add, ...op.set(K),
    ...op.get(J), ...op.i32(1), ...op.i32Add, ...op.set(J),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.i32(STATE), ...op.get(H), ...op.i64Store(),
  ];
}

interface FoldFns {
  /** Fold the journal's doubles [JOURNAL, end) into the state. */
  fold(end: number): void;
}

const kernel = new WasmKernel<FoldFns>(
  () => moduleBytes([{ name: "fold", params: [I32], locals: [[2, I64], [6, I32]], body: foldBody() }], Math.ceil(MEMORY_BYTES / 65_536)),
  (e) => ({ fold: e.fold as FoldFns["fold"] }),
);

/** A batch of kernel events waiting to be folded, and the module that folds them. */
export class EventFold {
  private readonly fns: FoldFns;
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly u8: Uint8Array;
  /** Next free double of the journal (an index into `f64`). */
  private at = JOURNAL / 8;
  private readonly end = (JOURNAL + 8 * JOURNAL_DOUBLES) / 8;
  private kinds = 0;
  private textEnd = TEXT;

  private constructor() {
    const inst = kernel.instantiate(MEMORY_BYTES);
    this.fns = inst.fns;
    this.f64 = inst.f64;
    this.i32 = new Int32Array(inst.f64.buffer);
    this.u8 = new Uint8Array(inst.f64.buffer);
  }

  /** A fold, or undefined where WebAssembly is missing. */
  static create(): EventFold | undefined {
    return kernel.available() ? new EventFold() : undefined;
  }

  /**
   * Register the next kind id (ids are registered in order from 0) with its text bytes; false
   * when the table or the text area is full (that kind's events then fold in JavaScript).
   */
  addKind(name: Uint8Array, fields: readonly Uint8Array[]): boolean {
    const id = this.kinds;
    let bytes = name.length;
    for (const f of fields) bytes += f.length;
    if (id >= FOLD_KINDS_MAX || fields.length > FIELDS_MAX || this.textEnd + bytes > TEXT + TEXT_BYTES) return false;
    this.kinds = id + 1;
    const k = (KINDS + id * KIND_STRIDE) / 4;
    const put = (b: Uint8Array, at: number) => {
      this.u8.set(b, this.textEnd);
      this.i32[at] = this.textEnd;
      this.i32[at + 1] = this.textEnd + b.length;
      this.textEnd += b.length;
    };
    put(name, k);
    this.i32[k + 2] = fields.length;
    fields.forEach((f, j) => put(f, k + 3 + 2 * j));
    return true;
  }

  /**
   * Journal one event (time, kind id, its `count` values from `values[base…]`); true when the
   * journal has no room for another event and must be folded (`foldInto`) first.
   */
  push(timeNs: number, id: number, values: Float64Array, base: number, count: number): boolean {
    const f = this.f64;
    let at = this.at;
    f[at] = timeNs;
    f[at + 1] = id;
    at += 2;
    for (let j = 0; j < count; j++) f[at + j] = values[base + j]!;
    this.at = at + count;
    return this.at + 2 + FIELDS_MAX > this.end;
  }

  /** Fold the journalled events into `fp` (in order) and empty the journal. */
  foldInto(fp: Fingerprint): void {
    if (this.at === JOURNAL / 8) return;
    fp.saveHalves(this.i32, STATE / 4);
    this.fns.fold(8 * this.at);
    fp.loadHalves(this.i32, STATE / 4);
    this.at = JOURNAL / 8;
  }
}
