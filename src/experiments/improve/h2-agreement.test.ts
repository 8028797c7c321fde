/**
 * §6.2's H2 is asked twice: by the audit (claim s62-h2) and by `pqms falsify H2`, and `pqms improve`
 * reruns both at the buildable UMT residual. They run the same replicates (N = 100, d = 12, 50 ns,
 * RCF̄ read in each node's clock frame) and agree: at the paper's 10 fs both pass, at the buildable
 * residual (tens of ps) both fail, and each says the settings it ran. The abstract's system-RCF claim
 * runs the same replicate and fails there too.
 */
import { describe, expect, it } from "vitest";
import { evaluateClaim } from "../audit/claim.js";
import { CLAIMS } from "../audit/claims/index.js";
import { runH2 } from "../falsify/h2.js";
import { TECHNOLOGY_DEFAULT } from "./assumptions.js";
import { umtResidualS } from "./derive.js";
import { buildableSimulationClaims } from "./improve.js";

const claim = CLAIMS.find((c) => c.id === "s62-h2")!;

describe("the audit's s62-h2 and falsify's H2 agree where they ask the same question", () => {
  const buildableS = umtResidualS(TECHNOLOGY_DEFAULT).value;
  for (const [label, residualS] of [["the paper's 10 fs", 10e-15], ["the buildable residual", buildableS]] as const) {
    it(`at ${label}: same replicates, same verdict, both naming their settings`, () => {
      const audit = evaluateClaim(claim, { ...claim.inputs, clockErrorStdFs: residualS * 1e15 });
      const h2 = runH2({ replicates: 10, seed: 1, searchFlips: false, set: { clockResidualS: String(residualS) } });
      expect(audit.verdict === "reproduced by simulation").toBe(h2.criterionMet);
      expect(audit.arithmetic[0]).toBe(`per replicate: ${h2.measured!.map((v) => v.toFixed(6)).join(", ")}`);
      for (const text of [audit.simulation!, h2.reason]) {
        expect(text).toContain("N = 100");
        expect(text).toContain("d = 12");
        expect(text).toContain("50 ns");
        expect(text).toContain("read-out frame");
      }
    }, 120_000);
  }

  it("the verdict flips between the two residuals (the read-out frame is what the residual costs), and improve's rerun says the same as H2", () => {
    const at = (fs: number) => evaluateClaim(claim, { ...claim.inputs, clockErrorStdFs: fs }).verdict;
    expect(at(10)).toBe("reproduced by simulation");
    expect(buildableS).toBeGreaterThan(1e-11);
    expect(at(buildableS * 1e15)).toBe("contradicted by simulation");
    // The abstract's system RCF runs the same replicate (its own seeds): it too fails at the buildable residual.
    const rerun = buildableSimulationClaims(TECHNOLOGY_DEFAULT);
    expect(rerun.map((c) => [c.claim, c.verdict]).filter(([id]) => id !== "s21-theorem1")).toEqual([["abs-system-rcf", "contradicted by simulation"], ["s62-h2", "contradicted by simulation"]]);
  }, 120_000);
});
