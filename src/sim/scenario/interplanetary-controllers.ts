/**
 * The `interplanetary.controllers` sub-section: where the Raft controllers of the Earth–Mars twin
 * sit, their timeouts, the client's command rate and side partitions (sim/gap-raft.ts). The
 * defaults are light-minute timeouts: an election timeout of 1 h, above the largest Earth–Mars
 * round trip (≈ 44.7 min), so elections can work at all across the gap.
 */
import { z } from "zod";
import type { Issue } from "../../errors.js";
import { describeValue } from "../../errors.js";
import { CONTROLLER_SITES, GAP_RAFT_DEFAULT, type ControllerAt, type GapRaftOptions } from "../gap-raft.js";

const siteSchema = z.strictObject({
  at: z.enum(CONTROLLER_SITES as [ControllerAt, ...ControllerAt[]]).describe("Where the controller sits: Earth's geostationary ring, Mars's areostationary ring, or the Sun–Earth L4/L5 point."),
  lonDeg: z.number().min(-360).max(360).default(0).describe("East longitude on its planet's synchronous ring, degrees (ignored at L4/L5)."),
}).describe("One Raft controller.");

const partitionSchema = z.strictObject({
  side: z.enum(["earth", "mars", "relay"]).describe("The controllers cut off: those on Earth, on Mars, or at L4/L5."),
  startS: z.number().min(0).describe("Start, s from the epoch."),
  durationS: z.number().gt(0).describe("Length, s: every link between that side and the rest is down."),
}).describe("A window in which one side's controllers are cut off from the others.");

export const interplanetaryControllersSchema = z.strictObject({
  sites: z.array(siteSchema).min(1).max(15).default(GAP_RAFT_DEFAULT.controllers.map((c) => ({ ...c })))
    .describe("The Raft cluster (quorum ⌊n/2⌋ + 1). Default 2 on Earth's ring, 2 on Mars's, 1 at L4: neither planet holds a quorum alone."),
  raftTickS: z.number().gt(0).max(3600).default(GAP_RAFT_DEFAULT.raftTickS).describe("Raft tick, s."),
  electionTicks: z.number().int().min(2).max(1_000_000).default(GAP_RAFT_DEFAULT.electionTicks)
    .describe("Election timeout in ticks (randomised in [1, 2)× that). Below the Earth–Mars round trip no quorum spanning the gap ever elects a leader (LEO-style: 0.5 s × 20)."),
  heartbeatTicks: z.number().int().min(1).max(1_000_000).default(GAP_RAFT_DEFAULT.heartbeatTicks).describe("Leader heartbeat interval in ticks (< electionTicks)."),
  commitEveryS: z.number().gt(0).default(GAP_RAFT_DEFAULT.commitEveryS).describe("The client offers one command this often (one outstanding at a time), s."),
  geometryStepS: z.number().min(60).max(86_400).default(GAP_RAFT_DEFAULT.geometryStepS)
    .describe("Grid of the controllers' light-times and link states, s (light-times interpolated between; a link outage is resolved to one step)."),
  partitions: z.array(partitionSchema).max(64).default([]).describe("Side partitions, e.g. Mars cut off for a day."),
}).describe("Raft controllers across the gap: commit latency, elections and unavailability through conjunction and partitions.");

/** The resolved sub-section. */
export type ControllersSection = z.infer<typeof interplanetaryControllersSchema>;

/** Most Raft ticks of all controllers in one run (≈ 10⁵ events/s: a bound of minutes, not hours). */
export const CONTROLLER_TICKS_MAX = 2e7;

/** Cross-field rules (path, expected, got). */
export function controllersIssues(c: ControllersSection | undefined, durationS: number): Issue[] {
  const out: Issue[] = [];
  if (!c) return out;
  const base = "interplanetary.controllers";
  if (c.heartbeatTicks >= c.electionTicks) out.push({ path: `${base}.heartbeatTicks`, expected: `below ${base}.electionTicks (${c.electionTicks})`, got: describeValue(c.heartbeatTicks) });
  const ticks = (durationS / c.raftTickS) * c.sites.length;
  if (ticks > CONTROLLER_TICKS_MAX) out.push({ path: `${base}.raftTickS`, expected: `at most ${CONTROLLER_TICKS_MAX.toExponential(0)} controller ticks in the run (run.durationS / raftTickS × sites; a LEO-style 0.5 s tick fits about ${Math.floor(CONTROLLER_TICKS_MAX * 0.5 / c.sites.length / 86_400)} days)`, got: describeValue(c.raftTickS) });
  c.partitions.forEach((p, i) => {
    if (p.startS >= durationS) out.push({ path: `${base}.partitions[${i}].startS`, expected: `before the run's end (run.durationS = ${durationS})`, got: describeValue(p.startS) });
  });
  return out;
}

/** Gap-Raft options from the section, the scenario's epoch, seed and solar exclusion angle. */
export function gapRaftOptionsOf(c: ControllersSection, epoch: string, seed: number, solarExclusionDeg: number): GapRaftOptions {
  return {
    seed, epoch, controllers: c.sites.map((s) => ({ at: s.at, lonDeg: s.lonDeg })), raftTickS: c.raftTickS, electionTicks: c.electionTicks,
    heartbeatTicks: c.heartbeatTicks, commitEveryS: c.commitEveryS, geometryStepS: c.geometryStepS, solarExclusionDeg,
    partitions: c.partitions.map((p) => ({ side: p.side, startS: p.startS, durationS: p.durationS })),
  };
}
