/** App. F: "[SYSTEM] Simulation complete. Resonance stabilized." */
import type { Claim } from "../claim.js";
import { runPaperMachine } from "../../../model/machine/index.js";

export const fStabilised: Claim = {
  id: "f-stabilised",
  section: "App. F",
  claim: "run the digital twin for 20 computational cycles … print(\"[SYSTEM] Simulation complete. Resonance stabilized.\")",
  inputs: { steps: 20, seed: 42 },
  paperValue: "stabilized",
  unit: "—",
  cost: "simulation",
  recompute() {
    const r = runPaperMachine(20, 42);
    const last = r.trajectory[r.trajectory.length - 1]!;
    return {
      recomputed: r.stabilised ? "stabilised" : "not stabilised",
      verdict: "testable by simulation",
      simulation: `the loop replayed (numpy seed 42): last status ${last.status}, entropy ${last.entropy.toFixed(3)}, first CRITICAL at T=${r.firstCriticalT ?? "—"}`,
      arithmetic: [
        "entropy growth per step = 0.05 − 0.001 × error_correction_cycles = 0.05 − 0.001 × 10 = 0.04",
        "0.1 + 0.04·t > 0.8 ⇔ t > 17.5: entropy passes the THERMO limit at step 17 (0-based), whatever the seed",
        "the THERMO branch changes cooling and g, neither of which enters the entropy update; only the ODOS branch raises error correction, and coherence is pinned at 1.0 so it never fires",
      ],
      explanation: "The script prints 'Resonance stabilized.' unconditionally; its own trajectory ends CRITICAL with entropy rising linearly.",
    };
  },
};
