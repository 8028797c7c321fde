/** /api/scenarios: the bundled examples, the JSON Schema, and validation of a scenario. */
import type { FastifyInstance } from "fastify";
import { readFileSync } from "node:fs";
import { scenarioJsonSchema } from "../../sim/scenario/index.js";
import { bundledScenarioNames, locateScenario, loadScenario, DEFAULT_SCENARIO } from "../../store/scenario-file.js";
import { PACKAGE_VERSION } from "../../version.js";
import { parseValidateBody } from "../body.js";
import { scenarioFrom } from "../run-manager.js";
import type { ServerContext } from "../app.js";

export function registerScenarioRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  app.get("/api/health", async () => ({ ok: true, version: PACKAGE_VERSION }));

  app.get("/api/scenarios", async () => ({
    default: DEFAULT_SCENARIO,
    examples: bundledScenarioNames().map((name) => {
      const { scenario } = loadScenario(name);
      return { name, description: scenario.description ?? "", nodes: scenario.mesh.nodes, text: readFileSync(locateScenario(name), "utf8") };
    }),
  }));

  app.get("/api/scenarios/schema", async () => scenarioJsonSchema());

  app.post("/api/scenarios/validate", async (req) => {
    const body = parseValidateBody(req.body);
    return { ok: true, scenario: scenarioFrom(body) };
  });
}
