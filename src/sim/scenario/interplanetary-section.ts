/**
 * The `interplanetary` scenario section (§5.2): an Earth Walker shell and a Mars areostationary
 * ring from real ephemerides (astronomy-engine), optional Sun–Earth L4/L5 relays, link limits
 * (solar exclusion, occultation margin, per-hop processing), the Earth–Mars time transfer and the
 * routed-latency sampling. Read by `model: interplanetary` (sim/models/interplanetary.ts).
 * Defaults are the figures model/orbit/interplanetary.ts and model/umt/interplanetary-umt.ts cite.
 */
import { z } from "zod";
import type { Issue } from "../../errors.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../../model/constants.js";
import { describeValue } from "../../errors.js";
import type { Scenario } from "./schema.js";
import { interplanetaryMeshIssues, interplanetaryMeshSchema } from "./interplanetary-mesh-section.js";
import { controllersIssues, interplanetaryControllersSchema } from "./interplanetary-controllers.js";

/** Farthest Earth–Mars distance (Mars at aphelion 1.666 au behind the Sun, Earth at 1.017 au), au; light-time bound below. */
export const EARTH_MARS_DISTANCE_MAX_AU = 2.684;
/** One-way Earth–Mars light-time never exceeds this, s (2.684 au / c). */
export const EARTH_MARS_LIGHT_TIME_MAX_S = Math.ceil((EARTH_MARS_DISTANCE_MAX_AU * 149_597_870_700) / SPEED_OF_LIGHT_M_PER_S);
/**
 * Longest Earth → Sun–Earth L4/L5 → Mars path, au: Earth–L4 is Earth's heliocentric distance
 * (an equilateral triangle, ≤ 1.017 au), L4–Mars at most 1.017 + 1.666 au.
 */
export const RELAY_PATH_DISTANCE_MAX_AU = 1.017 + EARTH_MARS_DISTANCE_MAX_AU;
/** One-way light-time through a relay never exceeds this, s. */
export const RELAY_PATH_LIGHT_TIME_MAX_S = Math.ceil((RELAY_PATH_DISTANCE_MAX_AU * 149_597_870_700) / SPEED_OF_LIGHT_M_PER_S);

export const interplanetaryEarthSchema = z.strictObject({
  nodes: z.number().int().min(1).max(10_000).default(200).describe("Satellites of the Earth Walker-delta shell (the paper's §5.2 mesh: its Earth part)."),
  planes: z.number().int().min(1).max(10_000).default(10).describe("Orbital planes (a divisor of nodes)."),
  phasing: z.number().int().min(0).max(9_999).default(1).describe("Walker phasing F (< planes)."),
  inclinationDeg: z.number().min(0).max(180).default(53).describe("Inclination, degrees."),
  altitudeKm: z.number().min(160).max(40_000).default(550).describe("Circular altitude, km (V2000: 550)."),
  gateways: z.number().int().min(1).max(64).default(4).describe("Satellites carrying a deep-space terminal, spread evenly over the shell (index ⌊k·nodes/gateways⌋); every Earth↔Mars and Earth↔relay link starts at one."),
}).describe("The Earth shell: a Walker-delta constellation propagated by SGP4, joined by +Grid inter-satellite links.");

export const interplanetaryMarsSchema = z.strictObject({
  areostationary: z.number().int().min(1).max(64).default(3).describe("Sites of the areostationary ring (radius ≈ 20 428 km, one Martian sidereal day), evenly spaced in areographic longitude; neighbours are linked."),
  longitudeDeg: z.number().min(0).lt(360).default(0).describe("Areographic east longitude of ring site 0, degrees."),
  lowOrbit: z.strictObject({
    sites: z.number().int().min(0).max(256).default(0).describe("Satellites equally spaced on one circular low Mars orbit (0: none); each links to its ring neighbours and to every areostationary site it sees."),
    altitudeKm: z.number().min(100).max(20_000).default(400).describe("Altitude above Mars's equatorial radius, km."),
    inclinationDeg: z.number().min(0).max(180).default(90).describe("Inclination to Mars's equator, degrees (90: polar)."),
  }).prefault({}).describe("An optional low-Mars-orbit ring (two-body, no J2), reaching Earth only through the areostationary sites."),
}).describe("The Mars shell: an areostationary ring, every site with a deep-space terminal, and an optional low-orbit ring.");

export const interplanetaryLinksSchema = z.strictObject({
  solarExclusionDeg: z.number().min(0).lt(90).default(2).describe("Sun–Earth–probe angle below which a deep-space link is down, degrees (NASA/JPL Mars conjunction practice ≈ 2°; Morabito & Hastrup 2003; range 1–5°)."),
  atmosphereMarginM: z.number().min(0).max(1e6).default(100_000).describe("Height above Earth's and Mars's equatorial radius a link must clear, m (our choice; the dense atmosphere)."),
  processingS: z.number().min(0).max(1).default(1e-9).describe("Processing time added at every hop of a routed message, s (default: §5.2's own \"local processing time (< 1 ns)\", the paper's best case; electronic routers: µs–ms)."),
}).describe("Link availability and per-hop cost.");

