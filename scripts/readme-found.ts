/**
 * Regenerate what the README and docs/MODEL.md quote from the claims audit: `npm run readme`
 * rewrites the README's "What we found" (between the what-we-found markers) and every
 * `<!--v:key-->…<!--/v-->` value in docs/MODEL.md. `src/experiments/audit/docs.test.ts` fails
 * while either file differs from this output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { docValues, fillDocValues, replaceWhatWeFound, runAudit, whatWeFound } from "../src/experiments/audit/index.js";

const a = runAudit();
const readme = new URL("../README.md", import.meta.url);
writeFileSync(readme, replaceWhatWeFound(readFileSync(readme, "utf8"), whatWeFound(a)));
const model = new URL("../docs/MODEL.md", import.meta.url);
writeFileSync(model, fillDocValues(readFileSync(model, "utf8"), docValues(a)));
process.stdout.write("README.md: What we found regenerated; docs/MODEL.md: quoted values refreshed\n");
