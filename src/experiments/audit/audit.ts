/** Run the claims audit: every claim in `claims/index.ts`, recomputed, with a verdict tally. */
import { CLAIMS } from "./claims/index.js";
import { evaluateClaim, VERDICT_KINDS, type Claim, type ClaimResult, type VerdictKind } from "./claim.js";

export interface AuditResult {
  readonly claims: readonly ClaimResult[];
  readonly tally: Readonly<Record<VerdictKind, number>>;
}

/** Recompute `claims` (all by default); `quick` skips the claims that run the twin, and the twin readings beside the arithmetic. */
export function runAudit(claims: readonly Claim[] = CLAIMS, opts: { quick?: boolean } = {}): AuditResult {
  const chosen = opts.quick ? claims.filter((c) => c.cost !== "simulation") : claims;
  const results = chosen.map((c) => evaluateClaim(c, c.inputs, { twin: opts.quick !== true }));
  const tally = Object.fromEntries(VERDICT_KINDS.map((v) => [v, 0])) as Record<VerdictKind, number>;
  for (const r of results) tally[r.verdict]++;
  return { claims: results, tally };
}
