/**
 * Inner-solar-system geometry for an Earth–Mars mesh, from astronomy-engine's ephemerides
 * (VSOP87 planets, Sun about the solar-system barycentre). Every position is barycentric, in the
 * J2000 mean equator and equinox (EQJ), metres; times are astronomy-engine `AstroTime`s, so a
 * light-time of minutes is added in days without the millisecond rounding of `Date`.
 *
 * Sites:
 * - Earth shell: the Walker shell (walker.ts, SGP4 TEME ≈ true equator of date) rotated to EQJ
 *   (precession–nutation, `Rotation_EQD_EQJ`) and added to Earth's barycentric position.
 * - Mars shell: an areostationary ring, radius from Kepler's third law for one Martian sidereal
 *   day, in Mars's IAU equator, sites fixed in areographic longitude (prime-meridian angle W).
 * - Relays: Sun–Earth L4/L5, Earth's heliocentric vector turned ±60° about the normal of its
 *   osculating orbit (the circular restricted three-body points; L4 leads).
 *
 * Links: the light-time equation (umt/light-time-equation.ts) gives the retarded delay; a link is
 * down when the ray passes inside an occulting body (Earth, Mars: radius plus a margin; the Sun's
 * photosphere) or closer to the Sun than the solar exclusion angle allows (see `linkState`).
 */
import { type AstroTime, BaryState, Body, HelioState, KM_PER_AU, MakeTime, RotateVector, RotationAxis, Rotation_EQD_EQJ, type RotationMatrix, Vector, type FlexibleDateTime } from "astronomy-engine";
import { sgp4, type SatRec } from "satellite.js";
import { InputError } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import type { Vec3 } from "./light-time.js";
import { GEO_RADIUS_M } from "./smc.js";

export const M_PER_AU = KM_PER_AU * 1000;
/** GM of Mars, m³/s² (DE440, Park et al. 2021). */
export const GM_MARS = 4.282837362e13;
/** Martian sidereal day, s: 360° / 350.891982443297 °/d (IAU WGCCRE 2015, Archinal et al. 2018). */
export const MARS_SIDEREAL_DAY_S = (360 / 350.891982443297) * 86_400;
/** Areostationary orbit radius, m (≈ 20 428 km), Kepler's third law. */
export const AREOSTATIONARY_RADIUS_M = Math.cbrt((GM_MARS * MARS_SIDEREAL_DAY_S * MARS_SIDEREAL_DAY_S) / (4 * Math.PI * Math.PI));
/** Mars equatorial radius, m (IAU 2015). */
export const MARS_EQUATORIAL_RADIUS_M = 3_396_190;
/** Earth equatorial radius, m (IAU 2015 nominal / WGS-84). */
export const EARTH_EQUATORIAL_RADIUS_M = 6_378_137;
/** Nominal solar radius, m (IAU 2015 Resolution B3). */
export const SUN_RADIUS_M = 695_700_000;
/** Margin above a planet's surface a link must clear (atmosphere), m; our choice, stated in MODEL.md. */
export const ATMOSPHERE_MARGIN_M = 100_000;

/**
 * Default solar exclusion angle, degrees: the Sun–Earth–probe (SEP) angle below which a deep-space
 * link is treated as down. NASA/JPL suspend commanding Mars spacecraft while Mars is within ~2° of
 * the Sun (Mars solar-conjunction moratorium; Morabito & Hastrup, IPN Progress Report 42-152, 2003,
 * measured X/Ka-band scintillation and link degradation rising steeply below SEP ≈ 2–3°). Range for
 * studies: 1°–5° (optical terminals need larger Sun avoidance; DSOC-class designs cite ≥ 3°).
 */
export const SOLAR_EXCLUSION_DEG_DEFAULT = 2;

/**
 * The last few barycentric positions computed, by (body, TT): a link's geometry asks for the same
 * body at the same instant many times (each link's emission end, each occulter), and one
 * `BaryState` costs tens of µs. A pure memo: the numbers are those `BaryState` gives.
 */
const BARY_MEMO = 32;
const memoBody: Array<Body | undefined> = new Array<Body | undefined>(BARY_MEMO).fill(undefined);
const memoTt = new Float64Array(BARY_MEMO).fill(Number.NaN);
const memoM = new Float64Array(3 * BARY_MEMO);
let memoNext = 0;

