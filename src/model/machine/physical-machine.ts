/**
 * Appendix F in physical mode: the Kagome cavity as two coupled modes a, b (truncated at N
 * photons each), in the frame rotating at the common mode frequency ω0 (ħ = 1, time in 1/κ):
 *
 *   H(t) = g(t)·(a†b + a b†),
 *   c_ops = √(κ(n̄+1)) a, √(κ n̄) a†, √((κ+γ_ec)(n̄+1)) b, √((κ+γ_ec) n̄) b†,
 *   n̄ = 1/(exp(ħω0/(k_B·T_eff)) − 1)   (thermal occupation at the effective temperature),
 *
 * with γ_ec = 0.01·κ per error-correction cycle (an active-reset channel on b: our reading of
 * "error correction"). Each step the state is evolved by `mesolve` for Δτ, then the von Neumann
 * entropy S(ρ) and the dissonance ΔE = 1 − ⟨00|ρ|00⟩ (distance from the ground state, our reading
 * of ODOS for a cavity) are measured, and the paper's optimizer rules choose the next g, T_eff and
 * error-correction level (baseline g = κ, 10 mK, 10 cycles; THERMO alert: g = 2.5κ, 1 mK; ODOS
 * alert: 100 cycles). It stabilises at the first step from which S, ΔE are below their limits and
 * S changes by < 1e-3 per step for three steps.
 *
 * Physics the paper's loop misses: the coupling g is unitary (it only swaps excitations between
 * the modes) and cannot change S of the two-mode state; only the baths can. At ħω0 = 1 eV (§2.2)
 * ħω0/(k_B·10 mK) ≈ 1.2·10⁶, so n̄ = 0 at any millikelvin temperature and "cooling" does nothing.
 */
import { BOLTZMANN_J_PER_K, EV_J } from "../constants.js";
import { requireFinite, requireInt, InputError } from "../../errors.js";
import { basis, destroy, entropyVn, expect as expectation, ket2dm, mesolve, qeye, tensor, thermalDm, type Qobj } from "../../quantum/index.js";

export interface PhysicalMachineOptions {
  /** Photon number cut-off per mode (≥ 2). */
  readonly nMax: number;
  /** ħω0 of the cavity modes, J (default 1 eV, §2.2). */
  readonly modeEnergyJ: number;
  /** Mean photon number of the initial thermal state of mode a (b starts in vacuum). */
  readonly initialOccupation: number;
  /** Step length in units of 1/κ. */
  readonly stepKappaT: number;
  readonly steps: number;
  /** Critical entropy, nats (the paper's 0.8). */
  readonly entropyMax: number;
  /** ΔE limit (ODOS 0.05). */
  readonly dissonanceMax: number;
}

export const DEFAULT_PHYSICAL_MACHINE: PhysicalMachineOptions = Object.freeze({
  nMax: 4, modeEnergyJ: 1 * EV_J, initialOccupation: 0.5, stepKappaT: 0.5, steps: 20, entropyMax: 0.8, dissonanceMax: 0.05,
});

/** Control settings of one step. */
export interface ControlSettings {
  readonly couplingG: number;
  readonly temperatureK: number;
  readonly errorCorrectionCycles: number;
}

export interface PhysicalStep extends ControlSettings {
  readonly t: number;
  readonly thermalOccupation: number;
  readonly entropy: number;
  readonly dissonance: number;
  readonly alerts: readonly ("odos" | "thermo")[];
}

export interface PhysicalMachineRun {
  readonly steps: PhysicalStep[];
  readonly stabilised: boolean;
  /** First step index from which the run counts as stable, or null. */
  readonly stabilisedAtStep: number | null;
  readonly initialEntropy: number;
}

/** n̄ = 1/(exp(ħω/k_BT) − 1); exactly 0 when ħω/k_BT overflows (optical modes at mK). */
export function thermalOccupation(modeEnergyJ: number, temperatureK: number): number {
  if (!(requireFinite(modeEnergyJ, "modeEnergyJ") > 0)) throw InputError.of("modeEnergyJ", "an energy > 0 J", modeEnergyJ);
  if (!(requireFinite(temperatureK, "temperatureK") > 0)) throw InputError.of("temperatureK", "a temperature > 0 K", temperatureK);
  return 1 / Math.expm1(modeEnergyJ / (BOLTZMANN_J_PER_K * temperatureK));
}

