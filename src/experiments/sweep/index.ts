/**
 * Parameter sweeps: a base scenario, parameters varied over a grid or a list, seeds
 * per point; every point × seed is one stored run, executed by any executor (local threads or a
 * BullMQ cluster) with identical results; a table and plots of mean and confidence interval.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { NotFoundError, PqmsError } from "../../errors.js";
import type { RunStore } from "../../store/run-store.js";
import { parseScenarioText } from "../../sim/scenario/index.js";
import { locateScenario } from "../../store/scenario-file.js";
import { parseSweep, resolveSweep, type BaseLoader, type Sweep } from "./spec.js";
import { getSweep } from "./store.js";

export * from "./spec.js";
export * from "./store.js";
export * from "./run.js";
export * from "./summary.js";
export * from "./report.js";

/** A base loader that resolves files relative to `dir` first, then bundled scenario names. */
export function fileBaseLoader(dir: string): BaseLoader {
  return (ref) => {
    const rel = isAbsolute(ref) ? ref : join(dir, ref);
    const file = existsSync(rel) ? rel : locateScenario(ref);
    return { input: parseScenarioText(readFileSync(file, "utf8"), file), source: file };
  };
}

/** Read and resolve a sweep file (its base relative to the file's directory). */
export function loadSweep(path: string): Sweep {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") throw new NotFoundError("sweep file", path);
    throw new PqmsError(`cannot read sweep file '${path}': ${err.message}`, "E_INPUT", 2);
  }
  return parseSweep(text, path, fileBaseLoader(dirname(path)));
}

/**
 * The sweep stored under `id`, resolved again from what the store holds (its base inlined), for
 * `pqms sweep --resume <id>` without the file. A sweep stored before migration 3 has only its
 * input as given: its base is then looked up from the working directory and bundled names.
 */
export function loadStoredSweep(store: RunStore, id: string): Sweep {
  const s = getSweep(store, id);
  if (s.spec !== null) {
    return resolveSweep(s.spec, `sweep ${id}`, (ref) => {
      throw new PqmsError(`sweep ${id}: stored base '${ref}' is not inline; pass the sweep file: pqms sweep <file> --resume ${id}`, "E_INPUT", 2);
    });
  }
  try {
    return resolveSweep(s.input, `sweep ${id}`, fileBaseLoader(process.cwd()));
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    throw new PqmsError(`sweep ${id} was stored without its base scenario (${e.message}); pass its file: pqms sweep <file> --resume ${id}`, "E_INPUT", 2);
  }
}
