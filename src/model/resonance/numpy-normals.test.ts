import { describe, it, expect } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { NumpyNormals } from "./numpy-normals.js";

describe("NumpyNormals (numpy's legacy randn with the fast exact glibc log)", () => {
  it("draws the same numbers as NumpyRandomState.randnInto, bit for bit, across odd-length calls", () => {
    const a = new NumpyRandomState(2024);
    const b = new NumpyNormals(new NumpyRandomState(2024));
    for (const len of [1, 24, 7, 1000, 3, 200_000, 5]) {
      const x = a.randnInto(new Float64Array(len));
      const y = b.randnInto(new Float64Array(len));
      for (let i = 0; i < len; i++) if (!Object.is(x[i], y[i])) expect.fail(`draw ${i} of a ${len}-call: ${x[i]} vs ${y[i]}`);
    }
  });

  it("continues a state that holds a cached Gaussian", () => {
    const a = new NumpyRandomState(7);
    a.randn(); // leaves the second polar value cached
    const b = new NumpyRandomState(7);
    b.randn();
    const fast = new NumpyNormals(b);
    expect(Array.from(fast.randnInto(new Float64Array(9)))).toEqual(Array.from(a.randnInto(new Float64Array(9))));
  });
});
