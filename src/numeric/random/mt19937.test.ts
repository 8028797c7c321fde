// numpy's legacy RandomState, compared bit for bit with numpy 1.24 (scripts/refs/numpy_mt19937.py).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { glibcLog } from "./glibc-log.js";
import { NumpyRandomState } from "./mt19937.js";

interface SeedRef {
  random_sample: number[];
  randn: number[];
  state_after_randn?: { key_sum: number; key0: number; key623: number; pos: number; has_gauss: number; gauss: number };
}
interface Ref {
  seeds: Record<string, SeedRef>;
  raw_uint32_seed5489: number[];
  interleaved_seed7: { pattern: [string, number][]; values: number[] };
  array_seed_1_2_3_max: { random_sample: number[]; randn: number[] };
  sha256_randn_1e5_seed42: string;
  sha256_random_sample_1e5_seed2024: string;
  sha256_glibc_log_seed3: string;
}
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/numpy-mt19937.json", import.meta.url), "utf8")) as Ref;

const sha256 = (a: Float64Array): string => createHash("sha256").update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest("hex");

function expectSame(got: ArrayLike<number>, want: number[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i]) expect(`index ${i}: ${got[i]}`).toBe(`index ${i}: ${want[i]}`);
  }
}

describe("NumpyRandomState (np.random legacy stream)", () => {
  it("raw MT19937 outputs after seed(5489) are the reference generator's", () => {
    const rs = new NumpyRandomState(5489);
    expectSame(Array.from({ length: 10 }, () => rs.nextUint32()), ref.raw_uint32_seed5489);
  });

  for (const [seed, r] of Object.entries(ref.seeds)) {
    it(`seed(${seed}): random_sample and randn equal numpy exactly`, () => {
      const a = new NumpyRandomState(Number(seed));
      expectSame(Array.from({ length: r.random_sample.length }, () => a.randomSample()), r.random_sample);
      const b = new NumpyRandomState(Number(seed));
      expectSame(b.randomSampleInto(new Float64Array(r.random_sample.length)), r.random_sample);
      const c = new NumpyRandomState(Number(seed));
      expectSame(Array.from({ length: r.randn.length }, () => c.randn()), r.randn);
      const d = new NumpyRandomState(Number(seed));
      expectSame(d.randnInto(new Float64Array(r.randn.length)), r.randn);
      const st = r.state_after_randn;
      if (st) {
        for (const s of [c.getState(), d.getState()]) {
          expect(s.key.reduce((x, y) => x + y, 0)).toBe(st.key_sum);
          expect([s.key[0], s.key[623], s.pos, s.hasGauss, s.gauss]).toEqual([st.key0, st.key623, st.pos, st.has_gauss, st.gauss]);
        }
      }
    });
  }

  it("interleaved random_sample / randn calls keep numpy's cached Gaussian", () => {
    const rs = new NumpyRandomState(7);
    const got: number[] = [];
    for (const [kind, count] of ref.interleaved_seed7.pattern) {
      if (kind === "n") {
        if (count === 1) got.push(rs.randn());
        else got.push(...rs.randnInto(new Float64Array(count)));
      } else if (count === 1) got.push(rs.randomSample());
      else got.push(...rs.randomSampleInto(new Float64Array(count)));
    }
    expect(got.length).toBeGreaterThan(1000);
    expectSame(got, ref.interleaved_seed7.values);
  });

  it("seed(array) is init_by_array", () => {
    const rs = NumpyRandomState.fromArray([1, 2, 3, 2 ** 32 - 1]);
    expectSame(rs.randomSampleInto(new Float64Array(20)), ref.array_seed_1_2_3_max.random_sample);
    expectSame(rs.randnInto(new Float64Array(21)), ref.array_seed_1_2_3_max.randn);
  });

  it("10^5 draws hash identically to numpy's (randn seed 42, random_sample seed 2024)", () => {
    expect(sha256(new NumpyRandomState(42).randnInto(new Float64Array(100_000)))).toBe(ref.sha256_randn_1e5_seed42);
    expect(sha256(new NumpyRandomState(2024).randomSampleInto(new Float64Array(100_000)))).toBe(ref.sha256_random_sample_1e5_seed2024);
  });

  it("glibcLog equals glibc's log on 8·10^5 inputs over all of its paths", () => {
    const u = new NumpyRandomState(3).randomSampleInto(new Float64Array(200_000));
    const n = u.length;
    const y = new Float64Array(4 * n);
    const pow2 = new Float64Array(2000); // 2^(j - 1000), built by exact doublings
    pow2[1000] = 1;
    for (let j = 1001; j < 2000; j++) pow2[j] = pow2[j - 1]! * 2;
    for (let j = 999; j >= 0; j--) pow2[j] = pow2[j + 1]! / 2;
    for (let i = 0; i < n; i++) {
      const v = u[i]!;
      y[i] = glibcLog(v);
      y[n + i] = glibcLog(0.9375 + v * 0.1269);
      y[2 * n + i] = glibcLog(v * pow2[i % 2000]!);
      y[3 * n + i] = glibcLog(v * 2.2250738585072014e-308);
    }
    expect(sha256(y)).toBe(ref.sha256_glibc_log_seed3);
    expect([glibcLog(0), glibcLog(-1), glibcLog(Infinity), glibcLog(1)]).toEqual([-Infinity, NaN, Infinity, 0]);
  });

  it("getState/setState checkpoints and resumes the stream exactly", () => {
    const a = new NumpyRandomState(42);
    a.randnInto(new Float64Array(3)); // leaves a cached Gaussian
    const saved = JSON.parse(JSON.stringify(a.getState())) as ReturnType<NumpyRandomState["getState"]>;
    expect(saved.hasGauss).toBe(1);
    const want = a.randnInto(new Float64Array(700));
    const b = new NumpyRandomState(0).setState(saved);
    expectSame(b.randnInto(new Float64Array(700)), Array.from(want));
  });

  it("rejects seeds numpy rejects and malformed states", () => {
    expect(() => new NumpyRandomState(-1)).toThrow(InputError);
    expect(() => new NumpyRandomState(2 ** 32)).toThrow(InputError);
    expect(() => new NumpyRandomState(1.5)).toThrow(InputError);
    expect(() => new NumpyRandomState(Number.NaN)).toThrow(InputError);
    expect(() => NumpyRandomState.fromArray([])).toThrow(InputError);
    const s = new NumpyRandomState(1).getState();
    expect(() => new NumpyRandomState(1).setState({ ...s, key: s.key.slice(1) })).toThrow(InputError);
    expect(() => new NumpyRandomState(1).setState({ ...s, pos: 625 })).toThrow(InputError);
    expect(() => new NumpyRandomState(1).setState({ ...s, gauss: Number.NaN })).toThrow(InputError);
  });
});
