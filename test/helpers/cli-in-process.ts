/**
 * Run the `pqms` program in this process, as main.ts does (parse, then reportError for the exit
 * code), capturing what it writes. Much faster than a child process under tsx; tests that need a
 * real process (another user, a signal) spawn one instead.
 */
import { buildProgram } from "../../src/cli/program.js";
import { reportError } from "../../src/cli/output.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const saved = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  let code: number;
  try {
    await buildProgram().parseAsync(["node", "pqms", ...args]);
    code = typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    code = reportError(e);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = saved;
  }
  return { code, stdout, stderr };
}
