/**
 * /api/improve: `pqms improve`'s derivation (every change, the placements and the buildable
 * scenario, no hypotheses) at the technology figures a request sets. It is arithmetic over the
 * assumptions (the audit's verdicts it starts from are evaluated once per process), so it is
 * answered in-process in milliseconds; the simulations are offered as runs of the scenario it
 * returns (`POST /api/runs`).
 */
import type { FastifyInstance } from "fastify";
import { applyTechOverrides, runImprove, TECHNOLOGY_DEFAULT } from "../../experiments/improve/index.js";
import { parseImproveBody } from "../body.js";
import type { ServerContext } from "../app.js";

/** The derivation at `set` (already validated), without the hypotheses and simulations. */
function derive(set: Readonly<Record<string, string>>) {
  const r = runImprove({ set, hypotheses: false });
  return { set, assumptions: r.assumptions, changes: r.changes, placements: r.placements, scenario: r.scenario };
}

export function registerImproveRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  app.get("/api/improve", async () => derive({}));

  app.post("/api/improve", async (req) => {
    const { set } = parseImproveBody(req.body);
    applyTechOverrides(TECHNOLOGY_DEFAULT, set, (name) => `body.set.${name}`); // every bad name or value, named where it is
    return derive(set);
  });
}
