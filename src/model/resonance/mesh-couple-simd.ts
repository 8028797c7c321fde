/**
 * The ket mesh's mean-field coupling step (with ΔE of the coupled nodes) and its edge pass as
 * WebAssembly SIMD kernels on the mesh's arena (mesh-arena.ts): every array is addressed by its
 * view's byte offset in the one shared memory, so a kernel runs on the very bytes the JavaScript
 * phases and the worker threads use. Results equal `coupleMeanField` + `measureDeltaE` and
 * `overlapEdges` (mesh-blocks.ts) bit for bit: the same floating-point operations in the same
 * order, two lanes holding the real and imaginary parts of one complex sum.
 *
 * One complex product term of ⟨a|b⟩ (a the conjugated state) runs on a lane pair as
 *   [re, im] += [a_r, a_r]·[b_r, b_i] + [a_i, −a_i]·[b_i, b_r],
 * which is `re += a_r b_r + a_i b_i`, `im += a_r b_i − a_i b_r` term for term (a product of
 * negated factors is the negated product, x + (−y) is x − y, and the order of a two-term sum does
 * not change its rounding). The coupling update is
 *   [o_r, o_i] ← ([o_r, o_i] + [c_r, c_r]·[j_r, j_i]) + [−c_i, c_i]·[j_i, j_r],
 * that is `o_r + c_r j_r − c_i j_i` and `o_i + c_r j_i + c_i j_r` as written in JavaScript.
 * Lane-wise products, quotients and sums (self·ψ, (g·re, g·im)/a, ψ/‖ψ‖, ΔE's two amplitude sums)
 * are the scalar ones; the norm's sum of squares stays one chain in element order. The overlaps of
 * two neighbours run side by side (two independent chains, each in the scalar order), and their
 * contributions are then added to ψ_i, or to the edge sum, one after the other in list order.
 *
 * The module is written out byte by byte (numeric/wasm/module-bytes.ts) and imports a shared
 * memory of up to `SHARED_MAX_PAGES` pages, so it instantiates on an arena (`instantiateOn`).
 */
import { Frame } from "../../numeric/wasm/frame.js";
import { SHARED_MAX_PAGES, WasmKernel } from "../../numeric/wasm/kernel.js";
import { F64, I32, moduleBytes, op, V128 } from "../../numeric/wasm/module-bytes.js";
import { PARTIALS, type MeshBuffers } from "./mesh-blocks.js";

/** The kernels' exports; every array argument is a byte offset into the memory. */
export interface MeshCoupleFns {
  /**
   * Mean-field coupling of nodes [lo, hi) from `states` into `out` with g = κΔt, then ΔE of the
   * live nodes into `deltaE` and the block's ΔE sum, max and live count into
   * `partials[PARTIALS·block + 0, 1, 2]`.
   */
  couple(lo: number, hi: number, dim: number, g: number, states: number, out: number, failed: number, rowPtr: number, colIdx: number, deltaE: number, partials: number, block: number, edgeMirror: number, edgeOverlaps: number): void;
  /** |⟨ψ_i|ψ_j⟩|² summed over live edges (i, j), i < j, i in [lo, hi), and their count, into `partials[PARTIALS·block + 3, 4]`. */
  overlap(lo: number, hi: number, dim: number, states: number, failed: number, rowPtr: number, colIdx: number, partials: number, block: number): void;
}

/** Neighbours whose overlaps the coupling kernel computes side by side (the mesh's degree is 4–6). */
const GROUP = [0, 1];
/** Edges (i, j > i) whose overlaps the edge kernel computes side by side (about degree/2 per node). */
const EDGE_GROUP = [0, 1];

