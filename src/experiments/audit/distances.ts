/**
 * Distances the paper's places imply, with sources, for the light-time claims (§1, §3.2, §5.2).
 * `model/orbit` computes positions from ephemerides at a scenario's epoch; these are the fixed bounds the claims use.
 */
import { SPEED_OF_LIGHT_M_PER_S } from "../../model/constants.js";

/** Earth–Mars distance at the closest possible opposition, m (NASA Mars Fact Sheet: 54.6·10⁶ km). */
export const EARTH_MARS_MIN_M = 54.6e9;
/** Earth–Mars distance at conjunction, largest, m (NASA Mars Fact Sheet: 401.4·10⁶ km). */
export const EARTH_MARS_MAX_M = 401.4e9;
/** Earth–Moon distance at perigee, m (NASA Moon Fact Sheet: 363 300 km). */
export const EARTH_MOON_PERIGEE_M = 363.3e6;
/** Earth–Moon distance at the closest perigees (≈ 356 400 km; the mean perigee is 363 300 km), m: the smallest the Moon comes. */
export const EARTH_MOON_MIN_M = 356.4e6;
/** Lunar mean radius, m (IAU: 1737.4 km). */
export const MOON_RADIUS_M = 1_737.4e3;
/** Earth's mean radius, m (6371 km), and the grazing margin an optical link keeps above it (80 km, as the constellation's links). */
export const EARTH_RADIUS_M = 6_371e3;
export const LINK_GRAZING_MARGIN_M = 80e3;
/** Geostationary orbit radius from Earth's centre, m (42 164 km). */
export const GEO_RADIUS_M = 42_164e3;
/** Geostationary altitude above the equator, m (35 786 km). */
export const GEO_ALTITUDE_M = 35_786e3;
/** Sun–Earth L1 (and L2) distance from Earth, m (≈ 1.5·10⁶ km). */
export const EARTH_L1_M = 1.5e9;
/** Altitude of a Starlink-like LEO shell, m (550 km; §1 "Starlink-like satellites"). */
export const LEO_ALTITUDE_M = 550e3;

/** Sources, for reports. */
export const DISTANCE_SOURCES = Object.freeze({
  earthMars: "NASA GSFC Mars Fact Sheet (min 54.6, max 401.4 million km)",
  earthMoon: "NASA GSFC Moon Fact Sheet (perigee 363 300 km; closest perigees ≈ 356 400 km)",
  geo: "geostationary radius 42 164 km, altitude 35 786 km",
  l1: "Sun–Earth L1/L2 ≈ 1.5 million km from Earth",
  leo: "Starlink shell altitude ≈ 550 km",
});

/** One-way light time over `distanceM` metres, s (c exact, SI). */
export function lightTimeS(distanceM: number): number {
  return distanceM / SPEED_OF_LIGHT_M_PER_S;
}
