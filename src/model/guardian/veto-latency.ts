/**
 * Veto latency (§2.3 "below 1 ps", §6.3 H3 "< 1 ns", criterion < 1.1 ns): the time from an input
 * reaching the node to the TER junction having slipped, as the sum of the delays along the path
 * optical projection → detection → comparison (×3) → 2-of-3 vote → driver → junction phase slip,
 * plus, for a clocked comparator, the wait for the next clock edge.
 *
 * The stage delays are ASSUMED typical figures for the technologies the paper names (7 nm SOI
 * CMOS, silicon photonics, Nb Josephson junctions), not measurements; each is stated with its
 * basis and can be replaced. The junction's slip time is computed (2π·τ_J, τ_J = (ħ/2e)/(I_c·R_N)).
 */
import { InputError, requireFinite } from "../../errors.js";
import { josephsonTimeS } from "../energy/josephson.js";

/** One stage on the veto path. */
export interface LatencyStage {
  readonly name: string;
  readonly delayS: number;
  /** Where the figure comes from (assumption, formula). */
  readonly basis: string;
}

/** Typical CMOS FO4 inverter delay assumed at 7 nm, s. */
export const FO4_7NM_S = 8e-12;

/** The default path; `criticalCurrentA`, `normalResistanceOhm` set the junction stage (§4.2: 10 µA). */
export function defaultVetoPath(criticalCurrentA = 10e-6, normalResistanceOhm = 100): readonly LatencyStage[] {
  const slip = 2 * Math.PI * josephsonTimeS(criticalCurrentA, normalResistanceOhm);
  return Object.freeze([
    { name: "optical projection onto |ODOS⟩ (2 mm Si waveguide, n_g ≈ 4.2)", delayS: (2e-3 * 4.2) / 299_792_458, basis: "L·n_g/c" },
    { name: "photodetector + transimpedance amplifier", delayS: 20e-12, basis: "assumed: ~50 GHz Ge detector + TIA" },
    { name: "comparator (ΔE > threshold), each of 3 units in parallel", delayS: 30e-12, basis: "assumed: StrongARM-class latch, 7 nm" },
    { name: "2-of-3 majority voter (two NAND levels)", delayS: 2 * FO4_7NM_S, basis: "2 × FO4" },
    { name: "driver chain + 1 mm repeated wire to the TER control line", delayS: 4 * FO4_7NM_S + 70e-12, basis: "4 × FO4 + assumed 70 ps/mm" },
    { name: "Josephson phase slip Δφ = 2π", delayS: slip, basis: `2π·(ħ/2e)/(I_c·R_N), I_c = ${criticalCurrentA} A, R_N = ${normalResistanceOhm} Ω` },
  ].map((s) => Object.freeze(s)));
}

/** Clocked comparison: the input waits for the next edge of a clock at `frequencyHz`. */
export interface ClockedSampling {
  readonly frequencyHz: number;
  /** Arrival phase within the clock period, in [0, 1): the wait is (1 − phase)/f. */
  readonly arrivalPhase: number;
}

/** Latency in s of the path, plus the clock wait when `clock` is given. */
export function vetoLatencyS(stages: readonly LatencyStage[], clock?: ClockedSampling): number {
  let sum = 0;
  for (const s of stages) {
    requireFinite(s.delayS, `stages[${s.name}].delayS`);
    if (s.delayS < 0) throw InputError.of(`stages[${s.name}].delayS`, "a delay ≥ 0 s", s.delayS);
    sum += s.delayS;
  }
  if (!clock) return sum;
  if (!(clock.frequencyHz > 0) || !Number.isFinite(clock.frequencyHz)) throw InputError.of("clock.frequencyHz", "a finite frequency > 0 Hz", clock.frequencyHz);
  if (!(clock.arrivalPhase >= 0 && clock.arrivalPhase < 1)) throw InputError.of("clock.arrivalPhase", "a phase in [0, 1)", clock.arrivalPhase);
  return sum + (1 - clock.arrivalPhase) / clock.frequencyHz;
}
