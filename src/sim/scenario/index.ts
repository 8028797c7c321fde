/** Scenarios: schema, parsing, resolution (defaults filled), error mapping. */
export { scenariosMarkdown } from "./docs.js";
export { scenarioSchema, scenarioJsonSchema, runSchema, meshSchema, odosSchema, umtSchema, vetoSchema, extensionSections, SEED_MAX, type Scenario, type ScenarioInput } from "./schema.js";
export { parseScenario, parseScenarioText, resolveScenario, SAMPLES_MAX } from "./resolve.js";
export { zodIssuesToIssues, formatPath } from "./issues.js";
