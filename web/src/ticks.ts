/**
 * Axis ticks and value text for the dashboard's charts: "nice" steps (1, 2 or 5 × 10^k), each
 * label with just the digits its step needs, and the metric's unit (seconds and joules scaled
 * to an SI prefix: "320 µs", not "0.00032"). Pure functions, no DOM: tested under Node.
 */

export interface Axis {
  /** The axis range, widened to whole steps. */
  readonly lo: number;
  readonly hi: number;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
}

import { SI_PREFIX, SI_PREFIXED, siExponent } from "../../src/report/metric-table.js";

/** One value with its unit (the metric table's own formatter, shared with the CLI and reports). */
export { formatValue } from "../../src/report/metric-table.js";

/** The step of about `count` intervals over `span` (> 0): 1, 2 or 5 × 10^k. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const p = Math.floor(Math.log10(raw));
  const base = 10 ** p;
  const err = raw / base;
  return (err >= 7.07 ? 10 : err >= 3.16 ? 5 : err >= 1.41 ? 2 : 1) * base;
}

/** Decimal exponent of a nice step (1, 2 or 5 × 10^k → k). */
function stepExponent(step: number): number {
  return Math.floor(Math.log10(step) + 1e-9);
}

/** " unit" after a number, or nothing for a pure number or a count (the title says "count"). */
function suffix(unit: string): string {
  return unit === "" || unit === "count" ? "" : ` ${unit}`;
}

/**
 * Labels for `ticks` spaced `step` apart, in `unit`: every label distinct, none longer than the
 * digits the step needs. Large or tiny magnitudes of unprefixed units go to exponent form.
 */
export function tickLabels(ticks: readonly number[], step: number, unit: string): string[] {
  const mag = Math.max(...ticks.map(Math.abs));
  const e = stepExponent(step);
  if (SI_PREFIXED.has(unit)) {
    const k = siExponent(mag, unit);
    const dec = Math.max(0, k - e);
    return ticks.map((t) => `${(t / 10 ** k).toFixed(dec)} ${SI_PREFIX[k]}${unit}`);
  }
  if (mag >= 1e6 || (mag > 0 && mag < 1e-3)) {
    const sig = Math.max(1, Math.floor(Math.log10(mag) + 1e-9) - e + 1);
    return ticks.map((t) => `${t === 0 ? "0" : t.toExponential(sig - 1)}${suffix(unit)}`);
  }
  const dec = Math.max(0, -e);
  return ticks.map((t) => `${t.toFixed(dec)}${suffix(unit)}`);
}

/**
 * A y axis over [v0, v1] with about `count` intervals (at most count + 1). A flat range (v0 = v1) is widened around
 * the value so the line sits mid-chart.
 */
export function niceAxis(v0: number, v1: number, unit: string, count = 3): Axis {
  if (!(Number.isFinite(v0) && Number.isFinite(v1)) || v1 < v0) throw new RangeError(`niceAxis: expected finite v0 ≤ v1, got ${v0}, ${v1}`);
  if (v1 === v0) {
    const pad = Math.abs(v0) * 0.01 || 1;
    v0 -= pad;
    v1 += pad;
  }
  // Counts move in whole units: no half-event ticks.
  let step = unit === "count" ? Math.max(1, niceStep(v1 - v0, count)) : niceStep(v1 - v0, count);
  let k0 = Math.floor(v0 / step + 1e-9);
  let k1 = Math.ceil(v1 / step - 1e-9);
  // Rounding out to whole steps can add intervals: take the next nice step until at most count + 1.
  while (k1 - k0 > count + 1) {
    const m = step / 10 ** stepExponent(step);
    step = (m < 1.5 ? 2 : m < 3 ? 5 : 10) * 10 ** stepExponent(step);
    k0 = Math.floor(v0 / step + 1e-9);
    k1 = Math.ceil(v1 / step - 1e-9);
  }
  const ticks: number[] = [];
  // k·step, not a running sum: no drift; +0 turns −0 into 0.
  for (let k = k0; k <= k1; k++) ticks.push(Number((k * step).toPrecision(15)) + 0);
  return { lo: k0 * step, hi: k1 * step, ticks, labels: tickLabels(ticks, step, unit) };
}
