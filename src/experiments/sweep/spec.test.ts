import { describe, it, expect } from "vitest";
import { InputError } from "../../errors.js";
import { gridPoints, resolveSweep, setPath, type BaseLoader } from "./spec.js";

const noFiles: BaseLoader = (ref) => {
  throw new Error(`no file ${ref} in this test`);
};
const base = { run: { durationS: 2e-8, checkpointEveryS: 2e-8 }, mesh: { nodes: 10, clusterSize: 10 } };

describe("sweep files", () => {
  it("expands a grid as the Cartesian product, last key fastest", () => {
    expect(gridPoints({ a: [1, 2], b: ["x", "y", "z"] })).toEqual([
      { a: 1, b: "x" }, { a: 1, b: "y" }, { a: 1, b: "z" }, { a: 2, b: "x" }, { a: 2, b: "y" }, { a: 2, b: "z" },
    ]);
    expect(gridPoints({})).toEqual([{}]);
  });

  it("sets dotted paths on a copy", () => {
    const b = { mesh: { nodes: 3 } };
    expect(setPath(b, "mesh.gammaPerS", 5)).toEqual({ mesh: { nodes: 3, gammaPerS: 5 } });
    expect(setPath(b, "umt.driftFs", 1)).toEqual({ mesh: { nodes: 3 }, umt: { driftFs: 1 } });
    expect(b).toEqual({ mesh: { nodes: 3 } });
  });

  it("gives every point × seed a resolved scenario carrying its parameters and seed", () => {
    const s = resolveSweep({ name: "t", base, set: { "mesh.dim": 4 }, grid: { "mesh.gammaPerS": [1e6, 1e7] }, seeds: 3 }, "t.yaml", noFiles);
    expect(s.points.map((p) => p.params)).toEqual([{ "mesh.gammaPerS": 1e6 }, { "mesh.gammaPerS": 1e7 }]);
    expect(s.seeds).toEqual([1, 2, 3]);
    expect(s.runs.map((r) => [r.point, r.seed, r.scenario.mesh.gammaPerS, r.scenario.run.seed, r.scenario.mesh.dim])).toEqual([
      [0, 1, 1e6, 1, 4], [0, 2, 1e6, 2, 4], [0, 3, 1e6, 3, 4], [1, 1, 1e7, 1, 4], [1, 2, 1e7, 2, 4], [1, 3, 1e7, 3, 4],
    ]);
    const listed = resolveSweep({ name: "t", base, points: [{ "mesh.kappaPerS": 2e9 }], seeds: [42, 7] }, "t.yaml", noFiles);
    expect(listed.runs.map((r) => [r.scenario.mesh.kappaPerS, r.scenario.run.seed])).toEqual([[2e9, 42], [2e9, 7]]);
  });

  it("loads a named base through the loader", () => {
    const s = resolveSweep({ name: "t", base: "small", seeds: 1 }, "t.yaml", () => ({ input: base, source: "small.yaml" }));
    expect(s.runs[0]?.scenario.mesh.nodes).toBe(10);
  });

  it("names every problem: sweep fields, then each bad point by its parameters and path", () => {
    const bad = (x: unknown) => {
      try {
        resolveSweep(x, "bad.yaml", noFiles);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error("accepted");
    };
    expect(bad({ name: "t", base, seeds: 0 })).toMatch(/seeds/);
    expect(bad({ name: "t", base, seeds: 1, grid: { "mesh.nodes": [4] }, points: [{ "mesh.nodes": 4 }] })).toMatch(/grid: expected either grid or points, not both/);
    expect(bad({ name: "t", base, seeds: 1, grid: { "run.seed": [1, 2] } })).toMatch(/run\.seed: expected seeds set by `seeds:`/);
    expect(bad({ name: "t", base, seeds: [3, 3] })).toMatch(/seeds: expected distinct seeds/);
    expect(bad({ name: "t", base, seeds: 1, grid: { nodes: [4] } })).toMatch(/dotted scenario path/);
    expect(bad({ name: "t", base, seeds: 2, grid: { "mesh.gammaPerS": [1e6, -1] } })).toMatch(/point 1 \(mesh\.gammaPerS = -1\): mesh\.gammaPerS: expected number in \[0, 1000000000000000000\], got -1/);
    expect(bad({ name: "t", base, seeds: 1, set: { "mesh.colour": 1 } })).toMatch(/point 0 \(the base\): mesh\.colour: expected no such key/);
    expect(bad({ name: "t", base, seeds: 1000, grid: { "mesh.dim": Array.from({ length: 200 }, (_, i) => i + 2) } })).toMatch(/at most 100000 runs/);
  });
});
