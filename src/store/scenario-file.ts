/**
 * Reading scenarios from disk (the I/O half of sim/scenario, which stays pure).
 *
 * `loadScenario` accepts a path (`scenarios/cme-storm.yaml`), the name of a bundled scenario
 * (`cme-storm`), or the scenario text itself (anything with a newline or starting with `{`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { packagePath } from "../package-root.js";
import { NotFoundError, InputError } from "../errors.js";
import { parseScenario, parseScenarioText, type Scenario } from "../sim/scenario/index.js";

/** The scenarios shipped with pqms (`<package>/scenarios`). */
export const BUNDLED_SCENARIOS_DIR = packagePath("scenarios");

/** The scenario `pqms run` uses when none is given. */
export const DEFAULT_SCENARIO = "v3000-default";

/** Names of the bundled scenarios (file names without extension). */
export function bundledScenarioNames(): string[] {
  if (!existsSync(BUNDLED_SCENARIOS_DIR)) return [];
  return readdirSync(BUNDLED_SCENARIOS_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => basename(f, extname(f))).sort();
}

/** Where a path-or-name points: an existing file, or a bundled scenario by name. */
export function locateScenario(pathOrName: string): string {
  if (existsSync(pathOrName)) {
    if (!statSync(pathOrName).isFile()) throw InputError.of("scenario", "a file", `~directory ${pathOrName}`);
    return pathOrName;
  }
  for (const ext of [".yaml", ".yml", ".json"]) {
    const p = join(BUNDLED_SCENARIOS_DIR, `${pathOrName}${ext}`);
    if (!/[/\\]/.test(pathOrName) && existsSync(p)) return p;
  }
  throw new NotFoundError("scenario file", pathOrName, `bundled scenarios: ${bundledScenarioNames().join(", ") || "none"}`);
}

/** A resolved scenario and where it came from. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The file it was read from, or "(text)". */
  readonly source: string;
}

/**
 * Load and resolve a scenario (defaults filled) from a path, a bundled name, or text.
 * @throws NotFoundError for a missing file; InputError listing every problem otherwise.
 */
export function loadScenario(pathOrText: string = DEFAULT_SCENARIO): LoadedScenario {
  if (pathOrText.includes("\n") || pathOrText.trimStart().startsWith("{")) {
    return { scenario: parseScenario(pathOrText, "(text)"), source: "(text)" };
  }
  const file = locateScenario(pathOrText);
  return { scenario: parseScenario(readFileSync(file, "utf8"), file), source: file };
}

/**
 * A scenario's input form (parsed, defaults not yet filled) from a path, a bundled name, or text:
 * for settings applied before it is resolved (`pqms run --set`).
 */
export function loadScenarioInput(pathOrText: string = DEFAULT_SCENARIO): { input: unknown; source: string } {
  if (pathOrText.includes("\n") || pathOrText.trimStart().startsWith("{")) return { input: parseScenarioText(pathOrText, "(text)"), source: "(text)" };
  const file = locateScenario(pathOrText);
  return { input: parseScenarioText(readFileSync(file, "utf8"), file), source: file };
}
