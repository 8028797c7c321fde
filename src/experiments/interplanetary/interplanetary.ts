/**
 * `pqms interplanetary`: the Earth–Mars link over an interval from real ephemerides — light-time
 * (min / median / max), the periods the link is down (solar exclusion, occultation) and the
 * Earth–Mars clock residual of predictive or two-way time transfer — beside §5.2's 100 fs and
 * Theorem 1's 10 fs. The epoch is an input: same options and seed, same bytes.
 */
import { Body } from "astronomy-engine";
import { InputError } from "../../errors.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { areostationarySite, bodyCentre, linkAvailability, type DownPeriod } from "../../model/orbit/interplanetary.js";
import { gapUmtRun, OPTICAL_OSCILLATOR } from "../../model/umt/interplanetary-umt.js";
import { CSAC_OSCILLATOR } from "../../model/umt/oscillator.js";

/** §5.2's claimed Earth–Mars residual and Theorem 1's bound, s: the figures we compare against. */
export const PAPER_GAP_RESIDUAL_S = 100e-15;
export const THEOREM1_RESIDUAL_S = 10e-15;
/** §5.2's claimed "effective communication latency between any two nodes", s. */
export const PAPER_LATENCY_S = 1e-9;

export interface InterplanetaryOptions {
  /** Start, ISO 8601 UTC. */
  readonly from: string;
  readonly days: number;
  readonly stepHours: number;
  readonly solarExclusionDeg: number;
  readonly ephemerisErrorM: number;
  readonly clock: "csac" | "optical";
  readonly mode: "predictive" | "two-way";
  /** Frequency steering gain in [0, 1] (0: time only). */
  readonly frequencyGain: number;
  readonly seed: number;
}

export interface InterplanetaryResult {
  readonly from: string;
  readonly days: number;
  readonly sites: { readonly earth: string; readonly mars: string };
  readonly lightTimeS: { readonly min: number; readonly median: number; readonly max: number };
  /** The one-way light-time across the gap is a floor under any end-to-end latency, beside the paper's < 1 ns. */
  readonly latencyAcrossGapS: { readonly floorMin: number; readonly paperS: number; readonly floorOverPaper: number };
  readonly availability: number;
  readonly linkDown: { readonly start: string; readonly end: string; readonly cause: DownPeriod["cause"] }[];
  readonly umtResidualS: { readonly mode: string; readonly clock: string; readonly frequencyGain: number; readonly p50Abs: number; readonly p99Abs: number; readonly maxAbs: number };
  readonly beside: { readonly paperS: number; readonly theorem1S: number; readonly p99OverPaper: number };
  readonly assumptions: readonly string[];
}

function parseStart(from: string): Date {
  const d = new Date(from);
  if (!/^\d{4}-\d{2}-\d{2}/.test(from) || Number.isNaN(d.getTime())) throw InputError.of("--from", "an ISO 8601 date (2021-10-08 or 2021-10-08T03:00:00Z)", from);
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2100) throw InputError.of("--from", "a date in 1900–2100 (the ephemeris span we check)", from);
  return d;
}

export function runInterplanetary(o: InterplanetaryOptions): InterplanetaryResult {
  const start = parseStart(o.from);
  if (!(o.days > 0 && o.days <= 100)) throw InputError.of("--days", "a duration in (0, 100] days", o.days);
  if (!(o.stepHours > 0 && o.stepHours * 3600 <= o.days * 86_400)) throw InputError.of("--step-hours", "a step in (0, days·24] hours", o.stepHours);
  if (!(o.solarExclusionDeg >= 0 && o.solarExclusionDeg < 90)) throw InputError.of("--exclusion-deg", "an angle in [0, 90) degrees", o.solarExclusionDeg);
  if (!(o.ephemerisErrorM >= 0)) throw InputError.of("--ephemeris-error-m", "an error ≥ 0 m", o.ephemerisErrorM);
  if (!(o.frequencyGain >= 0 && o.frequencyGain <= 1)) throw InputError.of("--frequency-gain", "a gain in [0, 1]", o.frequencyGain);
  const earth = bodyCentre(Body.Earth), mars = areostationarySite(0, 3);
  const link = { solarExclusionDeg: o.solarExclusionDeg };
  const durationS = o.days * 86_400, stepS = o.stepHours * 3600;
  const av = linkAvailability(earth, mars, start, durationS, stepS, link);
  const lt = Array.from(av.lightTimeS).sort((a, b) => a - b);
  const umt = gapUmtRun({
    earth, mars, start, durationS, syncIntervalS: stepS, turnaroundS: 1e-3, mode: o.mode,
    oscillator: o.clock === "csac" ? CSAC_OSCILLATOR : OPTICAL_OSCILLATOR, ephemerisErrorM: o.ephemerisErrorM, link,
    frequencyGain: o.frequencyGain,
  }, RandomStream.fromSeed(o.seed, "interplanetary", "umt"));
  const iso = (s: number) => new Date(start.getTime() + s * 1000).toISOString();
  return {
    from: start.toISOString(), days: o.days,
    sites: { earth: "Earth centre (the Walker shell's hub)", mars: "areostationary site at 0° E (one of 3)" },
    lightTimeS: { min: lt[0]!, median: lt[Math.floor(lt.length / 2)]!, max: lt[lt.length - 1]! },
    latencyAcrossGapS: { floorMin: lt[0]!, paperS: PAPER_LATENCY_S, floorOverPaper: lt[0]! / PAPER_LATENCY_S },
    availability: av.availability,
    linkDown: av.downPeriods.map((p) => ({ start: iso(p.startS), end: iso(p.endS), cause: p.cause })),
    umtResidualS: { mode: o.mode, clock: o.clock, frequencyGain: o.frequencyGain, p50Abs: umt.residualAbsP50S, p99Abs: umt.residualAbsP99S, maxAbs: umt.residualAbsMaxS },
    beside: { paperS: PAPER_GAP_RESIDUAL_S, theorem1S: THEOREM1_RESIDUAL_S, p99OverPaper: umt.residualAbsP99S / PAPER_GAP_RESIDUAL_S },
    assumptions: [
      `solar exclusion ${o.solarExclusionDeg}° Sun–Earth–probe (NASA/JPL Mars conjunction practice, ~2°)`,
      `Mars ephemeris error ${o.ephemerisErrorM} m per axis (DE430: sub-km)`,
      o.frequencyGain > 0 ? `Mars clock steered in time and frequency (gain ${o.frequencyGain})` : "Mars clock steered in time only: its frequency offset accumulates over each interval",
      "Shapiro delay and TCB/TT/Mars time-scale rates not modelled",
    ],
  };
}
