import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  createOdosKernel, verifyOdosKernel, tryChange, odosHash, guardianDecide, majority3, flipFloat64Bit, unitVote,
  type UnitFault,
} from "./index.js";

describe("ODOS kernel (§2.3, §3.1 hardware-burned)", () => {
  const k = createOdosKernel(12);
  it("holds the paper's thresholds and the all-ones reference normalised (Appendix A odos_vec)", () => {
    expect(k.thresholds).toEqual({ deltaEMax: 0.05, rcfMin: 0.95, stormDeltaEMax: 0.02 });
    expect(k.referenceVector).toHaveLength(12);
    const norm2 = k.referenceVector.reduce((s, x) => s + x * x, 0);
    expect(norm2).toBeCloseTo(1, 14);
    expect(k.referenceVector[0]).toBeCloseTo(1 / Math.sqrt(12), 15);
  });
  it("is deep-frozen and its hash verifies; a different dimension or threshold gives a different hash", () => {
    expect(Object.isFrozen(k) && Object.isFrozen(k.thresholds) && Object.isFrozen(k.referenceVector)).toBe(true);
    expect(verifyOdosKernel(k)).toBe(true);
    expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(createOdosKernel(12).hash).toBe(k.hash);
    expect(createOdosKernel(192).hash).not.toBe(k.hash);
    expect(createOdosKernel(12, { deltaEMax: 0.06, rcfMin: 0.95, stormDeltaEMax: 0.02 }).hash).not.toBe(k.hash);
    expect(odosHash({ ...k, thresholds: { ...k.thresholds, deltaEMax: 0.5 } })).not.toBe(k.hash);
  });
  it("refuses a run-time change and returns it as an event; the kernel is unchanged", () => {
    const ev = tryChange(k, "thresholds.deltaEMax", 0.5);
    expect(ev.kind).toBe("odos-change-refused");
    expect(ev.path).toBe("thresholds.deltaEMax");
    expect(ev.attempted).toBe("0.5");
    expect(ev.current).toBe("0.05");
    expect(ev.kernelHash).toBe(k.hash);
    expect(k.thresholds.deltaEMax).toBe(0.05);
    expect(tryChange(k, "referenceVector.3", 0).kind).toBe("odos-change-refused");
    expect(k.referenceVector[3]).toBeCloseTo(1 / Math.sqrt(12), 15);
    expect(() => tryChange(k, "thresholds.nope", 1)).toThrow(/path/);
    // strict-mode assignment throws too
    expect(() => { (k.thresholds as { deltaEMax: number }).deltaEMax = 1; }).toThrow(TypeError);
  });
  it("rejects bad construction input", () => {
    expect(() => createOdosKernel(0)).toThrow(/dim/);
    expect(() => createOdosKernel(12, { deltaEMax: 2, rcfMin: 0.95, stormDeltaEMax: 0.02 })).toThrow(/deltaEMax/);
  });
});

describe("Guardian Neuron array, 2-of-3 majority (§3.1, §4.1 TMR)", () => {
  const k = createOdosKernel(12);
  it("majority3 truth table", () => {
    const rows: [boolean, boolean, boolean, boolean][] = [
      [false, false, false, false], [true, false, false, false], [false, true, false, false], [false, false, true, false],
      [true, true, false, true], [true, false, true, true], [false, true, true, true], [true, true, true, true],
    ];
    for (const [a, b, c, m] of rows) expect(majority3(a, b, c)).toBe(m);
  });
  it("§6.3: ΔE = 0.06 is vetoed, 0.04 is not; storm mode vetoes 0.03", () => {
    expect(guardianDecide(k, 0.06).veto).toBe(true);
    expect(guardianDecide(k, 0.04).veto).toBe(false);
    expect(guardianDecide(k, 0.03, [], true).veto).toBe(true);
  });
  it("flipFloat64Bit: bit 63 flips the sign, bit 52 is the lowest exponent bit (0.05 → 0.1)", () => {
    expect(flipFloat64Bit(0.05, 63)).toBe(-0.05);
    expect(flipFloat64Bit(0.05, 52)).toBe(0.1);
    expect(flipFloat64Bit(flipFloat64Bit(0.05, 17), 17)).toBe(0.05);
  });
  const faultArb: fc.Arbitrary<UnitFault> = fc.oneof(
    fc.record({ unit: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom("stuck-at-0" as const, "stuck-at-1" as const, "output-flip" as const) }),
    fc.record({ unit: fc.integer({ min: 0, max: 2 }), kind: fc.constant("threshold-bit-flip" as const), bit: fc.integer({ min: 0, max: 63 }) }),
  );
  it("any single-unit fault: the voted veto equals the fault-free one, and a disagreeing unit is the faulty one", () => {
    fc.assert(fc.property(fc.double({ min: -1, max: 2, noNaN: true }), faultArb, fc.boolean(), (dE, f, storm) => {
      const clean = guardianDecide(k, dE, [], storm);
      const d = guardianDecide(k, dE, [f], storm);
      expect(d.veto).toBe(clean.veto);
      for (const u of d.outvoted) expect(u).toBe(f.unit);
    }));
  });
  it("two stuck-at-0 units suppress a veto: TMR masks one fault, not two", () => {
    const d = guardianDecide(k, 0.06, [{ unit: 0, kind: "stuck-at-0" }, { unit: 2, kind: "stuck-at-0" }]);
    expect(d.veto).toBe(false);
    expect(d.outvoted).toEqual([1]);
    expect(unitVote(0.06, 0.05, { unit: 1, kind: "threshold-bit-flip", bit: 62 })).toBe(false); // threshold ~ 1e307
  });
  it("rejects a unit out of range, two faults on one unit and non-finite ΔE", () => {
    expect(() => guardianDecide(k, 0.06, [{ unit: 3, kind: "stuck-at-0" }])).toThrow(/unit/);
    expect(() => guardianDecide(k, 0.06, [{ unit: 1, kind: "stuck-at-0" }, { unit: 1, kind: "stuck-at-1" }])).toThrow(/at most one/);
    expect(() => guardianDecide(k, Number.NaN)).toThrow(/deltaE/);
  });
});
