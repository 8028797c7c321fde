#!/usr/bin/env node
/**
 * The `pqms` executable: a thin shell over the library (see program.ts). Errors are caught
 * only here, printed as one line, and turned into an exit code.
 */
import { buildProgram } from "./program.js";
import { reportError } from "./output.js";

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.exitCode = reportError(err);
  });
