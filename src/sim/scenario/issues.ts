/**
 * Turn zod's validation issues into pqms `Issue`s: `path: expected …, got …`.
 *
 * The "expected" text is read from the JSON Schema of the scenario at the issue's path (type,
 * bounds, enum), so it states the whole rule (`integer in [2, 10000000]`) rather than only the
 * bound that failed; "got" renders the offending input. One zod issue about unknown keys becomes
 * one Issue per key.
 */
import { z } from "zod";
import { describeValue, type Issue } from "../../errors.js";

/** The subset of JSON Schema that zod emits for our scenario. */
interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
}

/** Render a path for humans: `mesh.nodes`, `faults[3].atS`; the root is `(scenario)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out === "" ? "" : "."}${String(p)}`;
  return out === "" ? "(scenario)" : out;
}

function nodeAt(root: JsonNode, path: ReadonlyArray<PropertyKey>): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const p of path) node = typeof p === "string" ? node?.properties?.[p] : undefined;
  return node;
}

function range(n: JsonNode): string {
  const lo = n.minimum ?? n.exclusiveMinimum;
  const hi = n.maximum ?? n.exclusiveMaximum;
  const loB = n.minimum !== undefined ? "[" : "(";
  const hiB = n.maximum !== undefined ? "]" : ")";
  if (lo !== undefined && hi !== undefined) return ` in ${loB}${lo}, ${hi}${hiB}`;
  if (lo !== undefined) return ` ${n.minimum !== undefined ? "≥" : ">"} ${lo}`;
  if (hi !== undefined) return ` ${n.maximum !== undefined ? "≤" : "<"} ${hi}`;
  return "";
}

/** What the schema accepts at a node, in words. */
export function describeNode(n: JsonNode): string {
  if (n.enum !== undefined) return `one of ${n.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  switch (n.type) {
    case "integer":
    case "number": {
      const mult = n.multipleOf !== undefined ? `, a multiple of ${n.multipleOf}` : "";
      return `${n.type === "integer" ? "integer" : "number"}${range(n)}${mult}`;
    }
    case "string": {
      const len = n.minLength !== undefined || n.maxLength !== undefined ? ` of length ${n.minLength ?? 0}–${n.maxLength ?? "∞"}` : "";
      return `string${len}`;
    }
    case "boolean":
      return "true or false";
    case "object":
      return `an object${n.properties ? ` with keys from {${Object.keys(n.properties).join(", ")}}` : ""}`;
    default:
      return "a valid value";
  }
}

const jsonCache = new WeakMap<z.ZodType, JsonNode>();

/** Map zod issues of `schema` to pqms Issues. Pass the issues of `safeParse(x, { reportInput: true })`. */
export function zodIssuesToIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): Issue[] {
  let root = jsonCache.get(schema);
  if (root === undefined) {
    root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonNode;
    jsonCache.set(schema, root);
  }
  const out: Issue[] = [];
  for (const iss of issues) {
    const input = (iss as { input?: unknown }).input;
    if (iss.code === "unrecognized_keys") {
      const known = Object.keys(nodeAt(root, iss.path)?.properties ?? {});
      for (const key of iss.keys) {
        out.push({ path: formatPath([...iss.path, key]), expected: `no such key (known keys: ${known.join(", ")})`, got: `an unknown key with value ${describeValue((input as Record<string, unknown> | undefined)?.[key])}` });
      }
      continue;
    }
    const node = nodeAt(root, iss.path);
    const expected = iss.code === "custom" || node === undefined ? iss.message : describeNode(node);
    out.push({ path: formatPath(iss.path), expected, got: "input" in iss ? describeValue(input) : "nothing" });
  }
  return out;
}
