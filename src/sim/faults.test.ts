/** Fault schedules: seeded generation, JSON round trip, CME rings over the +Grid. */
import { describe, expect, it } from "vitest";
import { cmeRings, exponentialGapS, generateFaults, parseFaultSchedule } from "./faults.js";

const plan = { durationS: 600, nodes: 10_000, nodeMtbfS: 3e4, leaderCrashes: 2, smcDownS: 60, cmes: 1 };

describe("fault schedules", () => {
  it("are a pure function of the seed and survive a JSON round trip", () => {
    const a = generateFaults(7, plan);
    expect(generateFaults(7, plan)).toEqual(a);
    expect(parseFaultSchedule(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(generateFaults(8, plan)).not.toEqual(a);
  });
  it("draw node failures at rate N/MTBF (600 s · 10^4 / 3·10^4 s = 200 expected)", () => {
    const n = generateFaults(1, plan).faults.filter((f) => f.kind === "nodeFail").length;
    expect(Math.abs(n - 200)).toBeLessThan(5 * Math.sqrt(200));
  });
  it("reject an edited file with a bad field, naming where", () => {
    expect(() => parseFaultSchedule({ version: 1, seed: 1, faults: [{ kind: "smcCrash", atS: 1, smc: 9, downS: 1 }] })).toThrow(/faults:faults.0.smc/);
  });
  it("CME rings: ring r of a grid has 4r nodes (hand count), contiguous", () => {
    const rings = cmeRings(5 * 100 + 50, 3, 80, 100);
    expect(rings.map((r) => r.length)).toEqual([1, 4, 8, 12]);
    expect(rings[1]).toEqual(expect.arrayContaining([450, 650, 549, 551]));
  });
  it("exponential gaps by inverse CDF with the portable log: −ln(1 − ½)/λ = ln 2/λ to the last bit", () => {
    expect(exponentialGapS(0.5, 1)).toBe(0.6931471805599453); // ln 2 correctly rounded
    expect(exponentialGapS(0.75, 2)).toBe(0.6931471805599453); // −ln(¼)/2 = ln 2
    expect(exponentialGapS(0, 3) === 0).toBe(true);
  });
});
