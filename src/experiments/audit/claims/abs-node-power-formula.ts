/** Abstract: P_node = ħω0²/𝓕 · ln(1/(1−RCF)) called "the power consumption per TeraFLOP". */
import type { Claim } from "../claim.js";
import { HBAR_JS, EV_J } from "../../../model/constants.js";
import { abstractNodePowerDim, abstractNodePowerW, angularFrequencyRadPerS, dimFormat, powerPerThroughputDim, dimEquals } from "../../../model/energy/index.js";
import { sci } from "../compare.js";

export const absNodePowerFormula: Claim = {
  id: "abs-node-power-formula",
  section: "Abstract",
  claim: "the power consumption per TeraFLOP of a PQMS V3000 node scales as P_node = ħω0²/𝓕 · ln(1/(1−RCF))",
  inputs: { hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: "a power per TeraFLOP (W per TFLOP/s = J per 10¹² operations)",
  unit: "dimension",
  recompute() {
    const omega0 = angularFrequencyRadPerS(1 * EV_J);
    const p = abstractNodePowerW(omega0, 1e4, 0.997);
    const d = abstractNodePowerDim();
    const want = powerPerThroughputDim();
    return {
      recomputed: `${dimFormat(d)} (a power, W); at the paper's inputs ${sci(p)} W`,
      verdict: "inconsistent",
      factor: dimEquals(d, want) ? 1 : null,
      arithmetic: [
        `[ħ]·[ω0]² = J·s · s⁻² = J/s = ${dimFormat(d)} = W`,
        `a power per TeraFLOP is W/(10¹² op/s) = J = ${dimFormat(want)}: the dimensions differ, no factor exists`,
        `ω0 = 1 eV/ħ = ${sci(EV_J)} J / ${sci(HBAR_JS)} J·s = ${sci(omega0)} rad/s`,
        `ħω0²/𝓕 · ln(1/0.003) = ${sci(HBAR_JS)} × ${sci(omega0)}² / 10⁴ × 5.809 = ${sci(p)} W`,
      ],
      explanation: "The formula is a power (W), equal to §2.2's P_node only if one operation happens per radian of the optical carrier (ν_ops = ω0); it is not a power per TeraFLOP, which has the dimension of an energy.",
    };
  },
};
