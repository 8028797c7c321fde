/** §2.3: the veto annihilates the dissonant energy in the zero-point field without residual entropy. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ, thermalEnergyJ } from "../../../model/energy/index.js";
import { BOLTZMANN_J_PER_K } from "../../../model/constants.js";
import { lawBound, sci } from "../compare.js";

export const s23ZeroPointSink: Claim<{ criticalCurrentA: number; temperatureK: number; claimedEntropyJPerK: number }> = {
  id: "s23-zero-point-sink",
  section: "§2.3",
  claim: "this sink is coupled to the zero-point field via a Josephson-junction array, effectively annihilating the dissonant energy without any residual entropy",
  inputs: { criticalCurrentA: 10e-6, temperatureK: 300, claimedEntropyJPerK: 0 },
  paperValue: 0,
  unit: "J/K (entropy produced)",
  recompute(i) {
    const q = phaseSlipEnergyJ(i.criticalCurrentA, 2 * Math.PI);
    const dS = q / i.temperatureK;
    return {
      recomputed: dS,
      comparison: lawBound(i.claimedEntropyJPerK, dS, "at least", "second law: heat Q dumped into surroundings at T produces entropy ≥ Q/T (and the first law: energy is conserved, not annihilated)"),
      arithmetic: [
        `energy of one §4.2 slip Q = ${sci(q)} J; ΔS ≥ Q/T = ${sci(q)} / ${i.temperatureK} K = ${sci(dS)} J/K`,
        `= ${sci(dS / BOLTZMANN_J_PER_K)} k_B (k_B T at ${i.temperatureK} K = ${sci(thermalEnergyJ(i.temperatureK))} J); claimed ${i.claimedEntropyJPerK} J/K`,
      ],
      explanation: {
        holds: "The claimed entropy is at least Q/T.",
        fails: "The zero-point field is the ground state of the electromagnetic field: it cannot absorb energy without being excited (which is ordinary radiation), and dissipated energy ends up as heat with entropy Q/T. 'Without any residual entropy' contradicts the second law.",
      },
    };
  },
};
