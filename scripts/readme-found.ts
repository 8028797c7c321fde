/**
 * Regenerate the README's "What we found" section from the claims audit:
 * `npm run readme` rewrites the text between the what-we-found markers
 * (src/experiments/audit/readme.test.ts fails while the README differs from this output).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { replaceWhatWeFound, runAudit, whatWeFound } from "../src/experiments/audit/index.js";

const path = new URL("../README.md", import.meta.url);
writeFileSync(path, replaceWhatWeFound(readFileSync(path, "utf8"), whatWeFound(runAudit())));
process.stdout.write("README.md: What we found regenerated\n");
