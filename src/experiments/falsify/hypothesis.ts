/**
 * The falsification protocol of §6 run on the twin: one file per hypothesis, each returning the
 * same record — the paper's criterion, the replicate measurements, the statistic it names, the
 * p-value, a confidence interval, and a verdict with its reason.
 */
import { InputError, requireInt } from "../../errors.js";
import type { FalsifyReportHypothesis } from "../../report/falsify-report.js";

export type FalsifyVerdict = "supported" | "refuted" | "not testable in software";

/**
 * One hypothesis's outcome (`pqms falsify --json` record): the report's record (defined once in
 * report/, the lower layer) with the id and verdict narrowed to the protocol's values.
 */
export interface HypothesisResult extends FalsifyReportHypothesis {
  readonly id: "H1" | "H2" | "H3";
  readonly verdict: FalsifyVerdict;
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
): Pick<HypothesisResult, "measured" | "measuredMean" | "ci95" | "statistic" | "pValue"> {
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
}

export const REPLICATES_DEFAULT = 10;
export const REPLICATES_MAX = 1000;
export const ALPHA = 0.01;

/** Validated replicates and seed. */
export function resolveFalsifyOptions(o: FalsifyOptions): { replicates: number; seed: number } {
  const replicates = requireInt(o.replicates ?? REPLICATES_DEFAULT, "replicates", 2, REPLICATES_MAX, "a t-test needs at least 2 replicates");
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw InputError.of("seed", "a non-negative safe integer", seed);
  return { replicates, seed };
}
