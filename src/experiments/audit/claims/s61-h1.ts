/** §6.1 H1: a node consumes ≤ 5 W at 10¹⁰ ops/s (criterion < 5.2 W, n = 10). */
import type { Claim } from "../claim.js";
import { EV_J } from "../../../model/constants.js";
import { sci } from "../compare.js";

export const s61H1: Claim<{ criterionW: number; hbarOmega0Ev: number; finesse: number; opsPerS: number; measuredS41W: number }> = {
  id: "s61-h1",
  section: "§6.1",
  claim: "Hypothesis H₁: A V3000 node consumes P_node ≤ 5 W at 10¹⁰ ops/s. Success criterion: P_node < 5.2 W for n = 10 independent measurements",
  inputs: { criterionW: 5.2, hbarOmega0Ev: 1, finesse: 1e4, opsPerS: 1e10, measuredS41W: 4.8 },
  paperValue: 5.2,
  unit: "W",
  recompute(i) {
    const perLog = ((i.hbarOmega0Ev * EV_J) / i.finesse) * i.opsPerS;
    // The largest RCF below 1 a double holds: 1 − 2⁻⁵³; ln(1/(1 − RCF)) = 53·ln 2 there.
    const maxW = perLog * 53 * Math.LN2;
    const logNeeded = i.criterionW / perLog;
    return {
      recomputed: maxW,
      stated: { verdict: "untestable in software", why: `the twin's node power is §2.2's formula, which no RCF < 1 takes near ${i.criterionW} W (that needs 1 − RCF < 10^${sci(-logNeeded / Math.LN10, 3)}); a node's power is set by its lasers, detectors and electronics, which only hardware can measure` },
      arithmetic: [
        `P_node = (ħω0/𝓕)·ν_ops·ln(1/(1−RCF)) = ${sci(perLog)} W × ln(1/(1−RCF))`,
        `largest RCF < 1 in double precision, 1 − 2⁻⁵³: ln = ${(53 * Math.LN2).toFixed(2)} ⇒ ${sci(maxW)} W`,
        `to reach ${i.criterionW} W: ln(1/(1−RCF)) = ${sci(logNeeded)} ⇒ 1 − RCF = e^−${sci(logNeeded)} = 10^${sci(-logNeeded / Math.LN10, 3)}`,
        `§4.1 'measures' ${i.measuredS41W} W on an FPGA emulation: ${sci(i.measuredS41W / maxW)} × the formula's largest value`,
      ],
      explanation: "A t-test on a formula's output tests nothing: the formula cannot exceed the criterion for any input the twin can hold, so the outcome was fixed before the run.",
    };
  },
};
