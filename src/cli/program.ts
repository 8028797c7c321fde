/**
 * Assembles the commander program from one file per command (cli/commands/*.ts).
 * Adding a command is adding a file and one line here.
 */
import { Command } from "commander";
import { PACKAGE_VERSION } from "../version.js";
import { registerDemo } from "./commands/demo.js";
import { registerRun } from "./commands/run.js";
import { registerResume } from "./commands/resume.js";
import { registerRuns } from "./commands/runs.js";
import { registerReport } from "./commands/report.js";
import { registerReplicate } from "./commands/replicate/replicate.js";
import { registerCoherence } from "./commands/coherence.js";
import { registerFailover } from "./commands/failover.js";
import { registerAudit } from "./commands/audit.js";
import { registerFalsify } from "./commands/falsify.js";
import { registerImprove } from "./commands/improve.js";
import { registerSweep } from "./commands/sweep.js";
import { registerWorker } from "./commands/worker.js";
import { registerServe } from "./commands/serve.js";
import { registerInterplanetary } from "./commands/interplanetary.js";

export function buildProgram(): Command {
  const program = new Command("pqms")
    .description("Digital twin and falsification workbench for the PQMS-V3000 architecture")
    .version(PACKAGE_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerDemo(program);
  registerRun(program);
  registerResume(program);
  registerRuns(program);
  registerReport(program);
  registerReplicate(program);
  registerCoherence(program);
  registerFailover(program);
  registerAudit(program);
  registerFalsify(program);
  registerImprove(program);
  registerSweep(program);
  registerWorker(program);
  registerServe(program);
  registerInterplanetary(program);
  return program;
}
