/**
 * The Earth–Mars network graph (§5.2): its links and adjacency, and each link's delay against the
 * geometry it stands for — Earth ISLs |Δr|/c on SGP4 positions, the Mars ring's chord r·2sin(π/n)/c,
 * deep-space links the light-time equation — with the Sun closing every direct link at conjunction.
 */
import { Body, MakeTime, RotationAxis } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import { AREOSTATIONARY_RADIUS_M, GM_MARS, MARS_EQUATORIAL_RADIUS_M, baryPositionM, siteLightTimeS } from "./interplanetary.js";
import { BLOCK_CAUSES, InterplanetaryNetwork, LINK_KINDS, marsLowOrbitSite } from "./interplanetary-network.js";
import { plusGridLinks } from "./isl.js";
import { positionsAt, walkerSatrecs } from "./walker.js";

const shell = { total: 100, planes: 10, phasing: 1, inclinationDeg: 53, altitudeKm: 550 };
const epochDate = new Date("2028-02-25T00:00:00Z");

function network(relays: Array<"sun-earth-L4" | "sun-earth-L5"> = [], marsSites = 3): InterplanetaryNetwork {
  return new InterplanetaryNetwork({
    shell, recs: walkerSatrecs(shell, epochDate), epoch: MakeTime(epochDate), gateways: 4, marsSites, marsLongitudeDeg: 0, relays,
    link: { solarExclusionDeg: 2, atmosphereMarginM: 100_000 },
  });
}

