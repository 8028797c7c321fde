/**
 * Regenerate the README's "What we found" section from the claims audit:
 * `npx tsx scripts/readme-found.ts` rewrites the text between the what-we-found markers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runAudit, whatWeFound } from "../src/experiments/audit/index.js";

const path = new URL("../README.md", import.meta.url);
const start = "<!-- what-we-found:start -->";
const end = "<!-- what-we-found:end -->";
const readme = readFileSync(path, "utf8");
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error("README.md has no what-we-found markers");
const body = whatWeFound(runAudit()).trimEnd();
writeFileSync(path, `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`);
process.stdout.write("README.md: What we found regenerated\n");
