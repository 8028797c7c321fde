/**
 * Allan deviation and hold-over error. Overlapping ADEV from time-error samples x_k taken every
 * τ₀ (IEEE Std 1139-2008, eq. for σ_y(mτ₀)):
 *
 *   σ_y²(mτ₀) = Σ_{k=0}^{N−2m−1} (x_{k+2m} − 2x_{k+m} + x_k)² / (2 (mτ₀)² (N − 2m)).
 *
 * A clock left free for τ after a perfect sync drifts by about σ_y(τ)·τ (hold-over error, ITU-T
 * G.810's TIE to first order): this is the floor of any residual between syncs τ apart.
 */
import { InputError } from "../../errors.js";

/** Overlapping Allan deviation at averaging time m·τ₀ from time errors `xS` (s) sampled every tau0S. */
export function overlappingAdev(xS: Float64Array, tau0S: number, m: number): number {
  const n = xS.length;
  if (!(Number.isInteger(m) && m >= 1 && n - 2 * m >= 1)) throw InputError.of("m", `an integer in [1, ${Math.floor((n - 1) / 2)}]`, m);
  let s = 0;
  for (let k = 0; k + 2 * m < n; k++) {
    const d = xS[k + 2 * m]! - 2 * xS[k + m]! + xS[k]!;
    s += d * d;
  }
  const tau = m * tau0S;
  return Math.sqrt(s / (2 * tau * tau * (n - 2 * m)));
}

/** Hold-over error after τ free-running, s: σ_y(τ)·τ. */
export function holdoverErrorS(adevAtTau: number, tauS: number): number {
  return adevAtTau * tauS;
}
