/**
 * The zero-point energy harvester of §3.1/§4.1 ("extracts energy from vacuum fluctuations during
 * idle periods", "up to 0.5 W"), booked at what physics allows: zero net power.
 */

/** Why the harvester is booked at 0 W. */
export const ZERO_POINT_REASON =
  "The vacuum is the ground state of the field. A ground state (like any Gibbs state) is passive: " +
  "no cyclic process lowers its energy, so no cyclic device extracts net work from it " +
  "(Pusz & Woronowicz, CMP 58, 273 (1978); Lenard, J. Stat. Phys. 19, 575 (1978)); continuous power " +
  "from it would be a perpetual motion machine of the second kind. Casimir forces give one-shot " +
  "work bounded by a change of geometry, not a sustained power. Booked at 0 W.";

/** Net power a zero-point harvester can deliver continuously, in W: 0, whatever is claimed. */
export function zeroPointHarvestPowerW(_claimedPowerW: number): number {
  return 0;
}
