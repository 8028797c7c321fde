// RandomStream: known answers (xoshiro256** reference, SplitMix64, an independent Python model in
// scripts/refs/random_stream_ref.py), distribution checks with bounds that can fail, splitting.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { RandomStream, randomStreamFactory, STREAM_WORDS } from "./stream.js";

interface StreamRef { seed: number; names: string[]; key: string; state: string; raw: string[]; uniform: number[]; normal: number[] }
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/random-stream.json", import.meta.url), "utf8")) as {
  xoshiro_state_1234_u64_hex: string[];
  splitmix64_seed1234567_hex: string[];
  streams: Record<string, StreamRef>;
};

const hex64 = ([hi, lo]: [number, number]): string => hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");

function expectSame(got: ArrayLike<number>, want: number[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) expect(`index ${i}: ${got[i]}`).toBe(`index ${i}: ${want[i]}`);
}

/** Standard normal CDF via erfc (W. J. Cody's rational approximations would do; this series/continued fraction is ample for KS). */
function normCdf(x: number): number {
  // Abramowitz–Stegun 26.2.17-free: use erfc by continued fraction for |x| > 3, series otherwise.
  const z = Math.abs(x) / Math.SQRT2;
  let erfc: number;
  if (z < 3) {
    let term = z, sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let f = 0;
    for (let n = 60; n >= 1; n--) f = (n / 2) / (z + f);
    erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + f);
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Kolmogorov–Smirnov statistic of a sample against a CDF. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
// P(D_n > 1.949/√n) ≈ 0.001 (asymptotic Kolmogorov distribution).
const KS_999 = 1.949;

describe("RandomStream: known answers", () => {
  it("xoshiro256** from state {1, 2, 3, 4} gives the reference outputs", () => {
    const s = new RandomStream(0).setState({ generator: "xoshiro256**", key: "0".repeat(16), s: ["1", "2", "3", "4"].map((w) => w.padStart(16, "0")).join("") });
    expect(Array.from({ length: 20 }, () => hex64(s.nextUint64Parts()))).toEqual(ref.xoshiro_state_1234_u64_hex);
    expect(ref.xoshiro_state_1234_u64_hex.slice(0, 4).map((h) => BigInt(`0x${h}`))).toEqual([11520n, 0n, 1509978240n, 1215971899390074240n]);
  });

  it("a root stream's state is SplitMix64 of its seed", () => {
    expect(new RandomStream(1234567).getState().s).toBe(ref.splitmix64_seed1234567_hex.slice(0, 4).join(""));
    expect(BigInt(`0x${ref.splitmix64_seed1234567_hex[0]}`)).toBe(6457827717110365317n);
  });

  for (const [label, r] of Object.entries(ref.streams)) {
    it(`fromSeed${label}: key, state, raw, uniform and normal equal the Python model exactly`, () => {
      const s = RandomStream.fromSeed(r.seed, ...r.names);
      expect(s.key).toBe(r.key);
      expect(s.getState().s).toBe(r.state);
      expect(Array.from({ length: r.raw.length }, () => hex64(s.nextUint64Parts()))).toEqual(r.raw);
      expectSame(RandomStream.fromSeed(r.seed, ...r.names).uniformInto(new Float64Array(r.uniform.length)), r.uniform);
      const n = RandomStream.fromSeed(r.seed, ...r.names);
      expectSame(Array.from({ length: r.normal.length }, () => n.normal()), r.normal);
    });
  }
});

describe("RandomStream: distributions", () => {
  const n = 100_000;

  it("uniform: 53-bit values in [0, 1), KS and moments within bounds", () => {
    const u = RandomStream.fromSeed(1, "ks").uniformInto(new Float64Array(n));
    let mean = 0, m2 = 0, min = 1, max = 0;
    for (const x of u) { mean += x; min = Math.min(min, x); max = Math.max(max, x); }
    mean /= n;
    for (const x of u) m2 += (x - mean) ** 2;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m2 / (n - 1) - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n)); // var of (U-1/2)^2 is 1/180
    expect(ksStatistic(u, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(KS_999 / Math.sqrt(n));
    // 53 bits: some draws use the low bits below 2^-32.
    expect(u.some((x) => (x * 2 ** 32) % 1 !== 0)).toBe(true);
  });

  it("normal: KS against Φ, mean, variance and kurtosis within bounds; tails are reached", () => {
    const z = RandomStream.fromSeed(2, "ks").normalInto(new Float64Array(n));
    let mean = 0;
    for (const x of z) mean += x;
    mean /= n;
    let m2 = 0, m4 = 0, beyond = 0;
    for (const x of z) { m2 += (x - mean) ** 2; m4 += (x - mean) ** 4; if (Math.abs(x) > ZIGGURAT_R) beyond++; }
    const v = m2 / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(v - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n / (v * v) - 3)).toBeLessThan(5 * Math.sqrt(24 / n));
    expect(ksStatistic(z, normCdf)).toBeLessThan(KS_999 / Math.sqrt(n));
    // P(|Z| > 3.4426) = 5.76e-4: expect ~58 of 1e5 from the tail sampler.
    expect(beyond).toBeGreaterThan(25);
    expect(beyond).toBeLessThan(100);
  });

  it("normalInto applies mean and sd; bad arguments are InputErrors", () => {
    const s = RandomStream.fromSeed(3);
    const a = s.clone().normalInto(new Float64Array(10));
    const b = s.clone().normalInto(new Float64Array(10), 5, 2);
    for (let i = 0; i < 10; i++) expect(b[i]).toBe(5 + 2 * a[i]!);
    expect(() => s.normalInto(new Float64Array(1), Number.NaN)).toThrow(InputError);
    expect(() => s.normalInto(new Float64Array(1), 0, -1)).toThrow(InputError);
  });

  it("int(n) is uniform (chi-square for n = 7, 10 and 3·2^40) and in range", () => {
    const s = RandomStream.fromSeed(4, "int");
    for (const k of [7, 10]) {
      const counts = new Array<number>(k).fill(0);
      const draws = 70_000;
      for (let i = 0; i < draws; i++) counts[s.int(k)]!++;
      const e = draws / k;
      const chi2 = counts.reduce((acc, c) => acc + (c - e) ** 2 / e, 0);
      expect(chi2).toBeLessThan(k === 7 ? 22.46 : 27.88); // 0.999 quantiles of χ²(6), χ²(9)
    }
    const big = 3 * 2 ** 40;
    let top = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = s.int(big);
      expect(Number.isInteger(x) && x >= 0 && x < big).toBe(true);
      if (x >= 2 * 2 ** 40) top++;
    }
    expect(Math.abs(top - 10_000 / 3)).toBeLessThan(5 * Math.sqrt(10_000 * (1 / 3) * (2 / 3)));
    expect(s.int(1)).toBe(0);
    expect(() => s.int(0)).toThrow(InputError);
    expect(() => s.int(2.5)).toThrow(InputError);
  });

  it("haarKet: unit norm, E|<e0|psi>|^2 = 1/d within 5 standard errors", () => {
    const s = RandomStream.fromSeed(5, "haar");
    for (const d of [2, 12, 64]) {
      const samples = 20_000;
      const psi = new Float64Array(2 * d);
      let sum = 0;
      for (let k = 0; k < samples; k++) {
        s.haarKet(d, psi);
        let norm = 0;
        for (let i = 0; i < 2 * d; i++) norm += psi[i]! ** 2;
        expect(Math.abs(norm - 1)).toBeLessThan(1e-14);
        sum += psi[0]! ** 2 + psi[1]! ** 2;
      }
      const varP = (d - 1) / (d * d * (d + 1)); // variance of |<e0|psi>|^2 under Haar measure
      expect(Math.abs(sum / samples - 1 / d)).toBeLessThan(5 * Math.sqrt(varP / samples));
    }
    expect(s.haarKet(3).length).toBe(6);
    expect(() => s.haarKet(3, new Float64Array(5))).toThrow(InputError);
    expect(() => s.haarKet(0)).toThrow(InputError);
  });
});

