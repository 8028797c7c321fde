/** App. D: the resource optimizer listing as a runnable simulation. */
import type { Claim } from "../claim.js";
import { APPENDIX_D_DEFECTS } from "../../../model/scheduler/index.js";

export const dListingRuns: Claim = {
  id: "d-listing-runs",
  section: "App. D",
  claim: "This module implements a simulation and optimization framework … The framework allows for comparative analysis against traditional data center models",
  inputs: { defects: APPENDIX_D_DEFECTS.length },
  paperValue: "runs",
  unit: "—",
  recompute() {
    const fatal = APPENDIX_D_DEFECTS.filter((d) => d.paperMode !== "kept");
    return {
      recomputed: `${fatal.length} defects stop it; ${APPENDIX_D_DEFECTS.length} in all`,
      verdict: "testable by simulation",
      simulation: "run by CPython (scripts/refs/appendix_d.py) and replayed bit for bit (pqms replicate appendix-d): it does not run as printed",
      arithmetic: fatal.map((d) => `${d.id}: ${d.what} → ${d.effect}`),
      explanation: "As printed the module cannot be imported (Union), deadlocks on its first cycle, and stops mid-function; with the smallest fixes the legacy system starves (D4), so no comparison comes out of it.",
    };
  },
};
