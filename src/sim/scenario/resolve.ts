/**
 * Parse and resolve a scenario: text (YAML or JSON) → validated object → resolved scenario with
 * every default filled, or an `InputError` listing EVERY problem as `path: expected …, got …`.
 * Pure (no files): reading a scenario file is store/scenario-file.ts's job.
 */
import { parseDocument } from "yaml";
import { InputError, describeValue, type Issue } from "../../errors.js";
import { scenarioSchema, type Scenario } from "./schema.js";
import { zodIssuesToIssues } from "./issues.js";
import { crossSectionIssues } from "./cross-section-rules.js";

/** Largest number of recorded samples or checkpoints one run may ask for. */
export const SAMPLES_MAX = 10_000_000;
/** One node-state array must fit in 1 GiB (N·d·16 bytes), as model/resonance requires. */
const STATE_BYTES_MAX = 2 ** 30;

/**
 * Parse YAML (JSON is YAML) into plain data. Syntax errors, duplicate keys and aliases that
 * expand too far become an InputError naming `source:line:column`.
 */
export function parseScenarioText(text: string, source = "scenario"): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      const where = pos ? `${source}:${pos.line}:${pos.col}` : source;
      return { path: where, expected: "valid YAML or JSON", got: (e.message.split("\n")[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, "") };
    }), `cannot parse ${source}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved or exploding aliases surface only when the document is converted.
    throw InputError.of(source, "valid YAML or JSON", `~${e instanceof Error ? e.message : String(e)}`, `cannot parse ${source}`);
  }
}

/** Validate and fill defaults; throws InputError listing every problem. */
export function resolveScenario(input: unknown, source = "scenario"): Scenario {
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  if (!r.success) throw new InputError(zodIssuesToIssues(r.error.issues, scenarioSchema), `invalid scenario ${source}`);
  const issues = crossFieldIssues(r.data);
  if (issues.length > 0) throw new InputError(issues, `invalid scenario ${source}`);
  return r.data;
}

/** Text → resolved scenario. */
export function parseScenario(text: string, source = "scenario"): Scenario {
  return resolveScenario(parseScenarioText(text, source), source);
}

function wholeNs(s: number): boolean {
  const ns = s * 1e9;
  return Math.abs(ns - Math.round(ns)) <= 1e-6 * Math.max(1, Math.abs(ns));
}

/** Rules that involve more than one field (zod checks each field alone). */
function crossFieldIssues(sc: Scenario): Issue[] {
  const out: Issue[] = [];
  const add = (path: string, expected: string, got: unknown) => out.push({ path, expected, got: describeValue(got) });
  const { run, mesh, odos } = sc;
  const tickNs = Math.round(run.tickS * 1e9);
  if (!wholeNs(run.tickS)) add("run.tickS", "a whole number of nanoseconds (kernel time is integer ns)", run.tickS);
  // The other intervals are checked against the tick only when the tick itself is valid.
  for (const key of wholeNs(run.tickS) ? (["sampleEveryS", "checkpointEveryS", "durationS"] as const) : []) {
    const ns = Math.round(run[key] * 1e9);
    if (!wholeNs(run[key]) || ns % tickNs !== 0) add(`run.${key}`, `a whole number of ticks (run.tickS = ${run.tickS} s)`, run[key]);
    else if (key !== "durationS" && run.durationS / run[key] > SAMPLES_MAX) add(`run.${key}`, `at most ${SAMPLES_MAX} per run (run.durationS / run.${key}); got ${Math.round(run.durationS / run[key])}`, run[key]);
  }
  if (mesh.topology === "clusters" && mesh.clusterSize > mesh.nodes) {
    add("mesh.clusterSize", `at most mesh.nodes (${mesh.nodes}) for topology "clusters" (set it to ${mesh.nodes} for one cluster)`, mesh.clusterSize);
  }
  if (mesh.topology !== "complete" && mesh.neighbours >= Math.min(mesh.nodes, mesh.topology === "clusters" ? mesh.clusterSize : mesh.nodes)) {
    add("mesh.neighbours", `fewer than the nodes of a ring (${mesh.topology === "clusters" ? "mesh.clusterSize" : "mesh.nodes"} = ${mesh.topology === "clusters" ? mesh.clusterSize : mesh.nodes})`, mesh.neighbours);
  }
  if (mesh.nodes * mesh.dim * 16 > STATE_BYTES_MAX) {
    add("mesh.nodes", `N·dim·16 bytes ≤ 1 GiB for the node states (N ≤ ${Math.floor(STATE_BYTES_MAX / 16 / mesh.dim)} at dim ${mesh.dim})`, mesh.nodes);
  }
  if (mesh.blocks > mesh.nodes) add("mesh.blocks", `at most mesh.nodes (${mesh.nodes}): a block holds at least one node`, mesh.blocks);
  if (run.threads > mesh.blocks) add("run.threads", `at most mesh.blocks (${mesh.blocks}): threads share the mesh's node blocks (set mesh.blocks > 1 to use threads)`, run.threads);
  if (odos.stormDeltaEThreshold > odos.deltaEThreshold) add("odos.stormDeltaEThreshold", `≤ odos.deltaEThreshold (${odos.deltaEThreshold}): a storm tightens the threshold`, odos.stormDeltaEThreshold);
  out.push(...crossSectionIssues(sc));
  return out;
}
