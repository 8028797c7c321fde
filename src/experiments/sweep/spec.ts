/**
 * Sweep files: a base scenario, the parameters to vary (a grid or a list of points), the seeds
 * run at every point, and the metrics to summarise. Validated with zod; every problem is reported
 * as `path: expected …, got …` (the scenario's error style), before anything runs or is stored.
 *
 * ```yaml
 * name: gamma-vs-drift
 * base: v3000-default           # a scenario file (relative to this file), a bundled name, or a mapping
 * set: { mesh.nodes: 20 }       # applied to every point
 * grid:                         # every combination (last key varies fastest) …
 *   mesh.gammaPerS: [1.0e6, 1.0e8]
 *   umt.driftFs: [10, 1000]
 * # points: [{ mesh.gammaPerS: 1.0e6 }, …]   … or an explicit list
 * seeds: 3                      # seeds 1, 2, 3 (or a list: [42, 7])
 * metrics: [globalRcf, deltaEMean]
 * confidence: 0.95
 * ```
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError, describeValue, type Issue } from "../../errors.js";
import { SEED_MAX, parseScenarioText, resolveScenario, zodIssuesToIssues, type Scenario } from "../../sim/scenario/index.js";

/** Most runs (points × seeds) one sweep may ask for. */
export const SWEEP_RUNS_MAX = 100_000;
const PATH_RE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

const paramValue = z.union([z.number(), z.string(), z.boolean()]);
const paramMap = z.record(z.string(), paramValue);

export const sweepSchema = z.strictObject({
  name: z.string().min(1).max(200).describe("Short name of the sweep."),
  description: z.string().max(10_000).optional(),
  base: z.union([z.string().min(1).max(4096), z.record(z.string(), z.unknown())]).default("v3000-default")
    .describe("Base scenario: a file (relative to the sweep file), a bundled scenario name, or an inline scenario mapping."),
  set: paramMap.default({}).describe("Dotted scenario paths set at every point (e.g. mesh.nodes: 20)."),
  grid: z.record(z.string(), z.array(paramValue).min(1).max(SWEEP_RUNS_MAX)).optional()
    .describe("Values per dotted path; every combination is a point."),
  points: z.array(paramMap).min(1).max(SWEEP_RUNS_MAX).optional().describe("An explicit list of points (dotted path → value)."),
  seeds: z.union([z.number().int().min(1).max(SWEEP_RUNS_MAX), z.array(z.number().int().min(0).max(SEED_MAX)).min(1).max(SWEEP_RUNS_MAX)])
    .describe("Seeds per point: a count n (seeds 1…n) or a list of seeds."),
  metrics: z.array(z.string().min(1).max(100)).min(1).max(100).optional().describe("Metrics summarised (final value of each run); default: all."),
  confidence: z.number().gt(0).lt(1).default(0.95).describe("Confidence level of the interval around each point's mean."),
}).describe("A pqms sweep.");

export type SweepInput = z.input<typeof sweepSchema>;
export type ParamValue = z.infer<typeof paramValue>;

