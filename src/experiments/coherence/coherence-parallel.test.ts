import { describe, it, expect } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { exactCoherence } from "../../model/resonance/coherence.js";
import { allocSharedStates } from "../../model/resonance/node-states.js";
import { numpyRandomKets } from "../../model/resonance/random-states.js";
import { exactCoherenceParallel } from "./coherence-parallel.js";

describe("exact coherence on worker threads (§2.1)", () => {
  it("is bit-identical for 1, 2 and 3 threads (fixed reduction order)", async () => {
    const s = numpyRandomKets(allocSharedStates(1500, 12), new NumpyRandomState(11));
    const one = await exactCoherenceParallel(s, 1);
    expect(one.globalRcf).toBe(exactCoherence(s).globalRcf);
    for (const t of [2, 3]) {
      const r = await exactCoherenceParallel(s, t);
      expect(r.globalRcf).toBe(one.globalRcf);
      expect(r.mstWeight).toBe(one.mstWeight);
      expect(Array.from(r.edgeFrom)).toEqual(Array.from(one.edgeFrom));
      expect(Array.from(r.edgeTo)).toEqual(Array.from(one.edgeTo));
    }
  });

  it("rejects a bad thread count and non-shared states", async () => {
    const s = numpyRandomKets(allocSharedStates(20, 4), new NumpyRandomState(1));
    await expect(exactCoherenceParallel(s, 0)).rejects.toThrow(/threads/);
    await expect(exactCoherenceParallel({ nodes: 20, dim: 4, data: new Float64Array(160) }, 2)).rejects.toThrow(/SharedArrayBuffer/);
  });
});
