/**
 * A per-node oscillator (CSAC class) as a two-state clock model (Zucca & Tavella, IEEE UFFC 52(2),
 * 2005): the clock's time error x (s) integrates its fractional frequency
 *
 *   y(t) = y₀ + D·t + y_rw(t) + white FM,     dx/dt = y,
 *
 * with y₀ the frequency offset, D the linear drift (aging), y_rw a random walk (RWFM, diffusion
 * q_rw) and white FM (diffusion q_wf of x). Allan variances: white FM σ_y²(τ) = q_wf/τ, RWFM
 * σ_y²(τ) = q_rw·τ/3, drift σ_y(τ) = D·τ/√2.
 *
 * Figures (Microsemi SA.45s CSAC datasheet, 2019): ADEV 3e-10 at τ = 1 s, 1e-11 at τ = 1000 s,
 * aging < 9e-10/month, accuracy at shipment ±5e-11. We fit q_wf to the 1-s point
 * (q_wf = (3e-10)²·1 s) and q_rw to the rest of the 1000-s point
 * (q_rw = 3·((1e-11)² − q_wf/1000 s)/1000 s); aging 9e-10/month ⇒ D = 9e-10 / 2 592 000 s.
 *
 * Over a step h the update is the exact discretisation of the linear SDE (no Euler error):
 *   x ← x + (y_det + y_rw)·h + D·h²/2 + √(q_wf·h)·ξ₁ + h/2·w + √(q_rw·h³/12)·ξ₂,
 *   y_rw ← y_rw + w,  w = √(q_rw·h)·ξ₃,   y_det ← y_det + D·h.
 * Event times are integer ns (the kernel's); x is kept in seconds as float64, so a clock error of
 * up to 1 ms still resolves 1e-19 s — far below the fs residuals we measure.
 */
import { InputError } from "../../errors.js";

/** Microsemi SA.45s CSAC figures (datasheet), dimensionless fractional frequency. */
export const CSAC_SA45S = {
  adev1s: 3e-10,
  adev1000s: 1e-11,
  agingPerMonth: 9e-10,
  accuracyAtShipment: 5e-11,
} as const;

const MONTH_S = 30 * 86_400;

/** Noise and offsets of one oscillator class. */
export interface OscillatorParams {
  /** White-FM diffusion of the time error, s (σ_y²(τ) = q/τ). */
  readonly whiteFmS: number;
  /** Random-walk-FM diffusion of the frequency, 1/s (σ_y²(τ) = q·τ/3). */
  readonly randomWalkFmPerS: number;
  /** Standard deviation of each node's frequency offset y₀ (dimensionless). */
  readonly frequencyOffsetStd: number;
  /** Standard deviation of each node's linear frequency drift D, 1/s. */
  readonly driftStdPerS: number;
}

/** Diffusions from two Allan-deviation points (white FM fitted at τ₁, RWFM takes the rest at τ₂). */
export function oscillatorFromAdev(adevT1: number, t1S: number, adevT2: number, t2S: number, frequencyOffsetStd: number, agingPerMonth: number): OscillatorParams {
  const qWf = adevT1 * adevT1 * t1S;
  const rest = adevT2 * adevT2 - qWf / t2S;
  if (!(rest >= 0)) throw InputError.of("oscillator.adev", `ADEV at ${t2S} s ≥ the white-FM extrapolation ${Math.sqrt(qWf / t2S).toExponential(3)}`, adevT2);
  return { whiteFmS: qWf, randomWalkFmPerS: (3 * rest) / t2S, frequencyOffsetStd, driftStdPerS: agingPerMonth / MONTH_S };
}

/** The SA.45s fit. */
export const CSAC_OSCILLATOR: OscillatorParams = oscillatorFromAdev(CSAC_SA45S.adev1s, 1, CSAC_SA45S.adev1000s, 1000, CSAC_SA45S.accuracyAtShipment, CSAC_SA45S.agingPerMonth);

