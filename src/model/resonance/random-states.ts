/**
 * Random node states. `numpyRandomKets` draws them exactly as the paper's Appendix A
 * `random_ket(dim)` does (node by node: `randn(d)` real parts, then `randn(d)` imaginary parts,
 * normalised), so a numpy/scipy script with the same seed sees the same states.
 */
import type { NormalSource } from "./appendix-a.js";
import type { NodeStates } from "./node-states.js";
import { normaliseNode } from "./node-states.js";

/** Fill every node of `states` with `random_ket(d)` in node order from `rng`; returns `states`. */
export function numpyRandomKets(states: NodeStates, rng: NormalSource): NodeStates {
  const d = states.dim;
  const buf = new Float64Array(2 * d);
  const data = states.data;
  for (let i = 0; i < states.nodes; i++) {
    rng.randnInto(buf);
    const o = 2 * i * d;
    for (let k = 0; k < d; k++) {
      data[o + 2 * k] = buf[k]!;
      data[o + 2 * k + 1] = buf[d + k]!;
    }
    normaliseNode(data, d, i);
  }
  return states;
}
