/** §4.1: QBER < 10⁻⁵ and max RCF 0.9999, 'measured' in FPGA emulation. */
import type { Claim } from "../claim.js";

/** Zero errors in n trials bound the rate below 3/n at 95 % confidence (the rule of three). */
export const s41Qber: Claim<{ qberBound: number }> = {
  id: "s41-qber",
  section: "§4.1",
  claim: "Measured parameters (FPGA emulation): Max RCF 0.9999, QBER < 10⁻⁵",
  inputs: { qberBound: 1e-5 },
  paperValue: 1e-5,
  unit: "error rate",
  recompute(i) {
    const bits = Math.ceil(3 / i.qberBound);
    return {
      recomputed: bits,
      stated: { verdict: "untestable in software", why: "a quantum bit error rate is a property of photons on a channel; an FPGA emulation only reproduces whatever error model it was given" },
      arithmetic: [`to show QBER < ${i.qberBound} at 95 % confidence with zero errors needs ≥ 3/${i.qberBound} = ${bits} detected bits (rule of three)`],
      explanation: "Neither figure can be measured by emulation; a photonic prototype with single-photon detectors would test them.",
    };
  },
};
