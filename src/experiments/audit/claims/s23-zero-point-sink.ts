/** §2.3: the veto annihilates the dissonant energy in the zero-point field without residual entropy. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, thermalEnergyJ } from "../../../model/energy/index.js";
import { sci } from "../compare.js";

export const s23ZeroPointSink: Claim = {
  id: "s23-zero-point-sink",
  section: "§2.3",
  claim: "this sink is coupled to the zero-point field via a Josephson-junction array, effectively annihilating the dissonant energy without any residual entropy",
  inputs: { energyJ_s42: 2.07e-20, temperatureK: 300 },
  paperValue: 0,
  unit: "J/K (entropy produced)",
  recompute() {
    const q = phaseSlipEnergyJ(10e-6, 2 * Math.PI);
    const dS = q / 300;
    return {
      recomputed: dS,
      verdict: "physically impossible",
      law: "first law (energy is conserved, not annihilated) and second law (heat Q dumped into surroundings at T produces entropy ≥ Q/T)",
      arithmetic: [
        `energy of one §4.2 slip Q = ${sci(q)} J; ΔS ≥ Q/T = ${sci(q)} / 300 K = ${sci(dS)} J/K > 0`,
        `= ${sci(dS / 1.380649e-23)} k_B (k_B T at 300 K = ${sci(thermalEnergyJ(300))} J)`,
      ],
      explanation: "The zero-point field is the ground state of the electromagnetic field: it cannot absorb energy without being excited (which is ordinary radiation), and dissipated energy ends up as heat with entropy Q/T. 'Without any residual entropy' contradicts the second law.",
    };
  },
};
