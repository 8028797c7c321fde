/**
 * The audit computes every verdict: each verdict other than "physically impossible" and
 * "untestable in software" is judge() of the claim's comparison, stated verdicts carry their law or
 * reason, and every input a claim shows reaches what recompute() returns.
 */
import { describe, it, expect } from "vitest";
import { CLAIMS, evaluateClaim, runAudit, STATED_VERDICTS, VERDICT_KINDS, type ClaimResult, type Inputs } from "./index.js";
import { judge } from "./compare.js";

const byId = new Map(CLAIMS.map((c) => [c.id, c]));
const claim = (id: string) => {
  const c = byId.get(id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};
const withInput = (id: string, k: string, v: number): ClaimResult => evaluateClaim(claim(id), { ...claim(id).inputs, [k]: v } as Inputs);

/** A different value of the same kind: fractions stay in (0, 1), 0 becomes 1, others × 1.5. */
function nudge(v: number): number {
  if (v > 0 && v < 1) return 1 - (1 - v) / 2;
  return v === 0 ? 1 : v * 1.5;
}

describe("every verdict is derived, or stated with its law or reason", () => {
  const a = runAudit();
  it("no verdict outside the six kinds, none 'testable by simulation'", () => {
    for (const c of a.claims) expect(VERDICT_KINDS, c.id).toContain(c.verdict);
    expect(JSON.stringify(a)).not.toContain("testable by simulation");
  });
  it("derived verdicts and factors are judge(comparison); stated ones are only the two kinds, with law or reason", () => {
    for (const c of a.claims) {
      if (c.basis === "derived") {
        const j = judge(c.comparison!);
        expect(c.verdict, c.id).toBe(j.verdict);
        expect(c.factor, c.id).toBe(j.factor);
      } else {
        expect(STATED_VERDICTS, c.id).toContain(c.verdict);
        expect(c.comparison, c.id).toBeNull();
        if (c.verdict === "physically impossible") expect(c.law?.length, c.id).toBeGreaterThan(10);
        else expect(c.why?.length, c.id).toBeGreaterThan(10);
      }
      if (c.verdict !== "physically impossible" && c.verdict !== "untestable in software") expect(c.basis, c.id).toBe("derived");
    }
  });
  it("every simulation claim is judged as reproduced or contradicted by simulation, with the run's numbers", () => {
    for (const c of a.claims.filter((x) => claim(x.id).cost === "simulation")) {
      expect(["reproduced by simulation", "contradicted by simulation"], c.id).toContain(c.verdict);
      expect(c.simulation, c.id).toMatch(/\d/);
    }
  });
});

describe("the inputs shown are the inputs used", () => {
  it("every numeric input of every instant claim reaches its result", () => {
    for (const c of CLAIMS.filter((x) => x.cost !== "simulation")) {
      const base = evaluateClaim(c);
      for (const [k, v] of Object.entries(c.inputs)) {
        if (typeof v !== "number") continue;
        const r = evaluateClaim(c, { ...c.inputs, [k]: nudge(v) });
        const moved = JSON.stringify([r.recomputed, r.comparison, r.arithmetic]) !== JSON.stringify([base.recomputed, base.comparison, base.arithmetic]);
        expect(moved, `${c.id}.${k}`).toBe(true);
      }
    }
  });
  it("changing an input moves the recomputed value, and the verdict flips where the tolerance says", () => {
    expect(withInput("s22-flip-energy", "finesse", 1e3).recomputed).toBeCloseTo(5.809e-3, 6);
    expect(withInput("s22-flip-energy", "finesse", 1e3).verdict).toBe("inconsistent");
    expect(withInput("s31-solar-peak", "areaM2", 2).recomputed).toBeCloseTo(2 * 1360.8, 9);
    expect(withInput("s31-solar-peak", "areaM2", 2).verdict).toBe("consistent");
    expect(withInput("s22-landauer", "temperatureK", 4).verdict).toBe("consistent");
    expect(withInput("s22-cryo-landauer", "temperatureK", 300).verdict).toBe("physically impossible");
    expect(withInput("s51-rows-agree", "totalPowerFactor", 4000).verdict).toBe("consistent");
    expect(withInput("s63-h3", "comparatorClockHz", 0).verdict).toBe("consistent");
    expect(withInput("c-luts", "datasheetCapacity", 1.9e6).verdict).toBe("consistent");
    expect(withInput("a-memory", "availableMemoryBytes", 1e14).verdict).toBe("consistent");
    expect(withInput("f-mk-cooling", "coldK", 300 / 1.0001).verdict).toBe("consistent");
  });
  it("H2 on the mesh twin is reproduced only with the coupling on: κ = 0 contradicts it", () => {
    expect(evaluateClaim(claim("s62-h2"), { ...claim("s62-h2").inputs, replicates: 2 } as Inputs).verdict).toBe("reproduced by simulation");
    const off = evaluateClaim(claim("s62-h2"), { ...claim("s62-h2").inputs, replicates: 2, kappaPerS: 0 } as Inputs);
    expect(off.verdict).toBe("contradicted by simulation");
    expect(off.simulation).toContain("κ/γ = 0");
  });
  it("a simulation claim reruns on its inputs: Appendix F with 2 steps has no trend, Theorem 1 at 100 fs breaks the 1 % bound", () => {
    expect(withInput("f-stabilised", "steps", 2).recomputed).toBe("fewer than 3 steps: no trend");
    const t1 = withInput("s21-theorem1", "clockErrorStdFs", 100);
    expect(t1.verdict).toBe("contradicted by simulation");
    expect(t1.recomputed as number).toBeGreaterThan(0.01);
  });
});

describe("the failover search", () => {
  const r = evaluateClaim(claim("s32-failover"));
  it("searches every candidate, the mobile reserve among them, and the reserve midway wins", () => {
    for (const cand of ["L1", "L2", "Moon-South", "GEO-180", "mobile reserve"]) expect(r.arithmetic.join("\n")).toContain(`candidate ${cand}:`);
    expect(r.arithmetic.join("\n")).toContain("searched 129600 placements");
    const best = (name: string) => Number(/best quorum round trip ([\d.e+-]+) s/.exec(r.arithmetic.find((l) => l.startsWith(`candidate ${name}:`))!)![1]);
    expect(best("mobile reserve")).toBeCloseTo(best("GEO-180") / 2, 3);
    // The numeric search over the reserve's position cannot beat the midpoint and comes within 0.1 % of it.
    const grid = Number(/give at best ([\d.e+-]+) s/.exec(r.arithmetic.join("\n"))![1]);
    expect(grid).toBeGreaterThanOrEqual(best("mobile reserve") * (1 - 1e-4));
    expect(grid).toBeLessThan(best("mobile reserve") * 1.001);
  });
});
