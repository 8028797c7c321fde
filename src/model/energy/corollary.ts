/**
 * §2.2 Corollary, recomputed: "For a target RCF̄ = 0.997, ln(1/(1−RCF̄)) ≈ 5.8. With ħω0 ≈ 1 eV and
 * 𝓕 ≈ 10⁴, E_flip ≈ 5.8×10⁻⁴ eV – about 10⁴ times lower than the k_BT of a conventional CMOS gate
 * at room temperature."
 */
import { EV_J, ROOM_TEMPERATURE_K } from "../constants.js";
import { flipEnergyJ, rcfLogFactor } from "./flip-energy.js";
import { landauerBoundJ, thermalEnergyJ } from "./thermal.js";

/** Inputs of the corollary (the paper's values by default). */
export interface CorollaryInputs {
  readonly rcf: number;
  readonly photonEnergyJ: number;
  readonly finesse: number;
  readonly temperatureK: number;
}

/** The paper's own inputs: RCF̄ 0.997, ħω0 = 1 eV, 𝓕 = 10⁴, room temperature 300 K. */
export const PAPER_COROLLARY_INPUTS: CorollaryInputs = Object.freeze({
  rcf: 0.997,
  photonEnergyJ: 1 * EV_J,
  finesse: 1e4,
  temperatureK: ROOM_TEMPERATURE_K,
});

/** Recomputed corollary: every number the sentence states, with the ratio it claims. */
export interface CorollaryResult {
  readonly logFactor: number;
  readonly flipEnergyJ: number;
  readonly flipEnergyEv: number;
  readonly thermalEnergyJ: number;
  readonly thermalEnergyEv: number;
  /** k_B·T / E_flip — the paper says "about 10⁴". */
  readonly thermalOverFlip: number;
  readonly landauerJ: number;
  /** Landauer bound / E_flip: > 1 means E_flip is below k_B·T·ln2 (allowed only for reversible steps). */
  readonly landauerOverFlip: number;
  readonly paper: { readonly logFactor: 5.8; readonly flipEnergyEv: 5.8e-4; readonly thermalOverFlip: 1e4 };
}

/** Recompute the corollary from `inputs` (SI). */
export function recomputeCorollary(inputs: CorollaryInputs = PAPER_COROLLARY_INPUTS): CorollaryResult {
  const eFlip = flipEnergyJ(inputs.photonEnergyJ, inputs.finesse, inputs.rcf);
  const kT = thermalEnergyJ(inputs.temperatureK);
  const landauer = landauerBoundJ(inputs.temperatureK);
  return {
    logFactor: rcfLogFactor(inputs.rcf),
    flipEnergyJ: eFlip,
    flipEnergyEv: eFlip / EV_J,
    thermalEnergyJ: kT,
    thermalEnergyEv: kT / EV_J,
    thermalOverFlip: kT / eFlip,
    landauerJ: landauer,
    landauerOverFlip: landauer / eFlip,
    paper: { logFactor: 5.8, flipEnergyEv: 5.8e-4, thermalOverFlip: 1e4 },
  };
}