/** Sign bit of lane 0 / lane 1 (xor negates that lane). */
const SIGN0 = op.v128Const([0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]);
const SIGN1 = op.v128Const([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);

/** `for (k = 0; k < nb; k += 16) body` (nb > 0: a node has at least one mode). */
function overModes(k: number, nb: number, body: number[]): number[] {
  return [
    ...op.i32(0), ...op.set(k),
    ...op.loop, ...body,
    ...op.get(k), ...op.i32(16), ...op.i32Add, ...op.tee(k), ...op.get(nb), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
  ];
}

/**
 * accs[q] = ⟨as[q]|b⟩ as [re, im] for nodes at byte addresses as[q] and b (`rcfBetween`'s sums,
 * the chains interleaved); `k` the mode byte offset, `bv` and `bs` v128 scratch locals.
 */
function innerProductsOf(b: number, accs: readonly number[], as: readonly number[], k: number, nb: number, bv: number, bs: number): number[] {
  const term = (acc: number, a: number) => [
    ...op.get(acc),
    ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load64Splat(0), ...op.get(bv), ...op.f64x2Mul,
    ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load64Splat(8), ...SIGN1, ...op.v128Xor, ...op.get(bs), ...op.f64x2Mul,
    ...op.f64x2Add,
    ...op.f64x2Add, ...op.set(acc),
  ];
  return [
    ...accs.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
    ...overModes(k, nb, [
      ...op.get(b), ...op.get(k), ...op.i32Add, ...op.v128Load(0), ...op.tee(bv), ...op.get(bv), ...op.swapLanes, ...op.set(bs),
      ...accs.flatMap((acc, q) => term(acc, as[q]!)),
    ]),
  ];
}

/**
 * accs[q] = ⟨a|bs[q]⟩, the chains interleaved; `ar`, `ai`, `bv` v128 scratch locals.
 */
function innerProductsWith(a: number, accs: readonly number[], bs: readonly number[], k: number, nb: number, ar: number, ai: number, bv: number): number[] {
  const term = (acc: number, b: number) => [
    ...op.get(b), ...op.get(k), ...op.i32Add, ...op.v128Load(0), ...op.set(bv),
    ...op.get(acc),
    ...op.get(ar), ...op.get(bv), ...op.f64x2Mul,
    ...op.get(ai), ...op.get(bv), ...op.get(bv), ...op.swapLanes, ...op.f64x2Mul,
    ...op.f64x2Add,
    ...op.f64x2Add, ...op.set(acc),
  ];
  return [
    ...accs.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
    ...overModes(k, nb, [
      ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load64Splat(0), ...op.set(ar),
      ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load64Splat(8), ...SIGN1, ...op.v128Xor, ...op.set(ai),
      ...accs.flatMap((acc, q) => term(acc, bs[q]!)),
    ]),
  ];
}

/** p, pe = byte addresses of node i's first and past-last entries in colIdx. */
function edgeRange(p: number, pe: number, i: number, rowPtr: number, colIdx: number): number[] {
  const entry = (offset: number) => [...op.get(colIdx), ...op.get(rowPtr), ...op.get(i), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.i32Load(offset), ...op.i32(2), ...op.i32Shl, ...op.i32Add];
  return [...entry(0), ...op.set(p), ...entry(4), ...op.set(pe)];
}

/**
 * j = the next neighbour from entry p on for which `accept` (code reading local j, leaving an
 * i32) holds, p moved past it; j = −1 when the entries run out first.
 */
function nextNeighbour(j: number, p: number, pe: number, accept: number[]): number[] {
  return [
    ...op.block, ...op.loop,
    ...op.get(p), ...op.get(pe), ...op.i32GeS, ...op.if, ...op.i32(-1), ...op.set(j), ...op.br(2), ...op.end,
    ...op.get(p), ...op.i32Load(0), ...op.set(j),
    ...op.get(p), ...op.i32(4), ...op.i32Add, ...op.set(p),
    ...accept, ...op.brIf(1),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/**
 * Over the accepted neighbours of node i in list order, `js.length` at a time: `group(n)` with
 * locals js[0 … n−1] set (and, given `slots`, slots[0 … n−1] to their entries' byte addresses in
 * colIdx), n = js.length but for a last shorter group.
 */
function acceptedInGroups(js: readonly number[], p: number, pe: number, accept: (j: number) => number[], group: (n: number) => number[], slots?: readonly number[]): number[] {
  return [
    ...op.block, ...op.loop,
    ...js.flatMap((j, q) => [
      ...nextNeighbour(j, p, pe, accept(j)),
      // slots[q] = the byte address of j's entry in colIdx.
      ...(slots ? [...op.get(p), ...op.i32(4), ...op.i32Sub, ...op.set(slots[q]!)] : []),
      ...op.get(j), ...op.i32(0), ...op.i32LtS,
      ...(q === 0 ? op.brIf(1) : [...op.if, ...group(q), ...op.br(2), ...op.end]),
    ]),
    ...group(js.length),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/** `for (p = colIdx + 4·rowPtr[i]; p < colIdx + 4·rowPtr[i+1]; p += 4) body`. */
function overEdges(p: number, pe: number, i: number, rowPtr: number, colIdx: number, body: number[]): number[] {
  return [
    ...edgeRange(p, pe, i, rowPtr, colIdx),
    ...op.block, ...op.loop,
    ...op.get(p), ...op.get(pe), ...op.i32GeS, ...op.brIf(1),
    ...body,
    ...op.get(p), ...op.i32(4), ...op.i32Add, ...op.set(p),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

/** lane 0 · lane 0 + lane 1 · lane 1 of local `v` (re² + im²), onto the stack; `sq` a v128 scratch local. */
function squaredModulus(v: number, sq: number): number[] {
  return [...op.get(v), ...op.get(v), ...op.f64x2Mul, ...op.tee(sq), ...op.f64x2ExtractLane(0), ...op.get(sq), ...op.f64x2ExtractLane(1), ...op.f64Add];
}

function coupleFunction(): { name: string; params: number[]; locals: Array<[number, number]>; body: number[] } {
  const f = new Frame(
    [["lo", I32], ["hi", I32], ["dim", I32], ["g", F64], ["states", I32], ["out", I32], ["failed", I32], ["rowPtr", I32], ["colIdx", I32], ["deltaE", I32], ["partials", I32], ["block", I32], ["edgeMirror", I32], ["edgeOverlaps", I32]],
    [
      ["i", I32], ["nb", I32], ["o", I32], ["oo", I32], ["p", I32], ["pe", I32], ...GROUP.map((q): [string, number] => [`j${q}`, I32]), ["k", I32], ["deg", I32], ["live", I32],
      ...GROUP.flatMap((q): Array<[string, number]> => [[`slot${q}`, I32], [`mir${q}`, I32], [`have${q}`, I32], [`keep${q}`, I32]]), ["x", F64], ["first", I32], ["selfV", V128],
      ["na", I32], ["nb2", I32], ["sumA", F64], ["sumB", F64], ["vA", V128], ["vB", V128], ["nA", V128], ["nB", V128], ["aA", V128], ["aB", V128],
      ["self", F64], ["a", F64], ["de", F64], ["deSum", F64], ["deMax", F64],
      ...GROUP.map((q): [string, number] => [`acc${q}`, V128]), ["bv", V128], ["bs", V128], ["c", V128], ...GROUP.flatMap((q): Array<[string, number]> => [[`cr${q}`, V128], [`ci${q}`, V128]]), ["v", V128],
    ],
  );
  const L = (n: string) => f.at(n);
  const g = (n: string) => op.get(L(n));
  const s = (n: string) => op.set(L(n));
  const at = (base: string, k: string) => [...g(base), ...g(k), ...op.i32Add];
  const failedOf = (node: number[]) => [...g("failed"), ...node, ...op.i32Add, ...op.i32Load8U(0)];
  const neighbour = [...g("p"), ...op.i32Load(0)];
  const JS = GROUP.map((q) => L(`j${q}`));
  const ACCS = GROUP.map((q) => L(`acc${q}`));
  // Local j ← the byte address of node j's old state.
  const address = (j: number) => [...g("states"), ...op.get(j), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...op.set(j)];
  // out_i += c·ψ_j for the neighbour whose overlap ⟨ψ_j|ψ_i⟩ is in `acc`, its state at address `j`.
  // The coefficient c = g·⟨ψ_j|ψ_i⟩/|⟨ψ_j|ψ_i⟩| (g when the overlap is 0) of the neighbour whose
  // overlap is in ACCS[q], as [c_r, c_r] in cr{q} and [−c_i, c_i] in ci{q}.
  const coefficient = (q: number) => [
    ...squaredModulus(ACCS[q]!, L("v")), ...op.f64Sqrt, ...s("a"),
    ...g("a"), ...op.f64(0), ...op.f64Gt,
    ...op.ifV128,
    ...g("g"), ...op.f64x2Splat, ...op.get(ACCS[q]!), ...op.f64x2Mul, ...g("a"), ...op.f64x2Splat, ...op.f64x2Div,
    ...op.else,
    ...g("g"), ...op.f64x2Splat, ...op.f64(0), ...op.f64x2ReplaceLane(1),
    ...op.end,
    ...s("c"),
    ...g("c"), ...op.f64x2ExtractLane(0), ...op.f64x2Splat, ...s(`cr${q}`),
    ...g("c"), ...op.f64x2ExtractLane(1), ...op.f64x2Splat, ...SIGN0, ...op.v128Xor, ...s(`ci${q}`),
  ];
  // out_i += c·ψ_j for the group's n neighbours in list order (states at addresses JS[q]), in one
  // pass over the modes: each element takes the neighbours' terms in the same order as n passes.
  // The node's first group starts each element from self·ψ_i (the self term's pass folded in);
  // later groups from out_i.
  const terms = (n: number, from: number[]) => overModes(L("k"), L("nb"), [
    ...at("oo", "k"),
    ...from,
    ...GROUP.slice(0, n).flatMap((q) => [
      ...op.get(JS[q]!), ...g("k"), ...op.i32Add, ...op.v128Load(0), ...s("bv"),
      ...g(`cr${q}`), ...g("bv"), ...op.f64x2Mul, ...op.f64x2Add,
      ...g(`ci${q}`), ...g("bv"), ...g("bv"), ...op.swapLanes, ...op.f64x2Mul, ...op.f64x2Add,
    ]),
    ...op.v128Store(0),
  ]);
  const selfTerm = [...g("selfV"), ...at("o", "k"), ...op.v128Load(0), ...op.f64x2Mul];
  const pull = (n: number) => [
    ...GROUP.slice(0, n).flatMap(coefficient),
    ...g("first"), ...op.if,
    ...terms(n, selfTerm),
    ...op.i32(0), ...s("first"),
    ...op.else,
    ...terms(n, [...at("oo", "k"), ...op.v128Load(0)]),
    ...op.end,
  ];
  // An edge's overlap is computed once where both ends are this call's nodes: ⟨ψ_i|ψ_j⟩ at j < i
  // is the conjugate of ⟨ψ_j|ψ_i⟩ that j computed, bit for bit (the real parts are the same
  // products summed in the same order; each imaginary term is the negated one, and so is every
  // non-zero partial sum, since rounding to nearest is symmetric). So j, meeting i > j in this call,
  // leaves [re, −im] in i's entry of the mirror edge, and i takes it there unless its imaginary part
  // is 0 or NaN (where a zero's sign or a NaN's bits could differ: then i computes it itself).
  // Entry byte addresses in colIdx are 4 per entry; `edgeOverlaps` is 16 per entry.
  const entryOffset = (q: number) => [...g(`slot${q}`), ...g("colIdx"), ...op.i32Sub];
  const passedOverlap = (q: number) => [
    ...g("edgeMirror"), ...entryOffset(q), ...op.i32Add, ...op.i32Load(0), ...s(`mir${q}`),
    ...op.i32(0), ...s(`have${q}`),
    ...g(`j${q}`), ...g("i"), ...op.i32LtS, ...g(`j${q}`), ...g("lo"), ...op.i32GeS, ...op.i32And, ...g(`mir${q}`), ...op.i32(0), ...op.i32GeS, ...op.i32And,
    ...op.if,
    ...g("edgeOverlaps"), ...entryOffset(q), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.v128Load(0), ...op.tee(L(`acc${q}`)),
    ...op.f64x2ExtractLane(1), ...s("x"),
    ...g("x"), ...op.f64(0), ...op.f64Ne, ...g("x"), ...g("x"), ...op.f64Eq, ...op.i32And, ...s(`have${q}`),
    ...op.end,
    ...g(`have${q}`), ...op.i32Eqz, ...g(`j${q}`), ...g("i"), ...op.i32GtS, ...op.i32And, ...g(`j${q}`), ...g("hi"), ...op.i32LtS, ...op.i32And,
    ...g(`mir${q}`), ...op.i32(0), ...op.i32GeS, ...op.i32And, ...s(`keep${q}`),
  ];
  // The overlaps not passed on: both side by side, or the one missing.
  const missingOverlaps = (n: number) => {
    const ip = (qs: number[]) => innerProductsOf(L("o"), qs.map((q) => ACCS[q]!), qs.map((q) => JS[q]!), L("k"), L("nb"), L("bv"), L("bs"));
    if (n === 1) return [...g("have0"), ...op.i32Eqz, ...op.if, ...ip([0]), ...op.end];
    return [
      ...g("have0"), ...g("have1"), ...op.i32Or, ...op.i32Eqz, ...op.if,
      ...ip([0, 1]),
      ...op.else,
      ...g("have0"), ...op.i32Eqz, ...op.if, ...ip([0]), ...op.end,
      ...g("have1"), ...op.i32Eqz, ...op.if, ...ip([1]), ...op.end,
      ...op.end,
    ];
  };
  const passOverlap = (q: number) => [
    ...g(`keep${q}`), ...op.if,
    ...g("edgeOverlaps"), ...g(`mir${q}`), ...op.i32(4), ...op.i32Shl, ...op.i32Add, ...op.get(ACCS[q]!), ...SIGN1, ...op.v128Xor, ...op.v128Store(0),
    ...op.end,
  ];
  // Local n ← the next live node from i on (i moves past it), or −1.
  const nextLive = (n: string) => [
    ...op.block, ...op.loop,
    ...g("i"), ...g("hi"), ...op.i32GeS, ...op.if, ...op.i32(-1), ...s(n), ...op.br(2), ...op.end,
    ...g("i"), ...s(n),
    ...g("i"), ...op.i32(1), ...op.i32Add, ...s("i"),
    ...failedOf(g(n)), ...op.i32Eqz, ...op.brIf(1),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
  // normaliseNode (the squares summed in element order, then each element divided by the norm;
  // ΔE's amplitude sums ride along on the normalised values) for node na (X = "A") and nb2
  // ("B"), their mode loops fused; then ΔE = 1 − (re² + im²)/d of each in turn, into deltaE, the
  // block's sum and max, and the live count.
  const normalise = (xs: readonly string[]) => {
    const node = (x: string) => (x === "A" ? "na" : "nb2");
    const out = (x: string) => [...g("out"), ...g(node(x)), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...g("k"), ...op.i32Add];
    return [
      ...xs.flatMap((x) => [...op.f64(0), ...s(`sum${x}`)]),
      ...overModes(L("k"), L("nb"), xs.flatMap((x) => [
        ...out(x), ...op.v128Load(0), ...op.tee(L(`v${x}`)), ...g(`v${x}`), ...op.f64x2Mul, ...s(`v${x}`),
        ...g(`sum${x}`), ...g(`v${x}`), ...op.f64x2ExtractLane(0), ...op.f64Add, ...g(`v${x}`), ...op.f64x2ExtractLane(1), ...op.f64Add, ...s(`sum${x}`),
      ])),
      ...xs.flatMap((x) => [...g(`sum${x}`), ...op.f64Sqrt, ...op.f64x2Splat, ...s(`n${x}`), ...op.v128Zero, ...s(`a${x}`)]),
      ...overModes(L("k"), L("nb"), xs.flatMap((x) => [
        ...out(x), ...out(x), ...op.v128Load(0), ...g(`n${x}`), ...op.f64x2Div, ...op.tee(L(`v${x}`)), ...op.v128Store(0),
        ...g(`a${x}`), ...g(`v${x}`), ...op.f64x2Add, ...s(`a${x}`),
      ])),
      ...xs.flatMap((x) => [
        ...op.f64(1), ...squaredModulus(L(`a${x}`), L(`v${x}`)), ...g("dim"), ...op.f64ConvertI32S, ...op.f64Div, ...op.f64Sub, ...s("de"),
        ...g("deltaE"), ...g(node(x)), ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...g("de"), ...op.f64Store(0),
        ...g("deSum"), ...g("de"), ...op.f64Add, ...s("deSum"),
        ...g("live"), ...op.i32(1), ...op.i32Add, ...s("live"),
        ...g("de"), ...g("deMax"), ...g("de"), ...g("deMax"), ...op.f64Gt, ...op.select, ...s("deMax"),
      ]),
    ];
  };
  const body = [
    ...op.i32(16), ...g("dim"), ...op.i32Mul, ...s("nb"),
    ...op.f64(0), ...s("deSum"), ...op.f64(0), ...s("deMax"), ...op.i32(0), ...s("live"),
    ...g("lo"), ...s("i"),
    ...op.block, ...op.loop,
    ...g("i"), ...g("hi"), ...op.i32GeS, ...op.brIf(1),
    ...g("states"), ...g("i"), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...s("o"),
    ...g("out"), ...g("i"), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...s("oo"),
    ...failedOf(g("i")), ...op.i32(1), ...op.i32Eq,
    ...op.if,
    // A failed node's output state is zero.
    ...overModes(L("k"), L("nb"), [...at("oo", "k"), ...op.v128Zero, ...op.v128Store(0)]),
    ...op.else,
    // deg = degree − failed neighbours (each failed byte subtracted, as the JavaScript does).
    ...g("rowPtr"), ...g("i"), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.i32Load(4),
    ...g("rowPtr"), ...g("i"), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.i32Load(0),
    ...op.i32Sub, ...s("deg"),
    ...overEdges(L("p"), L("pe"), L("i"), L("rowPtr"), L("colIdx"), [
      ...g("deg"), ...failedOf(neighbour), ...op.i32Sub, ...s("deg"),
    ]),
    ...op.f64(1), ...g("g"), ...g("deg"), ...op.f64ConvertI32S, ...op.f64Mul, ...op.f64Sub, ...s("self"),
    ...g("self"), ...op.f64x2Splat, ...s("selfV"),
    ...op.i32(1), ...s("first"),
    // Each live neighbour j in list order: c = g·⟨ψ_j|ψ_i⟩/|⟨ψ_j|ψ_i⟩| (g when the overlap is 0),
    // out_i += c·ψ_j; the overlaps of two neighbours at a time (each its own chain).
    ...edgeRange(L("p"), L("pe"), L("i"), L("rowPtr"), L("colIdx")),
    ...acceptedInGroups(JS, L("p"), L("pe"), (j) => [...failedOf(op.get(j)), ...op.i32(1), ...op.i32Ne], (n) => [
      ...GROUP.slice(0, n).flatMap(passedOverlap),
      ...JS.slice(0, n).flatMap(address),
      ...missingOverlaps(n),
      ...GROUP.slice(0, n).flatMap(passOverlap),
      ...pull(n),
    ], GROUP.map((q) => L(`slot${q}`))),
    // No live neighbour: out_i = self·ψ_i alone.
    ...g("first"), ...op.if,
    ...overModes(L("k"), L("nb"), [...at("oo", "k"), ...selfTerm, ...op.v128Store(0)]),
    ...op.end,
    ...op.end,
    ...g("i"), ...op.i32(1), ...op.i32Add, ...s("i"),
    ...op.br(0),
    ...op.end, ...op.end,
    // normaliseNode and ΔE for the live nodes in order, two at a time: each node's chains are its
    // own and in its own order, run side by side (one node's squares form one long chain of adds).
    ...g("lo"), ...s("i"),
    ...op.block, ...op.loop,
    ...nextLive("na"),
    ...g("na"), ...op.i32(0), ...op.i32LtS, ...op.brIf(1),
    ...nextLive("nb2"),
    ...g("nb2"), ...op.i32(0), ...op.i32LtS,
    ...op.if,
    ...normalise(["A"]),
    ...op.br(2),
    ...op.end,
    ...normalise(["A", "B"]),
    ...op.br(0),
    ...op.end, ...op.end,
    ...partialAddress(L("partials"), L("block")), ...g("deSum"), ...op.f64Store(0),
    ...partialAddress(L("partials"), L("block")), ...g("deMax"), ...op.f64Store(8),
    ...partialAddress(L("partials"), L("block")), ...g("live"), ...op.f64ConvertI32S, ...op.f64Store(16),
  ];
  return { name: "couple", params: f.paramTypes, locals: f.localGroups, body };
}

/** partials + 8·PARTIALS·block. */
function partialAddress(partials: number, block: number): number[] {
  return [...op.get(partials), ...op.get(block), ...op.i32(8 * PARTIALS), ...op.i32Mul, ...op.i32Add];
}

function overlapFunction(): { name: string; params: number[]; locals: Array<[number, number]>; body: number[] } {
  const f = new Frame(
    [["lo", I32], ["hi", I32], ["dim", I32], ["states", I32], ["failed", I32], ["rowPtr", I32], ["colIdx", I32], ["partials", I32], ["block", I32]],
    [["i", I32], ["nb", I32], ["o", I32], ["p", I32], ["pe", I32], ...EDGE_GROUP.map((q): [string, number] => [`j${q}`, I32]), ["k", I32], ["count", I32], ["sum", F64], ...EDGE_GROUP.map((q): [string, number] => [`acc${q}`, V128]), ["ar", V128], ["ai", V128], ["bv", V128], ["v", V128]],
  );
  const L = (n: string) => f.at(n);
  const g = (n: string) => op.get(L(n));
  const s = (n: string) => op.set(L(n));
  const failedOf = (node: number[]) => [...g("failed"), ...node, ...op.i32Add, ...op.i32Load8U(0)];
  const JS = EDGE_GROUP.map((q) => L(`j${q}`));
  const ACCS = EDGE_GROUP.map((q) => L(`acc${q}`));
  const address = (j: number) => [...g("states"), ...op.get(j), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...op.set(j)];
  // sum += |⟨ψ_i|ψ_j⟩|² (in `acc`), count++.
  const add = (acc: number) => [
    ...g("sum"), ...squaredModulus(acc, L("v")), ...op.f64Add, ...s("sum"),
    ...g("count"), ...op.i32(1), ...op.i32Add, ...s("count"),
  ];
  const body = [
    ...op.i32(16), ...g("dim"), ...op.i32Mul, ...s("nb"),
    ...op.f64(0), ...s("sum"), ...op.i32(0), ...s("count"),
    ...g("lo"), ...s("i"),
    ...op.block, ...op.loop,
    ...g("i"), ...g("hi"), ...op.i32GeS, ...op.brIf(1),
    ...g("states"), ...g("i"), ...g("nb"), ...op.i32Mul, ...op.i32Add, ...s("o"),
    // A failed node has no live edge; else its edges to live j > i in list order, two at a time.
    ...failedOf(g("i")), ...op.i32Eqz,
    ...op.if,
    ...edgeRange(L("p"), L("pe"), L("i"), L("rowPtr"), L("colIdx")),
    ...acceptedInGroups(JS, L("p"), L("pe"), (j) => [...op.get(j), ...g("i"), ...op.i32GtS, ...failedOf(op.get(j)), ...op.i32Eqz, ...op.i32And], (n) => [
      ...JS.slice(0, n).flatMap(address),
      ...innerProductsWith(L("o"), ACCS.slice(0, n), JS.slice(0, n), L("k"), L("nb"), L("ar"), L("ai"), L("bv")),
      ...ACCS.slice(0, n).flatMap(add),
    ]),
    ...op.end,
    ...g("i"), ...op.i32(1), ...op.i32Add, ...s("i"),
    ...op.br(0),
    ...op.end, ...op.end,
    ...partialAddress(L("partials"), L("block")), ...g("sum"), ...op.f64Store(24),
    ...partialAddress(L("partials"), L("block")), ...g("count"), ...op.f64ConvertI32S, ...op.f64Store(32),
  ];
  return { name: "overlap", params: f.paramTypes, locals: f.localGroups, body };
}

/** The coupling and edge kernels, for an arena's memory (`meshCoupleKernel.instantiateOn(arena.memory)`). */
export const meshCoupleKernel = new WasmKernel<MeshCoupleFns>(
  () => moduleBytes([coupleFunction(), overlapFunction()], 1, { sharedMaxPages: SHARED_MAX_PAGES }),
  (exports) => ({ couple: exports.couple as MeshCoupleFns["couple"], overlap: exports.overlap as MeshCoupleFns["overlap"] }),
);

/**
 * The kernels bound to a mesh's buffers (which must live in the memory `fns` was instantiated on),
 * in the shape of `BlockKernels` (mesh-blocks.ts): `coupleMeanField` is `coupleMeanField(m, lo, hi,
 * s, out, dtS)` followed by `measureDeltaE(m, b, lo, hi, out, KET_NODES)` (κ > 0: with κ = 0 the
 * tick does not couple), `overlapEdges` is `overlapEdges(m, b, lo, hi, s, KET_NODES)`.
 */
export interface MeshCoupleKernels {
  coupleMeanField(b: number, lo: number, hi: number, s: Float64Array, out: Float64Array, dtS: number): void;
  overlapEdges(b: number, lo: number, hi: number, s: Float64Array): void;
}

/** `fns` (an instance on the arena holding `m`'s arrays) bound to `m`. */
export function bindMeshCouple(fns: MeshCoupleFns, m: MeshBuffers): MeshCoupleKernels {
  const { dim, kappaPerS } = m.params;
  const failed = m.failed.byteOffset;
  const rowPtr = m.neighbours.rowPtr.byteOffset;
  const colIdx = m.neighbours.colIdx.byteOffset;
  const deltaE = m.deltaE.byteOffset;
  const partials = m.partials.byteOffset;
  const edgeMirror = m.edgeMirror.byteOffset;
  const edgeOverlaps = m.edgeOverlaps.byteOffset;
  return {
    coupleMeanField: (b, lo, hi, s, out, dtS) => fns.couple(lo, hi, dim, kappaPerS * dtS, s.byteOffset, out.byteOffset, failed, rowPtr, colIdx, deltaE, partials, b, edgeMirror, edgeOverlaps),
    overlapEdges: (b, lo, hi, s) => fns.overlap(lo, hi, dim, s.byteOffset, failed, rowPtr, colIdx, partials, b),
  };
}
