/** `pqms improve` end to end: the --json shape the issue names, --set moving a figure, a bad --set exiting 2. */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(join(tmpdir(), "pqms-improve-"));
const pqms = (...args: string[]) => new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
  execFile("npx", ["tsx", "src/cli/main.ts", "improve", ...args, "--out", out, "--scenario", join(out, "v3000-buildable.yaml")], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
    done({ status: err === null ? 0 : typeof err.code === "number" ? err.code : -1, stdout, stderr });
  });
});

describe("pqms improve", () => {
  it("--json gives changes with setBy, the scenario and hypotheses; --set moves photons per operation", async () => {
    const r = await pqms("--json", "--set", "readoutError=1e-6");
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["changes", "scenario", "hypotheses"]));
    const photons = j.changes.find((c: { claim: string }) => c.claim === "s22-photons-per-op");
    expect(Object.keys(photons)).toEqual(expect.arrayContaining(["claim", "paperValue", "achievable", "unit", "ratio", "setBy"]));
    expect(photons.achievable).toBeCloseTo(Math.log(1 / 2e-6) / 0.93, 9);
    expect(photons.setBy.map((s: { name: string }) => s.name)).toEqual(["readoutError", "detectorEfficiency"]);
    expect(j.simulations.map((c: { claim: string }) => c.claim)).toEqual(["abs-system-rcf", "s21-theorem1", "s62-h2"]);
    expect(j.simulations[2].inputs.clockErrorStdFs).toBeCloseTo(Math.hypot(1e-12, 1e-12, 0.01 / 299_792_458) * 1e15, 6);
    expect(j.coherence).toHaveLength(7);
    expect(j.coherence[0].rcfMean).toBeGreaterThan(j.coherence[6].rcfMean); // a larger residual costs coherence
    expect(j.hypotheses.map((h: { id: string }) => h.id)).toEqual(["H1", "H2", "H3"]);
    expect(readFileSync(join(out, "v3000-buildable.yaml"), "utf8")).toBe(j.scenario.yaml);
  }, 180_000);
  it("an unknown --set exits 2 with a one-line message", async () => {
    const bad = await pqms("--set", "qe=0.5");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--set qe: expected a technology assumption/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);
});