/** Barycentric EQJ position of `body` at `time`, m, into `out`. */
export function baryPositionM(body: Body, time: FlexibleDateTime, out: Float64Array = new Float64Array(3)): Float64Array {
  const t = MakeTime(time);
  for (let i = 0; i < BARY_MEMO; i++) {
    if (memoTt[i] === t.tt && memoBody[i] === body) {
      out[0] = memoM[3 * i]!;
      out[1] = memoM[3 * i + 1]!;
      out[2] = memoM[3 * i + 2]!;
      return out;
    }
  }
  const s = BaryState(body, t);
  out[0] = s.x * M_PER_AU;
  out[1] = s.y * M_PER_AU;
  out[2] = s.z * M_PER_AU;
  const k = memoNext;
  memoNext = (memoNext + 1) % BARY_MEMO;
  memoBody[k] = body;
  memoTt[k] = t.tt;
  memoM[3 * k] = out[0];
  memoM[3 * k + 1] = out[1];
  memoM[3 * k + 2] = out[2];
  return out;
}

/** A site's barycentric EQJ position at a time, m, written into `out`. */
export type SitePosition = (time: AstroTime, out: Float64Array) => Float64Array;

/** The centre of a body as a site. */
export function bodyCentre(body: Body): SitePosition {
  return (time, out) => baryPositionM(body, time, out);
}

/**
 * Site k of an areostationary ring of `count` sites, at areographic east longitude
 * `lonDeg + 360·k/count` (see `synchronousSite`).
 */
export function areostationarySite(k: number, count: number, lonDeg = 0): SitePosition {
  if (!Number.isInteger(count) || count < 1) throw InputError.of("mars.sites", "an integer ≥ 1", count);
  if (!Number.isInteger(k) || k < 0 || k >= count) throw InputError.of("mars.site", `an integer in [0, ${count})`, k);
  return synchronousSite(Body.Mars, AREOSTATIONARY_RADIUS_M, lonDeg + (360 * k) / count);
}

/** A geostationary site at east longitude `lonDeg` (see `synchronousSite`). */
export function geostationarySite(lonDeg = 0): SitePosition {
  return synchronousSite(Body.Earth, GEO_RADIUS_M, lonDeg);
}

/**
 * A site on `body`'s synchronous equatorial orbit of radius `radiusM`, fixed at east longitude
 * `lonDeg`. The IAU prime meridian angle W is measured along the body's equator from its
 * ascending node on the ICRF equator, which lies at RA α₀ + 90°: x̂ = (−sin α₀, cos α₀, 0) =
 * ẑ × n̂ normalised, ŷ = n̂ × x̂.
 */
export function synchronousSite(body: Body, radiusM: number, lonDeg: number): SitePosition {
  if (!(radiusM > 0 && Number.isFinite(radiusM))) throw InputError.of("site.radiusM", "a finite radius > 0 m", radiusM);
  if (!Number.isFinite(lonDeg)) throw InputError.of("site.lonDeg", "a finite longitude in degrees", lonDeg);
  const lonRad = (lonDeg * Math.PI) / 180;
  return (time, out) => {
    const axis = RotationAxis(body, time);
    const n = axis.north;
    const xl = Math.hypot(n.x, n.y);
    const xx = -n.y / xl, xy = n.x / xl; // ẑ × n̂, normalised (z component 0)
    const yx = -n.z * xy, yy = n.z * xx, yz = n.x * xy - n.y * xx; // n̂ × x̂
    const a = (axis.spin * Math.PI) / 180 + lonRad;
    const c = Math.cos(a) * radiusM, s = Math.sin(a) * radiusM;
    baryPositionM(body, time, out);
    out[0] = out[0]! + c * xx + s * yx;
    out[1] = out[1]! + c * xy + s * yy;
    out[2] = out[2]! + s * yz;
    return out;
  };
}

/**
 * Satellite `i` of a Walker shell (`recs` from `walkerSatrecs`, common epoch `epoch`) as a site:
 * SGP4 TEME position rotated to EQJ plus Earth's barycentric position.
 */
