/** §4.2: a phase slip dissipates the energy stored in the rail directly into the quantum vacuum. */
import type { Claim } from "../claim.js";
import { phaseSlipEnergyJ } from "../../../model/energy/index.js";
import { sci } from "../compare.js";

export const s42VacuumDissipation: Claim<{ criticalCurrentA: number }> = {
  id: "s42-vacuum-dissipation",
  section: "§4.2",
  claim: "drives the JJ into a phase-slip regime, dissipating the energy stored in the rail directly into the quantum vacuum",
  inputs: { criticalCurrentA: 10e-6 },
  paperValue: "energy into the vacuum",
  unit: "J",
  recompute(i) {
    const e = phaseSlipEnergyJ(i.criticalCurrentA, 2 * Math.PI);
    return {
      recomputed: e,
      stated: { verdict: "physically impossible", law: "first law: the I·V work of a phase slip becomes heat in the junction's shunt resistance and substrate (or radiation), which must be removed by the cooling system; a ground state absorbs nothing" },
      arithmetic: [
        `work per 2π slip at I_c: ∫ I_c·V dt = I_c·(ħ/2e)·2π = ${sci(e)} J, dissipated in R_N`,
        `the energy stored in the rail (½CV²) is unrelated to this figure: one slip removes a fixed ${sci(e, 3)} J whatever the rail holds`,
      ],
      explanation: "A phase slip turns electrical work into ordinary heat; the vacuum (ground state) is not a sink. The fixed energy per slip also shows the TER cannot 'dissipate the violating energy' of an arbitrary computation.",
    };
  },
};