describe("InterplanetaryNetwork", () => {
  it("lists +Grid ISLs, the Mars ring, gateway×site, gateway×relay and relay×site links, and a symmetric adjacency", () => {
    const net = network(["sun-earth-L4", "sun-earth-L5"]);
    const count = (k: string) => Array.from(net.linkKind).filter((x) => LINK_KINDS[x] === k).length;
    expect(count("earth-isl")).toBe(plusGridLinks(10, 10).length / 2);
    expect([count("mars-ring"), count("gap"), count("earth-relay"), count("relay-mars")]).toEqual([3, 12, 8, 6]);
    expect(Array.from(net.gatewayIndex)).toEqual([0, 25, 50, 75]);
    expect(net.nodes).toBe(100 + 3 + 2);
    // Every link appears once in each direction.
    const seen = new Map<string, number>();
    for (let u = 0; u < net.nodes; u++) {
      for (let k = net.offsets[u]!; k < net.offsets[u + 1]!; k++) {
        const l = net.edgeLink[k]!, a = net.links[2 * l]!, b = net.links[2 * l + 1]!;
        expect([a, b]).toContain(u);
        expect(net.targets[k]).toBe(a === u ? b : a);
        seen.set(`${l}`, (seen.get(`${l}`) ?? 0) + 1);
      }
    }
    expect([...seen.values()].every((n) => n === 2)).toBe(true);
    expect(seen.size).toBe(net.linkKind.length);
  });

  it("delays are the geometry: ISLs |Δr|/c on SGP4, the ring's chord, deep-space links the light-time equation", () => {
    const net = network(["sun-earth-L4"]);
    const t0 = MakeTime(epochDate), time = t0.AddDays(1.3);
    net.update(time);
    const xyz = positionsAt(walkerSatrecs(shell, epochDate), 1.3 * 1440, new Float64Array(300));
    const chordS = (2 * AREOSTATIONARY_RADIUS_M * Math.sin(Math.PI / 3)) / SPEED_OF_LIGHT_M_PER_S;
    for (let l = 0; l < net.linkKind.length; l++) {
      const a = net.links[2 * l]!, b = net.links[2 * l + 1]!, kind = LINK_KINDS[net.linkKind[l]!];
      if (kind === "earth-isl") {
        const d = Math.hypot(xyz[3 * b]! - xyz[3 * a]!, xyz[3 * b + 1]! - xyz[3 * a + 1]!, xyz[3 * b + 2]! - xyz[3 * a + 2]!);
        // 1e-9 relative: the model's minutes come from AstroTime days (rounding ~1e-11 d ≈ µs of motion).
        expect(Math.abs(net.linkDelayS[l]! * SPEED_OF_LIGHT_M_PER_S / d - 1)).toBeLessThan(1e-9);
      } else if (kind === "mars-ring") {
        expect(Math.abs(net.linkDelayS[l]! / chordS - 1)).toBeLessThan(1e-9);
        expect(net.linkUp[l]).toBe(1); // a 3-site ring's chords pass 10 214 km from Mars's centre
      } else {
        expect(net.linkDelayS[l]).toBe(siteLightTimeS(net.siteOf(a), net.siteOf(b), time));
      }
    }
    // 10 per plane at 550 km: in-plane chords clear the Earth (6 928·cos 18° = 6 589 km > 6 458 km).
    expect(net.upCount("earth-isl")).toBeGreaterThan(0.9 * (plusGridLinks(10, 10).length / 2));
    expect(net.gapState().open).toBe(true);
  });

  it("at solar conjunction the Sun closes every direct link; a two-site ring is blocked by Mars", () => {
    const net = network([], 2);
    net.update(MakeTime(new Date("2028-03-21T03:00:00Z")));
    expect(net.upCount("gap")).toBe(0);
    const g = net.gapState();
    expect(g.open).toBe(false);
    expect(["sun", "sun-exclusion"]).toContain(BLOCK_CAUSES[g.cause]);
    const ring = Array.from(net.linkKind).findIndex((k) => LINK_KINDS[k] === "mars-ring");
    expect([net.linkUp[ring], BLOCK_CAUSES[net.linkCause[ring]!]]).toEqual([0, "mars"]);
    expect(net.relayPath()).toBeNull();
  });

  it("with L4 the conjunction gap has a path through the relay", () => {
    const net = network(["sun-earth-L4"]);
    net.update(MakeTime(new Date("2028-03-21T03:00:00Z")));
    const p = net.relayPath()!;
    expect(p.relay).toBe(net.relayNode(0));
    expect(Array.from(net.gatewayIndex)).toContain(p.gateway);
    expect(p.mars).toBeGreaterThanOrEqual(net.marsNode(0));
    expect(net.gapState().open).toBe(true);
  });

  it("a low Mars orbit: radius R♂ + h, Kepler's period, polar at 90°, linked to the ring and to the areostationary sites Mars does not hide", () => {
    const t0 = MakeTime(epochDate);
    const r = MARS_EQUATORIAL_RADIUS_M + 400e3;
    const periodS = 2 * Math.PI * Math.sqrt((r * r * r) / GM_MARS);
    const site = marsLowOrbitSite(0, 12, 400, 90, t0);
    const rel = (dtS: number) => {
      const t = t0.AddDays(dtS / 86_400), p = site(t, new Float64Array(3)), m = baryPositionM(Body.Mars, t);
      return [p[0]! - m[0]!, p[1]! - m[1]!, p[2]! - m[2]!];
    };
    const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
    const p0 = rel(0), pHalf = rel(periodS / 2), pQuarter = rel(periodS / 4);
    expect(Math.abs(Math.hypot(...p0) - r)).toBeLessThan(1e-3);
    expect(dot(p0, pHalf) / (r * r)).toBeCloseTo(-1, 6); // half a period: the opposite point
    const n = RotationAxis(Body.Mars, t0.AddDays(periodS / 4 / 86_400)).north;
    expect(dot(pQuarter, [n.x, n.y, n.z]) / r).toBeCloseTo(1, 4); // polar: over Mars's north pole a quarter later
    const net = new InterplanetaryNetwork({
      shell, recs: walkerSatrecs(shell, epochDate), epoch: t0, gateways: 4, marsSites: 3, marsLongitudeDeg: 0, relays: [],
      link: { solarExclusionDeg: 2, atmosphereMarginM: 100_000 }, marsLowOrbit: { sites: 12, altitudeKm: 400, inclinationDeg: 90 },
    });
    expect([net.marsNodes, net.areostationaryNodes]).toEqual([15, 3]);
    const low = Array.from(net.linkKind).map((k, l) => [LINK_KINDS[k], l] as const).filter(([k]) => k === "mars-low").map(([, l]) => l);
    expect(low.length).toBe(12 + 12 * 3);
    net.update(t0.AddDays(0.2));
    // 12 in a ring at 400 km: 30° chords clear Mars (3 796·cos 15° = 3 667 km > 3 496 km); each low
    // satellite sees at least one of three areostationary sites, and Mars hides some.
    expect(low.slice(0, 12).every((l) => net.linkUp[l] === 1)).toBe(true);
    const toRing = low.slice(12);
    expect(toRing.some((l) => net.linkUp[l] === 0 && BLOCK_CAUSES[net.linkCause[l]!] === "mars")).toBe(true);
    for (let k = 0; k < 12; k++) expect(toRing.slice(3 * k, 3 * k + 3).some((l) => net.linkUp[l] === 1)).toBe(true);
  });
});
