/** pathAroundM: a link the Earth blocks goes round it (tangent, arc, tangent); a clear one is straight. */
import { describe, it, expect } from "vitest";
import { pathAroundM, relayedLightTimeS } from "./light-time.js";

describe("pathAroundM", () => {
  const R = 6.451e6;
  it("a clear chord is the straight distance", () => {
    expect(pathAroundM([4.2e7, 0, 0], [0, 4.2e7, 0], R)).toBeCloseTo(Math.SQRT2 * 4.2e7, 3);
  });
  it("antipodal points at r: 2√(r² − R²) + R·(π − 2·acos(R/r)), by hand, longer than 2r", () => {
    const r = 4.2164e7;
    const hand = 2 * Math.sqrt(r * r - R * R) + R * (Math.PI - 2 * Math.acos(R / r));
    expect(pathAroundM([r, 0, 0], [-r, 0, 0], R)).toBeCloseTo(hand, 3);
    expect(hand).toBeGreaterThan(2 * r);
    expect(relayedLightTimeS([r, 0, 0], [-r, 0, 0], R)).toBeCloseTo(hand / 299_792_458, 12);
  });
  it("is symmetric and never shorter than the straight line", () => {
    const a = [7e6, 1e6, 0] as const;
    const b = [-7e6, 5e5, 2e5] as const;
    expect(pathAroundM(a, b, R)).toBeCloseTo(pathAroundM(b, a, R), 6);
    expect(pathAroundM(a, b, R)).toBeGreaterThan(Math.hypot(14e6, 5e5, 2e5));
  });
});
