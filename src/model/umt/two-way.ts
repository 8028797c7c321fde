/**
 * Two-way time transfer (TWSTFT-style, Kirchner 1999): A stamps the departure T1 with its clock,
 * B stamps the arrival T2 and its reply T3, A stamps the reply's arrival T4. With clock readings
 * T = t + e (true time plus the clock's error) and light-times τ_AB, τ_BA,
 *
 *   T2 − T1 = τ_AB + e_B(t2) − e_A(t1),     T4 − T3 = τ_BA + e_A(t4) − e_B(t3),
 *   θ = [(T2 − T1 − τ̂_AB) − (T4 − T3 − τ̂_BA)] / 2  ≈  e_B − e_A.
 *
 * Any part of the light-time common to both directions cancels; what is left is the asymmetry
 * τ_AB − τ_BA, which moving endpoints make ~v·τ/c (ns on LEO ISLs), removed by the
 * ephemeris-predicted light-times τ̂ (light-time-equation.ts). Only differences are passed in,
 * so no absolute times (large numbers) ever meet fs corrections.
 */

/** Offset estimate e_B − e_A, s, from the two stamp differences and predicted light-times (s). */
export function twoWayOffsetS(t2MinusT1S: number, t4MinusT3S: number, tauAbPredS: number, tauBaPredS: number): number {
  return (t2MinusT1S - tauAbPredS - (t4MinusT3S - tauBaPredS)) / 2;
}
