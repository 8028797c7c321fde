/**
 * The mesh's phase step (`applyPhases`, mesh-blocks.ts) as a WebAssembly kernel on the mesh's
 * arena (mesh-arena.ts), equal to the JavaScript bit for bit, drawing its own normals.
 *
 * Normals: xoshiro256** on the block stream's generator words in the arena (`STREAM_SLOT` int32s:
 * s0 high, s0 low, … s3 low, then the last output's low half; see `RandomStream.stateWords`), with
 * 64-bit integer ops, and the ziggurat inline (`zigguratTables()`): u = 2·uniform53 − 1 from one
 * output, i = its low 7 bits, |u| < ratio[i] gives u·x[i] (the fast path); for i > 0 the wedge test
 * (two `detExp`s, ported operation for operation, and one more output as a uniform; rejection
 * draws afresh). Only the base layer's tail (i = 0, which needs a log) leaves the kernel: it writes
 * the words as they were BEFORE that output and calls the imported `normal(b)`, which runs
 * `RandomStream.normal()` from there (it draws the same output again and goes on as JavaScript
 * would), then reads the words back. So every draw is `normal()`'s, in order.
 *
 * cos and sin: V8's Math.sin/Math.cos (Node 20) are fdlibm's (V8's base/ieee754.cc): for |x| ≤ π/4
 * `__kernel_sin`/`__kernel_cos` directly, else `__ieee754_rem_pio2` reduces x to n·π/2 + (y0 + y1)
 * and a kernel of (y0, y1) by quadrant. This module has the kernels and the reduction for
 * |x| < 3π/4 and the medium range |x| ≲ 2^19·π/2 (Cody–Waite with 33+33+33+53-bit π/2, the same
 * operations in the same order), computed once for both functions of one φ. Larger |x| (the
 * Payne–Hanek path) calls the imported sin and cos; NaN and ±∞ give x − x as there. The
 * fdlibm table `npio2_hw` (high words of n·π/2, n = 1…32) is the high word of the double n·(π/2),
 * checked when the module is built, so the module computes it instead of keeping a table.
 *
 * The module is written out byte by byte (numeric/wasm/module-bytes.ts); it imports the arena's
 * shared memory, so every thread binding the mesh instantiates it on the same bytes.
 */
import { assert } from "../../errors.js";
import { Frame } from "../../numeric/wasm/frame.js";
import { SHARED_MAX_PAGES, WasmKernel } from "../../numeric/wasm/kernel.js";
import { LN2_HI, LN2_LO } from "../../numeric/random/glibc-log-data.js";
import { F64, I32, type ImportedFunction, moduleBytes, op, s32, V128 } from "../../numeric/wasm/module-bytes.js";

const I64 = 0x7e;

/** The phase step (argument order: see `MeshPhasesFns.phases`). */
type PhasesFn = (
  lo: number, hi: number, dim: number, dtS: number, sigma: number, b: number,
  s: number, det: number, clockError: number, appliedClockError: number, omega: number, failed: number,
  words: number, zigX: number, zigRatio: number, clockRate: number, advanceClocks: number,
) => void;

/** The module's exports. */
export interface MeshPhasesFns {
  /**
   * `applyPhases` for nodes [lo, hi) of block b: i32 lo, hi, dim, b; f64 dtS, sigma = √(γ·Δt); the
   * rest byte offsets in the memory (states, detunings, clock errors, applied clock errors, ω_k,
   * failed flags, block b's stream words, the ziggurat's x and ratio tables, clock rates).
   * `advanceClocks` ≠ 0 first takes `advanceClocks`' step without a clock walk (τ_i ← τ_i + y_i·Δt,
   * every node of the range, failed or not), node by node before its phases.
   */
  readonly phases: PhasesFn;
  /** sin x at byte `out`, cos x at `out + 8`: Math.sin and Math.cos bit for bit (the kernel's own path). */
  readonly sinCos: (x: number, out: number) => void;
  /** e^x: `detExp` (numeric/random/det-math.ts) bit for bit, the port the ziggurat's wedge test calls. */
  readonly detExp: (x: number) => number;
}

// ---------------------------------------------------------------- opcodes (core spec §5.4)
/** module-bytes.ts's instructions and the scalar and 64-bit integer ones it does not list. */
const c = {
  ...op,
  /** i64.const of a small integer (its signed LEB128 is the 32-bit one). */
  i64: (x: number) => [0x42, ...s32(x)],
  i32LeU: [0x4d],
  /** f64x2.const [x, x]. */
  f64x2: (x: number) => op.v128Const([...new Uint8Array(new Float64Array([x, x]).buffer)]),
  /** i8x16.shuffle of vectors a, b (on the stack in that order): [a₀, b₀] (the low doubles). */
  lowLanes: [0xfd, 0x0d, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23],
  /** The same: [a₁, b₁] (the high doubles). */
  highLanes: [0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31],
} as const;

