import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { exactCoherence } from "../../model/resonance/coherence.js";
import { drawStates, runCoherence } from "./coherence.js";

// numpy random kets + scipy minimum_spanning_tree (scripts/refs/coherence-scipy.py).
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/scipy-coherence-numpy.json", import.meta.url), "utf8")) as {
  cases: { nodes: number; dim: number; seed: number; edges: number; globalRcf: number; mstWeight: number }[];
};

describe("pqms coherence (§2.1)", () => {
  it("--rng numpy matches scipy's MST of the same states to 1e-12, on 1 and 2 threads", async () => {
    const c = ref.cases[0]!;
    for (const threads of [1, 2]) {
      const r = await runCoherence({ nodes: c.nodes, dim: c.dim, seed: c.seed, rng: "numpy", method: "exact", threads });
      expect(r.edges).toBe(c.edges);
      expect(Math.abs(r.globalRcf - c.globalRcf)).toBeLessThan(1e-12);
      expect(Math.abs(r.mstWeight - c.mstWeight)).toBeLessThan(1e-12 * c.nodes);
    }
  });

  it("hierarchical reports an interval that holds the exact RCF̄; exact is the same on 1 and 2 threads", async () => {
    const o = { nodes: 2000, dim: 12, seed: 9, rng: "stream" as const };
    const exact = await runCoherence({ ...o, method: "exact", threads: 1 });
    const two = await runCoherence({ ...o, method: "exact", threads: 2 });
    expect(two.globalRcf).toBe(exact.globalRcf);
    expect(exact.lower).toBe(exact.globalRcf);
    const h = await runCoherence({ ...o, method: "hierarchical", threads: 2 });
    expect(h.edges).toBe(exact.edges);
    expect(h.lower).toBeLessThanOrEqual(exact.globalRcf);
    expect(h.upper).toBeGreaterThanOrEqual(exact.globalRcf);
    // Prim's tree, computed independently of the lists, agrees with the certified one.
    const prim = exactCoherence(drawStates({ ...o, method: "exact", threads: 1 }));
    expect(Math.abs(prim.globalRcf - exact.globalRcf)).toBeLessThan(1e-13);
  });

  it("rejects bad input before drawing anything", async () => {
    const base = { nodes: 100, dim: 12, seed: 1, rng: "numpy" as const, method: "exact" as const, threads: 1 };
    await expect(runCoherence({ ...base, nodes: 0 })).rejects.toThrow(/coherence\.nodes/);
    await expect(runCoherence({ ...base, nodes: -3 })).rejects.toThrow(/coherence\.nodes/);
    await expect(runCoherence({ ...base, dim: 2.5 })).rejects.toThrow(/coherence\.dim/);
    await expect(runCoherence({ ...base, nodes: 9_000_000, dim: 192 })).rejects.toThrow(/1 GiB/);
    await expect(runCoherence({ ...base, seed: -1 })).rejects.toThrow(/seed/);
    await expect(runCoherence({ ...base, seed: 2 ** 32 })).rejects.toThrow(/seed/);
    await expect(runCoherence({ ...base, nodes: 500_000 })).rejects.toThrow(/hierarchical/);
    await expect(runCoherence({ ...base, threads: 0 })).rejects.toThrow(/threads/);
  });
});
