import { describe, expect, it } from "vitest";
import { RandomStream } from "./random/stream.js";
import { hypot } from "./hypot.js";

/** A fixed stream of test arguments in [0, 1). */
function stream(seed: number): () => number {
  const r = RandomStream.fromSeed(seed, "hypot test");
  return () => r.uniform();
}

/** Index of the first argument pair where hypot and Math.hypot differ (Object.is), or −1. */
function firstDifference(xs: Float64Array, ys: Float64Array): number {
  for (let k = 0; k < xs.length; k++) if (!Object.is(hypot(xs[k]!, ys[k]!), Math.hypot(xs[k]!, ys[k]!))) return k;
  return -1;
}

describe("hypot", () => {
  it("equals Math.hypot bit for bit on special values", () => {
    const special = [0, -0, 1, -1, 2 ** -1074, -(2 ** -1074), 2 ** -1022, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN, 1e-300, 1e300, 0.5, 3, 4];
    for (const x of special) for (const y of special) expect(Object.is(hypot(x, y), Math.hypot(x, y)), `${x}, ${y}`).toBe(true);
  });

  it("equals Math.hypot bit for bit on random bit patterns, mixed scales and near-equal pairs", () => {
    const r = stream(20261203);
    const N = 300_000;
    const xs = new Float64Array(N);
    const ys = new Float64Array(N);
    const bits = new Uint32Array(xs.buffer);
    const ybits = new Uint32Array(ys.buffer);
    for (let k = 0; k < N; k++) {
      const kind = k % 3;
      if (kind === 0) {
        // Any double, subnormals, infinities and NaNs included.
        bits[2 * k] = (r() * 2 ** 32) >>> 0;
        bits[2 * k + 1] = (r() * 2 ** 32) >>> 0;
        ybits[2 * k] = (r() * 2 ** 32) >>> 0;
        ybits[2 * k + 1] = (r() * 2 ** 32) >>> 0;
      } else if (kind === 1) {
        xs[k] = (r() - 0.5) * 2 ** (Math.floor(r() * 80) - 40);
        ys[k] = (r() - 0.5) * 2 ** (Math.floor(r() * 80) - 40);
      } else {
        xs[k] = r() * 2 - 1;
        ys[k] = xs[k]! * (1 + (r() - 0.5) * 1e-8);
      }
    }
    expect(firstDifference(xs, ys)).toBe(-1);
  });
});
