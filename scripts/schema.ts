/** Regenerate docs/scenario.schema.json and docs/SCENARIOS.md from the zod schema (`npm run schema`). */
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema, scenariosMarkdown } from "../src/sim/scenario/index.js";

const json = new URL("../docs/scenario.schema.json", import.meta.url);
const md = new URL("../docs/SCENARIOS.md", import.meta.url);
writeFileSync(json, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync(md, scenariosMarkdown());
process.stdout.write(`wrote ${json.pathname}\nwrote ${md.pathname}\n`);
