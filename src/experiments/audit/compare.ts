/**
 * The one comparison of the audit: the paper's value against the recomputed one, under the
 * relation the paper asserts and the tolerance its wording allows. `judge()` is the only place a
 * derived verdict and its factor come from; the claim files only build `Comparison` records.
 */
import { InputError } from "../../errors.js";
import type { VerdictKind } from "./claim.js";

/** x in scientific notation with `digits` significant digits ("9.307e-23"). */
export function sci(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1);
}

/** max(a/b, b/a) for positive a, b: how many times apart two numbers are. */
export function factorApart(a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw InputError.of("factorApart(a, b)", "two finite positive numbers", [a, b]);
  }
  return a >= b ? a / b : b / a;
}

/**
 * What the paper asserts of the quantity: "equal" to its value within `relTol` (the precision of
 * its wording: 0.05 for "≈ 5.8"), "below" its value (an upper bound, "< 1 ms"), "above" it (a lower
 * bound, "> 50×"). Texts (dimensions, states) compare as equal strings.
 */
export type Relation = "equal" | "below" | "above";

/**
 * Where the recomputed value comes from: "arithmetic" (the paper's numbers and formulas, or a
 * cited datasheet), "simulation" (a run of the twin or of the paper's code), "law" (a bound a law
 * of physics sets; the comparison then fails as "physically impossible").
 */
export type Evidence = "arithmetic" | "simulation" | "law";

export interface Comparison {
  readonly paper: number | string;
  readonly recomputed: number | string;
  readonly relation: Relation;
  /** Relative tolerance, ≥ 0 (for bounds: how far past the bound still counts as within it). */
  readonly relTol: number;
  readonly evidence: Evidence;
  /** evidence "law": the law that sets the recomputed bound. */
  readonly law?: string;
}

export interface Judgement {
  readonly holds: boolean;
  readonly verdict: VerdictKind;
  /** When it fails: how many times apart (≥ 1); null when it holds or when no ratio exists (texts, zero, signs differ). */
  readonly factor: number | null;
}

const VERDICTS: Record<Evidence, readonly [VerdictKind, VerdictKind]> = {
  arithmetic: ["consistent", "inconsistent"],
  simulation: ["reproduced by simulation", "contradicted by simulation"],
  law: ["consistent", "physically impossible"],
};

/** The verdict and factor of a comparison. */
export function judge(c: Comparison): Judgement {
  if (!(c.relTol >= 0) || !Number.isFinite(c.relTol)) throw InputError.of("comparison.relTol", "a finite number ≥ 0", c.relTol);
  if (c.evidence === "law" && !c.law) throw InputError.of("comparison.law", "the law that sets the bound", c.law);
  const [ok, bad] = VERDICTS[c.evidence];
  if (typeof c.paper === "string" || typeof c.recomputed === "string") {
    if (c.relation !== "equal") throw InputError.of("comparison.relation", "\"equal\" for texts", c.relation);
    const holds = c.paper === c.recomputed;
    return { holds, verdict: holds ? ok : bad, factor: null };
  }
  const p = c.paper;
  const r = c.recomputed;
  if (!Number.isFinite(p) || !Number.isFinite(r)) throw InputError.of("comparison", "finite paper and recomputed values", [p, r]);
  let holds: boolean;
  if (c.relation === "equal") holds = p === 0 ? Math.abs(r) <= c.relTol : Math.abs(r - p) / Math.abs(p) <= c.relTol;
  else if (c.relation === "below") holds = r <= p + Math.abs(p) * c.relTol;
  else holds = r >= p - Math.abs(p) * c.relTol;
  if (holds) return { holds, verdict: ok, factor: null };
  const comparable = p !== 0 && r !== 0 && Math.sign(p) === Math.sign(r);
  return { holds, verdict: bad, factor: comparable ? factorApart(Math.abs(p), Math.abs(r)) : null };
}

/** "The paper's value, recomputed, within relTol" from its arithmetic. */
export function sameValue(paper: number | string, recomputed: number | string, relTol = 0, evidence: Evidence = "arithmetic"): Comparison {
  return { paper, recomputed, relation: "equal", relTol, evidence };
}

/** "The quantity is below `bound`" (an upper bound the paper states), recomputed. */
export function below(bound: number, recomputed: number, evidence: Evidence = "arithmetic", relTol = 0): Comparison {
  return { paper: bound, recomputed, relation: "below", relTol, evidence };
}

/** "The quantity is above `bound`" (a lower bound the paper states), recomputed. */
export function above(bound: number, recomputed: number, evidence: Evidence = "arithmetic", relTol = 0): Comparison {
  return { paper: bound, recomputed, relation: "above", relTol, evidence };
}

/**
 * A law sets a bound `bound` that the paper's figure `paper` must respect: "at most" (the figure
 * may not exceed the bound: power from sunlight) or "at least" (it may not undercut it: a light
 * time). The recomputed value is the bound; a figure on the wrong side is "physically impossible".
 */
export function lawBound(paper: number, bound: number, paperMustBe: "at most" | "at least", law: string): Comparison {
  // "paper ≤ bound" is "the recomputed bound lies above the paper's figure", and vice versa.
  return { paper, recomputed: bound, relation: paperMustBe === "at most" ? "above" : "below", relTol: 0, evidence: "law", law };
}
