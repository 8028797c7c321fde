import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { InputError } from "../../errors.js";
import { parseScenario, resolveScenario, parseScenarioText } from "./resolve.js";
import { scenarioJsonSchema } from "./schema.js";
import { scenariosMarkdown } from "./docs.js";

const SCENARIOS = join(import.meta.dirname, "../../../scenarios");

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.got}`);
  }
  throw new Error("expected an InputError");
}

describe("resolveScenario: defaults are the paper's values", () => {
  it("fills every default from an empty scenario", () => {
    const s = resolveScenario({});
    expect(s.odos).toEqual({ deltaEThreshold: 0.05, rcfThreshold: 0.95, stormDeltaEThreshold: 0.02 }); // §2.3, §2.1, V2000
    expect(s.mesh.dim).toBe(12); // Appendix A: DIM = 12
    expect(s.mesh.gammaPerS / s.mesh.kappaPerS).toBeCloseTo(1e-3, 15); // Appendix B: γ ≈ 1e-3 ns^-1, κ ≈ 1 ns^-1
    expect(s.umt.driftFs).toBe(10); // Theorem 1
    expect(s.veto.phaseSlipRad).toBe(2 * Math.PI); // §4.2
    expect(s.run.seed).toBe(42);
  });

  it("keeps given values and fills the rest of a section", () => {
    const s = resolveScenario({ mesh: { nodes: 200 } });
    expect(s.mesh.nodes).toBe(200);
    expect(s.mesh.clusterSize).toBe(150);
  });
});

describe("bundled scenarios", () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith(".yaml"));
  it("includes the default, planetary, CME and H2 scenarios", () => {
    expect(files.sort()).toEqual(expect.arrayContaining(["cme-storm.yaml", "h2-protocol.yaml", "planetary-1e5.yaml", "v3000-default.yaml"]));
  });
  it.each(files)("%s resolves", (f) => {
    const s = parseScenario(readFileSync(join(SCENARIOS, f), "utf8"), f);
    expect(s.name).toBe(f.replace(/\.yaml$/, ""));
  });
  it("the planetary scenario has 10^5 nodes (§5.1) and H2 has 100 (§6.2)", () => {
    expect(parseScenario(readFileSync(join(SCENARIOS, "planetary-1e5.yaml"), "utf8")).mesh.nodes).toBe(1e5);
    expect(parseScenario(readFileSync(join(SCENARIOS, "h2-protocol.yaml"), "utf8")).mesh.nodes).toBe(100);
  });
  it("planetary-192 is the paper's node size (§2.1: 192 dimensions) at its scale (§5.1: 10^5 nodes)", () => {
    const s = parseScenario(readFileSync(join(SCENARIOS, "planetary-192.yaml"), "utf8"));
    expect([s.mesh.nodes, s.mesh.dim]).toEqual([1e5, 192]);
  });
});

describe("bad scenarios: every problem named with path, expected, got", () => {
  it("lists all problems at once", () => {
    const p = problems(() => parseScenario("mesh:\n  nodes: -5\n  dim: 2.5\n  topology: torus\n  colour: red\nrun: fast\nextra: 1\n"));
    expect(p).toEqual([
      expect.stringMatching(/^run: expected an object with keys from \{seed, .*\}, got "fast"$/),
      "mesh.nodes: expected integer in [2, 10000000], got -5",
      "mesh.dim: expected integer in [2, 4096], got 2.5",
      'mesh.topology: expected one of "clusters", "ring", "complete", got "torus"',
      expect.stringMatching(/^mesh\.colour: expected no such key \(known keys: nodes, dim, .*\), got an unknown key with value "red"$/),
      expect.stringMatching(/^extra: expected no such key/),
    ]);
  });

  it("rejects wrong types with the type expected", () => {
    expect(problems(() => resolveScenario({ run: { seed: "42" } }))).toEqual(['run.seed: expected integer in [0, 4294967295], got "42"']);
    expect(problems(() => resolveScenario({ veto: { enabled: "yes" } }))).toEqual(['veto.enabled: expected true or false, got "yes"']);
    expect(problems(() => resolveScenario([]))[0]).toMatch(/^\(scenario\): expected an object .* got an array of length 0$/);
  });

  it("checks rules across fields", () => {
    expect(problems(() => resolveScenario({ run: { tickS: 1.5e-9, sampleEveryS: 3e-9, checkpointEveryS: 3e-9, durationS: 3e-9 } }))).toEqual([
      "run.tickS: expected a whole number of nanoseconds (kernel time is integer ns), got 1.5e-9",
    ]);
    expect(problems(() => resolveScenario({ run: { sampleEveryS: 2.5e-9 } }))).toEqual(["run.sampleEveryS: expected a whole number of ticks (run.tickS = 1e-9 s), got 2.5e-9"]);
    expect(problems(() => resolveScenario({ mesh: { nodes: 10, clusterSize: 10, neighbours: 10 } }))[0]).toMatch(/^mesh.neighbours: expected fewer than/);
    expect(resolveScenario({ mesh: { nodes: 50 } }).mesh.clusterSize).toBe(50); // default: one cluster when N < 150
    expect(problems(() => resolveScenario({ mesh: { nodes: 50, clusterSize: 150 } }))).toEqual(['mesh.clusterSize: expected at most mesh.nodes (50) for topology "clusters" (set it to 50 for one cluster), got 150']);
    expect(problems(() => resolveScenario({ mesh: { nodes: 9_000_000, dim: 192 } }))[0]).toMatch(/^mesh.nodes: expected N·dim·16 bytes ≤ 1 GiB/);
    expect(problems(() => resolveScenario({ odos: { stormDeltaEThreshold: 0.1 } }))[0]).toMatch(/^odos.stormDeltaEThreshold: expected ≤ odos.deltaEThreshold/);
  });

  it("reports YAML syntax errors with line and column", () => {
    expect(problems(() => parseScenarioText("run:\n  seed: [1, 2\nmesh: {}\n", "bad.yaml"))[0]).toMatch(/^bad\.yaml:\d+:\d+: expected valid YAML or JSON, got /);
    expect(problems(() => parseScenarioText("run: {}\nrun: {}\n", "dup.yaml"))[0]).toMatch(/^dup\.yaml:2:1: .*unique/);
  });

  it("accepts JSON as well as YAML", () => {
    expect(parseScenario('{"mesh": {"nodes": 64}}').mesh.nodes).toBe(64);
  });
});

// Fuzz: malformed scenarios of every shape. The property: resolution either succeeds or throws an
// InputError whose every issue names a path; never another exception (a crash).
describe("fuzz: thousands of malformed scenarios", () => {
  const scalar = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(Number.NaN));
  const key = fc.constantFrom("run", "mesh", "odos", "umt", "veto", "name", "model", "seed", "nodes", "dim", "durationS", "tickS", "gammaPerS", "topology", "x", "__proto__", "constructor");
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(key, tie("v"), { maxKeys: 4 })),
  })).v;
  const almostValid = fc.record({
    run: fc.record({ seed: scalar, durationS: scalar, tickS: scalar }, { requiredKeys: [] }),
    mesh: fc.record({ nodes: scalar, dim: scalar, neighbours: scalar, topology: scalar }, { requiredKeys: [] }),
    odos: fc.dictionary(key, scalar, { maxKeys: 3 }),
  }, { requiredKeys: [] });

  function check(input: unknown): void {
    try {
      resolveScenario(input);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(e.issues.length).toBeGreaterThan(0);
      for (const i of e.issues) expect(i.path).toMatch(/^(\(scenario\)|[A-Za-z_]\w*)(\.[\w$]+|\[\d+\])*$/);
    }
  }

  it("random JSON values", () => fc.assert(fc.property(value, (v) => check(v)), { numRuns: 3000 }));
  it("scenarios with random field values", () => fc.assert(fc.property(almostValid, (v) => check(v)), { numRuns: 3000 }));
  it("random text as YAML", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (t) => {
      try {
        parseScenario(t);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const i of e.issues) expect(i.path.length).toBeGreaterThan(0);
      }
    }), { numRuns: 2000 });
  });
});

describe("docs/scenario.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema`)", () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, "../../../docs/scenario.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
  it("docs/SCENARIOS.md is up to date too (run `npm run schema`)", () => {
    expect(readFileSync(join(import.meta.dirname, "../../../docs/SCENARIOS.md"), "utf8")).toBe(scenariosMarkdown());
  });
  it("rejects unknown keys in every section (additionalProperties: false)", () => {
    const js = scenarioJsonSchema() as { additionalProperties: boolean; properties: Record<string, { additionalProperties?: boolean }> };
    expect(js.additionalProperties).toBe(false);
    for (const s of ["run", "mesh", "odos", "umt", "veto"]) expect(js.properties[s]?.additionalProperties).toBe(false);
  });
});
