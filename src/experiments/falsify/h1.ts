/**
 * H1 (§6.1): "A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s. Success: P_node < 5.2 W for
 * n = 10 independent measurements."
 *
 * On the twin: P_node = E_flip·ν_ops with E_flip = (ħω0/𝓕)·ln(1/(1−RCF̄)) (§2.2), ħω0 = 1 eV,
 * 𝓕 = 10⁴, ν_ops = 10¹⁰/s, and RCF̄ the global coherence the twin reaches in each replicate of
 * the H2 setup (so the replicates differ as the node's fidelity does). One-sample t-test of
 * mean < 5.2 W. The same model's alternative readings are reported beside it: §4.1's measured
 * 4.8 W, and the abstract's ħω0²/𝓕·ln(…).
 */
import { EV_J } from "../../model/constants.js";
import { abstractNodePowerW, angularFrequencyRadPerS, flipEnergyJ, nodePowerW } from "../../model/energy/index.js";
import { meanCi, ttest1samp } from "../../numeric/stats/index.js";
import { h2Replicate } from "./h2.js";
import { ALPHA, resolveFalsifyOptions, sampleFields, type FalsifyOptions, type HypothesisResult } from "./hypothesis.js";

export const H1_OPS_PER_S = 1e10;
export const H1_CRITERION_W = 5.2;
export const H1_FINESSE = 1e4;

export interface H1Result extends HypothesisResult {
  readonly rcf: readonly number[];
  /** §4.1's table value for the node, W. */
  readonly tableNodePowerW: number;
  /** The abstract's formula at the paper's inputs, W. */
  readonly abstractFormulaW: number;
}

export function runH1(o: FalsifyOptions = {}): H1Result {
  const { replicates, seed } = resolveFalsifyOptions(o);
  const rcf: number[] = [];
  const measured: number[] = [];
  for (let r = 0; r < replicates; r++) {
    const x = h2Replicate(seed, r).measured;
    rcf.push(x);
    measured.push(nodePowerW(flipEnergyJ(EV_J, H1_FINESSE, x), H1_OPS_PER_S));
  }
  const ci = meanCi(measured, 0.95);
  const t = ttest1samp(measured, H1_CRITERION_W, { alternative: "less" });
  const abstractW = abstractNodePowerW(angularFrequencyRadPerS(EV_J), H1_FINESSE, 0.997);
  const pass = ci.mean < H1_CRITERION_W && t.pValue < ALPHA;
  return {
    id: "H1", section: "§6.1",
    hypothesis: "A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s",
    criterion: "P_node < 5.2 W for n = 10 independent measurements",
    ...sampleFields(measured, ci, "one-sample t (H1: mean < 5.2 W)", t), unit: "W", replicates, seed,
    verdict: pass ? "supported" : "refuted",
    reason: `The paper's energy model gives ${ci.mean.toExponential(3)} W per node (p = ${t.pValue.toExponential(2)} against 5.2 W): 'supported' only in the sense that the §2.2 formula counts nothing but the photon energy per flip. ` +
      `The same paper measures 4.8 W (§4.1), 5·10¹² times more, and its abstract formula gives ${abstractW.toExponential(3)} W; a node's real power is set by lasers, detectors, control electronics and cooling, which no formula in the paper models.`,
    wouldTest: "A prototype node (FPGA + discrete photonics) on a power analyser at 10¹⁰ ops/s, n = 10 runs (§6.1).",
    criterionValue: H1_CRITERION_W,
    arithmetic: [
      `RCF̄ per replicate (twin, H2 setup): ${rcf.map((x) => x.toFixed(6)).join(", ")}`,
      `P_node = (1 eV / 10⁴) × ln(1/(1−RCF̄)) × 10¹⁰ /s = 1.602e-23 J × ln(…) × 10¹⁰ /s`,
      `mean ${ci.mean.toExponential(4)} W, 95 % CI ${ci.lower.toExponential(4)}–${ci.upper.toExponential(4)} W`,
      `one-sample t = (x̄ − 5.2)/(s/√n) = ${t.t.toExponential(3)}, df ${t.df}, p = ${t.pValue.toExponential(3)}`,
      `§4.1 table: 4.8 W; abstract formula ħω0²/𝓕·ln(1/0.003) = ${abstractW.toExponential(3)} W`,
    ],
    rcf, tableNodePowerW: 4.8, abstractFormulaW: abstractW,
  };
}