/** Imported functions; a call's index is its place here. */
const IMPORTS: readonly ImportedFunction[] = [
  { name: "normal", params: [I32], results: [F64] },
  { name: "sin", params: [F64], results: [F64] },
  { name: "cos", params: [F64], results: [F64] },
];
const NORMAL = 0;
const SIN = 1;
const COS = 2;
/** The defined functions in `buildModule`'s order; their call indices follow the imports'. */
const DEFINED = ["phases", "sinCos", "detExp"] as const;
const DET_EXP = IMPORTS.length + DEFINED.indexOf("detExp");

// ---------------------------------------------------------------- fdlibm constants (V8 base/ieee754.cc)
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;
const INVPIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** π/2 as a double. */
const PIO2 = 1.5707963267948966;
/** fdlibm's `npio2_hw`: high words of n·π/2, n = 1 … 32. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a, 0x402f6a7a, 0x4031475c,
  0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c,
  0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

/** The high word of a double on the stack (signed i32). */
const highWord = [...c.i64ReinterpretF64, ...c.i64(32), ...c.i64ShrU, ...c.i32WrapI64];

/** The locals `sinCos` uses (f64 unless named otherwise). */
const SINCOS_LOCALS: Array<[string, number]> = [
  ["scIx", I32], ["scHx", I32], ["scN", I32], ["scIy", I32], ["scJ", I32], ["scI", I32], ["scQ", I32], ["kIx", I32],
  ["scY0", F64], ["scY1", F64], ["scT", F64], ["scR", F64], ["scW", F64], ["scFn", F64], ["scZ", F64],
  ["kZ", F64], ["kV", F64], ["kR", F64], ["kS", F64], ["kC", F64], ["kQ", F64],
];

/**
 * Code for SN = sin(X), CS = cos(X), fdlibm's sin and cos (see the file comment): locals named
 * by `f` (`x`, `sn`, `cs` and `SINCOS_LOCALS`).
 */
