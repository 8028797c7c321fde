/**
 * RCF rows with WebAssembly SIMD (two doubles per instruction), equal to `rcfPair` bit for bit.
 *
 * One complex product term of ⟨ψ_i|ψ_j⟩ is done on a lane pair: with a = ψ_ik, b = ψ_jk,
 *   [re, im] += [a_r, a_r]·[b_r, b_i] + [a_i, a_i]·[b_i, −b_r],
 * which is `rcfBetween`'s `re += a_r b_r + a_i b_i`, `im += a_r b_i − a_i b_r` term for term
 * (a_i·(−b_r) is −(a_i b_r) exactly, and x + (−y) is x − y exactly), in the same order, and
 * |·|² is re·re + im·im as there. So the weights, their ties and every tree built on them are the
 * scalar kernel's. The states are copied into the module's memory twice: as they are ([b_r, b_i]
 * per mode) and "twisted" ([b_i, −b_r]); the row's state is written as lane splats. A caller that
 * samples repeatedly reloads new states into the same instance (`RcfRows.reuse`).
 *
 * The module is written out byte by byte (numeric/wasm/module-bytes.ts): no toolchain, nothing
 * downloaded. Where WebAssembly SIMD is missing, `RcfRows.create` returns undefined and callers
 * use the scalar `rcfBlock`.
 */
import { assert } from "../../errors.js";
import { MEMORY_BYTES_MAX, WasmKernel } from "../../numeric/wasm/kernel.js";
import { F64, I32, moduleBytes, op, V128 } from "../../numeric/wasm/module-bytes.js";

// Parameters and locals of `rows(a, s, t, n, nodeBytes, out, worst, worstRow)` (the last two
// are read by `rowsNear` only).
const A = 0;
const S = 1;
const T = 2;
const N = 3;
const NB = 4;
const OUT = 5;
const WJ = 6;
const WI = 7;
const V = 8;
const M = 9;
const P = 10;
const S1 = 11;
const T1 = 12;
const CNT = 13;
const ACC0 = 14;
const ACC1 = 15;
const AR = 16;
const AI = 17;
const ACC2 = 18;
const ACC3 = 19;
const W = 20;

/** acc += ar·load(s + m + off) + ai·load(t + m + off). */
function term(acc: number, s: number, t: number, off = 0): number[] {
  return [
    ...op.get(acc),
    ...op.get(AR), ...op.get(s), ...op.get(M), ...op.i32Add, ...op.v128Load(off), ...op.f64x2Mul,
    ...op.get(AI), ...op.get(t), ...op.get(M), ...op.i32Add, ...op.v128Load(off), ...op.f64x2Mul,
    ...op.f64x2Add,
    ...op.f64x2Add, ...op.set(acc),
  ];
}

/** The loop over modes for one or two columns (the row's splats from `a`). */
function modes(two: boolean): number[] {
  return [
    ...op.v128Zero, ...op.set(ACC0), ...op.v128Zero, ...op.set(ACC1),
    ...op.i32(0), ...op.set(M), ...op.get(A), ...op.set(P),
    ...op.loop,
    ...op.get(P), ...op.v128Load(0), ...op.set(AR),
    ...op.get(P), ...op.v128Load(16), ...op.set(AI),
    ...term(ACC0, S, T),
    ...(two ? term(ACC1, S1, T1) : []),
    ...op.get(P), ...op.i32(32), ...op.i32Add, ...op.set(P),
    ...op.get(M), ...op.i32(16), ...op.i32Add, ...op.tee(M), ...op.get(NB), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
  ];
}

/**
 * The loop over modes in `rcfUnrolled`'s order for two columns: even modes into ACC0/ACC1, odd
 * modes into ACC2/ACC3, a last odd-d mode into the even sums; then ACC0 += ACC2, ACC1 += ACC3.
 */
