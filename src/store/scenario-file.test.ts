import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario, bundledScenarioNames } from "./scenario-file.js";
import { InputError, NotFoundError } from "../errors.js";

describe("loadScenario", () => {
  it("loads the default scenario by name when none is given", () => {
    const { scenario, source } = loadScenario();
    expect(scenario.name).toBe("v3000-default");
    expect(source).toMatch(/scenarios[/\\]v3000-default\.yaml$/);
    expect(bundledScenarioNames()).toEqual(expect.arrayContaining(["cme-storm", "h2-protocol", "planetary-1e5", "v3000-default"]));
  });

  it("loads a path, YAML text or JSON text", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-sc-"));
    const p = join(dir, "s.json");
    writeFileSync(p, '{"mesh": {"nodes": 64}}');
    expect(loadScenario(p).scenario.mesh.nodes).toBe(64);
    expect(loadScenario("mesh:\n  nodes: 32\n").scenario.mesh.nodes).toBe(32);
    expect(loadScenario('{"run": {"seed": 1}}').scenario.run.seed).toBe(1);
  });

  it("names a missing file and lists the bundled scenarios", () => {
    expect(() => loadScenario("no/such/file.yaml")).toThrow(NotFoundError);
    expect(() => loadScenario("nosuch")).toThrow(/scenario file 'nosuch' not found \(bundled scenarios: .*v3000-default/);
  });

  it("prefixes problems with the file they are in", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-sc-"));
    const p = join(dir, "bad.yaml");
    writeFileSync(p, "mesh:\n  nodes: -5\n");
    expect(() => loadScenario(p)).toThrow(InputError);
    expect(() => loadScenario(p)).toThrow(/invalid scenario .*bad\.yaml: mesh\.nodes: expected integer in \[2, 10000000\], got -5/);
  });
});