function sinCos(f: Frame, x: string, sn: string, cs: string): number[] {
  const g = (n: string) => c.get(f.at(n));
  const s = (n: string) => c.set(f.at(n));
  const t = (n: string) => c.tee(f.at(n));
  const k = c.f64;
  // y0 = r − w; then i = j − exponent(y0) (for the extra Cody–Waite rounds).
  const exponentGap = [...g("scJ"), ...g("scY0"), ...highWord, ...c.i32(20), ...c.i32ShrS, ...c.i32(0x7ff), ...c.i32And, ...c.i32Sub, ...s("scI")];
  // t = r; w = fn·p; r = t − w; w = fn·pt − ((t − r) − w); y0 = r − w
  const round = (p: number, pt: number) => [
    ...g("scR"), ...s("scT"),
    ...g("scFn"), ...k(p), ...c.f64Mul, ...s("scW"),
    ...g("scT"), ...g("scW"), ...c.f64Sub, ...s("scR"),
    ...g("scFn"), ...k(pt), ...c.f64Mul, ...g("scT"), ...g("scR"), ...c.f64Sub, ...g("scW"), ...c.f64Sub, ...c.f64Sub, ...s("scW"),
    ...g("scR"), ...g("scW"), ...c.f64Sub, ...s("scY0"),
  ];
  // |x| < 3π/4, x > 0 (sign +) or x < 0 (sign −): z = x ∓ pio2_1, …, n = ±1.
  const nearPio2 = (plus: boolean) => {
    const addSub = plus ? c.f64Sub : c.f64Add;
    const tail = (pt: number) => [
      ...g("scZ"), ...k(pt), ...addSub, ...s("scY0"),
      ...g("scZ"), ...g("scY0"), ...c.f64Sub, ...k(pt), ...addSub, ...s("scY1"),
    ];
    return [
      ...g(x), ...k(PIO2_1), ...addSub, ...s("scZ"),
      ...g("scIx"), ...c.i32(0x3ff921fb), ...c.i32Ne, ...c.if,
      ...tail(PIO2_1T),
      ...c.else,
      ...g("scZ"), ...k(PIO2_2), ...addSub, ...s("scZ"),
      ...tail(PIO2_2T),
      ...c.end,
      ...c.i32(plus ? 1 : -1), ...s("scN"),
    ];
  };
  const medium = [
    ...g(x), ...c.f64Abs, ...s("scT"),
    ...g("scT"), ...k(INVPIO2), ...c.f64Mul, ...k(0.5), ...c.f64Add, ...c.i32TruncF64S, ...t("scN"),
    ...c.f64ConvertI32S, ...s("scFn"),
    ...g("scT"), ...g("scFn"), ...k(PIO2_1), ...c.f64Mul, ...c.f64Sub, ...s("scR"),
    ...g("scFn"), ...k(PIO2_1T), ...c.f64Mul, ...s("scW"),
    ...g("scR"), ...g("scW"), ...c.f64Sub, ...s("scY0"),
    // Unless n < 32 and ix ≠ npio2_hw[n − 1] (= high word of n·(π/2)): the extra rounds.
    ...g("scN"), ...c.i32(32), ...c.i32LtS,
    ...g("scIx"), ...g("scFn"), ...k(PIO2), ...c.f64Mul, ...highWord, ...c.i32Ne, ...c.i32And,
    ...c.i32Eqz, ...c.if,
    ...g("scIx"), ...c.i32(20), ...c.i32ShrS, ...s("scJ"),
    ...exponentGap,
    ...g("scI"), ...c.i32(16), ...c.i32GtS, ...c.if,
    ...round(PIO2_2, PIO2_2T),
    ...exponentGap,
    ...g("scI"), ...c.i32(49), ...c.i32GtS, ...c.if,
    ...round(PIO2_3, PIO2_3T),
    ...c.end,
    ...c.end,
    ...c.end,
    ...g("scR"), ...g("scY0"), ...c.f64Sub, ...g("scW"), ...c.f64Sub, ...s("scY1"),
    ...g("scHx"), ...c.i32(0), ...c.i32LtS, ...c.if,
    ...g("scY0"), ...c.f64Neg, ...s("scY0"),
    ...g("scY1"), ...c.f64Neg, ...s("scY1"),
    ...c.i32(0), ...g("scN"), ...c.i32Sub, ...s("scN"),
    ...c.end,
  ];
  // __kernel_sin(y0, y1, iy) into kS and __kernel_cos(y0, y1) into kC.
  const kernels = [
    ...g("scY0"), ...highWord, ...c.i32(0x7fffffff), ...c.i32And, ...s("kIx"),
    ...g("kIx"), ...c.i32(0x3e400000), ...c.i32LtS, ...c.if,
    ...g("scY0"), ...s("kS"), ...k(1), ...s("kC"),
    ...c.else,
    ...g("scY0"), ...g("scY0"), ...c.f64Mul, ...s("kZ"),
    // sin: v = z·x; r = S2 + z(S3 + z(S4 + z(S5 + z·S6)))
    ...g("kZ"), ...g("scY0"), ...c.f64Mul, ...s("kV"),
    ...k(S2), ...g("kZ"), ...k(S3), ...g("kZ"), ...k(S4), ...g("kZ"), ...k(S5), ...g("kZ"), ...k(S6), ...c.f64Mul,
    ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...s("kR"),
    ...g("scIy"), ...c.i32Eqz, ...c.if,
    // x + v·(S1 + z·r)
    ...g("scY0"), ...g("kV"), ...k(S1), ...g("kZ"), ...g("kR"), ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...s("kS"),
    ...c.else,
    // x − ((z·(½y − v·r) − y) − v·S1)
    ...g("scY0"),
    ...g("kZ"), ...k(0.5), ...g("scY1"), ...c.f64Mul, ...g("kV"), ...g("kR"), ...c.f64Mul, ...c.f64Sub, ...c.f64Mul,
    ...g("scY1"), ...c.f64Sub,
    ...g("kV"), ...k(S1), ...c.f64Mul, ...c.f64Sub,
    ...c.f64Sub, ...s("kS"),
    ...c.end,
    // cos: r = z(C1 + z(C2 + z(C3 + z(C4 + z(C5 + z·C6)))))
    ...g("kZ"),
    ...k(C1), ...g("kZ"), ...k(C2), ...g("kZ"), ...k(C3), ...g("kZ"), ...k(C4), ...g("kZ"), ...k(C5), ...g("kZ"), ...k(C6), ...c.f64Mul,
    ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add, ...c.f64Mul, ...c.f64Add,
    ...c.f64Mul, ...s("kR"),
    ...g("kIx"), ...c.i32(0x3fd33333), ...c.i32LtS, ...c.if,
    // 1 − (½z − (z·r − x·y))
    ...k(1), ...k(0.5), ...g("kZ"), ...c.f64Mul, ...g("kZ"), ...g("kR"), ...c.f64Mul, ...g("scY0"), ...g("scY1"), ...c.f64Mul, ...c.f64Sub,
    ...c.f64Sub, ...c.f64Sub, ...s("kC"),
    ...c.else,
    // qx = 0.28125 for |x| > 0.78125, else the double with high word ix − 2^21 and low word 0 (x/4)
    ...k(0.28125),
    ...g("kIx"), ...c.i32(0x00200000), ...c.i32Sub, ...c.i64ExtendI32U, ...c.i64(32), ...c.i64Shl, ...c.f64ReinterpretI64,
    ...g("kIx"), ...c.i32(0x3fe90000), ...c.i32GtS, ...c.select, ...s("kQ"),
    // (1 − qx) − ((½z − qx) − (z·r − x·y))
    ...k(1), ...g("kQ"), ...c.f64Sub,
    ...k(0.5), ...g("kZ"), ...c.f64Mul, ...g("kQ"), ...c.f64Sub,
    ...g("kZ"), ...g("kR"), ...c.f64Mul, ...g("scY0"), ...g("scY1"), ...c.f64Mul, ...c.f64Sub,
    ...c.f64Sub, ...c.f64Sub, ...s("kC"),
    ...c.end,
    ...c.end,
  ];
  // Quadrant q = n & 3: sin = (q odd ? kC : kS), negated for q ∈ {2, 3}; cos = (q odd ? kS : kC), negated for q ∈ {1, 2}.
  const quadrant = [
    ...g("scN"), ...c.i32(3), ...c.i32And, ...s("scQ"),
    ...g("kC"), ...g("kS"), ...g("scQ"), ...c.i32(1), ...c.i32And, ...c.select, ...s(sn),
    ...g(sn), ...c.f64Neg, ...g(sn), ...g("scQ"), ...c.i32(2), ...c.i32And, ...c.select, ...s(sn),
    ...g("kS"), ...g("kC"), ...g("scQ"), ...c.i32(1), ...c.i32And, ...c.select, ...s(cs),
    ...g(cs), ...c.f64Neg, ...g(cs), ...g("scQ"), ...c.i32(1), ...c.i32Add, ...c.i32(2), ...c.i32And, ...c.select, ...s(cs),
  ];
  return [
    ...c.block,
    ...g(x), ...highWord, ...t("scHx"), ...c.i32(0x7fffffff), ...c.i32And, ...s("scIx"),
    ...g("scIx"), ...c.i32(0x3fe921fb), ...c.i32LeS, ...c.if,
    ...g(x), ...s("scY0"), ...k(0), ...s("scY1"), ...c.i32(0), ...s("scIy"), ...c.i32(0), ...s("scN"),
    ...c.else,
    ...g("scIx"), ...c.i32(0x7ff00000), ...c.i32GeS, ...c.if,
    ...g(x), ...g(x), ...c.f64Sub, ...t(sn), ...s(cs), ...c.br(2),
    ...c.end,
    ...c.i32(1), ...s("scIy"),
    ...g("scIx"), ...c.i32(0x4002d97c), ...c.i32LtS, ...c.if,
    ...g("scHx"), ...c.i32(0), ...c.i32GtS, ...c.if,
    ...nearPio2(true),
    ...c.else,
    ...nearPio2(false),
    ...c.end,
    ...c.else,
    ...g("scIx"), ...c.i32(0x413921fb), ...c.i32GtS, ...c.if,
    // Beyond the medium range: the engine's own functions.
    ...g(x), ...c.call(SIN), ...s(sn), ...g(x), ...c.call(COS), ...s(cs), ...c.br(3),
    ...c.end,
    ...medium,
    ...c.end,
    ...c.end,
    ...kernels,
    ...quadrant,
    ...c.end,
  ];
}

