/** numpy's legacy `uniform(low, high)` on the bit-exact stream: low + (high − low)·random_sample(). */
import type { NumpyRandomState } from "../../numeric/random/index.js";

/** `np.random.uniform(low, high)`: one draw, numpy's formula and operation order. */
export function numpyUniform(rs: NumpyRandomState, low: number, high: number): number {
  return low + (high - low) * rs.randomSample();
}
