/**
 * The paper's claims that one run can speak to, each set beside what the run measured.
 * A verdict compares; it never adjusts a number. Claims that need several seeds (H2's t-test)
 * belong to `pqms falsify`; here they are reported for this one run and say so.
 */
import type { Scenario } from "../sim/scenario/index.js";

export type VerdictOutcome = "holds" | "fails" | "not applicable";

export interface Verdict {
  readonly claim: string;
  readonly section: string;
  readonly expected: string;
  readonly measured: string;
  readonly outcome: VerdictOutcome;
  readonly note?: string;
}

/** Last value of a series, or undefined. */
function last(xs: readonly number[] | undefined): number | undefined {
  return xs === undefined || xs.length === 0 ? undefined : xs[xs.length - 1];
}

function mean(xs: readonly number[] | undefined): number | undefined {
  if (xs === undefined || xs.length === 0) return undefined;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

const fmt = (x: number | undefined, digits = 6) => (x === undefined || !Number.isFinite(x) ? "n/a" : x.toPrecision(digits));

/**
 * Verdicts for a run's metric series (name → values in time order).
 * @param series  metric name → values (at least globalRcf, deltaEMean, vetoesTotal when present).
 */
export function verdictsFor(scenario: Scenario, series: ReadonlyMap<string, readonly number[]>): Verdict[] {
  const out: Verdict[] = [];
  const rcfEnd = last(series.get("globalRcf"));
  const { gammaPerS, kappaPerS } = scenario.mesh;
  const theorem2 = kappaPerS > 0 ? 1 / (1 + gammaPerS / kappaPerS) : undefined;
  const rcfNb = last(series.get("rcfNeighbourMean"));
  out.push({
    claim: "Theorem 2: steady-state pairwise RCF = 1/(1 + γ/κ)", section: "Appendix B",
    expected: `${fmt(theorem2)} (γ = ${gammaPerS} /s, κ = ${kappaPerS} /s)`, measured: `mean neighbour RCF at the end ${fmt(rcfNb)}`,
    outcome: theorem2 === undefined || rcfNb === undefined ? "not applicable" : Math.abs((1 - rcfNb) - (1 - theorem2)) <= 0.1 * (1 - theorem2) ? "holds" : "fails",
    note: "holds when 1 − RCF is within 10% of γ/(γ + κ); a short run may not have reached the steady state",
  });
  out.push({
    claim: "H2: global RCF ≥ 0.995", section: "§6.2", expected: "> 0.995", measured: `global RCF at the end ${fmt(rcfEnd)}`,
    outcome: rcfEnd === undefined ? "not applicable" : rcfEnd > 0.995 ? "holds" : "fails",
    note: `one run with N = ${scenario.mesh.nodes} (§6.2 specifies N = 100 and a t-test over repetitions: pqms falsify h2)`,
  });
  out.push({
    claim: "System RCF 0.997", section: "§5.1", expected: "0.997", measured: fmt(rcfEnd),
    outcome: rcfEnd === undefined ? "not applicable" : rcfEnd >= 0.997 ? "holds" : "fails",
  });
  const deMean = mean(series.get("deltaEMean"));
  out.push({
    claim: "TER veto keeps the average ethical dissonance below 0.02", section: "Appendix A (text after the code)",
    expected: "< 0.02", measured: `ΔE mean over the run ${fmt(deMean)}`,
    outcome: deMean === undefined ? "not applicable" : deMean < 0.02 ? "holds" : "fails",
  });
  return out;
}
