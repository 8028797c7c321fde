// `pqms interplanetary`: the Earth–Mars link over the 2021 solar conjunction from real ephemerides;
// bad flags exit 2 naming the flag; same flags and seed, same bytes.
import { describe, expect, it } from "vitest";
import { runCli as runInProcess } from "../../../test/helpers/cli-in-process.js";

async function runCli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runInProcess(args);
  return { out: r.stdout, err: r.stderr, code: r.code };
}

interface Result {
  lightTimeS: { min: number; median: number; max: number };
  linkDown: { start: string; end: string; cause: string }[];
  umtResidualS: { p50Abs: number; p99Abs: number };
  beside: { paperS: number; p99OverPaper: number };
  latencyAcrossGapS: { floorMin: number; floorOverPaper: number };
}

describe("pqms interplanetary", () => {
  const args = ["interplanetary", "--from", "2021-09-20", "--days", "40", "--step-hours", "24", "--json"];

  it("reports the 2021 conjunction outage, the light-time range and the residual beside 100 fs", async () => {
    const { out, code } = await runCli(args);
    expect(code).toBe(0);
    const r = JSON.parse(out) as Result;
    expect(r.linkDown.length).toBe(1);
    expect(r.linkDown[0]!.cause).toBe("sun-exclusion");
    expect(Date.parse(r.linkDown[0]!.start)).toBeLessThan(Date.parse("2021-10-08T00:00:00Z"));
    expect(Date.parse(r.linkDown[0]!.end)).toBeGreaterThan(Date.parse("2021-10-08T00:00:00Z"));
    // Mars's orbit bounds the distance: ≤ (1.666 + 1.017) au ≈ 1 339 s; near conjunction > 2.4 au ≈ 1 198 s.
    expect(r.lightTimeS.max).toBeLessThan(1339);
    expect(r.lightTimeS.max).toBeGreaterThan(1198);
    expect(r.lightTimeS.min).toBeLessThanOrEqual(r.lightTimeS.median);
    expect(r.beside.p99OverPaper).toBeCloseTo(r.umtResidualS.p99Abs / 100e-15, 6);
    expect(r.latencyAcrossGapS.floorMin).toBe(r.lightTimeS.min);
    expect(r.latencyAcrossGapS.floorOverPaper).toBeGreaterThan(1e11); // > 1198 s against 1 ns
    const again = await runCli(args);
    expect(again.out).toBe(out);
  });

  it("rejects bad flags with exit 2 naming the flag", async () => {
    for (const [flag, value] of [["--from", "yesterday"], ["--days", "1000"], ["--clock", "sundial"], ["--frequency-gain", "3"], ["--exclusion-deg", "-1"]] as const) {
      const bad = ["interplanetary", "--from", "2021-09-20", "--json"];
      const i = bad.indexOf(flag);
      if (i >= 0) bad[i + 1] = value; else bad.push(flag, value);
      const { code, err } = await runCli(bad);
      expect(code).toBe(2);
      expect(err).toContain(flag);
    }
  });
});
