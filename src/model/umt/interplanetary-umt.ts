/**
 * Unified time across the Earth–Mars gap: one Earth site A (the reference) and one Mars site B,
 * each with its own free-running clock (oscillator.ts), synchronised every `syncIntervalS` over
 * the interplanetary link when it is up (orbit/interplanetary.ts).
 *
 * An exchange leaving A at t1: B receives at t2 = t1 + τ_AB (the light-time equation), replies at
 * t3 = t2 + turnaround, A receives at t4 = t3 + τ_BA. Two correction modes:
 *
 * - `predictive` (the paper's "predictive clock compensation"): B sets its clock at t2 from the
 *   one-way stamp and the ephemeris-predicted delay, θ₁ = (T2 − T1) − τ̂_AB. Its error is the
 *   predicted delay's error, (τ_AB − τ̂_AB) ≈ δr/c, plus A's and B's clock noise: a range error of
 *   δr metres leaves δr/c (3.3 ns per metre) in the residual.
 * - `two-way` (two-way time transfer, two-way.ts): θ₂ = [(T2 − T1 − τ̂_AB) − (T4 − T3 − τ̂_BA)]/2.
 *   The part of the range error common to both legs cancels; what is left is A's clock wander
 *   between t1 and t4 (≈ 2τ, up to ~44 min) that is not linear, B's over the turnaround, and the
 *   error of the predicted asymmetry. B learns θ₂ when A's report (T1, T4) arrives at
 *   t5 = t4 + τ_AB(t4) and steers then.
 *
 * The Mars site's ephemeris error is a constant vector, σ per axis (`ephemerisErrorM`), drawn from
 * the random source; predicted light-times use the perturbed Mars site. During link outages (solar
 * conjunction, Mars blocking a ring site) B holds over and the residual grows. Not modelled: the
 * Shapiro delay (common to both legs to first order, it cancels in two-way; in predictive mode it
 * would add tens of µs near conjunction unless modelled) and the TCB/TT/Mars-time rate
 * differences (deterministic, assumed corrected).
 */
import { type AstroTime, MakeTime, type FlexibleDateTime } from "astronomy-engine";
import { InputError } from "../../errors.js";
import { linkState, siteLightTimeS, type LinkOptions, type SitePosition } from "../orbit/interplanetary.js";
import { ClockEnsemble, type NormalSource, type OscillatorParams, oscillatorFromAdev } from "./oscillator.js";
import { twoWayOffsetS } from "./two-way.js";

/**
 * Default Mars ephemeris range error, m: DE430 gives the orbits of the inner planets to sub-km
 * accuracy, and Mars ranging from orbiters and landers fits at the ~1 m level within its data span
 * (Folkner et al., "The Planetary and Lunar Ephemerides DE430 and DE431", IPN Progress Report
 * 42-196, 2014); outside it and for a spacecraft's own orbit about Mars the error is larger.
 * Default 300 m; range for studies 1 m – 1 km.
 */
export const MARS_EPHEMERIS_ERROR_M_DEFAULT = 300;

/**
 * A space optical clock, as an option beside the CSAC: white FM 1e-15/√τ (compact iodine and
 * cavity-stabilised references for space report ~1e-15 at 1 s; Schuldt et al., "Optical clock
 * technologies for global navigation satellite systems", GPS Solutions 25:83, 2021), 4e-17 at
 * 1000 s, offset 1e-15, aging 1e-16/month. An assumed class, not a datasheet.
 */
export const OPTICAL_OSCILLATOR: OscillatorParams = oscillatorFromAdev(1e-15, 1, 4e-17, 1000, 1e-15, 1e-16);

/** Options of an Earth–Mars time-transfer run. */
export interface GapUmtOptions {
  readonly earth: SitePosition;
  readonly mars: SitePosition;
  readonly start: FlexibleDateTime;
  /** Run length, s (≤ 100 days: clock cursors are integer ns in float64). */
  readonly durationS: number;
  /** Interval between exchanges, s (≥ 3 × the longest light-time + turnaround). */
  readonly syncIntervalS: number;
  readonly turnaroundS: number;
  readonly mode: "predictive" | "two-way";
  readonly oscillator: OscillatorParams;
  /** Mars ephemeris error, σ per axis, m. */
  readonly ephemerisErrorM: number;
  readonly link?: LinkOptions;
  /**
   * Frequency steering gain g ∈ [0, 1]: at each correction θ, B's correction rate gains g·θ/Δt
   * (Δt since its previous correction), a frequency integrator beside the phase step. 0 (default):
   * time only, so a clock's frequency offset and aging accumulate over every interval.
   */
  readonly frequencyGain?: number;
}