function modesPaired(): number[] {
  const splats = (off: number) => [...op.get(P), ...op.v128Load(off), ...op.set(AR), ...op.get(P), ...op.v128Load(off + 16), ...op.set(AI)];
  return [
    ...op.v128Zero, ...op.set(ACC0), ...op.v128Zero, ...op.set(ACC1), ...op.v128Zero, ...op.set(ACC2), ...op.v128Zero, ...op.set(ACC3),
    ...op.i32(0), ...op.set(M), ...op.get(A), ...op.set(P),
    ...op.block, ...op.loop,
    // While two modes remain (m + 16 < nodeBytes).
    ...op.get(M), ...op.i32(16), ...op.i32Add, ...op.get(NB), ...op.i32GeS, ...op.brIf(1),
    ...splats(0), ...term(ACC0, S, T), ...term(ACC1, S1, T1),
    ...splats(32), ...term(ACC2, S, T, 16), ...term(ACC3, S1, T1, 16),
    ...op.get(P), ...op.i32(64), ...op.i32Add, ...op.set(P),
    ...op.get(M), ...op.i32(32), ...op.i32Add, ...op.set(M),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(M), ...op.get(NB), ...op.i32LtS, ...op.if,
    ...splats(0), ...term(ACC0, S, T), ...term(ACC1, S1, T1),
    ...op.end,
    ...op.get(ACC0), ...op.get(ACC2), ...op.f64x2Add, ...op.set(ACC0),
    ...op.get(ACC1), ...op.get(ACC3), ...op.f64x2Add, ...op.set(ACC1),
  ];
}

/** out[offset] = re² + im² of `acc` (lane 0 squared plus lane 1 squared). */
function store(acc: number, offset: number): number[] {
  return [
    ...op.get(OUT),
    ...op.get(acc), ...op.get(acc), ...op.f64x2Mul, ...op.tee(AR), ...op.f64x2ExtractLane(0),
    ...op.get(AR), ...op.f64x2ExtractLane(1), ...op.f64Add,
    ...op.f64Store(offset),
  ];
}

/**
 * For `rowsNear`: w = 1 − (re² + im²) of `acc` (the scalar pass's `1 − row[j]`, bit for bit); when
 * w ≤ worstRow or w ≤ worst[column], append (column index, w) to the candidates at `out`.
 */
function candidate(acc: number, c: number): number[] {
  const at = [...op.get(OUT), ...op.get(CNT), ...op.i32(4), ...op.i32Shl, ...op.i32Add];
  return [
    ...op.f64(1),
    ...op.get(acc), ...op.get(acc), ...op.f64x2Mul, ...op.tee(AR), ...op.f64x2ExtractLane(0),
    ...op.get(AR), ...op.f64x2ExtractLane(1), ...op.f64Add,
    ...op.f64Sub, ...op.tee(W),
    ...op.get(WI), ...op.f64Le,
    ...op.get(W), ...op.get(WJ), ...op.f64Load(8 * c), ...op.f64Le,
    ...op.i32Or,
    ...op.if,
    ...at, ...op.get(V), ...op.i32(c), ...op.i32Add, ...op.f64ConvertI32S, ...op.f64Store(0),
    ...at, ...op.get(W), ...op.f64Store(8),
    ...op.get(CNT), ...op.i32(1), ...op.i32Add, ...op.set(CNT),
    ...op.end,
  ];
}

/**
 * `rows(a, s, t, n, nodeBytes, out)`: out[v] = RCF(row, column v) for n columns from s (t: the
 * twisted copy), in `rcfBetween`'s order, or with `paired` in `rcfUnrolled`'s (even and odd modes
 * summed apart). A paired odd last column runs as a pair whose second column is discarded.
 */