export const interplanetaryUmtSchema = z.strictObject({
  mode: z.enum(["two-way", "predictive"]).default("two-way").describe("Earth–Mars clock correction: two-way time transfer, or §5.2's predictive compensation from the ephemeris alone."),
  clock: z.enum(["csac", "optical"]).default("csac").describe("Clock of each side's reference: a CSAC (Microsemi SA.45s) or an assumed space optical clock (1e-15 at 1 s)."),
  ephemerisErrorM: z.number().min(0).max(1e6).default(300).describe("Mars ephemeris error, σ per axis, m (DE430: sub-km, ~1 m within its ranging span; Folkner et al. 2014, IPN PR 42-196; range 1 m – 1 km)."),
  turnaroundS: z.number().min(0).max(60).default(1e-3).describe("Reply delay at the Mars site in a two-way exchange, s."),
  frequencyGain: z.number().min(0).max(1).default(0.5).describe("Frequency-steering gain g of the Mars clock (0: time steps only)."),
}).describe("Unified time across the gap: one exchange per tick over the first usable Earth↔Mars link, else through a relay; the Mars reference holds over while the gap is closed.");

export const interplanetaryLatencySchema = z.strictObject({
  earthSources: z.number().int().min(1).max(256).default(8).describe("Earth satellites routed from each sample (evenly spread, shifted by one every tick) to every other node; every Mars site is routed from too."),
}).describe("Routed latency: shortest light-time paths (Dijkstra) over the usable links.");

export const interplanetarySchema = z.strictObject({
  epoch: z.iso.datetime().default("2028-02-20T00:00:00Z").describe("Run time 0 (ISO 8601, UTC); also the Earth shell's TLE epoch."),
  earth: interplanetaryEarthSchema.prefault({}),
  mars: interplanetaryMarsSchema.prefault({}),
  relays: z.array(z.enum(["sun-earth-L4", "sun-earth-L5"])).max(2).default([]).describe("Relay sites at the Sun–Earth Trojan points, linked to every Earth gateway and every Mars site."),
  links: interplanetaryLinksSchema.prefault({}),
  umt: interplanetaryUmtSchema.prefault({}),
  latency: interplanetaryLatencySchema.prefault({}),
  mesh: interplanetaryMeshSchema.prefault({}),
  controllers: interplanetaryControllersSchema.optional(),
}).describe("The Earth–Mars twin (§5.2), read by `model: interplanetary`.");

/** The entry of `extensionSections`. */
export const interplanetarySections = {
  interplanetary: interplanetarySchema.optional(),
};

/** Cross-field rules of `model: interplanetary` (path, expected, got). */
export function interplanetaryIssues(sc: Scenario): Issue[] {
  const out: Issue[] = [];
  const add = (path: string, expected: string, got: unknown) => out.push({ path, expected, got: describeValue(got) });
  const ip = sc.interplanetary;
  if (sc.model !== "interplanetary") {
    if (ip) add("model", `"interplanetary" (the scenario has an interplanetary section)`, sc.model);
    return out;
  }
  if (!ip) {
    add("interplanetary", "an interplanetary section (model: interplanetary reads it; {} takes every default)", undefined);
    return out;
  }
  const e = ip.earth;
  if (e.nodes % e.planes !== 0) add("interplanetary.earth.planes", `a divisor of interplanetary.earth.nodes (${e.nodes})`, e.planes);
  if (e.phasing >= e.planes) add("interplanetary.earth.phasing", `below interplanetary.earth.planes (${e.planes})`, e.phasing);
  if (e.gateways > e.nodes) add("interplanetary.earth.gateways", `at most interplanetary.earth.nodes (${e.nodes})`, e.gateways);
  out.push(...interplanetaryMeshIssues(ip.earth.nodes, ip.mars.areostationary, ip.mesh));
  if (new Set(ip.relays).size !== ip.relays.length) add("interplanetary.relays", "each relay at most once", ip.relays);
  const year = Number(ip.epoch.slice(0, 4));
  if (year < 1900 || year > 2100) add("interplanetary.epoch", "a date in 1900–2100 (the span the ephemeris is checked over)", ip.epoch);
  // One exchange (and, two-way, its report back to Mars) must land before the next tick's.
  const tau = ip.relays.length > 0 ? RELAY_PATH_LIGHT_TIME_MAX_S : EARTH_MARS_LIGHT_TIME_MAX_S;
  const needS = ip.umt.mode === "two-way" ? 3 * tau + ip.umt.turnaroundS : tau;
  if (sc.run.tickS < needS) {
    add("run.tickS", `≥ ${needS} s with interplanetary.umt.mode "${ip.umt.mode}"${ip.relays.length > 0 ? " and relays" : ""}: one Earth–Mars exchange per tick (light-time up to ${tau} s${ip.relays.length > 0 ? " through a relay" : ""}${ip.umt.mode === "two-way" ? ", three legs plus the turnaround" : ""})`, sc.run.tickS);
  }
  out.push(...controllersIssues(ip.controllers, sc.run.durationS));
  return out;
}