export function earthShellSite(recs: readonly SatRec[], i: number, epoch: AstroTime): SitePosition {
  const rec = recs[i];
  if (rec === undefined) throw InputError.of("earth.site", `an index in [0, ${recs.length})`, i);
  return (time, out) => {
    const pv = sgp4(rec, (time.ut - epoch.ut) * 1440);
    if (!pv || typeof pv.position !== "object") throw InputError.of(`satellite ${i}`, "an SGP4 solution", `~a propagation error at ${time.toString()}`);
    const km = RotateVector(eqdToEqj(time), new Vector(pv.position.x, pv.position.y, pv.position.z, time));
    baryPositionM(Body.Earth, time, out);
    out[0] = out[0]! + km.x * 1000;
    out[1] = out[1]! + km.y * 1000;
    out[2] = out[2]! + km.z * 1000;
    return out;
  };
}

/** The last precession–nutation matrix computed and its TT: every Earth site at one instant shares it (one costs ~100 µs). */
let eqdMemoTt = Number.NaN;
let eqdMemo: RotationMatrix | undefined;

/** `Rotation_EQD_EQJ(time)`, memoised for the last instant asked (a pure memo: the same matrix). */
function eqdToEqj(time: AstroTime): RotationMatrix {
  if (eqdMemo === undefined || eqdMemoTt !== time.tt) {
    eqdMemo = Rotation_EQD_EQJ(time);
    eqdMemoTt = time.tt;
  }
  return eqdMemo;
}

/** Sun–Earth L4 (`which` = 4, leading Earth by 60°) or L5 (trailing) as a site. */
export function sunEarthTrojanSite(which: 4 | 5): SitePosition {
  const sign = which === 4 ? 1 : -1;
  return (time, out) => {
    const e = HelioState(Body.Earth, time);
    // Unit normal of Earth's osculating orbit, h = r × v.
    let hx = e.y * e.vz - e.z * e.vy, hy = e.z * e.vx - e.x * e.vz, hz = e.x * e.vy - e.y * e.vx;
    const hl = Math.hypot(hx, hy, hz);
    hx /= hl; hy /= hl; hz /= hl;
    // Rodrigues rotation of r by ±60° about ĥ (r ⟂ ĥ up to the orbit's eccentricity-free part).
    const th = (sign * Math.PI) / 3, c = Math.cos(th), s = Math.sin(th);
    const dot = hx * e.x + hy * e.y + hz * e.z;
    const kx = hy * e.z - hz * e.y, ky = hz * e.x - hx * e.z, kz = hx * e.y - hy * e.x;
    baryPositionM(Body.Sun, time, out);
    out[0] = out[0]! + (e.x * c + kx * s + hx * dot * (1 - c)) * M_PER_AU;
    out[1] = out[1]! + (e.y * c + ky * s + hy * dot * (1 - c)) * M_PER_AU;
    out[2] = out[2]! + (e.z * c + kz * s + hz * dot * (1 - c)) * M_PER_AU;
    return out;
  };
}

const rbScratch = new Float64Array(3);

/**
 * Light-time equation between sites: a signal leaving `from` at `time` reaches the moving `to` after
 * τ = |r_to(t + τ) − r_from(t)| / c, s. Fixed-point iteration from τ₀ = 0; the map contracts by
 * |v_to|/c ≈ 1e-4, so 5–6 steps reach the 1e-10 s floor. The floor is set by the time itself: an
 * `AstroTime` holds days since J2000 in a double (≈ 2e-12 d ≈ 0.2 µs resolution near 2030), and
 * a site at 30 km/s moves ≈ 6 mm ≈ 2e-11 s of light-time within one unit, so a 1e-12 s floor can
 * oscillate for ever.
 */
export function siteLightTimeS(from: SitePosition, to: SitePosition, time: AstroTime, maxIter = 20): number {
  const ra = from(time, new Float64Array(3));
  let tau = 0;
  for (let k = 0; k <= maxIter; k++) {
    to(time.AddDays(tau / 86_400), rbScratch);
    const next = Math.hypot(rbScratch[0]! - ra[0]!, rbScratch[1]! - ra[1]!, rbScratch[2]! - ra[2]!) / SPEED_OF_LIGHT_M_PER_S;
    if (k > 0 && Math.abs(next - tau) <= 1e-10) return next;
    tau = next;
  }
  throw InputError.of("light-time", `convergence in ${maxIter} iterations (|v| < c)`, tau);
}

