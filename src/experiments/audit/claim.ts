/**
 * The claims audit's record type: one quantitative statement of the paper, the inputs it rests
 * on, the value the paper gives, and a `recompute()` that derives the value again from CODATA
 * 2018 constants, the paper's own formulas and, where needed, runs of the twin. Adding a claim is
 * adding one file in `claims/` and one line in `claims/index.ts`.
 */

/** The five verdicts of the audit. */
export type VerdictKind =
  | "consistent"
  | "inconsistent"
  | "physically impossible"
  | "testable by simulation"
  | "untestable in software";

export const VERDICT_KINDS: readonly VerdictKind[] = Object.freeze([
  "consistent", "inconsistent", "physically impossible", "testable by simulation", "untestable in software",
]);

export type InputValue = number | string;

/** What `recompute()` found. */
export interface Recomputation {
  /** The recomputed value (number in the claim's unit), a short text, or null when there is none. */
  readonly recomputed: number | string | null;
  readonly verdict: VerdictKind;
  /** inconsistent: how far apart paper and recomputation are (≥ 1); null when no ratio exists (units differ). */
  readonly factor?: number | null;
  /** physically impossible: the law the claim breaks. */
  readonly law?: string;
  /** testable by simulation: what the simulation gave. */
  readonly simulation?: string;
  /** The arithmetic, one step per line, with units. */
  readonly arithmetic: readonly string[];
  /** One or two sentences a reader can follow. */
  readonly explanation: string;
}

/** One claim of the paper. */
export interface Claim {
  readonly id: string;
  /** "Abstract", "§1" … "§8", "§2.1" …, "App. A" … "App. F". */
  readonly section: string;
  /** The paper's words (abridged with … only). */
  readonly claim: string;
  readonly inputs: Readonly<Record<string, InputValue>>;
  readonly paperValue: number | string;
  readonly unit: string;
  /** "simulation" when recompute() runs the twin (seconds, not microseconds). */
  readonly cost?: "instant" | "simulation";
  recompute(): Recomputation;
}

/** A claim with its recomputation, flat (the `--json` record). */
export interface ClaimResult {
  readonly id: string;
  readonly section: string;
  readonly claim: string;
  readonly inputs: Readonly<Record<string, InputValue>>;
  readonly paperValue: number | string;
  readonly recomputed: number | string | null;
  readonly unit: string;
  readonly verdict: VerdictKind;
  readonly factor: number | null;
  readonly law: string | null;
  readonly simulation: string | null;
  readonly arithmetic: readonly string[];
  readonly explanation: string;
}

/** Run one claim's recomputation into a flat result. */
export function evaluateClaim(c: Claim): ClaimResult {
  const r = c.recompute();
  return {
    id: c.id, section: c.section, claim: c.claim, inputs: c.inputs, paperValue: c.paperValue,
    recomputed: r.recomputed, unit: c.unit, verdict: r.verdict,
    factor: r.factor ?? null, law: r.law ?? null, simulation: r.simulation ?? null,
    arithmetic: r.arithmetic, explanation: r.explanation,
  };
}
