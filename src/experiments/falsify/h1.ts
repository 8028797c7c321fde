/**
 * H1 (§6.1): "A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s. Success: P_node < 5.2 W for
 * n = 10 independent measurements."
 *
 * Not testable in software. The only node power the paper's equations give is §2.2's
 * P_node = (ħω0/𝓕)·ln(1/(1−RCF))·ν_ops, increasing in RCF; it exceeds 5.2 W only when
 * ln(1/(1−RCF)) > 5.2 W/((ħω0/𝓕)·ν_ops) = 3.2·10¹³, i.e. 1 − RCF < 10^(−1.4·10¹³), which no
 * fidelity — and no float64 below 1 — reaches: at the largest double below 1 (1 − 2⁻⁵³) the formula
 * gives 5.9·10⁻¹² W. So "P_node < 5.2 W" is true of the formula for every input, a t-test on its
 * output measures nothing, and the twin (which computes only this formula) cannot speak to a node's
 * real power. §4.1's own table says 4.8 W (FPGA emulation at 100 MHz): set beside it, not tested.
 */
import { EV_J } from "../../model/constants.js";
import { abstractNodePowerW, angularFrequencyRadPerS, flipEnergyJ, nodePowerW } from "../../model/energy/index.js";
import { applyOverrides, assumptionRecords, numberParser, type AssumptionSpec } from "./assumption.js";
import { resolveFalsifyOptions, type FalsifyOptions, type HypothesisResult } from "./hypothesis.js";

export const H1_OPS_PER_S = 1e10;
export const H1_CRITERION_W = 5.2;
export const H1_FINESSE = 1e4;
/** §4.1's table: "Power @ 100 MHz 4.8 W" (FPGA emulation). */
export const H1_TABLE_NODE_POWER_W = 4.8;
/** §5.1's system RCF, the fidelity the formula is evaluated at. */
export const H1_SYSTEM_RCF = 0.997;
/** The largest float64 below 1: 1 − 2⁻⁵³. */
export const RCF_MAX_BELOW_ONE = 1 - 2 ** -53;

/** The inputs of §2.2's node power. */
export interface H1Setup {
  readonly photonEnergyEv: number;
  readonly finesse: number;
  readonly opsPerS: number;
  readonly rcf: number;
}

export const H1_PAPER: H1Setup = { photonEnergyEv: 1, finesse: H1_FINESSE, opsPerS: H1_OPS_PER_S, rcf: H1_SYSTEM_RCF };

export const H1_ASSUMPTIONS: readonly AssumptionSpec<H1Setup>[] = [
  {
    name: "photonEnergyEv", unit: "eV", source: "paper §2.2", scale: "log", range: [0.1, 10],
    description: "ħω0 of the cavity photon in E_flip = (ħω0/𝓕)·ln(1/(1−RCF))",
    get: (s) => s.photonEnergyEv, set: (s, v) => ({ ...s, photonEnergyEv: v as number }), parse: numberParser("photonEnergyEv", Number.MIN_VALUE, 1e6),
  },
  {
    name: "finesse", unit: "(dimensionless)", source: "paper §4.1", scale: "log", range: [1, 1e6],
    description: "cavity finesse 𝓕 (§4.1: 10⁴)",
    get: (s) => s.finesse, set: (s, v) => ({ ...s, finesse: v as number }), parse: numberParser("finesse", Number.MIN_VALUE),
  },
  {
    name: "opsPerS", unit: "1/s", source: "paper §6.1", scale: "log", range: [1e6, 1e12],
    description: "operations per second of the node (§6.1: 10¹⁰)",
    get: (s) => s.opsPerS, set: (s, v) => ({ ...s, opsPerS: v as number }), parse: numberParser("opsPerS", 0),
  },
  {
    name: "rcf", unit: "(dimensionless)", source: "paper §5.1", scale: "linear", range: [0.01, RCF_MAX_BELOW_ONE],
    description: "the fidelity in ln(1/(1−RCF)); the range ends at the largest float64 below 1",
    get: (s) => s.rcf, set: (s, v) => ({ ...s, rcf: v as number }), parse: numberParser("rcf", Number.MIN_VALUE, RCF_MAX_BELOW_ONE, "a fidelity"),
  },
];

export interface H1Result extends HypothesisResult {
  /** §2.2's formula at the assumptions, W. */
  readonly formulaW: number;
  /** The formula at RCF = 1 − 2⁻⁵³ (its largest value for any float64 RCF < 1), W. */
  readonly formulaMaxW: number;
  /** log10(1 − RCF) at which the formula would reach 5.2 W (the other assumptions as set). */
  readonly log10OneMinusRcfAtCriterion: number;
  /** §4.1's table value for the node, W. */
  readonly tableNodePowerW: number;
  /** The abstract's ħω0²/𝓕·ln(…) at the paper's inputs, W. */
  readonly abstractFormulaW: number;
}

