import { describe, expect, it } from "vitest";
import { detExp } from "../../numeric/random/det-math.js";
import { RandomStream, zigguratTables } from "../../numeric/random/stream.js";
import { sharedMemory } from "../../numeric/wasm/kernel.js";
import { ResonanceMesh } from "./mesh.js";
import { advanceClocks, applyPhases, STREAM_SLOT } from "./mesh-blocks.js";
import { meshPhasesKernel } from "./mesh-phases-simd.js";

const zig = zigguratTables();
const peek = new RandomStream(0);

/** Which path `normal()` takes on its first try from the generator words at `words[at …]`. */
function firstTry(words: Int32Array, at: number): "fast" | "tail" | "wedge" {
  peek.setStateWords(words, at);
  const [hi, lo] = peek.nextUint64Parts();
  const u = 2 * ((hi * 2 ** 21 + (lo >>> 11)) * 2 ** -53) - 1;
  const i = lo & 127;
  return Math.abs(u) < zig.ratio[i]! ? "fast" : i === 0 ? "tail" : "wedge";
}

/** A RandomStream that counts its normal draws by the path of their first try. */
class CountingStream extends RandomStream {
  readonly tries = { fast: 0, tail: 0, wedge: 0 };
  private readonly w = new Int32Array(STREAM_SLOT);
  override normal(): number {
    this.stateWords(this.w);
    this.tries[firstTry(this.w, 0)]++;
    return super.normal();
  }
}

/** A mesh in an arena, with the kernel bound as a thread would bind it: stream words copied in before a call and back after. */
function arenaMesh(nodes: number, dim: number, gammaPerS: number, blocks: number, seed: number) {
  const m = ResonanceMesh.init(
    { nodes, dim, gammaPerS, kappaPerS: 0, detuningStdRadS: 3e6, clockErrorStdS: 10e-15, initialState: "haar" },
    RandomStream.fromSeed(seed, "mesh"), undefined, { blocks },
  );
  expect(m.arena).toBeDefined();
  const buf = m.buffers;
  const streams = m.blockRandom as RandomStream[];
  const words = buf.streamWords;
  let slow = 0;
  let notTail = 0;
  let large = 0;
  const k = meshPhasesKernel.instantiateOn(m.arena!.memory, {
    normal: (b: number) => {
      slow++;
      if (firstTry(words, STREAM_SLOT * b) !== "tail") notTail++;
      const r = streams[b]!;
      r.setStateWords(words, STREAM_SLOT * b);
      const x = r.normal();
      r.stateWords(words, STREAM_SLOT * b);
      return x;
    },
    sin: (x: number) => {
      large++;
      return Math.sin(x);
    },
    cos: Math.cos,
  });
  const phases = (b: number, s: Float64Array, dtS: number, advanceClocks: boolean) => {
    const r = streams[b]!;
    r.stateWords(words, STREAM_SLOT * b);
    k.phases(buf.bounds[b]!, buf.bounds[b + 1]!, dim, dtS, Math.sqrt(gammaPerS * dtS), b, s.byteOffset, buf.detuningRadS.byteOffset,
      buf.clockErrorS.byteOffset, buf.appliedClockErrorS.byteOffset, buf.omegaRadS.byteOffset, buf.failed.byteOffset,
      words.byteOffset + 4 * STREAM_SLOT * b, buf.zigX.byteOffset, buf.zigRatio.byteOffset, buf.clockRate.byteOffset, advanceClocks ? 1 : 0);
    r.setStateWords(words, STREAM_SLOT * b);
  };
  return { m, buf, streams, phases, slowCalls: () => slow, notTailCalls: () => notTail, largePhases: () => large };
}

function streamWords(r: RandomStream): Int32Array {
  const w = new Int32Array(STREAM_SLOT);
  r.stateWords(w);
  return w;
}

/** A copy of `r` at the same position, the last output's low half included, counting its draws' paths. */
function twin(r: RandomStream): CountingStream {
  const t = new CountingStream(0).setState(r.getState());
  t.setStateWords(streamWords(r));
  return t;
}

function expectSameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  expect(a.length, what).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect.fail(`${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

describe("mesh phase step as a WebAssembly kernel on the arena", () => {
  it.runIf(meshPhasesKernel.available())("is applyPhases (after advanceClocks when asked) bit for bit: states, clock errors and the streams after (d = 12 and 5, σ > 0 and = 0, failed nodes, slow-path draws)", () => {
    const tries = { fast: 0, tail: 0, wedge: 0 };
    let imports = 0;
    for (const [dim, gamma, blocks] of [[12, 1e8, 3], [5, 4e7, 4], [12, 0, 2], [5, 0, 1]] as const) {
      const nodes = 240;
      const { m, buf, streams, phases, slowCalls, notTailCalls, largePhases } = arenaMesh(nodes, dim, gamma, blocks, 11 * dim + blocks);
      const s = buf.states[0];
      const src = RandomStream.fromSeed(5, "setup", String(dim), String(blocks));
      for (let i = 0; i < nodes; i += 7) buf.failed[i] = 1;
      // Clock rates (fractional frequency offsets) for the ticks that take the clock step too.
      for (let i = 0; i < nodes; i++) buf.clockRate[i] = 1e-6 * src.normal();
      for (let tick = 0; tick < 6; tick++) {
        const dtS = tick % 2 === 0 ? 1e-9 : 3.7e-8;
        const advance = tick % 3 !== 0;
        // Clock errors: small (medium-range phases), some that put ω·dτ beyond 2^19·π/2 (the imported sin/cos), some zero.
        for (let i = 0; i < nodes; i++) {
          const r = src.uniform();
          buf.clockErrorS[i] = r < 0.1 ? 2e-8 * src.normal() : r < 0.2 ? buf.appliedClockErrorS[i]! : 1e-14 * src.normal();
        }
        for (let b = 0; b < blocks; b++) {
          const lo = buf.bounds[b]!;
          const hi = buf.bounds[b + 1]!;
          const before = { s: s.slice(), applied: buf.appliedClockErrorS.slice(), clock: buf.clockErrorS.slice() };
          const js = twin(streams[b]!);
          if (advance) advanceClocks(buf, lo, hi, js, dtS);
          applyPhases(buf, lo, hi, s, js, dtS);
          for (const p of ["fast", "tail", "wedge"] as const) tries[p] += js.tries[p];
          const want = { s: s.slice(), applied: buf.appliedClockErrorS.slice(), clock: buf.clockErrorS.slice(), words: streamWords(js) };
          s.set(before.s);
          buf.appliedClockErrorS.set(before.applied);
          buf.clockErrorS.set(before.clock);
          phases(b, s, dtS, advance);
          expectSameBits(s, want.s, `d=${dim} tick ${tick} block ${b} states`);
          expectSameBits(buf.appliedClockErrorS, want.applied, `d=${dim} tick ${tick} block ${b} applied clock errors`);
          expectSameBits(buf.clockErrorS, want.clock, `d=${dim} tick ${tick} block ${b} clock errors`);
          if (advance && lo < hi) expect(buf.clockErrorS[lo], "the clock step moved the block's first clock").not.toBe(before.clock[lo]);
          expectSameBits(streamWords(streams[b]!), want.words, `d=${dim} tick ${tick} block ${b} stream words`);
          expect(streams[b]!.normal()).toBe(js.normal());
          if (gamma === 0) expectSameBits(streamWords(streams[b]!), streamWords(js), "no draws at σ = 0");
        }
      }
      // The import is called for the base layer's tail only; the wedge tests run in the kernel.
      expect(notTailCalls(), "imported normal() called only for the tail").toBe(0);
      if (gamma === 0) expect(slowCalls()).toBe(0);
      imports += slowCalls();
      expect(largePhases(), "phases beyond the medium range went to the imported sin and cos").toBeGreaterThan(0);
      expect(m.blocks).toBe(blocks);
    }
    // Every draw's first try went the same way in both (a rejected wedge may end in a tail too).
    expect(tries.wedge, "wedge tests taken in the kernel").toBeGreaterThan(100);
    expect(tries.tail, "tails in these draws").toBeGreaterThan(0);
    expect(imports).toBeGreaterThanOrEqual(tries.tail);
    expect(imports).toBeLessThan(tries.tail + tries.wedge / 10);
  });

  it.runIf(meshPhasesKernel.available())("its detExp is detExp bit for bit, over millions of wedge-test arguments and the edges", () => {
    const mem = sharedMemory(65_536)!;
    const k = meshPhasesKernel.instantiateOn(mem, { normal: () => Number.NaN, sin: Math.sin, cos: Math.cos });
    let checked = 0;
    const check = (x: number) => {
      checked++;
      const got = k.detExp(x);
      if (!Object.is(got, detExp(x))) expect.fail(`detExp(${x}): ${got} vs ${detExp(x)}`);
    };
    // The wedge test's range: −½(x_i² − x²) for |x| < x_i ≤ x_0, i.e. −½·x_0² … 0.
    const lowest = -0.5 * zig.x[0]! * zig.x[0]!;
    const r = RandomStream.fromSeed(2026, "det-exp");
    for (let j = 0; j < 3_000_000; j++) check(lowest * r.uniform());
    // The arguments the wedge test itself computes, from random layers and points.
    for (let j = 0; j < 500_000; j++) {
      const i = 1 + r.int(127);
      const x = (2 * r.uniform() - 1) * zig.x[i]!;
      check(-0.5 * (zig.x[i]! * zig.x[i]! - x * x));
      check(-0.5 * (zig.x[i + 1]! * zig.x[i + 1]! - x * x));
    }
    // Near the rounding's half-way points (k·ln 2 ± ½ ln 2) and across the whole domain.
    for (let n = -1076; n <= 1025; n++) {
      for (const h of [-0.5, 0, 0.5]) {
        const x = (n + h) * Math.LN2;
        for (const y of [x, x * (1 + 2 ** -52), x * (1 - 2 ** -52), x + 1e-12, x - 1e-12]) check(y);
      }
    }
    for (let j = 0; j < 500_000; j++) check(-800 + 1600 * r.uniform());
    // Edges: zeros, tiny, the cut-offs and their neighbours, the k = ±1000 splits, specials.
    const cuts = [709.782712893384, -745.1332191019412, 1000.5 * Math.LN2, -1000.5 * Math.LN2, 1000 * Math.LN2, -1000 * Math.LN2, lowest];
    for (const x of cuts) for (const y of [x, x * (1 + 2 ** -52), x * (1 - 2 ** -52), x + 1e-9, x - 1e-9]) check(y);
    for (const x of [0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-17, -1e-17, 0.5, -0.5, 1, -1, Infinity, -Infinity, Number.NaN]) check(x);
    expect(checked).toBeGreaterThan(4_500_000);
  });

  it.runIf(meshPhasesKernel.available())("its sin and cos are Math.sin and Math.cos bit for bit, over millions of arguments and the reduction's edges", () => {
    const mem = sharedMemory(65_536)!;
    const k = meshPhasesKernel.instantiateOn(mem, { normal: () => Number.NaN, sin: Math.sin, cos: Math.cos });
    const out = new Float64Array(mem.buffer, 0, 2);
    let checked = 0;
    const check = (x: number) => {
      k.sinCos(x, 0);
      checked++;
      if (!Object.is(out[0], Math.sin(x)) || !Object.is(out[1], Math.cos(x))) expect.fail(`sin/cos(${x}): ${out[0]}, ${out[1]} vs ${Math.sin(x)}, ${Math.cos(x)}`);
    };
    const r = RandomStream.fromSeed(2026, "sin-cos");
    // Log-uniform magnitudes from 2^-60 to 2^40, both signs: every branch of the reduction.
    for (let j = 0; j < 3_000_000; j++) check((r.uniform() < 0.5 ? -1 : 1) * 2 ** (-60 + 100 * r.uniform()) * (1 + r.uniform()));
    // Near multiples of π/2 (the cancellation that needs the second and third Cody–Waite rounds).
    for (let j = 0; j < 1_000_000; j++) {
      const n = r.int(1 << 20) * (r.uniform() < 0.5 ? -1 : 1);
      check(n * (Math.PI / 2) * (1 + (r.uniform() - 0.5) * 2 ** -(20 + r.int(33))));
    }
    // The phase step's own range: φ = ω·τ for ω ≈ 1.5·10^15 rad/s and τ ~ 10 fs.
    for (let j = 0; j < 500_000; j++) check(1.519e15 * 1e-14 * r.normal());
    // Edges: zeros, subnormals, the branch thresholds and their neighbours, specials.
    const f = new Float64Array(1);
    const w = new Int32Array(f.buffer);
    for (const hw of [0x3e400000, 0x3fd33333, 0x3fe90000, 0x3fe921fb, 0x3ff921fb, 0x4002d97c, 0x413921fb, 0x7fefffff]) {
      for (const lw of [0, 1, 0x54442d18, 0x54442d19, -1]) {
        for (const d of [-1, 0, 1]) {
          w[1] = hw + d;
          w[0] = lw;
          check(f[0]!);
          check(-f[0]!);
        }
      }
    }
    for (let n = 1; n <= 40; n++) for (const x of [n * (Math.PI / 2), n * (Math.PI / 4), n * Math.PI]) for (const y of [x, -x, x * (1 + 2 ** -52), x * (1 - 2 ** -52)]) check(y);
    for (const x of [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1, -1, 1e6, 1e10, 1e300, Number.MAX_VALUE, Infinity, -Infinity, Number.NaN]) check(x);
    expect(checked).toBeGreaterThan(4_500_000);
  });

  it.runIf(meshPhasesKernel.available())("writes nothing outside the block's nodes and the block's stream slot", () => {
    const { buf, streams, phases } = arenaMesh(60, 12, 1e8, 3, 9);
    const s = buf.states[0];
    const before = { s: s.slice(), applied: buf.appliedClockErrorS.slice(), words: buf.streamWords.slice() };
    for (let i = 0; i < 60; i++) {
      buf.clockErrorS[i] = 1e-14 * (i + 1);
      buf.clockRate[i] = 1e-6;
    }
    const clock = buf.clockErrorS.slice();
    phases(1, s, 1e-9, true);
    const lo = buf.bounds[1]!;
    const hi = buf.bounds[2]!;
    for (let x = 0; x < s.length; x++) if (x < 2 * 12 * lo || x >= 2 * 12 * hi) expect(Object.is(s[x], before.s[x])).toBe(true);
    for (let i = 0; i < 60; i++) if (i < lo || i >= hi) expect(buf.appliedClockErrorS[i]).toBe(before.applied[i]);
    for (let i = 0; i < 60; i++) expect(buf.clockErrorS[i] !== clock[i]).toBe(i >= lo && i < hi);
    for (const b of [0, 2]) for (let j = 0; j < STREAM_SLOT; j++) expect(buf.streamWords[STREAM_SLOT * b + j]).toBe(before.words[STREAM_SLOT * b + j]);
    expect(streams.length).toBe(3);
  });
});
