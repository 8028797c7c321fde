import { describe, it, expect } from "vitest";
import { replicateAppendixD, explainAppendixD, midpointAdvantage } from "./appendix-d.js";

describe("replicate appendix-d ", () => {
  const r = replicateAppendixD({ seed: 42 });
  it("midpoint advantage: (300 × 1.4) / (2.55 × 1.01) = 420 / 2.5755 = 163.075", () => {
    expect(midpointAdvantage()).toBeCloseTo(163.075, 3);
  });
  it("paper mode finishes PQMS and starves legacy (D4); physical mode finishes both under the cap", () => {
    expect(r.paper.PQMS.allCompleted).toBe(true);
    expect(r.paper.LEGACY.allCompleted).toBe(false);
    expect(r.physical.pqms.completed && r.physical.legacy.completed).toBe(true);
    expect(r.physical.legacy.peakPowerW).toBeLessThanOrEqual(r.scenario.maxPowerW * (1 + 1e-12));
  });
  it("lists every defect D1…D12 and the report names each", () => {
    expect(r.defects.map((d) => d.id)).toEqual(Array.from({ length: 12 }, (_, i) => `D${i + 1}`));
    const text = explainAppendixD(r);
    for (const d of r.defects) expect(text).toContain(`${d.id} [`);
    expect(text).toContain("numpy seed 42");
  });
  it("is JSON-serialisable without loss of the key numbers", () => {
    const j = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(j.physical.ratios.energy).toBe(r.physical.ratios.energy);
    expect(j.paper.LEGACY.makespanS).toBeNull();
  });
  it("rejects a seed numpy would reject", () => {
    expect(() => replicateAppendixD({ seed: -1 })).toThrow(/seed/);
  });
});
