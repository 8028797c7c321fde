/**
 * What a hypothesis' outcome hangs on: each input that is not a physical constant is an
 * assumption `{ name, value, unit, source, range, flipsAt }` (docs/ARCHITECTURE.md, "Evidence,
 * verdicts and assumptions"). `flipsAt` is the value inside `range` where the outcome changes,
 * found by the search the record shows (`search.steps`), or null when nothing in the range
 * changes it.
 */
import { InputError } from "../../errors.js";
import type { FalsifyAssumption, FalsifySearchStep } from "../../report/falsify-report.js";

export type AssumptionValue = number | string | boolean;
/** One evaluation of the hypothesis' test during the flip search (true: the criterion is met). */
export type SearchStep = FalsifySearchStep;
/** One assumption as a hypothesis record shows it (the report's record type). */
export type Assumption = FalsifyAssumption;

/**
 * How a hypothesis declares an assumption over its setup `S`: read it, set it, parse a `--set`
 * value, and the scale the flip search walks.
 */
export interface AssumptionSpec<S> {
  readonly name: string;
  readonly unit: string;
  readonly source: string;
  readonly description: string;
  readonly scale: "log" | "linear" | "choice";
  readonly range: readonly [AssumptionValue, AssumptionValue];
  /** For a choice with more than two readings: all of them (the range shows the first and last). */
  readonly choices?: readonly AssumptionValue[];
  get(setup: S): AssumptionValue;
  set(setup: S, value: AssumptionValue): S;
  /** Parse and validate a `--set name=value` value (throws InputError). */
  parse(raw: string): AssumptionValue;
}

/** Bisection stops when the bracket is this narrow: a ratio (log scale) or a fraction of the range (linear). */
export const FLIP_LOG_RATIO = 1.2;
export const FLIP_LINEAR_FRACTION = 1e-3;
/** Most evaluations one bisection makes (a bound on the search's cost). */
export const FLIP_STEPS_MAX = 16;

/** A parser for a finite number ≥ `min` (and ≤ `max`), naming the assumption in its error. */
export function numberParser(name: string, min: number, max = Number.POSITIVE_INFINITY, what = "a finite number"): (raw: string) => number {
  return (raw: string) => {
    const x = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(x) || x < min || x > max) {
      const bounds = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `in [${min}, ${max}]`;
      throw InputError.of(`--set ${name}`, `${what} ${bounds}`, raw);
    }
    return x;
  };
}

/** A parser for one of `choices` (booleans spelled true/false). */
export function choiceParser(name: string, choices: readonly AssumptionValue[]): (raw: string) => AssumptionValue {
  return (raw: string) => {
    const hit = choices.find((c) => String(c) === raw.trim());
    if (hit === undefined) throw InputError.of(`--set ${name}`, `one of ${choices.map(String).join(", ")}`, raw);
    return hit;
  };
}

/**
 * Apply `name=value` overrides to `setup`. Unknown names and bad values are typed errors that list
 * what is accepted.
 */
export function applyOverrides<S>(specs: readonly AssumptionSpec<S>[], setup: S, overrides: Readonly<Record<string, string>>, hypothesis: string): S {
  let s = setup;
  for (const [name, raw] of Object.entries(overrides)) {
    const spec = specs.find((x) => x.name === name);
    if (spec === undefined) throw InputError.of(`--set ${name}`, `an assumption of ${hypothesis}: ${specs.map((x) => x.name).join(", ")}`, `~"${name}"`);
    s = spec.set(s, spec.parse(raw));
  }
  return s;
}

function midpoint(a: number, b: number, log: boolean): number {
  return log ? Math.sqrt(a * b) : (a + b) / 2;
}

function narrow(a: number, b: number, log: boolean, width: number): boolean {
  return log ? Math.max(a, b) / Math.min(a, b) <= FLIP_LOG_RATIO : Math.abs(b - a) <= FLIP_LINEAR_FRACTION * width;
}

/**
 * Where inside the range does `holds` change? Choices: every reading is tried. Numbers: the
 * outcome is evaluated at both ends of the range (the current value's outcome is `base`); in the
 * half [lo, value] or [value, hi] whose end differs from `base` (the nearer one first), the
 * bracket is bisected (geometric mean on a log scale) until it is narrow; `flipsAt` is its
 * midpoint. An outcome that changes and changes back inside one half is not seen: the search
 * assumes one crossing per half, and the steps it shows let a reader check.
 */
export function searchFlip<S>(spec: AssumptionSpec<S>, setup: S, base: boolean, holds: (s: S) => boolean): Assumption {
  const value = spec.get(setup);
  const steps: SearchStep[] = [];
  const at = (v: AssumptionValue): boolean => {
    const h = holds(spec.set(setup, v));
    steps.push({ value: v, holds: h });
    return h;
  };
  const record = (flipsAt: AssumptionValue | null, method: string, bracket?: readonly [number, number]): Assumption => ({
    name: spec.name, value, unit: spec.unit, source: spec.source, range: spec.range, flipsAt,
    search: bracket === undefined ? { method, steps } : { method, steps, bracket }, description: spec.description,
  });
  if (spec.scale === "choice") {
    let flip: AssumptionValue | null = null;
    for (const c of spec.choices ?? spec.range) if (c !== value && at(c) !== base && flip === null) flip = c;
    return record(flip, "each choice");
  }
  const log = spec.scale === "log";
  // A numeric assumption's range holds numbers (checked where the assumption is declared).
  const lo = Number(spec.range[0]);
  const hi = Number(spec.range[1]);
  const v = value as number;
  const halves: Array<[number, number, boolean]> = [];
  const inside = v > lo && v < hi;
  const hLo = at(lo);
  const hHi = at(hi);
  // Each half with its near end (the current value, or the other end of the range).
  if (inside) {
    const nearLo = log ? Math.log(v / lo) <= Math.log(hi / v) : v - lo <= hi - v;
    const lower: [number, number, boolean] = [v, lo, hLo];
    const upper: [number, number, boolean] = [v, hi, hHi];
    halves.push(...(nearLo ? [lower, upper] : [upper, lower]));
  } else {
    halves.push(v <= lo ? [lo, hi, hHi] : [hi, lo, hLo]);
  }
  const method = log ? "bisection (log)" : "bisection (linear)";
  for (const [near, far, farHolds] of halves) {
    const nearHolds = inside ? base : near === lo ? hLo : hHi;
    if (farHolds === nearHolds) continue;
    let a = near; // outcome nearHolds
    let b = far; // outcome farHolds
    while (!narrow(a, b, log, hi - lo) && steps.length < FLIP_STEPS_MAX) {
      const m = midpoint(a, b, log);
      if (at(m) === nearHolds) a = m;
      else b = m;
    }
    const holdSide = nearHolds ? a : b;
    const failSide = nearHolds ? b : a;
    return record(midpoint(a, b, log), method, [holdSide, failSide]);
  }
  return record(null, method);
}

/** Records for every spec, each with its flip search (or, with `search` false, none). */
export function assumptionRecords<S>(specs: readonly AssumptionSpec<S>[], setup: S, base: boolean, holds: (s: S) => boolean, search: boolean): Assumption[] {
  return specs.map((spec) => search ? searchFlip(spec, setup, base, holds) : {
    name: spec.name, value: spec.get(setup), unit: spec.unit, source: spec.source, range: spec.range, flipsAt: null,
    search: { method: "not searched", steps: [] }, description: spec.description,
  });
}
