/**
 * `pqms run --set path=value` applies dotted scenario paths before the scenario is resolved,
 * validated exactly as a sweep's `set:` (experiments/sweep/spec.ts); `pqms resume --set` is refused
 * with a typed error (a resumed run continues its stored scenario).
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { resolveSweep } from "../../experiments/sweep/spec.js";
import { parseScenarioText, resolveScenario } from "../../sim/scenario/index.js";
import { buildProgram } from "../program.js";
import { scenarioWithSets } from "./run.js";

const BASE = "name: t\nrun: { seed: 5, durationS: 2.0e-8 }\nmesh: { nodes: 20, clusterSize: 10 }\n";

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("pqms run --set", () => {
  it("sets dotted paths (numbers in YAML form, booleans, words) before defaults are filled", () => {
    const sc = scenarioWithSets(BASE, ["run.durationS=1e-6", "run.sampleEveryS=1e-8", "veto.enabled=false", "mesh.topology=ring"]);
    expect(sc.run.durationS).toBe(1e-6);
    expect(sc.run.sampleEveryS).toBe(1e-8);
    expect(sc.veto.enabled).toBe(false);
    expect(sc.mesh.topology).toBe("ring");
    // Untouched fields keep the file's values; the same settings without --set resolve the same.
    expect(sc.mesh.nodes).toBe(20);
    const direct = resolveScenario({ ...(parseScenarioText(BASE) as object), run: { seed: 5, durationS: 1e-6, sampleEveryS: 1e-8 }, veto: { enabled: false }, mesh: { nodes: 20, clusterSize: 10, topology: "ring" } });
    expect(sc).toEqual(direct);
  });

  it("gives the same scenario as a sweep point with the same set", () => {
    const sc = scenarioWithSets(BASE, ["mesh.gammaPerS=2e6"]);
    const sweep = resolveSweep({ name: "s", base: parseScenarioText(BASE) as Record<string, unknown>, set: { "mesh.gammaPerS": 2e6 }, seeds: [5] }, "(test)", () => ({ input: {}, source: "" }));
    expect(sc).toEqual(sweep.runs[0]!.scenario);
  });

  it("refuses bad settings with typed errors naming what and where", () => {
    expect(inputError(() => scenarioWithSets(BASE, ["run.durationS"])).issues[0]!.path).toBe("--set");
    expect(inputError(() => scenarioWithSets(BASE, ["run.durationS="])).issues[0]!.path).toBe("--set run.durationS");
    expect(inputError(() => scenarioWithSets(BASE, ["mesh.nodes=[1, 2]"])).issues[0]!.expected).toMatch(/a number, true\/false, or text/);
    expect(inputError(() => scenarioWithSets(BASE, ["nodes=5"])).issues[0]).toMatchObject({ path: "--set.nodes", expected: expect.stringMatching(/dotted scenario path/) });
    expect(inputError(() => scenarioWithSets(BASE, ["run.seed=3"])).issues[0]).toMatchObject({ path: "run.seed", expected: expect.stringMatching(/--seed/) });
    const e = inputError(() => scenarioWithSets(BASE, ["run.durationS=-1"]));
    expect(e.issues[0]!.path).toBe("run.durationS");
    expect(e.message).toMatch(/run.durationS = -1/);
    expect(inputError(() => scenarioWithSets(BASE, ["mesh.noSuchField=1"])).message).toMatch(/noSuchField/);
  });

  it("pqms resume refuses --set with a typed error before opening any store", async () => {
    const program = buildProgram();
    program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    const err = await program.parseAsync(["node", "pqms", "resume", "run-x", "--set", "run.durationS=1e-6", "--db", "/nonexistent/dir/runs.db"]).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ path: "--set", got: expect.stringContaining("run.durationS=1e-6") });
  });
});
