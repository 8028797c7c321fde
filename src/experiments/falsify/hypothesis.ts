/**
 * The shape of one hypothesis' outcome and the options all hypotheses share.
 *
 * Verdicts (docs/ARCHITECTURE.md, "Evidence, verdicts and assumptions"):
 * - `refuted`: the twin, at the paper's stated parameters and under a reading of its equations we
 *   can defend, contradicts the hypothesis;
 * - `conditional`: the criterion is met on the twin, but only under the assumptions the record
 *   names (each with the value at which it flips);
 * - `not testable in software`: the outcome depends on nothing the twin simulates.
 * There is no "supported": a simulation of a paper's own equations cannot support a claim about
 * hardware.
 */
import { requireInt, InputError } from "../../errors.js";
import { FALSIFY_CAVEAT, type FalsifyReportHypothesis } from "../../report/falsify-report.js";
import type { Assumption } from "./assumption.js";

export type FalsifyVerdict = "refuted" | "conditional" | "not testable in software";

/** The line every falsify output opens with. */
export const SIMULATION_CANNOT_SUPPORT = FALSIFY_CAVEAT;

/**
 * One hypothesis's outcome (`pqms falsify --json` record): the report's record (defined once in
 * report/, the lower layer) with the id, verdict and assumptions narrowed to the protocol's types.
 */
export interface HypothesisResult extends FalsifyReportHypothesis {
  readonly id: "H1" | "H2" | "H3";
  readonly verdict: FalsifyVerdict;
  /** Whether the paper's criterion is met on the twin (or by the formula, for H1). */
  readonly criterionMet: boolean;
  readonly assumptions: readonly Assumption[];
}

/** The verdict of a test run on the twin: met ⇒ conditional on its assumptions, not met ⇒ refuted. */
export function twinVerdict(criterionMet: boolean): FalsifyVerdict {
  return criterionMet ? "conditional" : "refuted";
}

/**
 * The sample fields of a record: the replicates, their mean and 95 % CI, and the one-sample test
 * the paper's criterion calls for (name says its alternative).
 */
export function sampleFields(
  measured: readonly number[],
  ci: { readonly mean: number; readonly lower: number; readonly upper: number },
  statisticName: string,
  test: { readonly t: number; readonly df: number; readonly pValue: number },
): {
  measured: readonly number[]; measuredMean: number; ci95: { lower: number; upper: number };
  statistic: { name: string; value: number; df: number }; pValue: number;
} {
  return {
    measured, measuredMean: ci.mean, ci95: { lower: ci.lower, upper: ci.upper },
    statistic: { name: statisticName, value: test.t, df: test.df }, pValue: test.pValue,
  };
}

/** Options shared by all hypotheses. */
export interface FalsifyOptions {
  /** Independent replicates (the paper's n = 10 by default; at least 2 for a t-test). */
  readonly replicates?: number;
  readonly seed?: number;
  /** Assumption overrides, name → value as typed (`--set name=value`). */
  readonly set?: Readonly<Record<string, string>>;
  /** Search each assumption's range for the value where the verdict flips (default true). */
  readonly searchFlips?: boolean;
}

export const REPLICATES_DEFAULT = 10;
export const REPLICATES_MAX = 1000;
export const ALPHA = 0.01;

/** Validated replicates, seed, overrides and search switch. */
export function resolveFalsifyOptions(o: FalsifyOptions): { replicates: number; seed: number; set: Readonly<Record<string, string>>; searchFlips: boolean } {
  const replicates = requireInt(o.replicates ?? REPLICATES_DEFAULT, "replicates", 2, REPLICATES_MAX, "a t-test needs at least 2 replicates");
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw InputError.of("seed", "a non-negative safe integer", seed);
  return { replicates, seed, set: o.set ?? {}, searchFlips: o.searchFlips ?? true };
}
