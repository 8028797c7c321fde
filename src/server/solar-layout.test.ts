/**
 * The fixed geometry of the dashboard's inner-solar-system view: Earth's shell radius is the
 * equatorial radius plus the scenario's altitude; Mars's ring radius is the areostationary one,
 * (GM T²/4π²)^(1/3) with DE440's GM and the IAU Martian sidereal day, computed here by hand.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { solarLayout } from "./solar-layout.js";

describe("solarLayout", () => {
  it("sizes both shells from the scenario and the physical constants", () => {
    const sc = resolveScenario({ name: "ip", model: "interplanetary", run: { durationS: 86_400, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: 86_400 }, interplanetary: { earth: { nodes: 60, planes: 6, altitudeKm: 1200 }, mars: { areostationary: 5 }, relays: ["sun-earth-L4"] } });
    const l = solarLayout(sc);
    expect(l.earth).toMatchObject({ radiusKm: 6378.137, nodes: 60, planes: 6 });
    expect(l.earth.shellRadiusKm).toBeCloseTo(6378.137 + 1200, 9);
    const day = (360 / 350.891982443297) * 86_400; // 88 642.66 s
    expect(l.mars.ringRadiusKm).toBeCloseTo(Math.cbrt((4.282837362e13 * day * day) / (4 * Math.PI * Math.PI)) / 1000, 6);
    expect(l.mars.ringRadiusKm).toBeCloseTo(20_428, 0);
    expect(l.mars.sites).toBe(5);
    expect(l.relays).toEqual(["sun-earth-L4"]);
    expect(l.solarExclusionDeg).toBe(2);
    expect(l.epoch).toBe(sc.interplanetary!.epoch);
  });
  it("refuses a run of another model with a typed error", () => {
    expect(() => solarLayout(resolveScenario({ name: "mesh" }))).toThrow(InputError);
    expect(() => solarLayout(resolveScenario({ name: "mesh" }))).toThrow(/scenario\.interplanetary: expected a run of model: interplanetary/);
  });
});