/** Residual of the Mars clock against the Earth clock, sampled just before each exchange. */
export interface GapUmtResult {
  /** Sample times, s from the start. */
  readonly timesS: Float64Array;
  /** Steered Mars clock error minus Earth clock error, s. */
  readonly residualS: Float64Array;
  /** Whether the exchange that started this interval was made (link up). */
  readonly synced: Uint8Array;
  /** Light-time A→B at each exchange start, s. */
  readonly lightTimeS: Float64Array;
  readonly residualAbsP50S: number;
  readonly residualAbsP99S: number;
  readonly residualAbsMaxS: number;
}

const MAX_DURATION_S = 100 * 86_400;

function checkOptions(o: GapUmtOptions): void {
  if (!(o.durationS > 0 && o.durationS <= MAX_DURATION_S)) throw InputError.of("durationS", `a duration in (0, ${MAX_DURATION_S}] s (100 days)`, o.durationS);
  if (!(o.syncIntervalS > 0 && o.syncIntervalS <= o.durationS)) throw InputError.of("syncIntervalS", "an interval in (0, durationS] s", o.syncIntervalS);
  if (!(o.turnaroundS >= 0 && o.turnaroundS < o.syncIntervalS)) throw InputError.of("turnaroundS", "a turnaround in [0, syncIntervalS) s", o.turnaroundS);
  if (!(o.ephemerisErrorM >= 0 && Number.isFinite(o.ephemerisErrorM))) throw InputError.of("ephemerisErrorM", "a finite error ≥ 0 m", o.ephemerisErrorM);
  if (o.mode !== "predictive" && o.mode !== "two-way") throw InputError.of("mode", `"predictive" or "two-way"`, o.mode);
  const g = o.frequencyGain ?? 0;
  if (!(g >= 0 && g <= 1)) throw InputError.of("frequencyGain", "a gain in [0, 1]", g);
}

/**
 * B's steering: a phase correction at a reference time and a rate (phase step + frequency
 * integrator). Its state is four numbers in `state` (phase, rate, reference time, last apply time).
 */
class Steering {
  /** [phaseS, rate, refS, lastApplyS]. */
  readonly state = Float64Array.of(0, 0, 0, -1);

  constructor(private readonly gain: number) {}

  /** The correction B subtracts from its clock at tS, s. */
  at(tS: number): number {
    return this.state[0]! + this.state[1]! * (tS - this.state[2]!);
  }

  /** Apply a measured offset θ at tS: phase step, and g·θ/Δt into the rate. */
  apply(thetaS: number, tS: number): void {
    const st = this.state;
    st[0] = this.at(tS) + thetaS;
    const last = st[3]!;
    if (this.gain > 0 && last >= 0 && tS > last) st[1] = st[1]! + (this.gain * thetaS) / (tS - last);
    st[2] = tS;
    st[3] = tS;
  }
}

/** `site` displaced by a constant vector, m: what the ephemeris predicts. */
function displaced(site: SitePosition, errM: Float64Array): SitePosition {
  return (time, out) => {
    site(time, out);
    for (let k = 0; k < 3; k++) out[k] = out[k]! + errM[k]!;
    return out;
  };
}

const ns = (s: number): number => Math.round(s * 1e9);

function quantileAbs(xs: Float64Array, p: number): number {
  const a = Array.from(xs, Math.abs).sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor(p * a.length))]!;
}

/** The clocks and correction of an Earth–Mars time transfer, without its geometry (see `GapTimeTransfer`). */
export interface GapTransferOptions {
  readonly mode: "predictive" | "two-way";
  readonly oscillator: OscillatorParams;
  /** Mars ephemeris error, σ per axis, m. */
  readonly ephemerisErrorM: number;
  readonly turnaroundS: number;
  /** Frequency steering gain in [0, 1] (see `GapUmtOptions.frequencyGain`). */
  readonly frequencyGain?: number;
}

/**
 * The Earth reference clock A (clock 0), the Mars reference clock B (clock 1) and B's steering,
 * advanced one exchange at a time: the stepping form of `gapUmtRun`, for a run that decides
 * each interval which link (if any) carries the exchange. Times are seconds since `t0`.
 * Random draws in order: the clocks' offsets (A, B), the ephemeris error (x, y, z), then clock
 * noise as the clocks are read. All mutable state is in `stateArrays()`.
 */
export class GapTimeTransfer {
  readonly clocks: ClockEnsemble;
  /** The constant Mars ephemeris error vector, m (what the prediction is off by). */
  readonly ephemerisErrorM = new Float64Array(3);
  private readonly steer: Steering;

  constructor(readonly options: GapTransferOptions, private readonly t0: AstroTime, rng: NormalSource) {
    this.clocks = new ClockEnsemble(2, options.oscillator, rng).drawOffsets();
    for (let k = 0; k < 3; k++) this.ephemerisErrorM[k] = options.ephemerisErrorM * rng.normal();
    this.steer = new Steering(options.frequencyGain ?? 0);
  }

