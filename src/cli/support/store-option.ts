/**
 * Where the run store is: `--db PATH`, else the `PQMS_DB` environment variable, else
 * `./.pqms/runs.db`. Resolved here, at the CLI edge, never inside store/.
 */
import type { Command } from "commander";
import { DEFAULT_DB_PATH, openStore, type RunStore } from "../../store/run-store.js";

/** Add `--db PATH` to a command. */
export function withDbOption(cmd: Command): Command {
  return cmd.option("--db <path>", `run store file (default: $PQMS_DB or ${DEFAULT_DB_PATH})`);
}

/** The store path from the flag, the environment, or the default. */
export function resolveDbPath(flag: string | undefined): string {
  const env = process.env.PQMS_DB;
  return flag ?? (env !== undefined && env !== "" ? env : DEFAULT_DB_PATH);
}

/** Open the store named by the options. */
export function openStoreFor(opts: { db?: string }, readonly = false): RunStore {
  return openStore(resolveDbPath(opts.db), { readonly });
}
