/**
 * Request bodies, validated at the edge: every problem is an InputError naming the field
 * (`body.seed`), what was expected and what came, exactly like a bad CLI flag. Unknown fields are
 * refused rather than ignored, so a typo never passes silently.
 */
import { InputError, describeValue, type Issue } from "../errors.js";
import { SEED_MAX } from "../sim/scenario/index.js";
import { HYPOTHESIS_IDS, REPLICATES_MAX, type HypothesisId } from "../experiments/falsify/index.js";

/** Largest scenario text accepted (bytes of UTF-16 code units; the body limit bounds it too). */
export const SCENARIO_TEXT_MAX = 256 * 1024;

type Field = (v: unknown, path: string, out: Issue[]) => void;

function issue(out: Issue[], path: string, expected: string, got: unknown): void {
  out.push({ path, expected, got: describeValue(got) });
}

/** Check `body` is an object with only `fields`, each passing its check. */
function checkObject(body: unknown, fields: Record<string, Field>, required: readonly string[] = []): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw InputError.of("body", `a JSON object with keys {${Object.keys(fields).join(", ")}}`, body);
  const o = body as Record<string, unknown>;
  const out: Issue[] = [];
  for (const k of Object.keys(o)) if (!(k in fields)) out.push({ path: `body.${k}`, expected: `one of the keys {${Object.keys(fields).join(", ")}}`, got: `unknown key '${k}'` });
  for (const k of required) if (o[k] === undefined) issue(out, `body.${k}`, "a value (required)", undefined);
  for (const [k, check] of Object.entries(fields)) if (o[k] !== undefined) check(o[k], `body.${k}`, out);
  if (out.length > 0) throw new InputError(out, "invalid request body");
  return o;
}

const scenarioField: Field = (v, path, out) => {
  if (typeof v === "string") {
    if (v.length === 0 || v.length > SCENARIO_TEXT_MAX) issue(out, path, `a bundled scenario name or YAML/JSON text of 1–${SCENARIO_TEXT_MAX} characters`, v);
  } else if (typeof v !== "object" || v === null || Array.isArray(v)) {
    issue(out, path, "a bundled scenario name, YAML/JSON text, or a scenario object", v);
  }
};

const seedField: Field = (v, path, out) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > SEED_MAX) issue(out, path, `an integer in [0, ${SEED_MAX}]`, v);
};

/** POST /api/runs and /api/scenarios/validate. */
export interface ScenarioBody {
  /** Bundled name, YAML/JSON text, or the scenario as an object. */
  readonly scenario?: string | Record<string, unknown>;
  readonly seed?: number;
}

/** An absent body (no content) means "all defaults"; a JSON `null`, array or scalar is refused. */
function orEmpty(body: unknown): unknown {
  return body === undefined ? {} : body;
}

export function parseRunBody(body: unknown): ScenarioBody {
  return checkObject(orEmpty(body), { scenario: scenarioField, seed: seedField }) as ScenarioBody;
}

export function parseValidateBody(body: unknown): Required<Pick<ScenarioBody, "scenario">> {
  return checkObject(body, { scenario: scenarioField }, ["scenario"]) as Required<Pick<ScenarioBody, "scenario">>;
}

/** POST /api/falsify. */
export interface FalsifyBody {
  readonly hypotheses: HypothesisId[];
  readonly replicates?: number;
  readonly seed?: number;
}

export function parseFalsifyBody(body: unknown): FalsifyBody {
  const o = checkObject(orEmpty(body), {
    hypotheses: (v, path, out) => {
      if (!Array.isArray(v) || v.length === 0 || v.length > 3 || !v.every((h) => (HYPOTHESIS_IDS as readonly unknown[]).includes(h))) issue(out, path, "a non-empty array of H1, H2, H3", v);
    },
    replicates: (v, path, out) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 2 || v > REPLICATES_MAX) issue(out, path, `an integer in [2, ${REPLICATES_MAX}] (a t-test needs at least 2)`, v);
    },
    seed: (v, path, out) => {
      if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) issue(out, path, "a non-negative safe integer", v);
    },
  });
  return { hypotheses: (o.hypotheses as HypothesisId[] | undefined) ?? [...HYPOTHESIS_IDS], replicates: o.replicates as number | undefined, seed: o.seed as number | undefined };
}

/** POST /api/falsify/h2-sensitivity: nodes per point (3–200 on the server), replicates per point (2–10), seed. */
export interface SensitivityBody {
  readonly nodes?: number;
  readonly seeds?: number;
  readonly seed?: number;
}

export const SENSITIVITY_SERVER_NODES_MAX = 200;
export const SENSITIVITY_SERVER_SEEDS_MAX = 10;

export function parseSensitivityBody(body: unknown): SensitivityBody {
  const int = (min: number, max: number, why: string) => (v: unknown, path: string, out: Issue[]) => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) issue(out, path, `an integer in [${min}, ${max}] (${why})`, v);
  };
  const o = checkObject(orEmpty(body), {
    nodes: int(3, SENSITIVITY_SERVER_NODES_MAX, "nodes per point; larger sweeps belong to the CLI"),
    seeds: int(2, SENSITIVITY_SERVER_SEEDS_MAX, "replicates per point; a t-test needs at least 2"),
    seed: (v, path, out) => {
      if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) issue(out, path, "a non-negative safe integer", v);
    },
  });
  return { nodes: o.nodes as number | undefined, seeds: o.seeds as number | undefined, seed: o.seed as number | undefined };
}

/** A query integer (`?limit=`), with its bounds. */
export function queryInt(v: unknown, path: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw InputError.of(path, `an integer in [${min}, ${max}]`, v);
  return n;
}

/** POST /api/improve: technology assumptions to override, `{ set: { name: value } }`. */
export interface ImproveBody {
  readonly set: Readonly<Record<string, string>>;
}

/** At most this many overrides in one request (there are fewer assumptions than this). */
export const IMPROVE_SET_MAX = 64;

export function parseImproveBody(body: unknown): ImproveBody {
  const o = checkObject(orEmpty(body), {
    set: (v, path, out) => {
      if (typeof v !== "object" || v === null || Array.isArray(v) || Object.keys(v).length > IMPROVE_SET_MAX) {
        issue(out, path, `an object of at most ${IMPROVE_SET_MAX} { assumption: number or string }`, v);
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        if (!(typeof x === "string" && x.length <= 64) && !(typeof x === "number" && Number.isFinite(x))) issue(out, `${path}.${k}`, "a finite number or a string of at most 64 characters", x);
      }
    },
  });
  const set = (o.set ?? {}) as Record<string, string | number>;
  return { set: Object.fromEntries(Object.entries(set).map(([k, x]) => [k, String(x)])) };
}
