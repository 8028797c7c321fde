/** Printing helpers shared by the CLI commands. */
import { PqmsError } from "../errors.js";

/** Print an error for a human and return the exit code. A user mistake never shows a stack. */
export function reportError(err: unknown): number {
  if (err instanceof PqmsError) {
    process.stderr.write(`pqms: ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as { code?: string; message?: string; exitCode?: number };
  // commander reports its own parse errors (unknown command or option, missing argument) this
  // way, with exit code 1; a bad command line is bad input, 2. Help and --version stay 0.
  if (typeof e?.code === "string" && e.code.startsWith("commander.")) return e.exitCode === 0 ? 0 : 2;
  process.stderr.write(`pqms: internal error (a bug, please report it): ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  return 70;
}

/** Print a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
