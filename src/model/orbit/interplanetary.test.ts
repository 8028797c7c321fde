/**
 * Earth–Mars geometry checked against an independent computation: the planets' mean Keplerian
 * elements (E. M. Standish, JPL/Caltech, "Keplerian Elements for Approximate Positions of the Major
 * Planets", Table 1, valid 1800–2050, mean ecliptic and equinox of J2000), solved here with our own
 * Kepler solver. Table 1's stated errors (1800–2050): Earth–Moon barycentre 20″ RA, 6000 km in r;
 * Mars 40″ RA, 25 000 km in r. At opposition (0.41 au) these give ≲ 7e4 km / 6.2e7 km ≈ 1.1e-3 of
 * the Earth–Mars distance; the Earth–EMB offset (≤ 4 700 km) adds < 1e-4. Tolerance: 3e-3 relative.
 */
import { Body, MakeTime, RotationAxis } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import {
  AREOSTATIONARY_RADIUS_M, ATMOSPHERE_MARGIN_M, MARS_EQUATORIAL_RADIUS_M, MARS_SIDEREAL_DAY_S, M_PER_AU, areostationarySite, baryPositionM, bodyCentre, earthMarsLightTimeS, earthShellSite,
  linkAvailability, linkState, sitePositionM, sunEarthTrojanSite,
} from "./interplanetary.js";
import { EARTH_RADIUS_M, walkerSatrecs } from "./walker.js";

// [a au, e, I deg, L deg, ϖ deg, Ω deg] at J2000 and their rates per Julian century.
const EMB = [[1.00000261, 0.01671123, -0.00001531, 100.46457166, 102.93768193, 0], [0.00000562, -0.00004392, -0.01294668, 35999.37244981, 0.32327364, 0]] as const;
const MARS = [[1.52371034, 0.0933941, 1.84969142, -4.55343205, -23.94362959, 49.55953891], [0.00001847, 0.00007882, -0.00813131, 19140.30268499, 0.44441088, -0.29257343]] as const;

const D = Math.PI / 180;

/** Kepler's equation M = E − e sin E by Newton's method from E₀ = M + e sin M. */
function eccentricAnomaly(m: number, e: number): number {
  let ea = m + e * Math.sin(m);
  for (let k = 0; k < 50; k++) {
    const d = (ea - e * Math.sin(ea) - m) / (1 - e * Math.cos(ea));
    ea -= d;
    if (Math.abs(d) < 1e-15) return ea;
  }
  throw new Error("Kepler solver did not converge");
}

/** Heliocentric J2000-ecliptic position, metres, at Julian days `jd` since J2000 (Standish §8.10.2). */
function standishM(el: typeof EMB | typeof MARS, jd: number): [number, number, number] {
  const t = jd / 36525;
  const [a, e, inc, l, varpi, node] = el[0].map((v, i) => v + el[1][i]! * t) as [number, number, number, number, number, number];
  const w = (varpi - node) * D, om = node * D, i = inc * D;
  let m = ((l - varpi) % 360) * D;
  if (m > Math.PI) m -= 2 * Math.PI;
  if (m < -Math.PI) m += 2 * Math.PI;
  const ea = eccentricAnomaly(m, e);
  const xp = a * (Math.cos(ea) - e), yp = a * Math.sqrt(1 - e * e) * Math.sin(ea);
  const cw = Math.cos(w), sw = Math.sin(w), co = Math.cos(om), so = Math.sin(om), ci = Math.cos(i), si = Math.sin(i);
  return [
    ((cw * co - sw * so * ci) * xp + (-sw * co - cw * so * ci) * yp) * M_PER_AU,
    ((cw * so + sw * co * ci) * xp + (-sw * so + cw * co * ci) * yp) * M_PER_AU,
    (sw * si * xp + cw * si * yp) * M_PER_AU,
  ];
}

const dist = (p: ArrayLike<number>, q: ArrayLike<number>): number => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);

/** Independent light-time Earth(EMB) → Mars by the same equation on Standish positions, s. */
function standishLightTimeS(date: Date): number {
  const jd = MakeTime(date).tt;
  const e = standishM(EMB, jd);
  let tau = 0;
  for (let k = 0; k < 20; k++) tau = dist(standishM(MARS, jd + tau / 86_400), e) / SPEED_OF_LIGHT_M_PER_S;
  return tau;
}