const BASELINE: ControlSettings = Object.freeze({ couplingG: 1.0, temperatureK: 10e-3, errorCorrectionCycles: 10 });

/** The paper's optimizer rules (App. F §3) on measured S and ΔE. */
export function physicalOptimize(entropy: number, dissonance: number, temperatureK: number, o: PhysicalMachineOptions): { settings: ControlSettings; alerts: ("odos" | "thermo")[] } {
  let s = BASELINE;
  const alerts: ("odos" | "thermo")[] = [];
  if (dissonance > o.dissonanceMax) {
    alerts.push("odos");
    s = { ...s, errorCorrectionCycles: 100 };
  }
  if (temperatureK > 15e-3 || entropy > o.entropyMax) {
    alerts.push("thermo");
    s = { ...s, couplingG: 2.5, temperatureK: 1e-3 };
  }
  return { settings: s, alerts };
}

/** Collapse operators of one step (rates in units of κ). */
function collapseOps(a: Qobj, b: Qobj, nTh: number, ecCycles: number): Qobj[] {
  const out: Qobj[] = [];
  const add = (op: Qobj, rate: number): void => {
    if (rate > 0) out.push(op.scale(Math.sqrt(rate)));
  };
  const gb = 1 + 0.01 * ecCycles;
  add(a, nTh + 1);
  add(a.dag(), nTh);
  add(b, gb * (nTh + 1));
  add(b.dag(), gb * nTh);
  return out;
}

/** Run the physical loop. */
export function runPhysicalMachine(options: Partial<PhysicalMachineOptions> = {}): PhysicalMachineRun {
  const o = { ...DEFAULT_PHYSICAL_MACHINE, ...options };
  requireInt(o.nMax, "nMax", 2, 12, "the two-mode Liouvillian has (nMax+1)^4 entries per row block");
  requireInt(o.steps, "steps", 1, 10_000);
  if (!(requireFinite(o.stepKappaT, "stepKappaT") > 0)) throw InputError.of("stepKappaT", "a step > 0 (units of 1/κ)", o.stepKappaT);
  if (!(requireFinite(o.initialOccupation, "initialOccupation") >= 0)) throw InputError.of("initialOccupation", "≥ 0", o.initialOccupation);
  const n = o.nMax + 1;
  const a = tensor(destroy(n), qeye(n));
  const b = tensor(qeye(n), destroy(n));
  const hop = a.dag().mul(b).add(a.mul(b.dag()));
  const vacuum = ket2dm(tensor(basis(n, 0), basis(n, 0)));
  let rho = tensor(thermalDm(n, o.initialOccupation), ket2dm(basis(n, 0)));
  const initialEntropy = entropyVn(rho);
  let settings = BASELINE;
  const steps: PhysicalStep[] = [];
  for (let t = 0; t < o.steps; t++) {
    const nTh = thermalOccupation(o.modeEnergyJ, settings.temperatureK);
    const r = mesolve(hop.scale(settings.couplingG), rho, [0, o.stepKappaT], collapseOps(a, b, nTh, settings.errorCorrectionCycles), { options: { atol: 1e-10, rtol: 1e-8 } });
    rho = r.finalState;
    const entropy = entropyVn(rho);
    const dissonance = 1 - expectation(vacuum, rho);
    const next = physicalOptimize(entropy, dissonance, settings.temperatureK, o);
    steps.push({ t, ...settings, thermalOccupation: nTh, entropy, dissonance, alerts: next.alerts });
    settings = next.settings;
  }
  const ok = (k: number): boolean => {
    const s = steps[k]!;
    const prev = k > 0 ? steps[k - 1]!.entropy : initialEntropy;
    return s.entropy <= o.entropyMax && s.dissonance <= o.dissonanceMax && Math.abs(s.entropy - prev) < 1e-3;
  };
  let from: number | null = null;
  for (let k = steps.length - 1; k >= 0 && ok(k); k--) from = k;
  const stabilised = from !== null && steps.length - from >= 3;
  return { steps, stabilised, stabilisedAtStep: stabilised ? from : null, initialEntropy };
}
