import { describe, it, expect } from "vitest";
import { emptyLedger, bookCompute, bookVeto, bookCooling, bookZeroPoint, ledgerNetJ, ledgerClaimGapJ, ZERO_POINT_REASON } from "./index.js";

describe("energy ledger (§3.1/§4.1 harvester booked at 0)", () => {
  it("sums compute, vetoes and cooling; the harvester claim of 0.5 W over 10 s is 5 J recorded, 0 J booked", () => {
    let l = emptyLedger();
    l = bookCompute(l, 1.5, 10);
    l = bookVeto(l, 2e-20);
    l = bookVeto(l, 2e-20);
    l = bookCooling(l, 0.015);
    l = bookZeroPoint(l, 0.5, 10);
    expect(l.vetoCount).toBe(2);
    expect(l.vetoJ).toBeCloseTo(4e-20, 30);
    expect(l.zeroPointClaimedJ).toBe(5);
    expect(l.zeroPointBookedJ).toBe(0);
    expect(ledgerNetJ(l)).toBeCloseTo(1.5 + 0.015 + 4e-20, 15);
    expect(ledgerClaimGapJ(l)).toBe(5);
    expect(l.zeroPointReason).toBe(ZERO_POINT_REASON);
  });
  it("is immutable and rejects negative bookings", () => {
    const l = emptyLedger();
    expect(Object.isFrozen(bookCompute(l, 1))).toBe(true);
    expect(l.computeJ).toBe(0);
    expect(() => bookCooling(l, -1)).toThrow(/energyJ/);
  });
});
