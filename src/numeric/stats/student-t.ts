/**
 * Student's t distribution with ν degrees of freedom (ν > 0, real).
 *
 * Tail: P(T > |t|) = ½ I_x(ν/2, ½) with x = ν/(ν+t²), 1 − x = t²/(ν+t²) (A&S 26.7.1),
 * evaluated by the incomplete beta directly, so deep tails keep full relative precision
 * (no 1 − cdf). Quantiles by safeguarded Newton on ln SF, started from exact formulas for
 * ν = 1, 2 and the Cornish–Fisher expansion otherwise.
 */
import { InputError, SolverError } from "../../errors.js";
import { logBeta } from "./gamma.js";
import { betaIncPair } from "./incbeta.js";

function checkDf(df: number): void {
  if (typeof df !== "number" || !(df > 0) || !Number.isFinite(df)) throw InputError.of("df", "degrees of freedom, a finite number > 0", df);
}

function checkT(t: number): void {
  if (typeof t !== "number" || Number.isNaN(t)) throw InputError.of("t", "a number, not NaN", t);
}

/** [P(T ≤ t), P(T > t)], both to full relative precision. */
function tCdfSf(t: number, df: number): [number, number] {
  if (t === Infinity) return [1, 0];
  if (t === -Infinity) return [0, 1];
  // x = ν/(ν+t²), y = t²/(ν+t²) and their logs from the ratio r, without overflow for huge |t|
  // and without the rounding of 1 + r leaking into ln x (it would be multiplied by ν/2).
  const at = Math.abs(t);
  // D = x b − y a with a = ν/2, b = ½.
  const a = df / 2;
  let x: number, y: number, lnX: number, lnY: number, d: number;
  if (at > Math.sqrt(df)) {
    const r = df / at / at; // ν/t² < 1 (may underflow: ln r is taken from the logs)
    x = r / (1 + r);
    y = 1 / (1 + r);
    lnY = -Math.log1p(r);
    lnX = (r > 1e-300 ? Math.log(r) : Math.log(df) - 2 * Math.log(at)) + lnY;
    d = (0.5 * r - a) / (1 + r);
  } else {
    const r = (at / df) * at; // t²/ν ≤ 1
    x = 1 / (1 + r);
    y = r / (1 + r);
    lnX = -Math.log1p(r);
    lnY = r === 0 ? -Infinity : Math.log(r) + lnX;
    d = (0.5 - 0.5 * at * at) / (1 + r); // a·r = t²/2
  }
  const [ix, icx] = betaIncPair(a, 0.5, x, y, lnX, lnY, d);
  const tail = 0.5 * ix; // P(T > |t|)
  const body = 0.5 + 0.5 * icx; // P(T ≤ |t|)
  return t >= 0 ? [body, tail] : [tail, body];
}

/** P(T ≤ t) (scipy `stats.t.cdf(t, df)`). */
export function tCdf(t: number, df: number): number {
  checkT(t);
  checkDf(df);
  return tCdfSf(t, df)[0];
}

/** P(T > t) = 1 − cdf, computed directly: accurate in the far upper tail (scipy `stats.t.sf`). */
export function tSf(t: number, df: number): number {
  checkT(t);
  checkDf(df);
  return tCdfSf(t, df)[1];
}

/** Density (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½)). */
export function tPdf(t: number, df: number): number {
  checkT(t);
  checkDf(df);
  if (!Number.isFinite(t)) return 0;
  return Math.exp(logPdf(t, df));
}

function logPdf(t: number, df: number): number {
  const at = Math.abs(t);
  // ln(1 + t²/ν), without overflowing t² for huge |t|
  const l = at > Math.sqrt(df) ? 2 * Math.log(at) - Math.log(df) + Math.log1p(df / at / at) : Math.log1p((at / df) * at);
  return -0.5 * (df + 1) * l - 0.5 * Math.log(df) - logBeta(df / 2, 0.5);
}

/** Standard normal quantile (Wichura, AS 241, PPND16; relative accuracy ~10^-16). */
export function normPpf(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw InputError.of("p", "a probability in [0, 1]", p);
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q * (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r + 133.14166789178438) * r + 3.3871328727963665)
      / (((((((5226.495278852546 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r + 42.31333070160091) * r + 1);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835)
      / (((((((1.0507500716444169e-09 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1);
  } else {
    r -= 5;
    val = (((((((2.0103343992922881e-07 * r + 2.7115555687434876e-05) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103)
      / (((((((2.0442631033899397e-15 * r + 1.421511758316446e-07) * r + 1.8463183175100548e-05) * r + 0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1);
  }
  return q < 0 ? -val : val;
}

/** Starting point for the quantile with upper-tail probability q < ½. */
function initialGuess(q: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (0.5 - q));
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  // Cornish–Fisher expansion around the normal quantile (A&S 26.7.5).
  const z = -normPpf(q);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const guess = z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
  // Far tail: P(T > t) ≤ ν^(ν/2−1) t^−ν / B(ν/2, ½) (the density is below its power-law
  // asymptote), so inverting that bound gives an upper bound on the quantile.
  const tailGuess = Math.exp(((df / 2 - 1) * Math.log(df) - logBeta(df / 2, 0.5) - Math.log(q)) / df);
  return Number.isFinite(guess) && guess > 0 && guess < tailGuess ? guess : tailGuess;
}

/**
 * Quantile: the t with P(T ≤ t) = p (scipy `stats.t.ppf(p, df)`), relative accuracy ~10^-14.
 * Newton steps on ln P(T > t) against ln t (monotone) inside a shrinking bracket.
 */
export function tPpf(p: number, df: number): number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw InputError.of("p", "a probability in [0, 1]", p);
  checkDf(df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // upper-tail probability of |t|; exact for p ≥ ½
  const lnQ = Math.log(q);
  let lo = 0, hi = Infinity;
  let t = initialGuess(q, df);
  if (!(t > 0 && Number.isFinite(t))) t = 1;
  for (let iter = 0; ; iter++) {
    if (iter === 200) throw new SolverError(`t quantile: no convergence for p=${p}, df=${df}`);
    const sf = tCdfSf(t, df)[1];
    const f = Math.log(sf) - lnQ; // decreasing in t
    if (f === 0) break;
    if (f > 0) lo = t; else hi = t;
    // Newton in ln t: d ln SF / d ln t = −t·pdf/sf (power-law tails become straight lines).
    const slope = -Math.exp(Math.log(t) + logPdf(t, df) - Math.log(sf));
    let next = t * Math.exp(-f / slope);
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * t : lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    if (Math.abs(next - t) <= 1e-15 * t || hi - lo <= 4e-16 * t) { t = next; break; }
    t = next;
  }
  return p < 0.5 ? -t : t;
}
