/**
 * One input through a node's Guardian array (§6.3's H3 experiment in miniature): the voted
 * decision, the veto latency, and — when vetoed — the §4.2 energy dissipated in the TER,
 * booked in the run's energy ledger.
 */
import { bookVeto, type EnergyLedger } from "../energy/ledger.js";
import { phaseSlipEnergyJ } from "../energy/josephson.js";
import type { OdosKernel } from "./odos-kernel.js";
import { guardianDecide, type GuardianDecision, type UnitFault } from "./guardian-array.js";
import { defaultVetoPath, vetoLatencyS, type ClockedSampling, type LatencyStage } from "./veto-latency.js";

/** Options of one veto evaluation (defaults: §4.2's I_c = 10 µA, Δφ = 2π; the default path; no clock). */
export interface VetoOptions {
  readonly faults?: readonly UnitFault[];
  readonly storm?: boolean;
  readonly criticalCurrentA?: number;
  readonly phaseSlipRad?: number;
  readonly path?: readonly LatencyStage[];
  readonly clock?: ClockedSampling;
}

/** What happened to one input. `latencyS` and `energyJ` are 0 when there was no veto. */
export interface VetoOutcome {
  readonly decision: GuardianDecision;
  readonly latencyS: number;
  readonly energyJ: number;
  readonly ledger: EnergyLedger;
}

/** Evaluate `deltaE` on `kernel`; book the dissipated energy in `ledger` when vetoed. */
export function evaluateVeto(kernel: OdosKernel, ledger: EnergyLedger, deltaE: number, opts: VetoOptions = {}): VetoOutcome {
  const decision = guardianDecide(kernel, deltaE, opts.faults ?? [], opts.storm ?? false);
  if (!decision.veto) return { decision, latencyS: 0, energyJ: 0, ledger };
  const ic = opts.criticalCurrentA ?? 10e-6;
  const energyJ = phaseSlipEnergyJ(ic, opts.phaseSlipRad ?? 2 * Math.PI);
  const latencyS = vetoLatencyS(opts.path ?? defaultVetoPath(ic), opts.clock);
  return { decision, latencyS, energyJ, ledger: bookVeto(ledger, energyJ) };
}
