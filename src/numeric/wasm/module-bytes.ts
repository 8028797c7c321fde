/**
 * A few WebAssembly binary-format helpers, enough to write a small kernel module by hand (no
 * toolchain: the bytes are the program). Encodings from the WebAssembly core spec §5 (binary
 * format) and the fixed-width SIMD proposal (opcodes after the 0xFD prefix, LEB128-encoded).
 */

/** Unsigned LEB128. */
export function u32(x: number): number[] {
  const out: number[] = [];
  do {
    let b = x & 0x7f;
    x >>>= 7;
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function s32(x: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A name (UTF-8 bytes with their length). */
function name(s: string): number[] {
  const b = [...new TextEncoder().encode(s)];
  return [...u32(b.length), ...b];
}

function section(id: number, body: number[]): number[] {
  return [id, ...u32(body.length), ...body];
}

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Instructions used by the kernels (each a byte list; immediates appended by the helpers). */
export const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], end: [0x0b],
  br: (l: number) => [0x0c, ...u32(l)], call: (f: number) => [0x10, ...u32(f)], brIf: (l: number) => [0x0d, ...u32(l)],
  get: (i: number) => [0x20, ...u32(i)], set: (i: number) => [0x21, ...u32(i)], tee: (i: number) => [0x22, ...u32(i)],
  i32: (x: number) => [0x41, ...s32(x)],
  i32Add: [0x6a], i32Sub: [0x6b], i32LtS: [0x48], i32GtS: [0x4a], i32GeS: [0x4e],
  f64Add: [0xa0], f64Sub: [0xa1], f64Le: [0x65], i32Or: [0x72], i32Shl: [0x74], f64ConvertI32S: [0xb7],
  /** f64.const x (little-endian IEEE bits). */
  f64: (x: number) => [0x44, ...new Uint8Array(new Float64Array([x]).buffer)],
  /** f64.load, 8-byte aligned, at `offset`. */
  f64Load: (offset = 0) => [0x2b, 3, ...u32(offset)],
  /** f64.store, 8-byte aligned, at `offset`. */
  f64Store: (offset = 0) => [0x39, 3, ...u32(offset)],
  /** v128.load, 16-byte aligned, at `offset`. */
  v128Load: (offset = 0) => [0xfd, 0x00, 4, ...u32(offset)],
  v128Zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f64x2ExtractLane: (lane: number) => [0xfd, 0x21, lane],
  f64x2Add: [0xfd, ...u32(240)],
  f64x2Mul: [0xfd, ...u32(242)],
  // Control, memory and scalar numeric instructions (core spec §5.4), in opcode order.
  else: [0x05], return: [0x0f], select: [0x1b],
  /** i32.load, 4-byte aligned, at `offset` (likewise i64.load, i32.load8_u, i64.load8_u, i32.store, i64.store). */
  i32Load: (offset = 0) => [0x28, 2, ...u32(offset)],
  i64Load: (offset = 0) => [0x29, 3, ...u32(offset)],
  i32Load8U: (offset = 0) => [0x2d, 0, ...u32(offset)],
  i64Load8U: (offset = 0) => [0x31, 0, ...u32(offset)],
  i32Store: (offset = 0) => [0x36, 2, ...u32(offset)],
  i64Store: (offset = 0) => [0x37, 3, ...u32(offset)],
  i32Eqz: [0x45], i32Eq: [0x46], i32Ne: [0x47], i32LeS: [0x4c], i32GeU: [0x4f],
  f64Eq: [0x61], f64Ne: [0x62], f64Lt: [0x63], f64Gt: [0x64], f64Ge: [0x66],
  i32Mul: [0x6c], i32And: [0x71], i32ShrS: [0x75], i32ShrU: [0x76],
  i64Mul: [0x7e], i64And: [0x83], i64Xor: [0x85], i64Shl: [0x86], i64ShrU: [0x88], i64Rotl: [0x89],
  f64Abs: [0x99], f64Neg: [0x9a], f64Floor: [0x9c], f64Sqrt: [0x9f], f64Mul: [0xa2], f64Div: [0xa3],
  i32WrapI64: [0xa7], i32TruncF64S: [0xaa], i64ExtendI32U: [0xad], f64ConvertI64S: [0xb9],
  i64ReinterpretF64: [0xbd], f64ReinterpretI64: [0xbf],
  // SIMD (after the 0xFD prefix).
  /** if with a v128 result. */
  ifV128: [0x04, V128],
  v128Load64Splat: (offset = 0) => [0xfd, 0x0a, 3, ...u32(offset)],
  /** v128.store, 16-byte aligned, at `offset`. */
  v128Store: (offset = 0) => [0xfd, 0x0b, 4, ...u32(offset)],
  v128Const: (bytes: number[]) => [0xfd, 0x0c, ...bytes],
  /** i8x16.shuffle of two vectors on the stack giving the first's two 64-bit lanes swapped (a vector with itself: its doubles swapped). */
  swapLanes: [0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7],
  f64x2Splat: [0xfd, ...u32(0x14)],
  f64x2ReplaceLane: (lane: number) => [0xfd, 0x22, lane],
  v128Xor: [0xfd, ...u32(0x51)],
  f64x2Sub: [0xfd, ...u32(241)],
  f64x2Div: [0xfd, ...u32(243)],
} as const;

/** A function the module imports from `env` (called with `op.call(i)`, i its place in `imports`). */
export interface ImportedFunction {
  readonly name: string;
  readonly params: number[];
  readonly results?: number[];
}

/** How the module imports its memory and which functions it imports. */
export interface ModuleImports {
  /** Import a shared memory (required to run one memory on several threads), at most this many pages. */
  readonly sharedMaxPages?: number;
  /** Functions imported from `env`, before the memory; a call's index is its place here, defined functions follow. */
  readonly functions?: readonly ImportedFunction[];
}

/**
 * A module importing one memory as env.mem (at least `minPages` pages of 64 KiB; shared when
 * `imports.sharedMaxPages` is set), optionally some functions from env, and exporting functions,
 * each `{ name, params, results, locals, body }` (`results`: none when absent). Defined functions
 * are numbered after the imported ones.
 */
export function moduleBytes(funcs: ReadonlyArray<{ name: string; params: number[]; results?: number[]; locals: Array<[number, number]>; body: number[] }>, minPages = 1, imports: ModuleImports = {}): Uint8Array {
  const imported = imports.functions ?? [];
  const signature = (f: { params: number[]; results?: number[] }) => [0x60, ...u32(f.params.length), ...f.params, ...u32(f.results?.length ?? 0), ...(f.results ?? [])];
  const types = [...imported, ...funcs].flatMap(signature);
  const limits = imports.sharedMaxPages === undefined ? [0x00, ...u32(minPages)] : [0x03, ...u32(minPages), ...u32(imports.sharedMaxPages)];
  const importEntries = [
    ...imported.flatMap((f, i) => [...name("env"), ...name(f.name), 0x00, ...u32(i)]),
    ...name("env"), ...name("mem"), 0x02, ...limits,
  ];
  const exports = funcs.flatMap((f, i) => [...name(f.name), 0x00, ...u32(imported.length + i)]);
  const codes = funcs.flatMap((f) => {
    const body = [...u32(f.locals.length), ...f.locals.flatMap(([n, t]) => [...u32(n), t]), ...f.body, 0x0b];
    return [...u32(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [...u32(imported.length + funcs.length), ...types]),
    ...section(2, [...u32(imported.length + 1), ...importEntries]),
    ...section(3, [...u32(funcs.length), ...funcs.map((_, i) => imported.length + i)]),
    ...section(7, [...u32(funcs.length), ...exports]),
    ...section(10, [...u32(funcs.length), ...codes]),
  ]);
}
