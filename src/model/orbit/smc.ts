/**
 * Positions of the five Satellite Mesh Controllers (§3.2: "L1, L2, Moon-South, GEO-180°, and a
 * mobile reserve") at an epoch, geocentric, metres, in the true equator and equinox of date
 * (the frame SGP4's TEME approximates), from astronomy-engine's ephemerides:
 *
 * - Sun–Earth L1/L2: Earth→Sun vector R scaled by ±(μ/3)^{1/3} (Hill radius), μ = (GM_⊕ + GM_☾) /
 *   (GM_☉ + GM_⊕ + GM_☾) (the Earth–Moon barycentre's mass, as for SOHO/JWST): L1 sunward, L2 anti-sunward.
 * - Moon south pole: the Moon's geocentric vector minus the lunar mean radius along its north
 *   rotation axis (IAU, astronomy-engine's RotationAxis).
 * - GEO-180°: the geostationary radius (Kepler's third law for one sidereal day) in the equator of
 *   date at longitude 180° east (Greenwich apparent sidereal time + 180°).
 * - Mobile reserve: our choice (the paper gives none) — a geostationary slot at 0° longitude,
 *   antipodal to GEO-180°, so the two GEO controllers together see every LEO node and the reserve
 *   is the nearest quorum partner (0.28 s) of the GEO-180 controller; "mobile" = it can drift to
 *   another GEO slot. Stated in docs/MODEL.md.
 */
import { Body, GeoMoon, GeoVector, KM_PER_AU, RotateVector, RotationAxis, Rotation_EQJ_EQD, SiderealTime, type Vector } from "astronomy-engine";
import type { Vec3 } from "./light-time.js";

/** GM of Sun, Earth, Moon, m³/s² (IAU 2015 / DE430). */
export const GM_SUN = 1.32712440018e20;
export const GM_EARTH = 3.986004418e14;
export const GM_MOON = 4.9028e12;
/** Lunar mean radius, m (IAU). */
export const MOON_RADIUS_M = 1_737_400;
/** Sidereal day, s. */
export const SIDEREAL_DAY_S = 86_164.0905;
/** Geostationary orbit radius from Kepler's third law, m (≈ 42 164 km). */
export const GEO_RADIUS_M = Math.cbrt((GM_EARTH * SIDEREAL_DAY_S * SIDEREAL_DAY_S) / (4 * Math.PI * Math.PI));
/** Hill-sphere fraction (μ/3)^{1/3} of the Sun–Earth(+Moon) system (≈ 0.010045). */
export const SUN_EARTH_HILL = Math.cbrt((GM_EARTH + GM_MOON) / (GM_SUN + GM_EARTH + GM_MOON) / 3);

export const SMC_NAMES = ["L1", "L2", "Moon-South", "GEO-180", "Reserve-GEO-0"] as const;

/** One controller: name and geocentric position, m. */
export interface SmcSite {
  readonly name: (typeof SMC_NAMES)[number];
  readonly positionM: Vec3;
}

const M_PER_AU = KM_PER_AU * 1000;

function toEqdM(v: Vector, date: Date): Vec3 {
  const r = RotateVector(Rotation_EQJ_EQD(date), v);
  return [r.x * M_PER_AU, r.y * M_PER_AU, r.z * M_PER_AU];
}

/** A geostationary point at east longitude `lonDeg` in the equator of date, m. */
export function geoPositionM(date: Date, lonDeg: number): Vec3 {
  const theta = ((SiderealTime(date) * 15 + lonDeg) * Math.PI) / 180;
  return [GEO_RADIUS_M * Math.cos(theta), GEO_RADIUS_M * Math.sin(theta), 0];
}

/** The five SMC positions at `date`. */
export function smcSites(date: Date): SmcSite[] {
  const sun = toEqdM(GeoVector(Body.Sun, date, false), date);
  const moon = toEqdM(GeoMoon(date), date);
  const n = RotationAxis(Body.Moon, date).north;
  const north = toEqdM(n, date).map((x) => x / M_PER_AU) as unknown as Vec3;
  const h = SUN_EARTH_HILL;
  return [
    { name: "L1", positionM: [sun[0] * h, sun[1] * h, sun[2] * h] },
    { name: "L2", positionM: [-sun[0] * h, -sun[1] * h, -sun[2] * h] },
    { name: "Moon-South", positionM: [moon[0] - MOON_RADIUS_M * north[0], moon[1] - MOON_RADIUS_M * north[1], moon[2] - MOON_RADIUS_M * north[2]] },
    { name: "GEO-180", positionM: geoPositionM(date, 180) },
    { name: "Reserve-GEO-0", positionM: geoPositionM(date, 0) },
  ];
}