/** Sun–Earth–Mars angle from Standish positions (Sun at the origin), degrees. */
function standishSepDeg(date: Date): number {
  const jd = MakeTime(date).tt;
  const e = standishM(EMB, jd), m = standishM(MARS, jd);
  const u = e.map((x) => -x), v = m.map((x, k) => x - e[k]!);
  return Math.acos((u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / (Math.hypot(...u) * Math.hypot(...v))) / D;
}

const OPPOSITION = new Date("2020-10-13T23:20:00Z");
const CONJUNCTION = new Date("2021-10-08T03:00:00Z");

describe("Earth–Mars light-time against Standish mean elements", () => {
  const epochs = [OPPOSITION, CONJUNCTION, new Date("2018-07-27T00:00:00Z"), new Date("2024-03-01T00:00:00Z"), new Date("2026-06-15T12:00:00Z")];
  for (const date of epochs) {
    it(`agrees within 3e-3 relative at ${date.toISOString()}`, () => {
      const ours = earthMarsLightTimeS(date);
      const ref = standishLightTimeS(date);
      expect(Math.abs(ours - ref) / ref).toBeLessThan(3e-3);
    });
  }

  it("spans the known range: ~0.4 au at the 2020 opposition, ~2.6 au at the 2021 conjunction", () => {
    // Bounds from Mars's orbit alone (perihelion 1.381 au, aphelion 1.666 au, Earth 0.983–1.017 au).
    const near = earthMarsLightTimeS(OPPOSITION) * SPEED_OF_LIGHT_M_PER_S / M_PER_AU;
    const far = earthMarsLightTimeS(CONJUNCTION) * SPEED_OF_LIGHT_M_PER_S / M_PER_AU;
    expect(near).toBeGreaterThan(1.381 - 1.017);
    expect(near).toBeLessThan(0.45);
    expect(far).toBeGreaterThan(2.4);
    expect(far).toBeLessThan(1.666 + 1.017);
  });

  it("solves the retarded equation: τ differs from the instantaneous distance by about ṙ·τ/c", () => {
    const t = MakeTime(CONJUNCTION);
    const tau = earthMarsLightTimeS(CONJUNCTION);
    const e = baryPositionM(Body.Earth, t), m0 = baryPositionM(Body.Mars, t);
    const m1 = baryPositionM(Body.Mars, t.AddDays(tau / 86_400));
    expect(Math.abs(tau - dist(m1, e) / SPEED_OF_LIGHT_M_PER_S)).toBeLessThan(1e-9);
    expect(Math.abs(tau - dist(m0, e) / SPEED_OF_LIGHT_M_PER_S)).toBeGreaterThan(1e-3); // Mars moves ~24 km/s × 22 min
  });
});

describe("occultation and solar exclusion", () => {
  const earth = bodyCentre(Body.Earth);
  const mars = areostationarySite(0, 3);

  it("flags the 2021 solar conjunction as down and the 2020 opposition as up", () => {
    expect(standishSepDeg(CONJUNCTION)).toBeLessThan(2); // the independent geometry agrees it is a conjunction
    const conj = linkState(earth, mars, MakeTime(CONJUNCTION));
    expect(conj.blockedBy === "sun" || conj.blockedBy === "sun-exclusion").toBe(true);
    expect(Math.abs(conj.sunAngleDeg - standishSepDeg(CONJUNCTION))).toBeLessThan(0.05);
    const opp = linkState(earth, mars, MakeTime(OPPOSITION));
    expect(opp.blockedBy).toBe(null);
    expect(opp.sunAngleDeg).toBeGreaterThan(170);
  });

  it("the exclusion angle is an input: 0° leaves only geometric blocking", () => {
    const st = linkState(earth, mars, MakeTime(CONJUNCTION), { solarExclusionDeg: 0 });
    expect(st.blockedBy === null || st.blockedBy === "sun").toBe(true);
    expect(st.sunAngleDeg > 0.27).toBe(st.blockedBy === null); // the Sun's angular radius from 1 au is ~0.27°
    expect(() => linkState(earth, mars, MakeTime(CONJUNCTION), { solarExclusionDeg: -1 })).toThrow(/solarExclusionDeg/);
  });

  it("Mars hides an areostationary site for the fraction of a sol the ring geometry predicts", () => {
    // 2022-10-01: Earth lies δ ≈ −0.7° from Mars's equator as seen from Mars, so a ring site at
    // R_a passes behind the disc of radius R = R_eq + margin while its angle φ from the anti-Earth
    // direction satisfies R_a²(sin²φ cos²δ + sin²δ) < R²: a fraction asin(√(R²/R_a² − sin²δ)/cos δ)/π of the sol.
    const start = new Date("2022-10-01T00:00:00Z");
    const t = MakeTime(start);
    const m = baryPositionM(Body.Mars, t), e = baryPositionM(Body.Earth, t), n = RotationAxis(Body.Mars, t).north;
    const v = [e[0]! - m[0]!, e[1]! - m[1]!, e[2]! - m[2]!];
    const sinD = (v[0]! * n.x + v[1]! * n.y + v[2]! * n.z) / Math.hypot(...v);
    const r = (MARS_EQUATORIAL_RADIUS_M + ATMOSPHERE_MARGIN_M) / AREOSTATIONARY_RADIUS_M;
    const expected = Math.asin(Math.sqrt(r * r - sinD * sinD) / Math.sqrt(1 - sinD * sinD)) / Math.PI;
    const av = linkAvailability(earth, areostationarySite(0, 1), start, MARS_SIDEREAL_DAY_S, 300);
    expect(av.downPeriods.length).toBeGreaterThanOrEqual(1);
    expect(av.downPeriods.every((p) => p.cause === "mars")).toBe(true);
    expect(Math.abs(1 - av.availability - expected)).toBeLessThan(0.01); // 300 s samples: 0.34 % of a sol each
  });

  it("availability over the 2021 conjunction: one sun outage of some days, bracketed by up samples", () => {
    const start = new Date("2021-09-08T00:00:00Z");
    const av = linkAvailability(earth, bodyCentre(Body.Mars), start, 60 * 86_400, 86_400);
    expect(av.downPeriods.length).toBe(1);
    const p = av.downPeriods[0]!;
    expect(p.cause === "sun-exclusion" || p.cause === "sun").toBe(true);
    const conjS = (CONJUNCTION.getTime() - start.getTime()) / 1000;
    expect(p.startS).toBeLessThan(conjS);
    expect(p.endS).toBeGreaterThan(conjS);
    expect(p.endS - p.startS).toBeGreaterThan(5 * 86_400);
    expect(p.endS - p.startS).toBeLessThan(40 * 86_400);
    expect(() => linkAvailability(earth, mars, start, 86_400, 0)).toThrow(/stepS/);
  });
});

describe("sites", () => {
  it("areostationary sites sit at the Kepler radius and turn with Mars", () => {
    const t = MakeTime(OPPOSITION);
    const c = baryPositionM(Body.Mars, t);
    const site = areostationarySite(0, 4);
    const p = site(t, new Float64Array(3));
    expect(Math.abs(dist(p, c) - AREOSTATIONARY_RADIUS_M)).toBeLessThan(1e-3);
    expect(AREOSTATIONARY_RADIUS_M / 1000).toBeCloseTo(20_428, -1); // the textbook ~20 428 km
    // Half a sidereal day later the site is diametrically opposite about Mars (within the axis drift).
    const t2 = t.AddDays(88_642.663 / 2 / 86_400);
    const p2 = site(t2, new Float64Array(3)), c2 = baryPositionM(Body.Mars, t2);
    const u = [p[0]! - c[0]!, p[1]! - c[1]!, p[2]! - c[2]!], v = [p2[0]! - c2[0]!, p2[1]! - c2[1]!, p2[2]! - c2[2]!];
    expect((u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / AREOSTATIONARY_RADIUS_M ** 2).toBeLessThan(-0.9999);
  });

  it("L4/L5 form equilateral triangles with the Sun and Earth", () => {
    const sun = sitePositionM(bodyCentre(Body.Sun), OPPOSITION), e = sitePositionM(bodyCentre(Body.Earth), OPPOSITION);
    for (const w of [4, 5] as const) {
      const l = sitePositionM(sunEarthTrojanSite(w), OPPOSITION);
      const se = dist(sun, e);
      expect(Math.abs(dist(l, sun) - se) / se).toBeLessThan(1e-9);
      expect(Math.abs(dist(l, e) - se) / se).toBeLessThan(2e-2); // r is not ⟂ h exactly: e ≈ 0.017
    }
  });

  it("Earth-shell sites sit at the shell's altitude about Earth", () => {
    const epoch = MakeTime(OPPOSITION);
    const recs = walkerSatrecs({ total: 4, planes: 2, phasing: 1, inclinationDeg: 53, altitudeKm: 550 }, OPPOSITION);
    const p = earthShellSite(recs, 1, epoch)(epoch.AddDays(0.01), new Float64Array(3));
    const c = baryPositionM(Body.Earth, epoch.AddDays(0.01));
    expect(Math.abs(dist(p, c) - (EARTH_RADIUS_M + 550_000))).toBeLessThan(20_000); // SGP4 mean vs osculating
    expect(() => earthShellSite(recs, 4, epoch)).toThrow(/earth.site/);
  });
});
