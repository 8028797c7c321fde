/**
 * The claims audit's record type: one quantitative statement of the paper, the inputs it rests
 * on, the value the paper gives, and a `recompute(inputs)` that derives the value again from
 * CODATA 2018 constants, the paper's own formulas and, where needed, runs of the twin. The inputs
 * a claim shows are the inputs `recompute` is called with, so changing one moves the result.
 * Adding a claim is adding one file in `claims/` and one line in `claims/index.ts`.
 *
 * Verdicts are not written by the claims. A claim returns a `comparison` (the paper's value, the
 * recomputed value, the relation the paper asserts and the tolerance its wording allows) and
 * `judge()` turns it into the verdict and factor. Only two verdicts are stated, each with its
 * reason: "physically impossible" (naming the law) and "untestable in software" (saying why).
 */
import { judge, type Comparison } from "./compare.js";

/** The verdicts of the audit. */
export type VerdictKind =
  | "consistent"
  | "inconsistent"
  | "physically impossible"
  | "reproduced by simulation"
  | "contradicted by simulation"
  | "untestable in software";

export const VERDICT_KINDS: readonly VerdictKind[] = Object.freeze([
  "consistent", "inconsistent", "physically impossible", "reproduced by simulation", "contradicted by simulation", "untestable in software",
]);

/** The two verdicts a claim may state instead of deriving them. */
export const STATED_VERDICTS: readonly VerdictKind[] = Object.freeze(["physically impossible", "untestable in software"]);

export type InputValue = number | string;
export type Inputs = Readonly<Record<string, InputValue>>;

/** A verdict a claim states: a law the claim breaks, or why no software can test it. */
export type StatedVerdict =
  | { readonly verdict: "physically impossible"; readonly law: string }
  | { readonly verdict: "untestable in software"; readonly why: string };

/** What `recompute()` found. Exactly one of `comparison` and `stated` is given. */
export interface Recomputation {
  /** The recomputed value (number in the claim's unit), a short text, or null when there is none. */
  readonly recomputed: number | string | null;
  /** The paper's value against the recomputed one; `judge()` derives the verdict from it. */
  readonly comparison?: Comparison;
  /** A verdict that is stated, with its law or reason (only the two kinds in STATED_VERDICTS). */
  readonly stated?: StatedVerdict;
  /** Simulation claims: what the run gave, with its numbers. */
  readonly simulation?: string;
  /** The arithmetic, one step per line, with units. */
  readonly arithmetic: readonly string[];
  /** One or two sentences a reader can follow: one for when the comparison holds and one for when it fails, or one for both. */
  readonly explanation: string | { readonly holds: string; readonly fails: string };
}

/**
 * A second reading of a claim from a run of the twin, beside the arithmetic: its own comparison
 * (evidence "simulation"), judged into its own verdict; the claim's verdict stays the arithmetic's.
 */
export interface TwinReading {
  readonly comparison: Comparison;
  /** What the run gave, with its numbers and the scenario it ran. */
  readonly simulation: string;
  readonly arithmetic: readonly string[];
}

/** A twin reading, judged. */
export interface TwinResult {
  readonly verdict: VerdictKind;
  readonly factor: number | null;
  readonly comparison: Comparison;
  readonly simulation: string;
  readonly arithmetic: readonly string[];
}

/** One claim of the paper, recomputed from the inputs `I` it shows. */
export interface Claim<I extends Inputs = Inputs> {
  readonly id: string;
  /** "Abstract", "§1" … "§8", "§2.1" …, "App. A" … "App. F". */
  readonly section: string;
  /** The paper's words (abridged with … only). */
  readonly claim: string;
  readonly inputs: I;
  readonly paperValue: number | string;
  readonly unit: string;
  /** "simulation" when recompute() runs the twin (seconds, not microseconds). */
  readonly cost?: "instant" | "simulation";
  recompute(inputs: I): Recomputation;
  /** Optional: the same claim read from a run of the twin (seconds; skipped by a quick audit). */
  twin?(inputs: I): TwinReading;
}

/** A claim with its recomputation, flat (the `--json` record). */
export interface ClaimResult {
  readonly id: string;
  readonly section: string;
  readonly claim: string;
  readonly inputs: Inputs;
  readonly paperValue: number | string;
  readonly recomputed: number | string | null;
  readonly unit: string;
  readonly verdict: VerdictKind;
  /** How the verdict came about: "derived" by judge() from `comparison`, or "stated" with its law or reason. */
  readonly basis: "derived" | "stated";
  readonly comparison: Comparison | null;
  readonly factor: number | null;
  readonly law: string | null;
  /** untestable in software: why. */
  readonly why: string | null;
  readonly simulation: string | null;
  readonly arithmetic: readonly string[];
  readonly explanation: string;
  /** The twin's reading beside the arithmetic, when the claim has one and it was asked for; else null. */
  readonly twin: TwinResult | null;
}

/** Judge a twin reading (its comparison must be simulation evidence). */
export function judgeTwin(t: TwinReading): TwinResult {
  if (t.comparison.evidence !== "simulation") throw new Error(`twin reading with ${t.comparison.evidence} evidence: expected simulation`);
  const j = judge(t.comparison);
  return { verdict: j.verdict, factor: j.factor, comparison: t.comparison, simulation: t.simulation, arithmetic: t.arithmetic };
}

/**
 * Run one claim's recomputation (on its own inputs, or on `inputs` when given) into a flat result.
 * `opts.twin`: also run the claim's twin reading, if it has one (default false: it takes seconds).
 */
export function evaluateClaim<I extends Inputs>(c: Claim<I>, inputs: I = c.inputs, opts: { twin?: boolean } = {}): ClaimResult {
  const r = c.recompute(inputs);
  const twin = opts.twin === true && c.twin !== undefined ? judgeTwin(c.twin(inputs)) : null;
  const base = {
    id: c.id, section: c.section, claim: c.claim, inputs, paperValue: c.paperValue, recomputed: r.recomputed, unit: c.unit,
    simulation: r.simulation ?? twin?.simulation ?? null, arithmetic: r.arithmetic, twin,
  };
  if ((r.comparison === undefined) === (r.stated === undefined)) throw new Error(`claim ${c.id}: recompute() must give exactly one of comparison and stated`);
  if (r.stated) {
    const text = typeof r.explanation === "string" ? r.explanation : r.explanation.fails;
    return r.stated.verdict === "physically impossible"
      ? { ...base, verdict: r.stated.verdict, basis: "stated", comparison: null, factor: null, law: r.stated.law, why: null, explanation: text }
      : { ...base, verdict: r.stated.verdict, basis: "stated", comparison: null, factor: null, law: null, why: r.stated.why, explanation: text };
  }
  const cmp = r.comparison!;
  const j = judge(cmp);
  const text = typeof r.explanation === "string" ? r.explanation : j.holds ? r.explanation.holds : r.explanation.fails;
  return { ...base, verdict: j.verdict, basis: "derived", comparison: cmp, factor: j.factor, law: j.verdict === "physically impossible" ? cmp.law ?? null : null, why: null, explanation: text };
}
