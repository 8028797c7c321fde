/**
 * The inner-solar-system view's arithmetic (web/src/solar-geometry.ts): the shells share one km
 * scale, and the label's compression is the real distance over the drawn one.
 */
import { describe, it, expect } from "vitest";
import { KM_PER_AU, pxPerAu, shellsToScale, times, valueAt } from "../../web/src/solar-geometry.js";

describe("solar geometry", () => {
  it("draws Earth's 550 km shell and Mars's areostationary ring to one scale", () => {
    const sizes = { earthRadiusKm: 6378.137, earthShellKm: 6928.137, marsRadiusKm: 3396.19, marsRingKm: 20_428 };
    const g = shellsToScale(sizes, 2 * KM_PER_AU, 400, 100, 10);
    expect(g.kmPerPx).toBeCloseTo(204.28, 10);
    expect(g.marsRingPx).toBeCloseTo(100, 12);
    expect(g.earthShellPx / g.marsRingPx).toBeCloseTo(6928.137 / 20_428, 12); // ratio of the real radii
    expect(g.earthBodyPx / g.earthShellPx).toBeCloseTo(6378.137 / 6928.137, 12);
    // Centres at 10 + 33.915 px and 400 − 10 − 100 px: 256.085 px drawn = 52 313 km for 2.992e8 km.
    const drawnKm = (g.marsX - g.earthX) * g.kmPerPx;
    expect(g.compression).toBeCloseTo((2 * KM_PER_AU) / drawnKm, 9);
    expect(g.compression).toBeGreaterThan(5000);
    expect(shellsToScale(sizes, 1, 400, 100, 10).compression).toBe(1); // never drawn longer than it is
  });

  it("fits the outermost body in the heliocentric view and reads series at a time", () => {
    expect(1.7 * pxPerAu(1.7, 180)).toBeCloseTo(180 / 1.08, 12);
    const s = { tNs: [0, 10, 20], value: [1, 2, 3] };
    expect(valueAt(s, 15)).toBe(2);
    expect(valueAt(s, 20)).toBe(3);
    expect(valueAt(s, 99)).toBe(3);
    expect(valueAt(s, -1)).toBeNaN();
    expect(valueAt(undefined, 5)).toBeNaN();
    expect(times(6763)).toBe("6.8 × 10³");
    expect(times(3.647e8)).toBe("3.6 × 10⁸");
  });
});