  /** The Mars site as the ephemeris predicts it (displaced by the error vector). */
  predicted(mars: SitePosition): SitePosition {
    return displaced(mars, this.ephemerisErrorM);
  }

  /**
   * One exchange leaving the Earth site at t1S over a link that is up, with its true light-time
   * `tauAbS` (from `linkState`): B's correction is applied at t2 (predictive) or t5 (two-way).
   * With `via`, every leg passes through that relay (a transponder: Earth → relay → Mars and back,
   * each part its own light-time), `tauAbS` is then computed here, and the relay's position is
   * taken as known (its error would add to the prediction like Mars's and cancel two-way).
   * Returns the time the correction was applied, s; it must come before the next exchange.
   */
  exchange(earth: SitePosition, mars: SitePosition, t1S: number, tauAbS: number | undefined, via?: SitePosition): number {
    const at = (s: number): AstroTime => this.t0.AddDays(s / 86_400);
    const leg = (from: SitePosition, to: SitePosition, time: AstroTime): number => {
      if (via === undefined) return siteLightTimeS(from, to, time);
      const first = siteLightTimeS(from, via, time);
      return first + siteLightTimeS(via, to, time.AddDays(first / 86_400));
    };
    const { clocks, steer } = this;
    const marsPred = this.predicted(mars);
    const tauAb = tauAbS ?? leg(earth, mars, at(t1S));
    const tauAbPred = leg(earth, marsPred, at(t1S));
    const t2 = t1S + tauAb, t3 = t2 + this.options.turnaroundS;
    const tauBa = leg(mars, earth, at(t3)), tauBaPred = leg(marsPred, earth, at(t3));
    const t4 = t3 + tauBa;
    const eA1 = clocks.at(0, ns(t1S)), eB2 = clocks.at(1, ns(t2)) - steer.at(t2);
    if (this.options.mode === "predictive") {
      steer.apply(tauAb + eB2 - eA1 - tauAbPred, t2);
      return t2;
    }
    const eB3 = clocks.at(1, ns(t3)) - steer.at(t3), eA4 = clocks.at(0, ns(t4));
    const theta = twoWayOffsetS(tauAb + eB2 - eA1, tauBa + eA4 - eB3, tauAbPred, tauBaPred);
    const t5 = t4 + leg(earth, mars, at(t4));
    clocks.at(1, ns(t5));
    steer.apply(theta, t5);
    return t5;
  }

  /** Steered Mars clock error minus Earth clock error at tS (advancing both clocks there), s. */
  residualAt(tS: number): number {
    return this.clocks.at(1, ns(tS)) - this.steer.at(tS) - this.clocks.at(0, ns(tS));
  }

  /** Every mutable array (clocks, then steering), in a fixed order: what a checkpoint saves. */
  stateArrays(): Float64Array[] {
    const c = this.clocks;
    return [c.xS, c.yDet, c.yRw, c.driftPerS, c.cursorNs, c.cursorRemS, this.steer.state];
  }
}

/**
 * Runs the exchanges and returns the residual just before each one (worst hold-over). Random draws
 * in order: the clocks' offsets (A, B), the ephemeris error (x, y, z), then clock noise.
 */
export function gapUmtRun(o: GapUmtOptions, rng: NormalSource): GapUmtResult {
  checkOptions(o);
  const t0: AstroTime = MakeTime(o.start);
  const at = (s: number): AstroTime => t0.AddDays(s / 86_400);
  const transfer = new GapTimeTransfer(o, t0, rng);
  const count = Math.floor(o.durationS / o.syncIntervalS);
  const timesS = new Float64Array(count), residualS = new Float64Array(count), lightTimeS = new Float64Array(count);
  const synced = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const t1 = k * o.syncIntervalS;
    const up = linkState(o.earth, o.mars, at(t1), o.link);
    lightTimeS[k] = up.lightTimeS;
    if (up.blockedBy === null) {
      const tDone = transfer.exchange(o.earth, o.mars, t1, up.lightTimeS);
      if (tDone >= t1 + o.syncIntervalS) throw InputError.of("syncIntervalS", `> ${(tDone - t1).toFixed(0)} s (one exchange and its report)`, o.syncIntervalS);
      synced[k] = 1;
    }
    const tS = t1 + o.syncIntervalS - 1e-9;
    timesS[k] = tS;
    residualS[k] = transfer.residualAt(tS);
  }
  return {
    timesS, residualS, synced, lightTimeS,
    residualAbsP50S: quantileAbs(residualS, 0.5), residualAbsP99S: quantileAbs(residualS, 0.99), residualAbsMaxS: quantileAbs(residualS, 1),
  };
}
