/** Print the README's "What we found" section, generated from the claims audit: `npx tsx scripts/what-we-found.ts`. */
import { runAudit, whatWeFound } from "../src/experiments/audit/index.js";

process.stdout.write(whatWeFound(runAudit()));
