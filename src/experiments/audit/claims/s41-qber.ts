/** §4.1: QBER < 10⁻⁵ and max RCF 0.9999, 'measured' in FPGA emulation. */
import type { Claim } from "../claim.js";

export const s41Qber: Claim = {
  id: "s41-qber",
  section: "§4.1",
  claim: "Measured parameters (FPGA emulation): Max RCF 0.9999, QBER < 10⁻⁵",
  inputs: {},
  paperValue: 1e-5,
  unit: "error rate",
  recompute() {
    return {
      recomputed: null,
      verdict: "untestable in software",
      arithmetic: ["a quantum bit error rate is a property of photons on a channel; an FPGA emulation only reproduces whatever error model it was given"],
      explanation: "Neither figure can be measured by emulation; a photonic prototype with single-photon detectors would test them. (Note: to establish QBER < 10⁻⁵ at 95 % confidence with zero errors needs ≥ 3·10⁵ detected bits, rule of three.)",
    };
  },
};
