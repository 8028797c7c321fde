/**
 * docs/SCENARIOS.md, generated from the schema (`npm run schema`), so the field reference can
 * never drift from the validator. Pure: returns the Markdown text.
 */
import { scenarioJsonSchema } from "./schema.js";

interface Node {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  properties?: Record<string, Node>;
}

function rule(n: Node): string {
  if (n.enum) return n.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  const parts: string[] = [n.type ?? "any"];
  if (n.minimum !== undefined) parts.push(`≥ ${n.minimum}`);
  if (n.exclusiveMinimum !== undefined) parts.push(`> ${n.exclusiveMinimum}`);
  if (n.maximum !== undefined) parts.push(`≤ ${n.maximum}`);
  if (n.exclusiveMaximum !== undefined) parts.push(`< ${n.exclusiveMaximum}`);
  if (n.multipleOf !== undefined) parts.push(`multiple of ${n.multipleOf}`);
  return parts.join(", ");
}

const INTRO = `# Scenarios

A scenario is one run of the PQMS-V3000 twin: a YAML or JSON file validated by a strict schema
(\`src/sim/scenario/schema.ts\`, exported as [scenario.schema.json](scenario.schema.json) for
editors). Every field has a default, the paper's value where the paper states one, so \`{}\` is a
valid scenario; unknown keys are errors (a typo never silently falls back to a default). Units
are in the names (\`durationS\`, \`gammaPerS\`, \`driftFs\`).

\`pqms run FILE\` resolves the scenario (all defaults filled) and stores the resolved form with the
run, so a run is a pure function of (resolved scenario, seed, code version). Bundled scenarios can
be named without a path: \`pqms run cme-storm\`.

| scenario | what |
| --- | --- |
| \`v3000-default\` | the paper's architecture (§2.1, §2.3, §3.2, Appendix B) at N = 1000 (Appendix A), about a minute |
| \`planetary-1e5\` | 10^5 nodes (§5.1), hierarchical coherence, 16 blocks on 2 threads |
| \`planetary-192\` | 10^5 nodes of dimension 192 (§2.1, §5.1): the paper's node size at its scale, about 300 MB of state |
| \`planetary-density\` | 10^5 nodes of d = 12 density matrices on Appendix B's own linear equation (\`mesh.coupling: density\`), Tr(ρ_iρ_j) and Uhlmann F² side by side |
| \`cme-storm\` | storm conditions: ΔE threshold 0.02 (V2000), raised γ, 100 fs clocks (§5.2) |
| \`h2-protocol\` | §6.2's H2 setup: 100 nodes, random initial phases |

## Errors

Every problem is listed at once as \`path: expected …, got …\`, for example

\`\`\`
pqms: invalid scenario bad.yaml: 2 problems
  mesh.nodes: expected integer in [2, 10000000], got -5
  mesh.colour: expected no such key (known keys: nodes, dim, …), got an unknown key with value "red"
\`\`\`

YAML syntax errors name \`file:line:column\`. Rules across fields: \`run.tickS\` is a whole number of
nanoseconds (the kernel's time unit); \`sampleEveryS\`, \`checkpointEveryS\` and \`durationS\` are
whole numbers of ticks; at most 10^7 samples; \`mesh.neighbours\` is below the ring size; the node
states fit in 1 GiB (N·dim·16 bytes); \`odos.stormDeltaEThreshold\` ≤ \`odos.deltaEThreshold\`.

## Adding a section

Later parts (constellation, faults, guardian, energy) add one optional entry to
\`extensionSections\` in \`schema.ts\`, then run \`npm run schema\` to regenerate this page and the
JSON Schema (a test fails while they are out of date).

## Field reference (generated)
`;

/** The full text of docs/SCENARIOS.md. */
export function scenariosMarkdown(): string {
  const root = scenarioJsonSchema() as Node;
  const out = [INTRO];
  const top = Object.entries(root.properties ?? {});
  out.push("### top level\n\n| field | accepts | default | meaning |\n| --- | --- | --- | --- |");
  for (const [k, n] of top) if (n.type !== "object") out.push(`| \`${k}\` | ${rule(n)} | ${n.default === undefined ? "—" : `\`${JSON.stringify(n.default)}\``} | ${n.description ?? ""} |`);
  for (const [section, s] of top) {
    if (s.type !== "object") continue;
    out.push(`\n### \`${section}\`\n\n${s.description ?? ""}\n\n| field | accepts | default | meaning |\n| --- | --- | --- | --- |`);
    const rows = (prefix: string, props: Record<string, Node>): void => {
      for (const [k, n] of Object.entries(props)) {
        // Nested objects (umt.sync, umt.sync.oscillator) list their fields under a dotted path.
        if (n.type === "object" && n.properties) rows(`${prefix}.${k}`, n.properties);
        else out.push(`| \`${prefix}.${k}\` | ${rule(n)} | ${n.default === undefined ? "—" : `\`${JSON.stringify(n.default)}\``} | ${(n.description ?? "").replace(/\|/g, "\\|")} |`);
      }
    };
    rows(section, s.properties ?? {});
  }
  return `${out.join("\n")}\n`;
}
