/**
 * Small helpers shared by the claim files: number formatting for the arithmetic lines and the
 * comparison of a paper value with a recomputed one.
 */
import { InputError } from "../../errors.js";
import type { Recomputation } from "./claim.js";

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
 * The paper's value against ours: consistent when within the relative tolerance `relTol`
 * (the paper's own precision, e.g. 0.05 for "≈ 5.8"), otherwise inconsistent with the factor.
 */
export function compareValues(
  paper: number, recomputed: number, relTol: number, arithmetic: readonly string[], explain: { consistent: string; inconsistent: string },
): Recomputation {
  const rel = Math.abs(recomputed - paper) / Math.abs(paper);
  if (rel <= relTol) return { recomputed, verdict: "consistent", arithmetic, explanation: explain.consistent };
  return { recomputed, verdict: "inconsistent", factor: factorApart(Math.abs(paper), Math.abs(recomputed)), arithmetic, explanation: explain.inconsistent };
}

/** An upper-bound claim "X < bound": consistent when the recomputed X is below it, else inconsistent by X/bound. */
export function compareBelow(
  bound: number, recomputed: number, arithmetic: readonly string[], explain: { consistent: string; inconsistent: string },
): Recomputation {
  if (recomputed < bound) return { recomputed, verdict: "consistent", arithmetic, explanation: explain.consistent };
  return { recomputed, verdict: "inconsistent", factor: recomputed / bound, arithmetic, explanation: explain.inconsistent };
}
