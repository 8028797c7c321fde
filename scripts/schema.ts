/** Write docs/scenario.schema.json from the zod scenario schema (`npm run schema`). */
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/sim/scenario/index.js";

const path = new URL("../docs/scenario.schema.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.pathname}\n`);