function rowsBody(kind: "plain" | "paired" | "near"): number[] {
  const paired = kind === "paired";
  const near = kind === "near";
  const two = paired ? modesPaired() : modes(true);
  return [
    ...op.i32(0), ...op.set(CNT),
    ...op.i32(0), ...op.set(V),
    ...op.block, ...op.loop,
    // Two columns at a time while two remain.
    ...op.get(V), ...op.i32(2), ...op.i32Add, ...op.get(N), ...op.i32GtS, ...op.brIf(1),
    ...op.get(S), ...op.get(NB), ...op.i32Add, ...op.set(S1),
    ...op.get(T), ...op.get(NB), ...op.i32Add, ...op.set(T1),
    ...two,
    ...(near ? [...candidate(ACC0, 0), ...candidate(ACC1, 1)] : [...store(ACC0, 0), ...store(ACC1, 8)]),
    ...op.get(S1), ...op.get(NB), ...op.i32Add, ...op.set(S),
    ...op.get(T1), ...op.get(NB), ...op.i32Add, ...op.set(T),
    ...(near ? [...op.get(WJ), ...op.i32(16), ...op.i32Add, ...op.set(WJ)] : [...op.get(OUT), ...op.i32(16), ...op.i32Add, ...op.set(OUT)]),
    ...op.get(V), ...op.i32(2), ...op.i32Add, ...op.set(V),
    ...op.br(0),
    ...op.end, ...op.end,
    // The last column when n is odd.
    ...op.get(V), ...op.get(N), ...op.i32LtS, ...op.if,
    ...(paired ? [...op.get(S), ...op.set(S1), ...op.get(T), ...op.set(T1), ...modesPaired()] : modes(false)),
    ...(near ? candidate(ACC0, 0) : store(ACC0, 0)),
    ...op.end,
    ...(near ? op.get(CNT) : []),
  ];
}


/**
 * The locals of `lightest(reps, repsEnd, s, t, n, nodeBytes, out)` for a tile of `r` representatives
 * by `c` columns: its 7 parameters, then i32s, f64s, v128s (the order `lightestFunction` declares).
 */
function tileLocals(r: number, c: number) {
  let next = 7;
  const take = (n: number) => Array.from({ length: n }, () => next++);
  const i32 = { p: take(r), s: take(c), t: take(c), j: take(r), v: next++, m: next++ };
  const f64 = { best: take(r), w: next++ };
  const v128 = {
    ar: next++, ai: next++, sq: next++,
    e: Array.from({ length: r }, () => take(c)), o: Array.from({ length: r }, () => take(c)),
    b: take(c), u: take(c),
  };
  return { reps: 0, repsEnd: 1, s0: 2, t0: 3, n: 4, nb: 5, out: 6, ...i32, ...f64, ...v128, counts: [2 * r + 2 * c + 2, r + 1, 3 + 2 * r * c + 2 * c] as const };
}
type TileLocals = ReturnType<typeof tileLocals>;

/** acc += ar·b + ai·u (`term`'s operations, its loads hoisted into b and u). */
function tileTerm(l: TileLocals, acc: number, b: number, u: number): number[] {
  return [
    ...op.get(acc),
    ...op.get(l.ar), ...op.get(b), ...op.f64x2Mul,
    ...op.get(l.ai), ...op.get(u), ...op.f64x2Mul,
    ...op.f64x2Add,
    ...op.f64x2Add, ...op.set(acc),
  ];
}

/** One mode of the tile into `sums`: every column's state loaded once, each representative's splats (at `splatOff`) meet all of them. */
function tileMode(l: TileLocals, sums: number[][], splatOff: number, stateOff: number): number[] {
  const load = (base: number, to: number) => [...op.get(base), ...op.get(l.m), ...op.i32Add, ...op.v128Load(stateOff), ...op.set(to)];
  return [
    ...l.b.flatMap((b, c) => [...load(l.s[c]!, b), ...load(l.t[c]!, l.u[c]!)]),
    ...l.p.flatMap((p, r) => [
      ...op.get(p), ...op.v128Load(splatOff), ...op.set(l.ar),
      ...op.get(p), ...op.v128Load(splatOff + 16), ...op.set(l.ai),
      ...l.b.flatMap((b, c) => tileTerm(l, sums[r]![c]!, b, l.u[c]!)),
    ]),
  ];
}

/**
 * Every (representative, column) pair of the tile in `modesPaired`'s order: even modes into e,
 * odd modes into o, a last odd-d mode into e; then e += o.
 */
