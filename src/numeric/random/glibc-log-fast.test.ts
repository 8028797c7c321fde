import { describe, it, expect } from "vitest";
import { glibcLog } from "./glibc-log.js";
import { glibcLogFast } from "./glibc-log-fast.js";
import { NumpyRandomState } from "./mt19937.js";

/** Every mismatch fails the test with the input that caused it. */
function same(xs: Iterable<number>): void {
  for (const x of xs) {
    const a = glibcLog(x);
    const b = glibcLogFast(x);
    if (!Object.is(a, b)) expect.fail(`glibcLogFast(${x}) = ${b}, glibcLog = ${a}`);
  }
}

function* draws(n: number, seed: number, f: (u: number, v: number) => number): Generator<number> {
  const r = new NumpyRandomState(seed);
  for (let i = 0; i < n; i++) yield f(r.randomSample(), r.randomSample());
}

describe("glibcLogFast is glibcLog, bit for bit", () => {
  it("on the polar method's r² = x1² + x2² (what legacy randn takes the log of)", () => {
    same(draws(1_000_000, 1, (u, v) => (2 * u - 1) ** 2 + (2 * v - 1) ** 2));
  });

  it("densely around 1 (glibc's log1p-style branch and its edges)", () => {
    same(draws(500_000, 2, (u) => 0.93 + 0.14 * u));
    same([1, 1 - 2 ** -4, 1 + 0x109 / 4096, 1 - 2 ** -53, 1 + 2 ** -52, 0.9375, 1.0647]);
  });

  it("over the whole exponent range, powers of two, and the special values", () => {
    same(draws(500_000, 3, (u, v) => Math.exp((u - 0.5) * 1400) * (1 + v)));
    const specials = [0, -0, -1, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, 0.5, 2, Math.E];
    for (let k = -1074; k <= 1023; k++) specials.push(2 ** k);
    same(specials);
  });
});
