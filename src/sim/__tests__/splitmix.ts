/**
 * TEST ONLY: a tiny SplitMix32-style stream factory so sim/ tests can run before (and
 * independently of) numeric/random. Never shipped: __tests__/ is excluded from the build.
 */
import type { StreamFactory } from "../streams.js";

export interface TestStream {
  state: number;
  /** Uniform in [0, 1). */
  next(): number;
}

function hashName(seed: number, name: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function make(state: number): TestStream {
  return {
    state,
    next() {
      this.state = (this.state + 0x9e3779b9) >>> 0;
      let z = this.state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
    },
  };
}

export const testStreamFactory: StreamFactory<TestStream> = {
  create: (seed, name) => make(hashName(seed, name)),
  save: (s) => s.state,
  load: (s, st) => {
    s.state = st as number;
  },
};