/** Light-time from Earth's centre to Mars's centre for a signal leaving Earth at `date`, s. */
export function earthMarsLightTimeS(date: FlexibleDateTime): number {
  return siteLightTimeS(bodyCentre(Body.Earth), bodyCentre(Body.Mars), MakeTime(date));
}

/** Why a link is down, or null when it is up. */
export type LinkBlock = "sun-exclusion" | "sun" | "earth" | "mars" | null;

/** State of one link at one emission time. */
export interface LinkState {
  readonly lightTimeS: number;
  /** Angle Sun–end–other end at the end nearer the Sun (the Sun–Earth–probe angle for Earth→Mars), degrees. */
  readonly sunAngleDeg: number;
  readonly blockedBy: LinkBlock;
}

/** Options of `linkState`. */
export interface LinkOptions {
  /** Solar exclusion angle, degrees (default `SOLAR_EXCLUSION_DEG_DEFAULT`). */
  readonly solarExclusionDeg?: number;
  /** Margin above Earth's and Mars's equatorial radius, m (default `ATMOSPHERE_MARGIN_M`). */
  readonly atmosphereMarginM?: number;
}

/** Closest approach of segment a→b to point p, as the segment parameter s ∈ [0, 1] and the distance, m. */
function closest(a: Float64Array, b: Float64Array, p: Float64Array): [number, number] {
  const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!, dz = b[2]! - a[2]!;
  const len2 = dx * dx + dy * dy + dz * dz;
  const s = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy + (p[2]! - a[2]!) * dz) / len2));
  return [s, Math.hypot(a[0]! + s * dx - p[0]!, a[1]! + s * dy - p[1]!, a[2]! + s * dz - p[2]!)];
}

/** Angle at `at` between directions to `p` and `q`, degrees. */
function angleDeg(at: Float64Array, p: Float64Array, q: Float64Array): number {
  const ux = p[0]! - at[0]!, uy = p[1]! - at[1]!, uz = p[2]! - at[2]!;
  const vx = q[0]! - at[0]!, vy = q[1]! - at[1]!, vz = q[2]! - at[2]!;
  const cosA = (ux * vx + uy * vy + uz * vz) / (Math.hypot(ux, uy, uz) * Math.hypot(vx, vy, vz));
  return (Math.acos(Math.min(1, Math.max(-1, cosA))) * 180) / Math.PI; // clamp: rounding can leave |cos| > 1
}

/**
 * Whether the ray leaving `from` at `time` reaches `to`: the ray runs from r_from(t) to r_to(t + τ).
 * Each occulter (Sun, Earth, Mars) is taken where it is when the ray passes it: at t + s·τ, s the
 * segment parameter of closest approach (one refinement); a body with an end inside it (a planet's
 * centre used as a site) does not occult that link. The solar exclusion applies the
 * literature's Sun–Earth–probe criterion at the end nearer the Sun.
 */
