/**
 * The twin run on the buildable system's control plane: the failover world (sim/failover-world.ts,
 * the `pqms failover` machinery: five controllers on Raft with every message delayed by its
 * light-time, leader crashes, MTBF node failures and a CME, the safety checker after every event)
 * with the buildable placement's controller sites, Raft timing scaled to their round trips, and
 * each failed node reloaded from its in-plane neighbour. Its measured failover and reload stand
 * beside the derived figures: the derivation is the light-time bound, the simulation adds what
 * Raft's election timeout and the node's failure detection cost.
 */
import { FAILOVER_DEFAULT, runFailover, type Dist } from "../failover/failover.js";
import { relayedLightTimeS, type Vec3 } from "../../model/orbit/light-time.js";
import { EARTH_RADIUS_M } from "../../model/orbit/walker.js";
import { OCCULTATION_MARGIN_M } from "../../model/orbit/isl.js";
import { SARCOPHAGUS_DEFAULT } from "../../model/sarcophagus/sarcophagus.js";
import type { Technology } from "./assumptions.js";
import { bestPlacement, failoverS, reloadS } from "./derive.js";

/** Raft ticks in one election timeout (the tick is the timeout ÷ this); heartbeats every tenth of it. */
const ELECTION_TICKS = 30;
const HEARTBEAT_TICKS = 3;

export interface TwinFailoverOptions {
  /** Nodes in the shell (default the technology's `nodes`). */
  readonly nodes?: number;
  /** Simulated seconds (default 30: three leader crashes at 7.5, 15 and 22.5 s). */
  readonly durationS?: number;
  readonly seed?: number;
}

export interface TwinFailover {
  readonly placement: string;
  readonly sites: ReadonlyArray<{ readonly name: string; readonly positionM: Vec3 }>;
  /** The settings the run used. */
  readonly settings: {
    readonly nodes: number; readonly planes: number; readonly altitudeKm: number; readonly durationS: number; readonly seed: number;
    readonly largestRoundTripS: number; readonly electionTimeoutS: number; readonly raftTickS: number; readonly electionTicks: number; readonly heartbeatTicks: number;
    readonly reloadFrom: "neighbour"; readonly detectTimeoutS: number; readonly snapshotEveryS: number; readonly linkRateBitPerS: number;
  };
  readonly derived: { readonly leaderFailoverS: number; readonly reloadS: number };
  readonly simulated: {
    readonly leaderFailoverS: Dist; readonly reloadS: Dist; readonly commitLatencyS: Dist;
    readonly lowerBounds: { readonly leaderFailoverS: number; readonly reloadS: number };
    readonly safetyViolations: number; readonly unrecoverableNodes: number; readonly events: number; readonly fingerprint: string;
  };
  readonly paper: { readonly leaderFailoverS: number; readonly reloadS: number };
}

/** Run the failover world on the buildable placement (pure: same technology and options, same result). */
export function twinFailover(t: Technology, o: TwinFailoverOptions = {}): TwinFailover {
  const best = bestPlacement(t);
  if (best.sitesM === null) throw new Error("the buildable placement is the paper's: run `pqms failover` instead"); // unreachable while a ring beats it
  const sites = best.sitesM.map((positionM, i) => ({ name: `${best.name} #${i + 1}`, positionM }));
  let rtt = 0;
  for (const a of best.sitesM) for (const b of best.sitesM) rtt = Math.max(rtt, 2 * relayedLightTimeS(a, b, EARTH_RADIUS_M + OCCULTATION_MARGIN_M));
  const timeout = t.raftTimeoutRtts * rtt;
  const nodes = o.nodes ?? t.nodes;
  const durationS = o.durationS ?? 30;
  const seed = o.seed ?? FAILOVER_DEFAULT.seed;
  const sarcophagus = { ...SARCOPHAGUS_DEFAULT, linkRateBitPerS: t.linkRateBitPerS };
  const r = runFailover({
    ...FAILOVER_DEFAULT, seed, durationS, sites, reloadFrom: "neighbour",
    shell: { ...FAILOVER_DEFAULT.shell, total: nodes, planes: t.planes, altitudeKm: t.altitudeM / 1e3 },
    raftTickS: timeout / ELECTION_TICKS, electionTicks: ELECTION_TICKS, heartbeatTicks: HEARTBEAT_TICKS, commitEveryS: durationS / 20,
    sarcophagus, plan: { ...FAILOVER_DEFAULT.plan, leaderCrashes: 3, smcDownS: durationS / 6 },
  });
  return {
    placement: best.name, sites,
    settings: {
      nodes, planes: t.planes, altitudeKm: t.altitudeM / 1e3, durationS, seed, largestRoundTripS: rtt, electionTimeoutS: timeout, raftTickS: timeout / ELECTION_TICKS,
      electionTicks: ELECTION_TICKS, heartbeatTicks: HEARTBEAT_TICKS, reloadFrom: "neighbour", detectTimeoutS: sarcophagus.detectTimeoutS, snapshotEveryS: sarcophagus.snapshotEveryS, linkRateBitPerS: sarcophagus.linkRateBitPerS,
    },
    derived: { leaderFailoverS: failoverS(t).value, reloadS: reloadS(t).value },
    simulated: { leaderFailoverS: r.leaderFailoverS, reloadS: r.reloadS, commitLatencyS: r.commitLatencyS, lowerBounds: r.lowerBounds, safetyViolations: r.safetyViolations, unrecoverableNodes: r.unrecoverableNodes, events: r.events, fingerprint: r.fingerprint },
    paper: { leaderFailoverS: r.paperClaims.leaderFailoverS, reloadS: r.paperClaims.reloadS },
  };
}
