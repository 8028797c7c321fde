import { describe, it, expect } from "vitest";
import { createOdosKernel, evaluateVeto } from "./index.js";
import { emptyLedger } from "../energy/index.js";

describe("§6.3 H3 in miniature: ΔE = 0.06 through the Guardian array", () => {
  const k = createOdosKernel(12);
  it("is vetoed; E_diss = Φ0·10 µA = 2.067833848e-20 J booked once; latency 198.087 ps (no clock)", () => {
    const o = evaluateVeto(k, emptyLedger(), 0.06);
    expect(o.decision.veto).toBe(true);
    expect(Math.abs(o.energyJ - 2.067833848e-20) / 2.067833848e-20).toBeLessThan(1e-9);
    expect(o.ledger.vetoCount).toBe(1);
    expect(o.ledger.vetoJ).toBe(o.energyJ);
    expect(Math.abs(o.latencyS - 198.087e-12) / 198.087e-12).toBeLessThan(1e-5);
  });
  it("ΔE = 0.04 passes: nothing booked", () => {
    const o = evaluateVeto(k, emptyLedger(), 0.04);
    expect(o.decision.veto).toBe(false);
    expect(o.ledger.vetoCount).toBe(0);
  });
});