/** Allan deviation of the model at τ (s): √(q_wf/τ + q_rw·τ/3 + (D·τ)²/2). */
export function modelAdev(p: OscillatorParams, tauS: number): number {
  return Math.sqrt(p.whiteFmS / tauS + (p.randomWalkFmPerS * tauS) / 3 + (p.driftStdPerS * tauS) ** 2 / 2);
}

/** Check a parameter set; throws InputError naming the field. */
export function checkOscillator(p: OscillatorParams, path = "oscillator"): void {
  for (const [k, v] of Object.entries(p)) if (!(Number.isFinite(v) && v >= 0)) throw InputError.of(`${path}.${k}`, "a finite number ≥ 0", v);
}

/** The normal source the clocks draw from (a `RandomStream` satisfies it). */
export interface NormalSource {
  normal(): number;
}

/**
 * N free-running clocks in flat typed arrays. Each clock keeps its own time cursor (s since the
 * ensemble's epoch, held as integer ns plus a sub-ns remainder) and may only move forward.
 */
export class ClockEnsemble {
  /** Time error x_i, s. */
  readonly xS: Float64Array;
  /** Deterministic frequency y₀ + D·t at the cursor. */
  readonly yDet: Float64Array;
  /** Random-walk part of the frequency. */
  readonly yRw: Float64Array;
  /** Drift D_i, 1/s. */
  readonly driftPerS: Float64Array;
  /** Cursor: whole ns and the remainder in s (0 ≤ rem < 1e-9). */
  readonly cursorNs: Float64Array;
  readonly cursorRemS: Float64Array;

  constructor(readonly nodes: number, readonly params: OscillatorParams, private readonly rng: NormalSource) {
    checkOscillator(params);
    this.xS = new Float64Array(nodes);
    this.yDet = new Float64Array(nodes);
    this.yRw = new Float64Array(nodes);
    this.driftPerS = new Float64Array(nodes);
    this.cursorNs = new Float64Array(nodes);
    this.cursorRemS = new Float64Array(nodes);
  }

  /** Draw y₀ ~ N(0, σ_y0²) and D ~ N(0, σ_D²) for every node, node by node. */
  drawOffsets(): this {
    for (let i = 0; i < this.nodes; i++) {
      this.yDet[i] = this.params.frequencyOffsetStd * this.rng.normal();
      this.driftPerS[i] = this.params.driftStdPerS * this.rng.normal();
    }
    return this;
  }

  /** Time error of clock i at tNs (integer ns) + remS (s, any size ≥ 0), advancing it there (never backwards), s. */
  at(i: number, tNs: number, remS = 0): number {
    const dS = (tNs - this.cursorNs[i]!) * 1e-9 + (remS - this.cursorRemS[i]!);
    // Rounding of (ns, remainder) pairs naming the same instant differently stays below 1e-15 s.
    if (dS < -1e-15) throw new Error(`pqms internal assertion: clock ${i} asked to go back ${dS} s`);
    if (dS > 0) {
      this.advance(i, dS);
      this.cursorNs[i] = tNs;
      this.cursorRemS[i] = remS;
    }
    return this.xS[i]!;
  }

  /** The exact discretised update over h seconds (see the file comment). */
  private advance(i: number, h: number): void {
    const p = this.params;
    const d = this.driftPerS[i]!;
    let x = this.xS[i]! + (this.yDet[i]! + this.yRw[i]!) * h + 0.5 * d * h * h;
    if (p.whiteFmS > 0) x += Math.sqrt(p.whiteFmS * h) * this.rng.normal();
    if (p.randomWalkFmPerS > 0) {
      const w = Math.sqrt(p.randomWalkFmPerS * h) * this.rng.normal();
      x += 0.5 * h * w + Math.sqrt((p.randomWalkFmPerS * h * h * h) / 12) * this.rng.normal();
      this.yRw[i] = this.yRw[i]! + w;
    }
    this.xS[i] = x;
    this.yDet[i] = this.yDet[i]! + d * h;
  }
}
