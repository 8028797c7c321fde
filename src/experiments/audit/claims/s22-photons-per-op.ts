/**
 * §2.2: E_flip = (ħω0/𝓕)·ln(1/(1−RCF)) per operation, as a number of photons of ħω0, beside what
 * reading the result out with error 1 − RCF needs: an ideal detector misses a pulse of mean n̄
 * photons with probability e^{−n̄} (Poisson), so an error ε needs n̄ ≥ ln(1/ε) photons.
 */
import type { Claim } from "../claim.js";
import { flipEnergyJ, rcfLogFactor } from "../../../model/energy/index.js";
import { EV_J } from "../../../model/constants.js";
import { lawBound, sci } from "../compare.js";

export const s22PhotonsPerOp: Claim<{ hbarOmega0Ev: number; finesse: number; rcf: number }> = {
  id: "s22-photons-per-op",
  section: "§2.2",
  claim: "The energy per operation is E_flip = (ħω0/𝓕)·ln(1/(1−RCF̄)) ≈ 5.8×10⁻⁴ eV with ħω0 ≈ 1 eV, 𝓕 ≈ 10⁴ [an operation whose result is read at fidelity RCF̄]",
  inputs: { hbarOmega0Ev: 1, finesse: 1e4, rcf: 0.997 },
  paperValue: 5.8e-4,
  unit: "photons of ħω0 per operation",
  recompute(i) {
    const photons = flipEnergyJ(i.hbarOmega0Ev * EV_J, i.finesse, i.rcf) / (i.hbarOmega0Ev * EV_J);
    const needed = rcfLogFactor(i.rcf);
    return {
      recomputed: needed,
      comparison: lawBound(photons, needed, "at least", "energy quantisation with Poisson photon statistics: a detector misses a pulse of mean n̄ photons with probability e^(−n̄), so a read-out with error ε needs n̄ ≥ ln(1/ε) photons of ħω0"),
      arithmetic: [
        `E_flip / ħω0 = ln(1/(1−RCF)) / 𝓕 = ${sci(needed)} / ${sci(i.finesse)} = ${sci(photons)} photons per operation`,
        `read-out at error 1 − RCF = ${sci(1 - i.rcf)}: n̄ ≥ ln(1/${sci(1 - i.rcf)}) = ${sci(needed)} photons = ${sci(needed * i.hbarOmega0Ev)} eV`,
        `the finesse does not divide the photon number a detector needs: ${sci(needed)} / ${sci(photons)} = ${sci(needed / photons)}`,
      ],
      explanation: {
        holds: "The energy per operation carries enough photons to read the result at the stated fidelity.",
        fails: "E_flip is a ten-thousandth of one photon. A result read out with error 1 − RCF needs about ln(1/(1−RCF)) ≈ 6 photons — exactly the logarithm in the paper's formula, which its 1/𝓕 then divides away; a cavity's finesse stores photons longer, it does not make a fraction of a photon detectable.",
      },
    };
  },
};
