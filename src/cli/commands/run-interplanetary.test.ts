// `pqms run scenarios/interplanetary.yaml`: the bundled Earth–Mars twin through the program,
// shortened by --set to four days into the 2028 solar conjunction. --json carries the
// `interplanetary` summary (contract: umtResidualS, latencyS, lightTimeS, linkDown, paper,
// verdict); the text summary says what the conjunction does to the "single cognitive unit";
// a bad setting exits 2 naming its path.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../test/helpers/cli-in-process.js";
import type { InterplanetarySummary } from "../../experiments/interplanetary/run-summary.js";

const SHORT = [
  "--set", "interplanetary.epoch=2028-03-11T00:00:00Z", "--set", "run.durationS=345600", "--set", "run.checkpointEveryS=172800",
  "--set", "interplanetary.earth.nodes=100", "--no-report",
];

describe("pqms run scenarios/interplanetary.yaml", () => {
  const db = join(mkdtempSync(join(tmpdir(), "pqms-ip-")), "runs.db");

  it("--json reports the residual, routed latency, light-time, the closed gap and the verdict", async () => {
    const r = await runCli(["run", "scenarios/interplanetary.yaml", ...SHORT, "--json", "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; interplanetary: InterplanetarySummary };
    expect(out.status).toBe("done");
    const ip = out.interplanetary;
    expect(Object.keys(ip)).toEqual(expect.arrayContaining(["umtResidualS", "latencyS", "lightTimeS", "linkDown", "paper", "verdict"]));
    expect(ip.lightTimeS.min).toBeGreaterThan(1180); // 2.36+ au near conjunction
    expect(ip.lightTimeS.max).toBeLessThan(1339);
    expect(ip.linkDown).toHaveLength(1);
    expect(ip.linkDown[0]!.cause).toBe("sun-exclusion");
    expect(Date.parse(ip.linkDown[0]!.start)).toBeGreaterThan(Date.parse("2028-03-11T00:00:00Z"));
    expect(ip.latencyS.across!.median).toBeGreaterThan(ip.lightTimeS.min - 0.1);
    expect(ip.latencyS.earth!.median).toBeLessThan(0.2);
    expect(ip.umtResidualS.p99).toBeGreaterThan(ip.umtResidualS.median);
    expect(ip.residualGrowth.closedMaxAbsS!).toBeGreaterThan(ip.residualGrowth.openMedianAbsS);
    expect(ip.paper).toEqual({ residualS: 100e-15, theorem1S: 10e-15, latencyS: 1e-9 });
    expect(ip.verdict.outcome).toBe("fails");
  });

  it("the text summary names the closed gap and the verdict on the single cognitive unit", async () => {
    const r = await runCli(["run", "scenarios/interplanetary.yaml", ...SHORT, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/100 Earth satellites, 3 Mars sites, from 2028-03-11/);
    expect(r.stdout).toMatch(/gap closed 2028-03-1\d.* sun-exclusion, still closed at the end/);
    expect(r.stdout).toMatch(/fails +Over [\d.]+ days.* the system is not a single cognitive unit: it fails connected/);
  });

  it("a bad setting exits 2 naming the path, what was expected and what was given", async () => {
    const r = await runCli(["run", "scenarios/interplanetary.yaml", "--set", "interplanetary.earth.planes=7", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/interplanetary\.earth\.planes: expected a divisor of interplanetary\.earth\.nodes \(200\)/);
  });
});
