/** Abstract: P_node = ħω0²/𝓕 · ln(1/(1−RCF)) called "the power consumption per TeraFLOP". */
import type { Claim } from "../claim.js";
import { HBAR_JS, EV_J } from "../../../model/constants.js";
import { abstractNodePowerDim, abstractNodePowerW, angularFrequencyRadPerS, dimFormat, powerPerThroughputDim } from "../../../model/energy/index.js";
import { sameValue, sci } from "../compare.js";

export const absNodePowerFormula: Claim<{ hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "abs-node-power-formula",
  section: "Abstract",
  claim: "the power consumption per TeraFLOP of a PQMS V3000 node scales as P_node = ħω0²/𝓕 · ln(1/(1−RCF))",
  inputs: { hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: "a power per TeraFLOP (W per TFLOP/s = J per 10¹² operations)",
  unit: "dimension",
  recompute(i) {
    const omega0 = angularFrequencyRadPerS(i.hbarOmega0Ev * EV_J);
    const p = abstractNodePowerW(omega0, i.finesse, i.rcf);
    const d = dimFormat(abstractNodePowerDim());
    const want = dimFormat(powerPerThroughputDim());
    return {
      recomputed: `${d} (a power, W); at the inputs ${sci(p)} W`,
      comparison: sameValue(want, d),
      arithmetic: [
        `[ħ]·[ω0]² = J·s · s⁻² = J/s = ${d} = W`,
        `a power per TeraFLOP is W/(10¹² op/s) = J = ${want}`,
        `ω0 = ${sci(i.hbarOmega0Ev)} eV/ħ = ${sci(i.hbarOmega0Ev * EV_J)} J / ${sci(HBAR_JS)} J·s = ${sci(omega0)} rad/s`,
        `ħω0²/𝓕 · ln(1/(1 − ${i.rcf})) = ${sci(HBAR_JS)} × ${sci(omega0)}² / ${sci(i.finesse)} × ${sci(Math.log(1 / (1 - i.rcf)))} = ${sci(p)} W`,
      ],
      explanation: "The formula is a power (W), equal to §2.2's P_node only if one operation happens per radian of the optical carrier (ν_ops = ω0); it is not a power per TeraFLOP, which has the dimension of an energy: the dimensions differ, so no factor exists.",
    };
  },
};
