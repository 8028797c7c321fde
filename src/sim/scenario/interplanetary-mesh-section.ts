/**
 * The `interplanetary.mesh` scenario subsection: the resonance mesh across both planets
 * (model/resonance/gap-mesh.ts). Each shell's node physics (d, γ, κ, detuning, spread, veto,
 * clock draws) comes from the scenario's `mesh`, `umt`, `odos` and `veto` sections as for the
 * single-shell mesh; this subsection says how many resonance nodes each site carries and how
 * strongly the shells couple across the gap.
 */
import { z } from "zod";
import { describeValue, type Issue } from "../../errors.js";

export const interplanetaryMeshSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("Run the resonance mesh across both planets (coherence metrics); false skips it."),
  nodesPerEarthSite: z.number().int().min(1).max(1000).default(1).describe("Resonance nodes on each Earth-shell satellite (the Earth shell's mesh has interplanetary.earth.nodes × this)."),
  nodesPerMarsSite: z.number().int().min(1).max(10_000).default(16).describe("Resonance nodes at each areostationary site (the Mars shell's mesh has interplanetary.mars.areostationary × this; at least 3 in all)."),
  kappaGapPerS: z.number().min(0).max(1).default(1e-4).describe("Cross-gap coupling rate per node, 1/s: each tick a node moves a fraction 1 − e^{−κ_gap·Δt} toward the other side's state as emitted one light-time earlier (the paper gives no figure: a twin input; range 0 – 1e-2, 0 = shells uncoupled)."),
  settleSteps: z.number().int().min(1).max(10_000).default(16).describe("Inner mesh steps per tick in which each shell relaxes (each half the stable limit 1/(κ·neighbours)); the shell's own ns dynamics stand for its steady state at that tick."),
}).describe("The resonance mesh across the gap: each shell the mesh of the `mesh` section, coupled across to the other side's state one light-time late, and not at all while the gap is closed.");

export type InterplanetaryMeshSection = z.infer<typeof interplanetaryMeshSchema>;

/** Each shell's mesh needs at least 3 nodes (a ring): sites × nodes per site. */
export function interplanetaryMeshIssues(earthSites: number, marsSites: number, m: InterplanetaryMeshSection): Issue[] {
  if (!m.enabled) return [];
  const out: Issue[] = [];
  if (earthSites * m.nodesPerEarthSite < 3) {
    out.push({ path: "interplanetary.mesh.nodesPerEarthSite", expected: `at least 3 Earth resonance nodes in all (${earthSites} satellites × nodesPerEarthSite)`, got: describeValue(m.nodesPerEarthSite) });
  }
  if (marsSites * m.nodesPerMarsSite < 3) {
    out.push({ path: "interplanetary.mesh.nodesPerMarsSite", expected: `at least 3 Mars resonance nodes in all (${marsSites} sites × nodesPerMarsSite)`, got: describeValue(m.nodesPerMarsSite) });
  }
  return out;
}
