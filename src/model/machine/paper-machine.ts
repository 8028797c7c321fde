/**
 * Appendix F, `pqms_unified_machine.py`, in paper mode: the ResonanceSimulator step, the ODOS
 * ResourceOptimizer and the closed loop, replayed with numpy's legacy stream (two draws per
 * step: `uniform(0.1, 0.5)` for the temperature, then `uniform(0.001, 0.02)` for the coherence).
 *
 * The published script ends with "Resonance stabilized." whatever happened. We say whether it
 * did: `stabilised` is true only if the entropy's trend (least-squares slope per step, with its
 * 95 % interval) is not growing: the interval's upper end is below 10⁻³ per step (paper-run.ts).
 */
import type { NumpyRandomState } from "../../numeric/random/index.js";
import { numpyUniform } from "../scheduler/numpy-draws.js";

/** `SystemMetrics` (time step, entropy, ethical dissonance, temperature in mK, coherence). */
export interface MachineMetrics {
  readonly t: number;
  readonly coherence: number;
  readonly temperatureMk: number;
  readonly entropy: number;
  readonly dissonance: number;
}

/** `HardwareAllocation`. */
export interface HardwareAllocation {
  readonly coolingPowerMw: number;
  readonly activeFpgaLuts: number;
  readonly couplingStrengthG: number;
  readonly errorCorrectionCycles: number;
}

/** Simulator state (`ResonanceSimulator.__init__`: entropy 0.1, dissonance 0.01, 10 mK, coherence 0.99). */
export interface SimulatorState {
  readonly entropy: number;
  readonly dissonance: number;
  readonly temperatureMk: number;
  readonly coherence: number;
}

export const PAPER_INITIAL_STATE: SimulatorState = Object.freeze({ entropy: 0.1, dissonance: 0.01, temperatureMk: 10.0, coherence: 0.99 });
/** The boot allocation and the optimizer's baseline: 50 mW cooling, 500 000 LUTs, g = 1, 10 cycles. */
export const PAPER_BASELINE_ALLOCATION: HardwareAllocation = Object.freeze({ coolingPowerMw: 50.0, activeFpgaLuts: 500_000, couplingStrengthG: 1.0, errorCorrectionCycles: 10 });

/** `calculate_state_step`: the next state, drawing two numbers from `rs` in the script's order. */
export function paperSimulatorStep(s: SimulatorState, a: HardwareAllocation, rs: NumpyRandomState): SimulatorState {
  const tempReduction = a.coolingPowerMw * 0.05;
  const temperatureMk = Math.max(1.0, s.temperatureMk - tempReduction + numpyUniform(rs, 0.1, 0.5));
  const stability = a.couplingStrengthG * 0.1 + a.activeFpgaLuts * 1e-6;
  const coherence = Math.min(1.0, s.coherence + stability - numpyUniform(rs, 0.001, 0.02));
  const entropyGrowth = 0.05 - a.errorCorrectionCycles * 0.001;
  const entropy = Math.max(0.0, s.entropy + entropyGrowth);
  const dissonance = coherence < 0.85 ? s.dissonance + 0.05 : Math.max(0.0, s.dissonance - 0.01);
  return { entropy, dissonance, temperatureMk, coherence };
}

export type AlertKind = "odos" | "thermo";

/** `optimize_resources`: the next allocation and the alerts it prints, in print order. */
export function paperOptimize(m: MachineMetrics): { readonly allocation: HardwareAllocation; readonly alerts: readonly AlertKind[] } {
  let a: HardwareAllocation = PAPER_BASELINE_ALLOCATION;
  const alerts: AlertKind[] = [];
  if (m.dissonance > 0.05) {
    alerts.push("odos");
    a = { ...a, activeFpgaLuts: 2_000_000, errorCorrectionCycles: 100 };
  }
  if (m.temperatureMk > 15.0 || m.entropy > 0.8) {
    alerts.push("thermo");
    a = { ...a, coolingPowerMw: 150.0, couplingStrengthG: 2.5 };
  }
  return { allocation: a, alerts };
}

/** `_log_status`'s status word. */
export function paperStatus(m: MachineMetrics): "STABLE" | "CRITICAL" {
  return m.dissonance < 0.05 && m.entropy < 0.8 ? "STABLE" : "CRITICAL";
}