/**
 * Modes k and k + 1 (φ in phiA and phi, at bytes p and p + 16; high words without sign in hwA and
 * hwB, both in the direct range) rotated two lanes at a time: fdlibm's `__kernel_sin(x, 0, 0)` and
 * `__kernel_cos(x, 0)` with the same operations in the same order as `sinCos`'s kernels, lane by
 * lane, then the rotation (re·cos − im·sin, im·cos + re·sin) on [re_k, re_{k+1}] and
 * [im_k, im_{k+1}]. The cosine takes qx = 0 where |x| < 0.3 (1 − 0 and ½z − 0 are exact, so it is
 * fdlibm's first form); and z·r − x·y with y = 0 is z·r, which is not zero for |x| ≥ 2^-27.
 */
function pairRotate(f: Frame): number[] {
  const g = (n: string) => c.get(f.at(n));
  const s = (n: string) => c.set(f.at(n));
  const k = c.f64x2;
  // qx of one lane from its high word: 0.28125 above 0x3fe90000, 0 below 0x3fd33333, else the double with high word hw − 2^21.
  const qx = (hw: string) => [
    ...c.f64(0.28125),
    ...c.f64(0),
    ...g(hw), ...c.i32(0x00200000), ...c.i32Sub, ...c.i64ExtendI32U, ...c.i64(32), ...c.i64Shl, ...c.f64ReinterpretI64,
    ...g(hw), ...c.i32(0x3fd33333), ...c.i32LtS, ...c.select,
    ...g(hw), ...c.i32(0x3fe90000), ...c.i32GtS, ...c.select,
  ];
  return [
    ...g("phiA"), ...c.f64x2Splat, ...g("phi"), ...c.f64x2ReplaceLane(1), ...s("vX"),
    ...g("vX"), ...g("vX"), ...c.f64x2Mul, ...s("vZ"),
    ...g("vZ"), ...g("vX"), ...c.f64x2Mul, ...s("vV"),
    // sin: r = S2 + z(S3 + z(S4 + z(S5 + z·S6))); x + v·(S1 + z·r)
    ...k(S2), ...g("vZ"), ...k(S3), ...g("vZ"), ...k(S4), ...g("vZ"), ...k(S5), ...g("vZ"), ...k(S6), ...c.f64x2Mul,
    ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...s("vR"),
    ...g("vX"), ...g("vV"), ...k(S1), ...g("vZ"), ...g("vR"), ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...s("vSn"),
    // cos: r = z(C1 + z(C2 + z(C3 + z(C4 + z(C5 + z·C6))))); (1 − qx) − ((½z − qx) − z·r)
    ...g("vZ"),
    ...k(C1), ...g("vZ"), ...k(C2), ...g("vZ"), ...k(C3), ...g("vZ"), ...k(C4), ...g("vZ"), ...k(C5), ...g("vZ"), ...k(C6), ...c.f64x2Mul,
    ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add, ...c.f64x2Mul, ...c.f64x2Add,
    ...c.f64x2Mul, ...s("vR"),
    ...qx("hwA"), ...c.f64x2Splat, ...qx("hwB"), ...c.f64x2ReplaceLane(1), ...s("vQ"),
    ...k(1), ...g("vQ"), ...c.f64x2Sub,
    ...k(0.5), ...g("vZ"), ...c.f64x2Mul, ...g("vQ"), ...c.f64x2Sub,
    ...g("vZ"), ...g("vR"), ...c.f64x2Mul,
    ...c.f64x2Sub, ...c.f64x2Sub, ...s("vCs"),
    // [re, re] and [im, im] of the two modes, rotated, and back as two (re, im) pairs.
    ...g("p"), ...c.v128Load(), ...g("p"), ...c.v128Load(16), ...c.lowLanes, ...s("vRe"),
    ...g("p"), ...c.v128Load(), ...g("p"), ...c.v128Load(16), ...c.highLanes, ...s("vIm"),
    ...g("vCs"), ...g("vRe"), ...c.f64x2Mul, ...g("vSn"), ...g("vIm"), ...c.f64x2Mul, ...c.f64x2Sub, ...s("vX"),
    ...g("vCs"), ...g("vIm"), ...c.f64x2Mul, ...g("vSn"), ...g("vRe"), ...c.f64x2Mul, ...c.f64x2Add, ...s("vV"),
    ...g("p"), ...g("vX"), ...g("vV"), ...c.lowLanes, ...c.v128Store(),
    ...g("p"), ...g("vX"), ...g("vV"), ...c.highLanes, ...c.v128Store(16),
  ];
}

