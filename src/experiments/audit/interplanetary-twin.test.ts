/**
 * §5.2's claims read from a short run of the Earth–Mars twin beside their arithmetic: the twin's
 * verdicts come from its own comparison (simulation evidence), the arithmetic's verdicts stay as
 * they were, and the run's figures are checked against facts computed without the model —
 * astronomy-engine's Sun–Earth–Mars elongation (the conjunction falls inside the closed period)
 * and the light-time floor (routed latency cannot beat the centre-to-centre light time less the
 * shells' radii).
 */
import { describe, expect, it } from "vitest";
import { Body, Elongation } from "astronomy-engine";
import { CLAIMS } from "./claims/index.js";
import { evaluateClaim, type Claim, type Inputs } from "./claim.js";
import { runAudit } from "./audit.js";
import { AUDIT_TWIN_RUN, interplanetaryTwinRun } from "./interplanetary-run.js";

const C = 299_792_458;
const claim = (id: string) => CLAIMS.find((c) => c.id === id)! as Claim<Inputs>;
const TWIN_IDS = ["s52-latency", "s52-residual-drift", "s52-drift-vs-theorem1"];

describe("§5.2 claims with a twin run beside the arithmetic", () => {
  const run = interplanetaryTwinRun();

  it("the twin run crosses the 2028 solar conjunction: the gap closes around the smallest Sun–Earth–Mars angle", () => {
    const s = run.stats;
    // Independent of the model: the day of smallest elongation of Mars from the Sun, seen from Earth.
    const epochMs = Date.parse(AUDIT_TWIN_RUN.epoch);
    let bestDay = 0;
    let bestDeg = Infinity;
    for (let d = 0; d <= AUDIT_TWIN_RUN.days; d++) {
      const e = Elongation(Body.Mars, new Date(epochMs + d * 86_400_000)).elongation;
      if (e < bestDeg) { bestDeg = e; bestDay = d; }
    }
    expect(bestDeg).toBeLessThan(2); // the default solar exclusion (2°) is crossed
    const t = bestDay * 86_400e9;
    expect(s.linkDown.some((p) => p.startNs <= t && t <= p.endNs)).toBe(true);
    expect(s.minSunAngleDeg).toBeLessThan(2);
  });

  it("routed latency across the gap sits on the light time, 10¹² times the paper's 1 ns", () => {
    const s = run.stats;
    const across = s.latencyS.across.p50.linked!;
    // A route from the Earth shell to the Mars ring is at least the centre distance less both radii.
    const radiiS = (6_928e3 + 20_429e3) / C;
    expect(across.min).toBeGreaterThanOrEqual(s.lightTimeS!.min - radiiS);
    expect(across.max).toBeLessThan(s.lightTimeS!.max + 1);
    const r = evaluateClaim(claim("s52-latency"), claim("s52-latency").inputs, { twin: true });
    expect(r.verdict).toBe("physically impossible"); // the arithmetic's verdict stays
    expect(r.twin!.verdict).toBe("contradicted by simulation");
    expect(r.twin!.factor).toBeGreaterThan(1e11);
    expect(r.twin!.simulation).toMatch(/single cognitive unit: no/);
  });

  it("the Earth–Mars residual of the twin, against §5.2's 100 fs and Theorem 1's 10 fs", () => {
    for (const id of ["s52-residual-drift", "s52-drift-vs-theorem1"]) {
      const r = evaluateClaim(claim(id), claim(id).inputs, { twin: true });
      expect(r.twin, id).not.toBeNull();
      expect(["reproduced by simulation", "contradicted by simulation"], id).toContain(r.twin!.verdict);
      expect(r.twin!.simulation, id).toMatch(/\d/);
      expect(r.verdict, id).toBe("inconsistent"); // the arithmetic's
    }
    // CSAC clocks and a 300 m ephemeris error cannot hold 100 fs across light-minutes.
    expect(evaluateClaim(claim("s52-residual-drift"), claim("s52-residual-drift").inputs, { twin: true }).twin!.verdict).toBe("contradicted by simulation");
  });

  it("the twin's verdicts flip where their bound passes the run's figure", () => {
    const lat = claim("s52-latency");
    const across = run.stats.latencyS.across.p50.linked!.median;
    expect(evaluateClaim(lat, { ...lat.inputs, latencyS: across * 1.01 }, { twin: true }).twin!.verdict).toBe("reproduced by simulation");
    expect(evaluateClaim(lat, { ...lat.inputs, latencyS: across * 0.99 }, { twin: true }).twin!.verdict).toBe("contradicted by simulation");
    const res = claim("s52-residual-drift");
    const p99 = run.stats.residualAllS!.p99;
    expect(evaluateClaim(res, { ...res.inputs, residualS: p99 * 1.01 }, { twin: true }).twin!.verdict).toBe("reproduced by simulation");
    expect(evaluateClaim(res, { ...res.inputs, residualS: p99 * 0.99 }, { twin: true }).twin!.verdict).toBe("contradicted by simulation");
  });

  it("a quick audit skips the twin; the full audit reads it for each §5.2 claim that has one", () => {
    const quick = runAudit(CLAIMS.filter((c) => TWIN_IDS.includes(c.id)), { quick: true });
    expect(quick.claims.map((c) => c.twin)).toEqual([null, null, null]);
    const full = runAudit(CLAIMS.filter((c) => c.section === "§5.2"));
    expect(full.claims.filter((c) => c.twin !== null).map((c) => c.id).sort()).toEqual([...TWIN_IDS].sort());
  });
});
