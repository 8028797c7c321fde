/**
 * /api/audit and /api/falsify: the claims audit and §6's H1–H3, the same functions as
 * `pqms audit` and `pqms falsify`. The full audit runs the twin (~2 s), so it is computed once per
 * server and kept; `?quick=true` skips the simulation claims. Falsification runs synchronously
 * (about a second per hypothesis at n = 10).
 */
import type { FastifyInstance } from "fastify";
import { InputError } from "../../errors.js";
import { runAudit, type AuditResult, type ClaimResult } from "../../experiments/audit/index.js";
import { runFalsify } from "../../experiments/falsify/index.js";
import { parseFalsifyBody } from "../body.js";
import type { ServerContext } from "../app.js";

/** The flat record of one claim (the `pqms audit --format json` record). */
function claimRecord(c: ClaimResult) {
  const { id, section, claim, inputs, paperValue, recomputed, unit, verdict, factor, law, simulation, arithmetic, explanation } = c;
  return { id, section, claim, inputs, paperValue, recomputed, unit, verdict, factor, law, simulation, arithmetic, explanation };
}

export function registerExperimentRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  const cache = new Map<boolean, AuditResult>();
  app.get<{ Querystring: { quick?: string } }>("/api/audit", async (req) => {
    const q = req.query.quick;
    if (q !== undefined && q !== "true" && q !== "false") throw InputError.of("quick", "true or false", q);
    const quick = q === "true";
    let a = cache.get(quick);
    if (a === undefined) cache.set(quick, (a = runAudit(undefined, { quick })));
    return { quick, tally: a.tally, claims: a.claims.map(claimRecord) };
  });

  app.post("/api/falsify", async (req) => {
    const b = parseFalsifyBody(req.body);
    return { hypotheses: runFalsify(b.hypotheses, { replicates: b.replicates, seed: b.seed }) };
  });
}