// ---------------------------------------------------------------- the phase step
const PHASES_PARAMS: Array<[string, number]> = [
  ["lo", I32], ["hi", I32], ["dim", I32], ["dtS", F64], ["sigma", F64], ["b", I32],
  ["s", I32], ["det", I32], ["clockError", I32], ["applied", I32], ["omega", I32], ["failed", I32],
  ["words", I32], ["zigX", I32], ["zigRatio", I32], ["clockRate", I32], ["advanceClocks", I32],
];

function phasesBody(): { params: number[]; locals: Array<[number, number]>; body: number[] } {
  const f = new Frame(PHASES_PARAMS, [
    ["i", I32], ["k", I32], ["p", I32], ["dp", I32], ["last", I32], ["low", I32], ["zi", I32],
    ["s0", I64], ["s1", I64], ["s2", I64], ["s3", I64], ["t2", I64], ["t3", I64], ["out", I64],
    ["tau", F64], ["dTau", F64], ["phi", F64], ["u", F64], ["gauss", F64], ["wx", F64], ["edge", F64], ["f0", F64], ["f1", F64], ["re", F64], ["im", F64], ["sn", F64], ["cs", F64],
    ["phiA", F64], ["x", F64], ["hwA", I32], ["hwB", I32], ["j", I32], ["q", I32], ["pb", I32],
    ["vX", V128], ["vZ", V128], ["vV", V128], ["vR", V128], ["vSn", V128], ["vCs", V128], ["vQ", V128], ["vRe", V128], ["vIm", V128],
    ...SINCOS_LOCALS,
  ] as Array<[string, number]>);
  const g = (n: string) => c.get(f.at(n));
  const s = (n: string) => c.set(f.at(n));
  const t = (n: string) => c.tee(f.at(n));
  // Word pair j (high, low) as an i64: little-endian load gives high + low·2^32; rotate by 32.
  const loadState = [
    ...["s0", "s1", "s2", "s3"].flatMap((n, j) => [...g("words"), ...c.i64Load(8 * j), ...c.i64(32), ...c.i64Rotl, ...s(n)]),
    ...g("words"), ...c.i32Load(32), ...s("last"),
  ];
  const storeState = [
    ...["s0", "s1", "s2", "s3"].flatMap((n, j) => [...g("words"), ...g(n), ...c.i64(32), ...c.i64Rotl, ...c.i64Store(8 * j)]),
    ...g("words"), ...g("last"), ...c.i32Store(32),
  ];
  // The next xoshiro256** output of (s0 … s3) onto the stack: rotl(s1·5, 7)·9.
  const output = [...g("s1"), ...c.i64(5), ...c.i64Mul, ...c.i64(7), ...c.i64Rotl, ...c.i64(9), ...c.i64Mul];
  // Advance: t2 = s2 ^ s0, t3 = s3 ^ s1; s0 ^= t3; s1 ^= t2; s2 = t2 ^ (s1 << 17); s3 = rotl(t3, 45).
  const advance = [
    ...g("s2"), ...g("s0"), ...c.i64Xor, ...s("t2"),
    ...g("s3"), ...g("s1"), ...c.i64Xor, ...s("t3"),
    ...g("t2"), ...g("s1"), ...c.i64(17), ...c.i64Shl, ...c.i64Xor, ...s("s2"),
    ...g("s0"), ...g("t3"), ...c.i64Xor, ...s("s0"),
    ...g("s1"), ...g("t2"), ...c.i64Xor, ...s("s1"),
    ...g("t3"), ...c.i64(45), ...c.i64Rotl, ...s("s3"),
  ];
  // detExp(−½·(edge² − x²)) for the layer edge at byte `edge` past zigX + zi.
  const wedgeExp = (edge: number) => [
    ...c.f64(-0.5),
    ...g("zigX"), ...g("zi"), ...c.i32Add, ...c.f64Load(edge), ...t("edge"), ...g("edge"), ...c.f64Mul,
    ...g("wx"), ...g("wx"), ...c.f64Mul, ...c.f64Sub,
    ...c.f64Mul, ...c.call(DET_EXP),
  ];
  // One normal into `gauss`: `RandomStream.normal()` step by step. Each try draws one output:
  // u = 2·uniform53 − 1, i = its low 7 bits. |u| < ratio[i]: u·x[i] (the fast path). Else, for
  // i = 0, the base layer's tail: the import (see the file comment). Else the wedge test:
  // x = u·x[i], f0 = detExp(−½(x[i]² − x²)), f1 = detExp(−½(x[i+1]² − x²)), one more output as a
  // uniform v; f1 + v·(f0 − f1) < 1 accepts x, otherwise a fresh try.
  const draw = [
    ...c.block, ...c.loop,
    ...output, ...t("out"), ...c.i32WrapI64, ...s("low"),
    // u = 2·((out >> 11)·2^-53) − 1, computed as (out >> 11)·2^-52 − 1: the scalings by powers
    // of two are exact for an integer below 2^53 (which the signed conversion also takes exactly).
    // zi = 8·(low & 127), the byte offset of layer i.
    ...g("out"), ...c.i64(11), ...c.i64ShrU, ...c.f64ConvertI64S, ...c.f64(2 ** -52), ...c.f64Mul, ...c.f64(1), ...c.f64Sub, ...s("u"),
    ...g("low"), ...c.i32(127), ...c.i32And, ...c.i32(3), ...c.i32Shl, ...s("zi"),
    ...g("u"), ...c.f64Abs, ...g("zigRatio"), ...g("zi"), ...c.i32Add, ...c.f64Load(), ...c.f64Lt, ...c.if,
    ...g("u"), ...g("zigX"), ...g("zi"), ...c.i32Add, ...c.f64Load(), ...c.f64Mul, ...s("gauss"),
    ...advance,
    ...g("low"), ...s("last"),
    ...c.br(2),
    ...c.end,
    ...g("zi"), ...c.i32Eqz, ...c.if,
    // The tail: the words as they were before this output, and `normal()` from there.
    ...storeState,
    ...g("b"), ...c.call(NORMAL), ...s("gauss"),
    ...loadState,
    ...c.br(2),
    ...c.end,
    ...advance,
    ...g("low"), ...s("last"),
    ...g("u"), ...g("zigX"), ...g("zi"), ...c.i32Add, ...c.f64Load(), ...c.f64Mul, ...s("wx"),
    ...wedgeExp(0), ...s("f0"),
    ...wedgeExp(8), ...s("f1"),
    // v = uniform(): (out >> 11)·2^-53 of the next output.
    ...output, ...t("out"), ...c.i32WrapI64, ...s("last"),
    ...advance,
    ...g("f1"),
    ...g("out"), ...c.i64(11), ...c.i64ShrU, ...c.f64ConvertI64S, ...c.f64(2 ** -53), ...c.f64Mul,
    ...g("f0"), ...g("f1"), ...c.f64Sub, ...c.f64Mul, ...c.f64Add,
    ...c.f64(1), ...c.f64Lt, ...c.if,
    ...g("wx"), ...s("gauss"),
    ...c.br(2),
    ...c.end,
    ...c.br(0),
    ...c.end, ...c.end,
  ];
  // φ of the mode at det byte dp + off, ω byte omega + 8k + off: −(det·Δt) − ω·dTau (+ σ·ξ) into `into`.
  const phiOf = (off: number, into: string) => [
    ...g("dp"), ...c.f64Load(off), ...g("dtS"), ...c.f64Mul, ...c.f64Neg,
    ...g("omega"), ...g("k"), ...c.i32(3), ...c.i32Shl, ...c.i32Add, ...c.f64Load(off), ...g("dTau"), ...c.f64Mul, ...c.f64Sub, ...s(into),
    ...g("sigma"), ...c.f64(0), ...c.f64Gt, ...c.if,
    ...draw,
    ...g(into), ...g("sigma"), ...g("gauss"), ...c.f64Mul, ...c.f64Add, ...s(into),
    ...c.end,
  ];
  // Modes go in pairs (k, k + 1) at bytes p and p + 16, their φ in phiA and phi. A pair whose two φ
  // both lie in fdlibm's direct range 2^-27 ≤ |φ| ≤ π/4 (high words 0x3e400000 … 0x3fe921fb)
  // takes `pairRotate`; otherwise, and for the last mode of an odd dim (its φ in phi, q0 = p − 16,
  // j from 1), each mode goes through `sinCos` and the scalar rotation: mode j at q0 + 16j.
  const direct = (hw: string) => [...g(hw), ...c.i32(0x3e400000), ...c.i32Sub, ...c.i32(0x3fe921fb - 0x3e400000), ...c.i32LeU];
  const scalarModes = [
    ...c.loop,
    ...g("phiA"), ...g("phi"), ...g("j"), ...c.i32Eqz, ...c.select, ...s("x"),
    ...g("q"), ...g("j"), ...c.i32(4), ...c.i32Shl, ...c.i32Add, ...s("pb"),
    ...sinCos(f, "x", "sn", "cs"),
    ...g("pb"), ...c.f64Load(), ...s("re"),
    ...g("pb"), ...c.f64Load(8), ...s("im"),
    ...g("pb"), ...g("cs"), ...g("re"), ...c.f64Mul, ...g("sn"), ...g("im"), ...c.f64Mul, ...c.f64Sub, ...c.f64Store(),
    ...g("pb"), ...g("cs"), ...g("im"), ...c.f64Mul, ...g("sn"), ...g("re"), ...c.f64Mul, ...c.f64Add, ...c.f64Store(8),
    ...g("j"), ...c.i32(1), ...c.i32Add, ...t("j"), ...c.i32(2), ...c.i32LtS, ...c.brIf(0),
    ...c.end,
  ];
  const pair = [
    ...phiOf(0, "phiA"),
    ...phiOf(8, "phi"),
    ...g("phiA"), ...highWord, ...c.i32(0x7fffffff), ...c.i32And, ...s("hwA"),
    ...g("phi"), ...highWord, ...c.i32(0x7fffffff), ...c.i32And, ...s("hwB"),
    ...direct("hwA"), ...direct("hwB"), ...c.i32And, ...c.if,
    ...pairRotate(f),
    ...c.else,
    ...g("p"), ...s("q"), ...c.i32(0), ...s("j"),
    ...scalarModes,
    ...c.end,
  ];
  const lastMode = [
    ...phiOf(0, "phi"),
    ...g("p"), ...c.i32(16), ...c.i32Sub, ...s("q"), ...c.i32(1), ...s("j"),
    ...scalarModes,
  ];
  const body = [
    ...loadState,
    ...g("lo"), ...s("i"),
    ...c.block, ...c.loop,
    ...g("i"), ...g("hi"), ...c.i32GeS, ...c.brIf(1),
    // τ_i, first moved by y_i·Δt (advanceClocks without a walk) when asked, for every node.
    ...g("clockError"), ...g("i"), ...c.i32(3), ...c.i32Shl, ...c.i32Add, ...t("p"), ...c.f64Load(), ...s("tau"),
    ...g("advanceClocks"), ...c.if,
    ...g("p"), ...g("tau"), ...g("clockRate"), ...g("i"), ...c.i32(3), ...c.i32Shl, ...c.i32Add, ...c.f64Load(), ...g("dtS"), ...c.f64Mul, ...c.f64Add,
    ...t("tau"), ...c.f64Store(),
    ...c.end,
    ...g("failed"), ...g("i"), ...c.i32Add, ...c.i32Load8U(), ...c.i32(1), ...c.i32Ne, ...c.if,
    // dTau = τ_i − applied_i; applied_i = τ_i
    ...g("tau"), ...g("applied"), ...g("i"), ...c.i32(3), ...c.i32Shl, ...c.i32Add, ...t("p"), ...c.f64Load(), ...c.f64Sub, ...s("dTau"),
    ...g("p"), ...g("tau"), ...c.f64Store(),
    ...g("i"), ...g("dim"), ...c.i32Mul, ...t("p"), ...c.i32(3), ...c.i32Shl, ...g("det"), ...c.i32Add, ...s("dp"),
    ...g("p"), ...c.i32(4), ...c.i32Shl, ...g("s"), ...c.i32Add, ...s("p"),
    ...c.i32(0), ...s("k"),
    ...c.block, ...c.loop,
    ...g("k"), ...c.i32(1), ...c.i32Add, ...g("dim"), ...c.i32GeS, ...c.brIf(1),
    ...pair,
    ...g("p"), ...c.i32(32), ...c.i32Add, ...s("p"),
    ...g("dp"), ...c.i32(16), ...c.i32Add, ...s("dp"),
    ...g("k"), ...c.i32(2), ...c.i32Add, ...s("k"),
    ...c.br(0),
    ...c.end, ...c.end,
    ...g("k"), ...g("dim"), ...c.i32LtS, ...c.if,
    ...lastMode,
    ...c.end,
    ...c.end,
    ...g("i"), ...c.i32(1), ...c.i32Add, ...s("i"),
    ...c.br(0),
    ...c.end, ...c.end,
    ...storeState,
  ];
  return { params: f.paramTypes, locals: f.localGroups, body };
}

