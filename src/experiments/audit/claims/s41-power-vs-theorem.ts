/** §4.1: measured 4.8 W @ 100 MHz — against the §2.2 energy theorem at the same node. */
import type { Claim } from "../claim.js";
import { flipEnergyJ, nodePowerW } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { compareValues, sci } from "../compare.js";

export const s41PowerVsTheorem: Claim = {
  id: "s41-power-vs-theorem",
  section: "§4.1",
  claim: "Measured parameters (FPGA emulation): Power @ 100 MHz 4.8 W [against the Unified Energy-Efficiency Theorem of §2.2]",
  inputs: { measuredW: 4.8, hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997, opsPerS: 1e10 },
  paperValue: 4.8,
  unit: "W",
  recompute() {
    const e = flipEnergyJ(EV_J, 1e4, 0.997);
    const p = nodePowerW(e, 1e10);
    return compareValues(4.8, p, 0.5, [
      `theorem: P_node = E_flip·ν_ops = ${sci(e)} J × 10¹⁰ /s = ${sci(p)} W`,
      `4.8 W / ${sci(p)} W = ${sci(4.8 / p)}`,
      `4.8 W at 10¹⁰ ops/s is ${sci(4.8 / 1e10)} J = ${sci(4.8 / 1e10 / EV_J)} eV per operation`,
    ], {
      consistent: "The theorem predicts the measurement.",
      inconsistent: "The 'theorem' and the paper's own measurement differ by 5·10¹²: the theorem says nothing about what a node consumes. Also, an FPGA emulation measures FPGA power, not a photonic chip's.",
    });
  },
};