/** One point of the sweep: the parameters it sets and its scenario before the seed is applied. */
export interface SweepPoint {
  readonly index: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** A validated sweep, every run's scenario resolved. */
export interface Sweep {
  readonly name: string;
  readonly description?: string;
  readonly points: readonly SweepPoint[];
  readonly seeds: readonly number[];
  readonly metrics?: readonly string[];
  readonly confidence: number;
  /** The runs, point-major then seed, in the order they are submitted. */
  readonly runs: readonly SweepRunSpec[];
  /** The input as given (stored with the sweep). */
  readonly input: unknown;
  /** The input with its base scenario inlined: resolves to this sweep without any file (resume). */
  readonly spec: Record<string, unknown>;
}

/** One run of a sweep. */
export interface SweepRunSpec {
  readonly point: number;
  readonly seed: number;
  readonly scenario: Scenario;
}

/** Loads the base scenario's input form (the sweep's I/O is done by the caller). */
export type BaseLoader = (ref: string) => { input: unknown; source: string };

/** Every combination of the grid's values, last key fastest; `{}` alone when there is no grid. */
export function gridPoints(grid: Readonly<Record<string, readonly ParamValue[]>>): Record<string, ParamValue>[] {
  let out: Record<string, ParamValue>[] = [{}];
  for (const [key, values] of Object.entries(grid)) out = out.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  return out;
}

/** A deep copy of `input` with the dotted path set to `value` (intermediate mappings created). */
export function setPath(input: unknown, path: string, value: ParamValue): Record<string, unknown> {
  const root = structuredClone(typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const keys = path.split(".");
  let node = root;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
  return root;
}

/**
 * Problems with the names of a `set` mapping (a sweep's `set:`, or `pqms run --set`): each must be
 * a dotted scenario path, and `run.seed` is not one of them (seeds have their own option).
 */
export function setPathIssues(named: ReadonlyArray<readonly [where: string, key: string]>, seedsBy = "seeds set by `seeds:`, not by a parameter"): Issue[] {
  const issues: Issue[] = [];
  for (const [where, k] of named) if (!PATH_RE.test(k)) issues.push({ path: `${where}.${k}`, expected: "a dotted scenario path such as mesh.gammaPerS", got: describeValue(k) });
  for (const k of new Set(named.map(([, key]) => key))) if (k === "run.seed") issues.push({ path: k, expected: seedsBy, got: "run.seed" });
  return issues;
}

/**
 * A scenario's input form with `set` applied (dotted path → value, in order), resolved and
 * validated exactly as a sweep's points are; problems name the setting and the scenario path.
 */
export function resolveWithSet(input: unknown, set: Readonly<Record<string, ParamValue>>, source: string, where = "set"): Scenario {
  const issues = setPathIssues(Object.keys(set).map((k) => [where, k] as const), "the seed option (--seed), not --set");
  if (issues.length > 0) throw new InputError(issues, `invalid ${where} for ${source}`);
  let sc = input;
  for (const [k, v] of Object.entries(set)) sc = setPath(sc, k, v);
  try {
    return resolveScenario(sc, source);
  } catch (e) {
    if (!(e instanceof InputError) || Object.keys(set).length === 0) throw e;
    throw new InputError(e.issues, `${source} with ${paramsText(set)}`);
  }
}

/**
 * One `path=value` setting from the command line: the value is read as a YAML scalar (a number,
 * true/false, or text), as it would be written in a sweep's `set:`.
 */
export function parseSetArg(raw: string, flag = "--set"): [string, ParamValue] {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw InputError.of(flag, "path=value, e.g. run.durationS=1e-6", raw);
  const path = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1).trim();
  if (text === "") throw InputError.of(`${flag} ${path}`, "a value after '=' (a number, true/false, or text)", raw);
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch {
    value = text;
  }
  if (typeof value !== "number" && typeof value !== "string" && typeof value !== "boolean") {
    throw InputError.of(`${flag} ${path}`, "a number, true/false, or text (a single value, as in a sweep's set:)", text);
  }
  return [path, value];
}

function paramsText(params: Readonly<Record<string, ParamValue>>): string {
  const e = Object.entries(params);
  return e.length === 0 ? "the base" : e.map(([k, v]) => `${k} = ${describeValue(v)}`).join(", ");
}

/** Validate the sweep's own fields; throws InputError listing every problem. */
function validateInput(input: unknown, source: string): z.output<typeof sweepSchema> {
  const r = sweepSchema.safeParse(input, { reportInput: true });
  if (!r.success) throw new InputError(zodIssuesToIssues(r.error.issues, sweepSchema), `invalid sweep ${source}`);
  const s = r.data;
  const issues: Issue[] = [];
  if (s.grid !== undefined && s.points !== undefined) issues.push({ path: "grid", expected: "either grid or points, not both", got: "both" });
  const named: Array<[string, string]> = [
    ...Object.keys(s.set).map((k): [string, string] => ["set", k]),
    ...Object.keys(s.grid ?? {}).map((k): [string, string] => ["grid", k]),
    ...(s.points ?? []).flatMap((p, i) => Object.keys(p).map((k): [string, string] => [`points[${i}]`, k])),
  ];
  issues.push(...setPathIssues(named));
  if (Array.isArray(s.seeds) && new Set(s.seeds).size !== s.seeds.length) issues.push({ path: "seeds", expected: "distinct seeds", got: `[${s.seeds.join(", ")}]` });
  const nPoints = s.points?.length ?? Object.values(s.grid ?? {}).reduce((n, v) => n * v.length, 1);
  const nSeeds = Array.isArray(s.seeds) ? s.seeds.length : s.seeds;
  if (nPoints * nSeeds > SWEEP_RUNS_MAX) issues.push({ path: "(sweep)", expected: `at most ${SWEEP_RUNS_MAX} runs (points × seeds)`, got: `${nPoints} × ${nSeeds}` });
  if (issues.length > 0) throw new InputError(issues, `invalid sweep ${source}`);
  return s;
}

/**
 * Validate a sweep and resolve the scenario of every run.
 * @param input  the parsed sweep file.
 * @param loadBase  reads a base given by file or name (input form, defaults not yet filled).
 * @throws InputError listing every problem, each point's named by its parameters.
 */
export function resolveSweep(input: unknown, source: string, loadBase: BaseLoader): Sweep {
  const s = validateInput(input, source);
  const base = typeof s.base === "string" ? loadBase(s.base).input : s.base;
  const seeds = Array.isArray(s.seeds) ? s.seeds : Array.from({ length: s.seeds }, (_, i) => i + 1);
  const points = (s.points ?? gridPoints(s.grid ?? {})).map((params, index) => ({ index, params }));
  const runs: SweepRunSpec[] = [];
  const issues: Issue[] = [];
  for (const p of points) {
    let sc = base;
    for (const [k, v] of Object.entries({ ...s.set, ...p.params })) sc = setPath(sc, k, v);
    let resolved: Scenario;
    try {
      resolved = resolveScenario(sc, `point ${p.index}`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const i of e.issues) issues.push({ ...i, path: `point ${p.index} (${paramsText(p.params)}): ${i.path}` });
      continue;
    }
    for (const seed of seeds) runs.push({ point: p.index, seed, scenario: { ...resolved, run: { ...resolved.run, seed } } });
  }
  if (issues.length > 0) throw new InputError(issues.slice(0, 50), `invalid sweep ${source}`);
  return {
    name: s.name, ...(s.description === undefined ? {} : { description: s.description }), points, seeds,
    ...(s.metrics === undefined ? {} : { metrics: s.metrics }), confidence: s.confidence, runs, input,
    spec: { ...(input as Record<string, unknown>), base },
  };
}

/** Parse sweep text (YAML or JSON) and resolve it. */
export function parseSweep(text: string, source: string, loadBase: BaseLoader): Sweep {
  return resolveSweep(parseScenarioText(text, source), source, loadBase);
}

/** Describe a point's parameters for tables and messages. */
export function describePoint(p: SweepPoint): string {
  return paramsText(p.params);
}