// ---------------------------------------------------------------- detExp (numeric/random/det-math.ts)
const INV_LN2 = 1.4426950408889634;

/**
 * `detExp` operation for operation: the same IEEE-754 operations on the same doubles in the same
 * order. Math.round(y) (round half up) is f = floor(y); y − f ≥ ½ ? f + 1 : f, exact for the
 * |y| ≤ 1076 that get here (y − f is exact; the sign of a zero k does not change r for x ≠ 0,
 * and x = ±0 gives k = −0 or +0 with the same r = +0 either way). pow2(n) is the double with
 * biased exponent n + 1023 and a zero mantissa, as there.
 */
function detExpBody(): { params: number[]; results: number[]; locals: Array<[number, number]>; body: number[] } {
  const f = new Frame([["x", F64]]);
  for (const n of ["y", "fl", "k", "r", "p", "e"]) f.local(n, F64);
  const g = (n: string) => c.get(f.at(n));
  const s = (n: string) => c.set(f.at(n));
  const t = (n: string) => c.tee(f.at(n));
  const pow2 = [...c.i32TruncF64S, ...c.i32(1023), ...c.i32Add, ...c.i64ExtendI32U, ...c.i64(52), ...c.i64Shl, ...c.f64ReinterpretI64];
  const horner = [1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5]
    .flatMap((a) => [...g("p"), ...g("r"), ...c.f64Mul, ...c.f64(a), ...c.f64Add, ...s("p")]);
  const body = [
    ...g("x"), ...g("x"), ...c.f64Ne, ...c.if, ...g("x"), ...c.return, ...c.end,
    ...g("x"), ...c.f64(709.782712893384), ...c.f64Gt, ...c.if, ...c.f64(Infinity), ...c.return, ...c.end,
    ...g("x"), ...c.f64(-745.1332191019412), ...c.f64Lt, ...c.if, ...c.f64(0), ...c.return, ...c.end,
    // k = Math.round(x·(1/ln 2))
    ...g("x"), ...c.f64(INV_LN2), ...c.f64Mul, ...t("y"), ...c.f64Floor, ...s("fl"),
    ...g("fl"), ...c.f64(1), ...c.f64Add, ...g("fl"), ...g("y"), ...g("fl"), ...c.f64Sub, ...c.f64(0.5), ...c.f64Ge, ...c.select, ...s("k"),
    // r = (x − k·LN2_HI) − k·LN2_LO
    ...g("x"), ...g("k"), ...c.f64(LN2_HI), ...c.f64Mul, ...c.f64Sub, ...g("k"), ...c.f64(LN2_LO), ...c.f64Mul, ...c.f64Sub, ...s("r"),
    ...c.f64(1 / 6227020800), ...s("p"),
    ...horner,
    // p = p·r·r + r; e = 1 + p
    ...g("p"), ...g("r"), ...c.f64Mul, ...g("r"), ...c.f64Mul, ...g("r"), ...c.f64Add, ...s("p"),
    ...c.f64(1), ...g("p"), ...c.f64Add, ...s("e"),
    ...g("k"), ...c.f64(1000), ...c.f64Gt, ...c.if,
    ...g("e"), ...g("k"), ...c.f64(1000), ...c.f64Sub, ...pow2, ...c.f64Mul, ...c.f64(2 ** 1000), ...c.f64Mul, ...c.return,
    ...c.end,
    ...g("k"), ...c.f64(-1000), ...c.f64Lt, ...c.if,
    ...g("e"), ...g("k"), ...c.f64(1000), ...c.f64Add, ...pow2, ...c.f64Mul, ...c.f64(2 ** -1000), ...c.f64Mul, ...c.return,
    ...c.end,
    ...g("e"), ...g("k"), ...pow2, ...c.f64Mul,
  ];
  return { params: f.paramTypes, results: [F64], locals: f.localGroups, body };
}

