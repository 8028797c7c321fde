/**
 * Geometry of §3.2: light-time against hand-computed distances, the five SMC sites, the Walker
 * shell (V2000: 10^4 nodes at 550 km) by SGP4, +Grid links with Earth occultation, nearest SMC.
 */
import { GeoMoon } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { distanceM, lightTimeS, occulted } from "./light-time.js";
import { GEO_RADIUS_M, SUN_EARTH_HILL, smcSites } from "./smc.js";
import { linkVisibility, nearestSmc, plusGridLinks } from "./isl.js";
import { EARTH_RADIUS_M, WALKER_DEFAULT, positionsAt, shellPositionsAtEpoch, walkerSatrecs } from "./walker.js";

const C = 299_792_458;
const EPOCH = new Date("2026-02-21T00:00:00Z");

describe("light-time", () => {
  it("is distance over c (hand-computed: 3-4-5 triangle of light-seconds)", () => {
    expect(lightTimeS([0, 0, 0], [3 * C, 4 * C, 0])).toBeCloseTo(5, 12);
    expect(lightTimeS([1e3, 0, 0], [1e3, 0, 0])).toBe(0);
  });
  it("Earth-surface to GEO at the sub-satellite point: (42 164.17 − 6 378.137) km / c = 119.37 ms", () => {
    // GEO radius by hand: (GM·T²/4π²)^{1/3}, GM = 3.986004418e14, T = 86 164.0905 s → 42 164.17 km.
    expect(GEO_RADIUS_M / 1000).toBeCloseTo(42_164.17, 1);
    expect(lightTimeS([6_378_137, 0, 0], [GEO_RADIUS_M, 0, 0]) * 1e3).toBeCloseTo(119.37, 2);
  });
  it("occultation: a chord through the Earth is blocked, one above it is not", () => {
    const r = 7e6;
    expect(occulted([-r, 0, 0], [r, 0, 0], 6.4e6)).toBe(true);
    expect(occulted([-r, 6.5e6, 0], [r, 6.5e6, 0], 6.4e6)).toBe(false);
  });
});

describe("SMC sites (§3.2)", () => {
  const s = smcSites(EPOCH);
  const at = (n: string) => s.find((x) => x.name === n)!.positionM;
  it("L1 and L2 lie 0.0100447 AU from Earth, opposite, so L1–L2 light-time ≈ 10 s", () => {
    // (μ/3)^{1/3}, μ = 3.040423e-6 (Earth+Moon over Sun+Earth+Moon): 0.0100447 (python3 by hand).
    expect(SUN_EARTH_HILL).toBeCloseTo(0.0100447, 6);
    const au = 149_597_870_700;
    const r1 = Math.hypot(...at("L1"));
    expect(r1 / au).toBeGreaterThan(0.0100 * 0.983); // Earth–Sun 0.983–1.017 AU
    expect(r1 / au).toBeLessThan(0.01005 * 1.017);
    expect(distanceM(at("L1"), [-at("L2")[0], -at("L2")[1], -at("L2")[2]])).toBeLessThan(1);
    const t = lightTimeS(at("L1"), at("L2"));
    expect(t).toBeGreaterThan(9.8);
    expect(t).toBeLessThan(10.2);
  });
  it("Moon south pole sits one lunar radius from the Moon's centre, below it", () => {
    const m = GeoMoon(EPOCH);
    const au = 149_597_870_700;
    const d = Math.hypot(at("Moon-South")[0] - m.x * au, at("Moon-South")[1] - m.y * au, at("Moon-South")[2] - m.z * au);
    // Frames differ (J2000 vs of-date) by the precession since 2000 (~0.36°): tolerance 0.01·r_moon-distance.
    expect(d).toBeLessThan(1_737_400 + 0.0065 * Math.hypot(m.x, m.y, m.z) * au);
    expect(Math.hypot(...at("Moon-South")) / 1e3).toBeGreaterThan(356_000);
  });
  it("the two GEO controllers are a GEO diameter apart (0.281 s)", () => {
    expect(lightTimeS(at("GEO-180"), at("Reserve-GEO-0"))).toBeCloseTo((2 * 42_164_170) / C, 3);
  });
});

describe("Walker shell by SGP4", () => {
  const shell = { ...WALKER_DEFAULT, total: 400, planes: 4 };
  const recs = walkerSatrecs(shell, EPOCH);
  const xyz = positionsAt(recs, 10, new Float64Array(3 * recs.length));
  it("puts every node near 550 km", () => {
    for (let i = 0; i < recs.length; i++) {
      const alt = Math.hypot(xyz[3 * i]!, xyz[3 * i + 1]!, xyz[3 * i + 2]!) - EARTH_RADIUS_M;
      expect(Math.abs(alt - 550e3)).toBeLessThan(25e3); // SGP4 J2 short-period terms on a mean orbit
    }
  });
  it("in-plane neighbours are 2r·sin(π/S) apart (hand-computed: 100 per plane → 435.4 km)", () => {
    const r = EARTH_RADIUS_M + 550e3;
    const d = Math.hypot(xyz[0]! - xyz[3]!, xyz[1]! - xyz[4]!, xyz[2]! - xyz[5]!);
    expect(Math.abs(d - 2 * r * Math.sin(Math.PI / 100)) / d).toBeLessThan(0.01);
  });
  it("+Grid has 2 links per node; all in-plane links are clear of the Earth", () => {
    const links = plusGridLinks(4, 100);
    expect(links.length / 2).toBe(800);
    const vis = linkVisibility(links, xyz, new Uint8Array(800));
    for (let k = 0; k < 800; k++) if (Math.floor(links[2 * k]! / 100) === Math.floor(links[2 * k + 1]! / 100)) expect(vis[k]).toBe(1);
    // With only 4 planes, cross-plane neighbours 90° apart in RAAN: some are occulted.
    expect([...vis].some((v) => v === 0)).toBe(true);
  });
  it("assigns each node a visible SMC, never one the Earth hides", () => {
    const sites = smcSites(EPOCH).map((x) => x.positionM);
    const out = nearestSmc(xyz, sites, new Int32Array(recs.length));
    expect([...out].every((k) => k >= 0)).toBe(true);
    expect(new Set(out).size).toBeGreaterThan(1);
  });
  it("epoch positions kept per (shell, epoch) are SGP4's at t = 0, handed out as copies", () => {
    const direct = positionsAt(recs, 0, new Float64Array(3 * recs.length));
    const first = shellPositionsAtEpoch(shell, EPOCH);
    expect(first).toEqual(direct);
    first.fill(0); // a caller's change must not reach the next caller
    expect(shellPositionsAtEpoch(shell, EPOCH)).toEqual(direct);
    const later = new Date(EPOCH.getTime() + 60_000);
    expect(shellPositionsAtEpoch(shell, later)).toEqual(positionsAt(walkerSatrecs(shell, later), 0, new Float64Array(3 * recs.length)));
  });
});
