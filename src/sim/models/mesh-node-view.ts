/**
 * The resonance mesh's per-node view for displays (`Model.nodeView`): each node's RCF to the
 * ODOS reference, RCF_i = |⟨ψ_i|ODOS⟩|² = 1 − ΔE_i (§2.3, Appendix A `delta_e`), and flags for
 * failed nodes and nodes inside an active CME region (threshold tightened below the mesh's, V2000
 * storm mode). Read-only: reads the states, failed set and thresholds; writes only `out`.
 */
import { DimensionError } from "../../errors.js";
import type { ResonanceMesh } from "../../model/resonance/mesh.js";
import { densityDeltaE } from "../../model/resonance/density-mesh.js";
import { deltaENode } from "../../model/resonance/odos.js";
import { NODE_FAILED, NODE_STORM, type NodeView } from "../model.js";

/**
 * @param mesh the mesh (not modified).
 * @param out  `rcf` and `flags`, each of length `mesh.params.nodes`.
 */
export function meshNodeView(mesh: ResonanceMesh, out: NodeView): void {
  const n = mesh.params.nodes;
  if (out.rcf.length !== n) throw new DimensionError("nodeView rcf", `length ${n} (one per node)`, `length ${out.rcf.length}`);
  if (out.flags.length !== n) throw new DimensionError("nodeView flags", `length ${n} (one per node)`, `length ${out.flags.length}`);
  const { data, dim } = mesh.isDensity ? mesh.densityMatrices : mesh.nodeStates;
  const base = mesh.params.deltaEThreshold;
  const anyFault = mesh.failedCount > 0;
  // A density node's RCF to ODOS is ⟨ODOS|ρ_i|ODOS⟩ = 1 − ΔE_i as well.
  const deltaE = mesh.isDensity ? densityDeltaE : deltaENode;
  for (let i = 0; i < n; i++) {
    const failed = anyFault && mesh.isFailed(i);
    out.rcf[i] = failed ? 0 : 1 - deltaE(data, dim, i);
    out.flags[i] = (failed ? NODE_FAILED : 0) | (mesh.threshold(i) < base ? NODE_STORM : 0);
  }
}
