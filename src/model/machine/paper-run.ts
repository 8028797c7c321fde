/** The Appendix F closed loop (`run_machine`) in paper mode, and whether it really stabilised. */
import { NumpyRandomState } from "../../numeric/random/index.js";
import { requireInt } from "../../errors.js";
import {
  PAPER_BASELINE_ALLOCATION, PAPER_INITIAL_STATE, paperOptimize, paperSimulatorStep, paperStatus,
  type AlertKind, type HardwareAllocation, type MachineMetrics, type SimulatorState,
} from "./paper-machine.js";

export interface TrajectoryPoint extends MachineMetrics {
  readonly status: "STABLE" | "CRITICAL";
}

export interface PaperMachineRun {
  readonly seed: number;
  readonly steps: number;
  readonly trajectory: TrajectoryPoint[];
  readonly alerts: { readonly t: number; readonly kind: AlertKind }[];
  /** Our verdict: last status STABLE and no alert in the last max(1, ⌈steps/4⌉) steps. */
  readonly stabilised: boolean;
  /** What the script prints at the end, always. */
  readonly claimedStabilised: true;
  readonly firstCriticalT: number | null;
  /** Entropy change per step under the final allocation (0.05 − 0.001·cycles): > 0 means it grows without bound. */
  readonly finalEntropyGrowthPerStep: number;
}

/** Run `steps` cycles of the loop from numpy seed `seed`. */
export function runPaperMachine(steps = 20, seed = 42): PaperMachineRun {
  requireInt(steps, "steps", 1, 10_000_000);
  const rs = new NumpyRandomState(seed);
  let state: SimulatorState = PAPER_INITIAL_STATE;
  let allocation: HardwareAllocation = PAPER_BASELINE_ALLOCATION;
  const trajectory: TrajectoryPoint[] = [];
  const alerts: { t: number; kind: AlertKind }[] = [];
  for (let t = 0; t < steps; t++) {
    state = paperSimulatorStep(state, allocation, rs);
    const m: MachineMetrics = { t, coherence: state.coherence, temperatureMk: state.temperatureMk, entropy: state.entropy, dissonance: state.dissonance };
    trajectory.push({ ...m, status: paperStatus(m) });
    const next = paperOptimize(m);
    for (const kind of next.alerts) alerts.push({ t, kind });
    allocation = next.allocation;
  }
  const window = Math.max(1, Math.ceil(steps / 4));
  const last = trajectory[trajectory.length - 1];
  const stabilised = last?.status === "STABLE" && !alerts.some((a) => a.t >= steps - window);
  const firstCritical = trajectory.find((p) => p.status === "CRITICAL");
  return {
    seed, steps, trajectory, alerts, stabilised, claimedStabilised: true,
    firstCriticalT: firstCritical ? firstCritical.t : null,
    finalEntropyGrowthPerStep: 0.05 - allocation.errorCorrectionCycles * 0.001,
  };
}

/** The script's printed lines (banner, one line per step, alerts, the closing claim), for comparison with Python. */
export function renderPaperMachineLog(run: PaperMachineRun): string {
  const lines = [
    "==================================================",
    "  INITIATING PQMS-V3000 UNIFIED RESONANCE MACHINE ",
    "  ODOS Core: ACTIVE | Kagome Subsystem: ONLINE    ",
    "==================================================\n",
  ];
  for (const p of run.trajectory) {
    lines.push(`T=${String(p.t).padStart(3, "0")} | Status: ${p.status} | Coh: ${p.coherence.toFixed(3)} | ` +
      `Temp: ${p.temperatureMk.toFixed(2)}mK | Ent: ${p.entropy.toFixed(3)} | Diss: ${p.dissonance.toFixed(3)}`);
    for (const a of run.alerts.filter((x) => x.t === p.t)) {
      lines.push(a.kind === "odos"
        ? `  [ODOS ALERT] Ethical Dissonance high (${p.dissonance.toFixed(3)}). Routing maximum resources to alignment.`
        : "  [THERMO ALERT] Core Temp/Entropy critical. Ramping up Kagome cooling.");
    }
  }
  lines.push("\n[SYSTEM] Simulation complete. Resonance stabilized.");
  return `${lines.join("\n")}\n`;
}