function sinCosBody(): { params: number[]; locals: Array<[number, number]>; body: number[] } {
  const f = new Frame([["x", F64], ["out", I32]], [["sn", F64], ["cs", F64], ...SINCOS_LOCALS]);
  const body = [
    ...sinCos(f, "x", "sn", "cs"),
    ...c.get(f.at("out")), ...c.get(f.at("sn")), ...c.f64Store(),
    ...c.get(f.at("out")), ...c.get(f.at("cs")), ...c.f64Store(8),
  ];
  return { params: f.paramTypes, locals: f.localGroups, body };
}

function buildModule(): Uint8Array {
  // The module computes fdlibm's npio2_hw[n − 1] as the high word of n·(π/2).
  const w = new Float64Array(1);
  const hi = new Int32Array(w.buffer);
  NPIO2_HW.forEach((h, i) => {
    w[0] = (i + 1) * PIO2;
    assert(hi[1] === h, `high word of ${i + 1}·π/2 is fdlibm's npio2_hw`);
  });
  const bodies = { phases: phasesBody(), sinCos: sinCosBody(), detExp: detExpBody() };
  return moduleBytes(DEFINED.map((name) => ({ name, ...bodies[name] })), 1, { sharedMaxPages: SHARED_MAX_PAGES, functions: IMPORTS });
}

/**
 * The phase step's module: `available()`, then `instantiateOn(arenaMemory, { normal, sin, cos })`
 * with `normal(b)` block b's `RandomStream.normal()` run from the stream words in the arena (the
 * caller copies them around the call; see the file comment) and `sin`/`cos` Math.sin/Math.cos.
 */
export const meshPhasesKernel = new WasmKernel<MeshPhasesFns>(buildModule, (exports) => ({
  phases: exports.phases as PhasesFn,
  sinCos: exports.sinCos as MeshPhasesFns["sinCos"],
  detExp: exports.detExp as MeshPhasesFns["detExp"],
}));
