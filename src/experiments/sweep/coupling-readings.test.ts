/**
 * sweeps/coupling-readings.yaml: the three readings of Appendix B's coupling κ_ij(ρ_j − ρ_i) in one
 * sweep — pure-state mean field, jump unravelling, and the density-matrix equation itself
 * (docs/MODEL.md, "Density-matrix mesh"). Its density runs record both readings of pairwise RCF.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { executeRun } from "../../sim/executors/execute-run.js";
import { loadSweep } from "./index.js";

const FILE = fileURLToPath(new URL("../../../sweeps/coupling-readings.yaml", import.meta.url));

describe("sweep over the coupling readings", () => {
  it("resolves to meanField, jump and density points; a density run records Tr(ρ_iρ_j) and F² side by side", () => {
    const sweep = loadSweep(FILE);
    expect(sweep.points.map((p) => p.params["mesh.coupling"])).toEqual(["meanField", "jump", "density"]);
    const run = sweep.runs.find((r) => r.scenario.mesh.coupling === "density")!;
    const out = executeRun(run.scenario);
    const last = out.samples.at(-1)!.metrics;
    expect(last.fidelitySqNeighbourMean!).toBeGreaterThan(0);
    expect(last.fidelitySqNeighbourMean!).toBeLessThanOrEqual(1 + 1e-12);
    expect(last.rcfNeighbourSampleMean!).toBeLessThanOrEqual(last.fidelitySqNeighbourMean! + 1e-12); // Tr(ρσ) ≤ F(ρ, σ)²
    expect(last.purityMean!).toBeLessThan(1);
  }, 120_000);
});