const ZIGGURAT_R = 3.442619855899;

describe("RandomStream: splitting and state", () => {
  it("same seed and names give identical streams; different names give different ones", () => {
    const a = RandomStream.fromSeed(9, "mesh", "node-1").uniformInto(new Float64Array(100));
    const b = RandomStream.fromSeed(9).split("mesh").split("node-1").uniformInto(new Float64Array(100));
    expect(Array.from(b)).toEqual(Array.from(a));
    const names = ["mesh", "node-1", "node-2", "faults", "", "Mesh", "mesh/node-1", "mesh\u0000"];
    const firsts = new Set(names.map((nm) => RandomStream.fromSeed(9, nm).key));
    expect(firsts.size).toBe(names.length);
    expect(RandomStream.fromSeed(9, "mesh").key).not.toBe(RandomStream.fromSeed(10, "mesh").key);
    expect(RandomStream.fromSeed(9, "a", "b").key).not.toBe(RandomStream.fromSeed(9, "ab").key);
  });

  it("split never consumes the parent, and sibling streams are uncorrelated", () => {
    const p1 = RandomStream.fromSeed(11);
    const p2 = RandomStream.fromSeed(11);
    p2.split("x");
    p2.split("y");
    expect(p2.uniform()).toBe(p1.uniform());
    const before = p1.split("c").uniformInto(new Float64Array(5));
    p1.uniformInto(new Float64Array(1000));
    expect(Array.from(p1.split("c").uniformInto(new Float64Array(5)))).toEqual(Array.from(before));
    // Correlation of two sibling streams: |r| < 5/√n.
    const n = 50_000;
    const x = RandomStream.fromSeed(11, "left").normalInto(new Float64Array(n));
    const y = RandomStream.fromSeed(11, "right").normalInto(new Float64Array(n));
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) { sxy += x[i]! * y[i]!; sxx += x[i]! ** 2; syy += y[i]! ** 2; }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(5 / Math.sqrt(n));
  });

  it("getState/setState round-trips through JSON, including later splits", () => {
    const s = RandomStream.fromSeed(12, "ckpt");
    s.normalInto(new Float64Array(37));
    const saved = JSON.parse(JSON.stringify(s.getState())) as ReturnType<RandomStream["getState"]>;
    const want = s.normalInto(new Float64Array(100));
    const r = new RandomStream(0).setState(saved);
    expect(Array.from(r.normalInto(new Float64Array(100)))).toEqual(Array.from(want));
    expect(r.split("child").key).toBe(s.split("child").key);
    const f = randomStreamFactory.create(12, "ckpt");
    randomStreamFactory.load(f, randomStreamFactory.save(s));
    expect(f.uniform()).toBe(s.uniform());
  });

  it("rejects bad seeds, names and states", () => {
    expect(() => new RandomStream(-1)).toThrow(InputError);
    expect(() => new RandomStream(2 ** 53)).toThrow(InputError);
    expect(() => new RandomStream(0.5)).toThrow(InputError);
    expect(() => RandomStream.fromSeed(1, 5 as unknown as string)).toThrow(InputError);
    const st = new RandomStream(1).getState();
    expect(() => new RandomStream(1).setState({ ...st, s: "0".repeat(64) })).toThrow(InputError);
    expect(() => new RandomStream(1).setState({ ...st, key: "xyz" })).toThrow(InputError);
    expect(() => new RandomStream(1).setState({ ...st, generator: "pcg" as "xoshiro256**" })).toThrow(InputError);
  });

  it("state words: a stream continues from words it copied out, and from words moved on elsewhere", () => {
    const a = RandomStream.fromSeed(21, "words");
    const b = RandomStream.fromSeed(21, "words");
    a.uniformInto(new Float64Array(3));
    const words = new Int32Array(STREAM_WORDS + 3);
    a.stateWords(words, 3);
    const x = Array.from(a.normalInto(new Float64Array(500)));
    // b jumps to a's earlier position through the words and draws what a drew.
    b.setStateWords(words, 3);
    expect(Array.from(b.normalInto(new Float64Array(500)))).toEqual(x);
    // Words moved on by another stream are picked up: c draws 7 uniforms from b's words, b continues after them.
    const c = RandomStream.fromSeed(99);
    b.stateWords(words);
    c.setStateWords(words);
    c.uniformInto(new Float64Array(7));
    c.stateWords(words);
    const skipped = b.clone();
    skipped.uniformInto(new Float64Array(7));
    b.setStateWords(words);
    expect(b.getState()).toEqual(skipped.getState());
    expect(b.uniform()).toBe(skipped.uniform());
  });
});
