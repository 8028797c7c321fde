/**
 * /api/audit, /api/falsify and /api/falsify/h2-sensitivity: the claims audit, §6's H1–H3 and H2's
 * sweep, the same functions as `pqms audit`, `pqms falsify` and `pqms falsify H2 --sensitivity`. The full audit (it runs the twin, ~2 s) and falsification
 * (about a second per hypothesis at n = 10) run on the experiment thread (experiment-thread.ts),
 * so the server keeps answering meanwhile; the full audit is computed once per server and kept.
 * `?quick=true` skips the simulation claims and is answered in-process (milliseconds).
 */
import type { FastifyInstance } from "fastify";
import { InputError } from "../../errors.js";
import { parseFalsifyBody, parseSensitivityBody } from "../body.js";
import type { ServerContext } from "../app.js";
import { ExperimentThread } from "../experiment-thread.js";
import { runJob } from "../experiment-worker.js";

export function registerExperimentRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  const thread = new ExperimentThread();
  app.addHook("onClose", async () => thread.close());
  const cache = new Map<boolean, Promise<unknown>>();
  app.get<{ Querystring: { quick?: string } }>("/api/audit", async (req) => {
    const q = req.query.quick;
    if (q !== undefined && q !== "true" && q !== "false") throw InputError.of("quick", "true or false", q);
    const quick = q === "true";
    let a = cache.get(quick);
    if (a === undefined) {
      // Concurrent first requests share one computation; a failed one is not kept.
      a = quick ? Promise.resolve(runJob({ kind: "audit", quick })) : thread.run({ kind: "audit", quick });
      cache.set(quick, a);
      a.catch(() => cache.delete(quick));
    }
    return a;
  });

  app.post("/api/falsify", async (req) => {
    const b = parseFalsifyBody(req.body);
    return thread.run({ kind: "falsify", hypotheses: b.hypotheses, replicates: b.replicates, seed: b.seed });
  });

  // H2's sensitivity sweep (360 points at N = 30, 3 seeds; the default grid): `pqms falsify H2 --sensitivity --json`.
  app.post("/api/falsify/h2-sensitivity", async (req) => {
    const b = parseSensitivityBody(req.body);
    return thread.run({ kind: "sensitivity", nodes: b.nodes, seeds: b.seeds, seed: b.seed });
  });
}
