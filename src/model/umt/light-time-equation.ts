/**
 * The light-time equation (retarded positions): a signal leaving A at t arrives at B at t + τ with
 *
 *   τ = |r_B(t + τ) − r_A(t)| / c,
 *
 * solved by fixed-point iteration τ_{k+1} = |r_B(t + τ_k) − r_A(t)|/c from τ₀ = |r_B(t) − r_A(t)|/c.
 * The map contracts with factor |v_B|/c (≈ 2.5e-5 in LEO), so each iteration gains ~4.6 digits;
 * we stop when a step changes τ by less than max(`tolS`, 1e-14·τ) (default tolS 1e-20 s; the
 * relative floor sits 45× above float64's spacing, so the iteration cannot stall on rounding). Positions in one inertial frame, metres (orbit/ gives them).
 */
import { InputError } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";

/** Position of a body at time tS (s since the ephemeris epoch), written into `out` (m). */
export type PositionFn = (tS: number, out: Float64Array) => Float64Array;

const rb = new Float64Array(3);

/**
 * Light-time from A (position `rA`, m, at emission time tS) to the moving B, s.
 * @throws InputError when the iteration does not converge in `maxIter` steps.
 */
export function solveLightTimeS(rA: Float64Array, tS: number, posB: PositionFn, tolS = 1e-20, maxIter = 20): number {
  let tau = 0;
  for (let k = 0; k <= maxIter; k++) {
    posB(tS + tau, rb);
    const dx = rb[0]! - rA[0]!, dy = rb[1]! - rA[1]!, dz = rb[2]! - rA[2]!;
    const next = Math.sqrt(dx * dx + dy * dy + dz * dz) / SPEED_OF_LIGHT_M_PER_S;
    if (k > 0 && Math.abs(next - tau) <= Math.max(tolS, 1e-14 * next)) return next;
    tau = next;
  }
  throw InputError.of("light-time", `convergence to ${tolS} s in ${maxIter} iterations (|v_B| < c)`, tau);
}