function tileModes(l: TileLocals): number[] {
  const zero = [...l.e.flat(), ...l.o.flat()].flatMap((x) => [...op.v128Zero, ...op.set(x)]);
  return [
    ...zero,
    ...op.i32(0), ...op.set(l.m),
    ...op.block, ...op.loop,
    ...op.get(l.m), ...op.i32(16), ...op.i32Add, ...op.get(l.nb), ...op.i32GeS, ...op.brIf(1),
    ...tileMode(l, l.e, 0, 0),
    ...tileMode(l, l.o, 32, 16),
    ...l.p.flatMap((p) => [...op.get(p), ...op.i32(64), ...op.i32Add, ...op.set(p)]),
    ...op.get(l.m), ...op.i32(32), ...op.i32Add, ...op.set(l.m),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.get(l.m), ...op.get(l.nb), ...op.i32LtS, ...op.if,
    ...tileMode(l, l.e, 0, 0),
    ...op.end,
    ...l.e.flatMap((row, r) => row.flatMap((x, c) => [...op.get(x), ...op.get(l.o[r]![c]!), ...op.f64x2Add, ...op.set(x)])),
  ];
}

/** w = 1 − (re² + im²) of e[r][c] (`store` then `1 − row[v]`, bit for bit); if w < best_r: best_r = w, j_r = v + c. */
function tileMin(l: TileLocals, r: number, c: number): number[] {
  const acc = l.e[r]![c]!;
  return [
    ...op.f64(1),
    ...op.get(acc), ...op.get(acc), ...op.f64x2Mul, ...op.tee(l.sq), ...op.f64x2ExtractLane(0),
    ...op.get(l.sq), ...op.f64x2ExtractLane(1), ...op.f64Add,
    ...op.f64Sub, ...op.tee(l.w),
    ...op.get(l.best[r]!), ...op.f64Lt,
    ...op.if,
    ...op.get(l.w), ...op.set(l.best[r]!),
    ...op.get(l.v), ...op.i32(c), ...op.i32Add, ...op.set(l.j[r]!),
    ...op.end,
  ];
}

/**
 * `lightest(reps, repsEnd, s, t, n, nodeBytes, out)`: for the representatives' splats in
 * [reps, repsEnd) (2·nodeBytes each, a multiple of TILE_REPS of them), the first lightest 1 − RCF
 * over the n columns from s (t: the twisted copy) and its column index, as (w, index) doubles at
 * out, 16 bytes a representative. TILE_REPS representatives meet TILE_COLUMNS columns per pass
 * (n a multiple of TILE_COLUMNS). Each RCF is `rowsPaired`'s bit for bit: the same products and
 * sums per pair in the same order, even and odd modes summed apart.
 */
