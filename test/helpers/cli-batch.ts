/**
 * Run several `pqms` command lines in ONE process (argv[2]: a JSON array of argument arrays) and
 * print their exit codes and output as JSON: one start-up instead of one a command, for tests that
 * need a separate process (another user).
 */
import { runCli } from "./cli-in-process.js";

const batch = JSON.parse(process.argv[2] ?? "[]") as string[][];
const results = [];
for (const args of batch) results.push(await runCli(args));
process.stdout.write(JSON.stringify(results));