export function linkState(from: SitePosition, to: SitePosition, time: AstroTime, options: LinkOptions = {}): LinkState {
  const exclusionDeg = options.solarExclusionDeg ?? SOLAR_EXCLUSION_DEG_DEFAULT;
  const marginM = options.atmosphereMarginM ?? ATMOSPHERE_MARGIN_M;
  if (!(exclusionDeg >= 0 && exclusionDeg < 90)) throw InputError.of("solarExclusionDeg", "an angle in [0, 90) degrees", exclusionDeg);
  if (!(marginM >= 0)) throw InputError.of("atmosphereMarginM", "a margin ≥ 0 m", marginM);
  const lightTimeS = siteLightTimeS(from, to, time);
  const a = from(time, new Float64Array(3));
  const tB = time.AddDays(lightTimeS / 86_400);
  const b = to(tB, new Float64Array(3));
  const p = new Float64Array(3);
  const occulters: [Body, number, Exclude<LinkBlock, null | "sun-exclusion">][] = [
    [Body.Sun, SUN_RADIUS_M, "sun"],
    [Body.Earth, EARTH_EQUATORIAL_RADIUS_M + marginM, "earth"],
    [Body.Mars, MARS_EQUATORIAL_RADIUS_M + marginM, "mars"],
  ];
  let blockedBy: LinkBlock = null;
  for (const [body, radiusM, name] of occulters) {
    // An end inside the body (each end against the body at that end's time) is that body's own
    // centre site: the body does not hide it from itself.
    baryPositionM(body, tB, p);
    if (Math.hypot(b[0]! - p[0]!, b[1]! - p[1]!, b[2]! - p[2]!) < radiusM) continue;
    baryPositionM(body, time, p);
    if (Math.hypot(a[0]! - p[0]!, a[1]! - p[1]!, a[2]! - p[2]!) < radiusM) continue;
    const [s] = closest(a, b, p);
    baryPositionM(body, time.AddDays((s * lightTimeS) / 86_400), p);
    if (closest(a, b, p)[1] < radiusM) { blockedBy = name; break; }
  }
  const sun = baryPositionM(Body.Sun, time, p);
  const nearA = Math.hypot(a[0]! - sun[0]!, a[1]! - sun[1]!, a[2]! - sun[2]!) <= Math.hypot(b[0]! - sun[0]!, b[1]! - sun[1]!, b[2]! - sun[2]!);
  const sunAngleDeg = nearA ? angleDeg(a, sun, b) : angleDeg(b, sun, a);
  if (blockedBy === null && sunAngleDeg < exclusionDeg) blockedBy = "sun-exclusion";
  return { lightTimeS, sunAngleDeg, blockedBy };
}

/** A period when a link was down, seconds from the start, and its first cause. */
export interface DownPeriod {
  readonly startS: number;
  readonly endS: number;
  readonly cause: Exclude<LinkBlock, null>;
}

/** Link availability sampled over an interval. */
export interface LinkAvailability {
  readonly timesS: Float64Array;
  readonly lightTimeS: Float64Array;
  readonly sunAngleDeg: Float64Array;
  readonly up: Uint8Array;
  /** Down periods; a period spans from its first down sample to the first up sample after it (or the end). */
  readonly downPeriods: DownPeriod[];
  /** Fraction of samples with the link up. */
  readonly availability: number;
}

/** Samples `linkState` every `stepS` over [start, start + durationS]. */
export function linkAvailability(from: SitePosition, to: SitePosition, start: FlexibleDateTime, durationS: number, stepS: number, options: LinkOptions = {}): LinkAvailability {
  if (!(durationS >= 0 && Number.isFinite(durationS))) throw InputError.of("durationS", "a finite duration ≥ 0 s", durationS);
  if (!(stepS > 0 && Number.isFinite(stepS))) throw InputError.of("stepS", "a finite step > 0 s", stepS);
  const count = Math.floor(durationS / stepS) + 1;
  if (count > 1_000_000) throw InputError.of("durationS / stepS", "at most 1e6 samples", count);
  const t0 = MakeTime(start);
  const timesS = new Float64Array(count), lightTimeS = new Float64Array(count), sunAngleDeg = new Float64Array(count);
  const up = new Uint8Array(count);
  const downPeriods: DownPeriod[] = [];
  let open: { startS: number; cause: Exclude<LinkBlock, null> } | null = null;
  let upCount = 0;
  for (let k = 0; k < count; k++) {
    const tS = k * stepS;
    const st = linkState(from, to, t0.AddDays(tS / 86_400), options);
    timesS[k] = tS;
    lightTimeS[k] = st.lightTimeS;
    sunAngleDeg[k] = st.sunAngleDeg;
    up[k] = st.blockedBy === null ? 1 : 0;
    if (st.blockedBy === null) {
      upCount++;
      if (open) { downPeriods.push({ ...open, endS: tS }); open = null; }
    } else if (!open) open = { startS: tS, cause: st.blockedBy };
  }
  if (open) downPeriods.push({ ...open, endS: timesS[count - 1]! });
  return { timesS, lightTimeS, sunAngleDeg, up, downPeriods, availability: upCount / count };
}

/** Position helper for tests and reports: a site's position at `time` as a tuple, m. */
export function sitePositionM(site: SitePosition, time: FlexibleDateTime): Vec3 {
  const out = site(MakeTime(time), new Float64Array(3));
  return [out[0]!, out[1]!, out[2]!];
}
