/**
 * Typed errors for every boundary of pqms.
 *
 * A user mistake (a bad file, flag, HTTP body or API argument) is a `PqmsError`: it names
 * what was wrong, where, what was expected and what was got. The CLI and the server turn it
 * into a one-line message and an exit code / HTTP status, never a stack trace.
 * Programmer errors (broken invariants) use `assert` and crash loudly instead.
 *
 * This file is the base of the layer stack: every layer may import it.
 */

/** Base class of all expected, user-facing errors. */
export class PqmsError extends Error {
  /** Stable machine-readable code, e.g. `E_INPUT`, `E_DIMENSION`, `E_SOLVER`. */
  readonly code: string;
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(message: string, code = "E_PQMS", exitCode = 2) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** One problem with an input: what/where, expected, got. */
export interface Issue {
  /** Where the problem is: an argument name, a flag, or a dotted path in a file (`mesh.nodes`). */
  readonly path: string;
  /** What would have been accepted. */
  readonly expected: string;
  /** What was given, rendered for a human. */
  readonly got: string;
}

/** Render any value briefly for an error message (`got …`). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as { length: number }).length}`;
  return `an object with keys {${Object.keys(value as object).slice(0, 6).join(", ")}}`;
}

/** A bad input: names every problem with its path, expected and got. */
export class InputError extends PqmsError {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], context?: string) {
    const lines = issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.got}`);
    const head = context ? `${context}: ` : "";
    super(issues.length === 1 ? `${head}${lines[0]}` : `${head}${issues.length} problems\n  ${lines.join("\n  ")}`, "E_INPUT", 2);
    this.issues = issues;
  }

  /** Shorthand for a single problem; `got` is rendered with `describeValue`. */
  static of(path: string, expected: string, got: unknown, context?: string): InputError {
    return new InputError([{ path, expected, got: typeof got === "string" && got.startsWith("~") ? got.slice(1) : describeValue(got) }], context);
  }
}

/** Shapes of matrices/vectors/operators that do not fit together. */
export class DimensionError extends PqmsError {
  constructor(readonly what: string, readonly expected: string, readonly got: string) {
    super(`${what}: expected ${expected}, got ${got}`, "E_DIMENSION", 2);
  }
}

/** A numerical procedure could not finish (step budget, no convergence, singular system). */
export class SolverError extends PqmsError {
  constructor(message: string) {
    super(message, "E_SOLVER", 3);
  }
}

/** A named thing (run id, scenario, artifact) that does not exist. */
export class NotFoundError extends PqmsError {
  constructor(readonly kind: string, readonly id: string, hint?: string) {
    super(`${kind} '${id}' not found${hint ? ` (${hint})` : ""}`, "E_NOT_FOUND", 4);
  }
}

/**
 * A run store file that cannot be used: not a pqms store, corrupt, or not writable. Names the
 * file and what to do; exit code 6 (not 70: the program is fine, the file is not).
 */
export class StoreError extends PqmsError {
  constructor(readonly file: string, readonly problem: "not-a-store" | "corrupt" | "not-writable" | "busy", message: string) {
    super(message, "E_STORE", 6);
  }
}

/** Invariant check for programmer errors: throws a plain Error (a bug, not a user mistake). */
export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new Error(`pqms internal assertion: ${message}`);
}

/** Validate that `x` is a finite number; otherwise an InputError naming `path`. */
export function requireFinite(x: unknown, path: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw InputError.of(path, "a finite number", x);
  return x;
}

/** Validate an integer in [min, max]; the message states the limit and, when given, why. */
export function requireInt(x: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER, why?: string): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
    throw InputError.of(path, why ? `${range} (${why})` : range, x);
  }
  return x;
}