/** §2.2's node power, W. */
export function h1FormulaW(s: H1Setup): number {
  return nodePowerW(flipEnergyJ(s.photonEnergyEv * EV_J, s.finesse, s.rcf), s.opsPerS);
}

/** The formula against −log10(1 − RCF), from RCF = 0.9 to 1 − 2⁻⁵³, with §4.1's 4.8 W beside it. */
function formulaCurve(s: H1Setup): NonNullable<HypothesisResult["curve"]> {
  const x: number[] = [];
  const y: number[] = [];
  const last = 53 * Math.log10(2);
  for (let i = 0; i <= 60; i++) {
    const decades = 1 + ((last - 1) * i) / 60;
    x.push(decades);
    y.push(h1FormulaW({ ...s, rcf: i === 60 ? RCF_MAX_BELOW_ONE : 1 - 10 ** -decades }));
  }
  return { xLabel: "−log10(1 − RCF)", x, y, besides: [{ name: "§4.1 table: 4.8 W (FPGA emulation, 100 MHz)", y: H1_TABLE_NODE_POWER_W }] };
}

export function runH1(o: FalsifyOptions = {}): H1Result {
  const { set, searchFlips } = resolveFalsifyOptions(o);
  const setup = applyOverrides(H1_ASSUMPTIONS, H1_PAPER, set, "H1");
  const holds = (s: H1Setup) => h1FormulaW(s) < H1_CRITERION_W;
  const formulaW = h1FormulaW(setup);
  const formulaMaxW = h1FormulaW({ ...setup, rcf: RCF_MAX_BELOW_ONE });
  const perUnitLogW = h1FormulaW({ ...setup, rcf: 1 - Math.exp(-1) }); // the formula with ln(…) = 1
  const lnNeeded = H1_CRITERION_W / perUnitLogW;
  const log10Needed = -lnNeeded / Math.LN10;
  const criterionMet = holds(setup);
  const assumptions = assumptionRecords(H1_ASSUMPTIONS, setup, criterionMet, holds, searchFlips);
  const abstractW = abstractNodePowerW(angularFrequencyRadPerS(EV_J), H1_FINESSE, H1_SYSTEM_RCF);
  const searched = assumptions.filter((a) => a.search.steps.length > 0);
  const noFlip = searched.length > 0 && searched.every((a) => a.flipsAt === null);
  return {
    id: "H1", section: "§6.1",
    hypothesis: "A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s",
    criterion: "P_node < 5.2 W for n = 10 independent measurements",
    measuredMean: formulaW, unit: "W (§2.2 formula)", replicates: 0, seed: 0,
    verdict: "not testable in software", criterionMet,
    reason: `The twin has no node power but §2.2's formula, ${formulaW.toExponential(3)} W here; it reaches 5.2 W only at 1 − RCF = 10^(${log10Needed.toExponential(3)}), ` +
      `and its largest value for any float64 RCF < 1 is ${formulaMaxW.toExponential(3)} W. ` +
      (noFlip ? "No assumption in its range moves it across 5.2 W (every flipsAt is null): the outcome is fixed by the formula, not found by a simulation. " : "") +
      `A t-test on a formula's output measures nothing. §4.1's own table gives ${H1_TABLE_NODE_POWER_W} W (FPGA emulation at 100 MHz), ${(H1_TABLE_NODE_POWER_W / formulaW).toExponential(2)} times the formula: a node's power is set by lasers, detectors, control electronics and cooling, none of which the paper models.`,
    wouldTest: "A prototype node (FPGA + discrete photonics) on a power analyser at 10¹⁰ ops/s, n = 10 runs (§6.1).",
    criterionValue: H1_CRITERION_W,
    arithmetic: [
      `P_node = (ħω0/𝓕)·ln(1/(1−RCF))·ν_ops = (${setup.photonEnergyEv} eV / ${setup.finesse}) × ln(1/(1−${setup.rcf})) × ${setup.opsPerS.toExponential(2)} /s = ${formulaW.toExponential(4)} W`,
      `P_node increases with RCF; P_node > 5.2 W ⇔ ln(1/(1−RCF)) > 5.2 W / (${perUnitLogW.toExponential(4)} W) = ${lnNeeded.toExponential(4)}`,
      `⇔ 1 − RCF < exp(−${lnNeeded.toExponential(4)}) = 10^(${log10Needed.toExponential(4)})`,
      `largest float64 RCF < 1 is 1 − 2⁻⁵³ = 1 − 1.11e-16: ln(2⁵³) = ${(53 * Math.LN2).toFixed(4)}, P_node = ${formulaMaxW.toExponential(4)} W`,
      `§4.1 table: ${H1_TABLE_NODE_POWER_W} W (beside it, not tested); abstract formula ħω0²/𝓕·ln(1/0.003) = ${abstractW.toExponential(3)} W`,
    ],
    curve: formulaCurve(setup),
    assumptions, formulaW, formulaMaxW, log10OneMinusRcfAtCriterion: log10Needed, tableNodePowerW: H1_TABLE_NODE_POWER_W, abstractFormulaW: abstractW,
  };
}