function lightestBody(l: TileLocals): number[] {
  const r = l.p.length;
  const c = l.s.length;
  const pointers = l.p.flatMap((p, x) => [...op.get(l.reps), ...(x === 0 ? [] : [...op.get(l.nb), ...op.i32(2 * x), ...op.i32Mul, ...op.i32Add]), ...op.set(p)]);
  const reps = Array.from({ length: r }, (_, x) => x);
  return [
    ...op.block, ...op.loop,
    ...op.get(l.reps), ...op.get(l.repsEnd), ...op.i32GeS, ...op.brIf(1),
    ...l.best.flatMap((b) => [...op.f64(Number.POSITIVE_INFINITY), ...op.set(b)]),
    ...l.j.flatMap((j) => [...op.i32(-1), ...op.set(j)]),
    ...op.get(l.s0), ...op.set(l.s[0]!), ...op.get(l.t0), ...op.set(l.t[0]!),
    ...op.i32(0), ...op.set(l.v),
    ...op.block, ...op.loop,
    ...op.get(l.v), ...op.i32(c), ...op.i32Add, ...op.get(l.n), ...op.i32GtS, ...op.brIf(1),
    ...l.s.slice(1).flatMap((s, x) => [...op.get(l.s[x]!), ...op.get(l.nb), ...op.i32Add, ...op.set(s), ...op.get(l.t[x]!), ...op.get(l.nb), ...op.i32Add, ...op.set(l.t[x + 1]!)]),
    ...pointers,
    ...tileModes(l),
    ...reps.flatMap((x) => l.s.flatMap((_, y) => tileMin(l, x, y))),
    ...op.get(l.s[c - 1]!), ...op.get(l.nb), ...op.i32Add, ...op.set(l.s[0]!),
    ...op.get(l.t[c - 1]!), ...op.get(l.nb), ...op.i32Add, ...op.set(l.t[0]!),
    ...op.get(l.v), ...op.i32(c), ...op.i32Add, ...op.set(l.v),
    ...op.br(0),
    ...op.end, ...op.end,
    ...reps.flatMap((x) => [
      ...op.get(l.out), ...op.get(l.best[x]!), ...op.f64Store(16 * x),
      ...op.get(l.out), ...op.get(l.j[x]!), ...op.f64ConvertI32S, ...op.f64Store(16 * x + 8),
    ]),
    ...op.get(l.out), ...op.i32(16 * r), ...op.i32Add, ...op.set(l.out),
    // The next tile of representatives: r × 2·nodeBytes of splats on.
    ...op.get(l.reps), ...op.get(l.nb), ...op.i32(2 * r), ...op.i32Mul, ...op.i32Add, ...op.set(l.reps),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/**
 * Representatives and columns per pass of `lightest`: two representatives meet one node (its
 * state loaded once for both). Measured against 1×2, 2×2, 3×1 and 4×1 tiles on the planetary
 * backbone (d = 12, clusters of 150): 2×1 took the least CPU, about 15 % under the row-by-row
 * kernel with its JS minimum; the wider tiles hold more sums than V8 keeps in registers.
 */
const TILE_REPS = 2;
const TILE_COLUMNS = 1;

/** Representatives `lightest` takes per load (a multiple of TILE_REPS); 24 KiB of splats at d = 12. */
const REPS_MAX = 64;

type RowsFn = (a: number, s: number, t: number, n: number, nodeBytes: number, out: number, worst: number, worstRow: number) => number;
function lightestFunction() {
  const l = tileLocals(TILE_REPS, TILE_COLUMNS);
  const [i32s, f64s, v128s] = l.counts;
  const locals: Array<[number, number]> = [[i32s, I32], [f64s, F64], [v128s, V128]];
  return { name: "lightest", params: [I32, I32, I32, I32, I32, I32, I32], locals, body: lightestBody(l) };
}

type LightestFn = (reps: number, repsEnd: number, s: number, t: number, n: number, nodeBytes: number, out: number) => void;

const rowsKernel = new WasmKernel(
  () => {
    const params = [I32, I32, I32, I32, I32, I32, I32, F64];
    const locals: Array<[number, number]> = [[6, I32], [6, V128], [1, F64]];
    return moduleBytes([
      { name: "rows", params, locals, body: rowsBody("plain") },
      { name: "rowsPaired", params, locals, body: rowsBody("paired") },
      { name: "rowsNear", params, results: [I32], locals, body: rowsBody("near") },
      lightestFunction(),
    ]);
  },
  (exports) => ({ rows: exports.rows as RowsFn, rowsPaired: exports.rowsPaired as RowsFn, rowsNear: exports.rowsNear as RowsFn, lightest: exports.lightest as LightestFn }),
);

/** RCF rows of fixed states `data` (N nodes of d modes) against ranges of nodes, through the SIMD kernel. */
export class RcfRows {
  private rowsFn!: RowsFn;
  private rowsPairedFn!: RowsFn;
  private rowsNearFn!: RowsFn;
  private lightestFn!: LightestFn;
  private f64!: Float64Array;
  private memoryBytes = 0;
  private data!: Float64Array;
  private dim = 0;
  private nodeBytes = 0;
  private outAt = 0;
  private worstAt = 0;
  private statesAt = 0;
  private twistedAt = 0;
  private repsAt = 0;
  private repsOutAt = 0;
  private repsEnd = 0;
  private repsOut!: Float64Array;
  private out!: Float64Array;
  private worstView!: Float64Array;
  private candidatesView!: Float64Array;
  private columns = 0;

  private constructor() {}

  /** One number per node in the module's memory, read by `near` (a nearest-list pass keeps each node's k-th weight here). */
  get worst(): Float64Array {
    return this.worstView;
  }

  /** `near`'s candidates: (column, weight) pairs. */
  get candidates(): Float64Array {
    return this.candidatesView;
  }

  /** The longest row the loaded states allow. */
  get columnsMax(): number {
    return this.columns;
  }

  /**
   * The kernel over `data` (d modes a node, nodes [0, nodes)), for rows of at most `columnsMax`
   * columns; undefined where WebAssembly SIMD is unavailable or the states do not fit its memory.
   */
  static create(data: Float64Array, dim: number, nodes: number, columnsMax: number): RcfRows | undefined {
    return RcfRows.reuse(undefined, data, dim, nodes, columnsMax);
  }

  /**
   * `create` that reuses `rows` (its memory, and its module instance while the new states fit;
   * a larger one only when they do not): the states are copied in again, `rows` is returned. For a
   * caller that samples repeatedly. Undefined where `create` gives undefined.
   */
  static reuse(rows: RcfRows | undefined, data: Float64Array, dim: number, nodes: number, columnsMax: number): RcfRows | undefined {
    if (rowsLayout(dim, nodes, columnsMax).bytes > MEMORY_BYTES_MAX || !rowsKernel.available()) return undefined;
    const r = rows ?? new RcfRows();
    r.load(data, dim, nodes, columnsMax);
    return r;
  }

  private load(data: Float64Array, dim: number, nodes: number, columnsMax: number): void {
    this.data = data;
    this.dim = dim;
    this.columns = columnsMax;
    this.nodeBytes = 16 * dim;
    const { outAt, worstAt, statesAt, twistedAt, repsAt, repsOutAt, bytes } = rowsLayout(dim, nodes, columnsMax);
    this.outAt = outAt;
    this.worstAt = worstAt;
    this.statesAt = statesAt;
    this.twistedAt = twistedAt;
    this.repsAt = repsAt;
    this.repsOutAt = repsOutAt;
    if (bytes > this.memoryBytes) {
      const { fns, f64, bytes: got } = rowsKernel.instantiate(bytes);
      this.rowsFn = fns.rows;
      this.rowsPairedFn = fns.rowsPaired;
      this.rowsNearFn = fns.rowsNear;
      this.lightestFn = fns.lightest;
      this.f64 = f64;
      this.memoryBytes = got;
    }
    const n2 = 2 * dim * nodes;
    const s = this.f64.subarray(this.statesAt / 8, this.statesAt / 8 + n2);
    const t = this.f64.subarray(this.twistedAt / 8, this.twistedAt / 8 + n2);
    s.set(data.subarray(0, n2));
    for (let x = 0; x < n2; x += 2) {
      t[x] = data[x + 1]!;
      t[x + 1] = -data[x]!;
    }
    this.out = this.f64.subarray(this.outAt / 8, this.outAt / 8 + columnsMax);
    this.candidatesView = this.f64.subarray(this.outAt / 8, this.outAt / 8 + 2 * columnsMax);
    this.worstView = this.f64.subarray(this.worstAt / 8, this.worstAt / 8 + nodes);
    this.repsOut = this.f64.subarray(this.repsOutAt / 8, this.repsOutAt / 8 + 2 * REPS_MAX);
    this.repsEnd = this.repsAt;
  }

  /** How many representatives `representatives` takes at once. */
  static get representativesMax(): number {
    return REPS_MAX;
  }

  /**
   * Load the representatives `first + r·stride` (r < count ≤ `representativesMax`) for `lightest`
   * (kept until the next call or the next load of states).
   */
  representatives(first: number, stride: number, count: number): void {
    assert(count >= 1 && count <= REPS_MAX && first >= 0, `1 to ${REPS_MAX} representatives, got ${count}`);
    const tiled = Math.ceil(count / TILE_REPS) * TILE_REPS; // the last tile filled with copies of the last representative
    for (let r = 0; r < tiled; r++) this.splatAt(this.repsAt + r * 2 * this.nodeBytes, first + Math.min(r, count - 1) * stride);
    this.repsEnd = this.repsAt + tiled * 2 * this.nodeBytes;
  }

  /**
   * For each loaded representative r (see `representatives`): the first lightest
   * w = 1 − `rcfUnrolled(rep r, node v)` over v in [lo, hi) (hi > lo; the lowest v on ties) as
   * (w, v) at [2r, 2r + 1] of the returned view (overwritten by the next call). The same numbers
   * as the minimum over `rowUnrolled(rep r, lo, hi)`, bit for bit, with two representatives
   * meeting each node (its state loaded once for both) and the minimum kept in the kernel.
   */
  lightest(lo: number, hi: number): Float64Array {
    assert(lo >= 0 && hi > lo && this.repsEnd > this.repsAt, `lightest over [${lo}, ${hi}) after representatives were loaded`);
    this.lightestFn(this.repsAt, this.repsEnd, this.statesAt + lo * this.nodeBytes, this.twistedAt + lo * this.nodeBytes, hi - lo, this.nodeBytes, this.repsOutAt);
    const out = this.repsOut;
    const values = (this.repsEnd - this.repsAt) / this.nodeBytes; // 2 per representative
    for (let x = 1; x < values; x += 2) if (out[x]! >= 0) out[x] = out[x]! + lo;
    return out;
  }

  /**
   * `out[v − lo] = RCF(node i, node v)` for v in [lo, hi) (hi − lo ≤ columnsMax), `rcfPair`'s
   * values bit for bit; the returned view is overwritten by the next call.
   */
  row(i: number, lo: number, hi: number): Float64Array {
    return this.run(this.rowsFn, i, lo, hi);
  }

  /** As `row`, with `rcfUnrolled(node i, node v)`'s values bit for bit (Prim's and the backbone's kernel). */
  rowUnrolled(i: number, lo: number, hi: number): Float64Array {
    return this.run(this.rowsPairedFn, i, lo, hi);
  }

  /**
   * The nearest-list pass's filter: the nodes v in [lo, hi) whose w = 1 − RCF(i, v) (`rcfPair`'s,
   * bit for bit) has w ≤ `worstRow` or w ≤ `worst[v]`, as (v − lo, w) pairs in `candidates`, in
   * node order; returns how many.
   */
  near(i: number, lo: number, hi: number, worstRow: number): number {
    this.splat(i, lo, hi);
    return this.rowsNearFn(0, this.statesAt + lo * this.nodeBytes, this.twistedAt + lo * this.nodeBytes, hi - lo, this.nodeBytes, this.outAt, this.worstAt + 8 * lo, worstRow);
  }

  private run(fn: RowsFn, i: number, lo: number, hi: number): Float64Array {
    this.splat(i, lo, hi);
    fn(0, this.statesAt + lo * this.nodeBytes, this.twistedAt + lo * this.nodeBytes, hi - lo, this.nodeBytes, this.outAt, 0, 0);
    return this.out;
  }

  /** Row i's amplitudes as lane splats at address 0. */
  private splat(i: number, lo: number, hi: number): void {
    assert(hi - lo <= this.columnsMax && lo >= 0 && lo <= hi, `RCF row [${lo}, ${hi}) within ${this.columnsMax} columns`);
    this.splatAt(0, i);
  }

  /** Node i's amplitudes as lane splats ([a_r, a_r], [a_i, a_i] per mode) at byte `at`. */
  private splatAt(at: number, i: number): void {
    const d2 = 2 * this.dim;
    const f = this.f64;
    const o = i * d2;
    const b = at / 8;
    for (let m = 0; m < d2; m += 2) {
      const ar = this.data[o + m]!;
      const ai = this.data[o + m + 1]!;
      f[b + 2 * m] = ar;
      f[b + 2 * m + 1] = ar;
      f[b + 2 * m + 2] = ai;
      f[b + 2 * m + 3] = ai;
    }
  }
}

/**
 * Where `RcfRows` keeps what, in bytes, for `nodes` states of d modes and rows of `columnsMax`
 * columns: row splats (32·d bytes), outputs (16 per column: candidates are pairs), one number per
 * node, the states, the twisted states, then the splats of up to REPS_MAX representatives and
 * their (w, index) pairs; `bytes` is the memory it needs.
 */
function rowsLayout(dim: number, nodes: number, columnsMax: number) {
  const nodeBytes = 16 * dim;
  const outAt = 2 * nodeBytes;
  const worstAt = outAt + 16 * columnsMax;
  const statesAt = align16(worstAt + 8 * nodes);
  const twistedAt = statesAt + nodeBytes * nodes;
  const repsAt = twistedAt + nodeBytes * nodes;
  const repsOutAt = repsAt + 2 * nodeBytes * REPS_MAX;
  return { outAt, worstAt, statesAt, twistedAt, repsAt, repsOutAt, bytes: repsOutAt + 16 * REPS_MAX };
}

function align16(x: number): number {
  return (x + 15) & ~15;
}
