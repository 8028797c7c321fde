/**
 * The failover world (§3.2) on the buildable placement: Raft over the GEO cluster's light-times,
 * each failed node reloaded from its in-plane neighbour. The measured failover never beats the
 * light-time bound the derivation gives (a quorum round trip, computed here from the pentagon's
 * geometry), and is at least the election timeout a follower must wait; reloads never beat three
 * in-plane hops (node → holder behind it → spare ahead of it) nor the failure detection.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { FAILOVER_DEFAULT, runFailover } from "../failover/failover.js";
import { TECHNOLOGY_DEFAULT } from "./assumptions.js";
import { twinFailover } from "./twin.js";

const C = 299_792_458;
const T = TECHNOLOGY_DEFAULT;
const w = twinFailover(T, { nodes: 2000 });

describe("the failover world on the buildable placement", () => {
  it("runs on the GEO cluster's sites: a regular pentagon of side = the least separation", () => {
    expect(w.placement).toMatch(/^GEO cluster/);
    expect(w.sites).toHaveLength(5);
    const [a, b, c] = [w.sites[0]!.positionM, w.sites[1]!.positionM, w.sites[2]!.positionM];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) / T.controllerMinSeparationM).toBeCloseTo(1, 9);
    // The farthest pair is a diagonal: side × golden ratio.
    expect((w.settings.largestRoundTripS * C) / 2 / Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2])).toBeCloseTo(1, 9);
    expect(Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2]) / T.controllerMinSeparationM).toBeCloseTo((1 + Math.sqrt(5)) / 2, 9);
  });

  it("leader failover: 3 crashes, each re-elected, no safety violation; measured ≥ the quorum round trip (2·side/c) and ≥ the election timeout less one heartbeat", () => {
    expect(w.simulated.safetyViolations).toBe(0);
    expect(w.simulated.leaderFailoverS.count).toBe(3);
    const bound = (2 * T.controllerMinSeparationM) / C; // 3 of 5: the candidate's two nearest peers are its pentagon sides
    expect(w.derived.leaderFailoverS).toBeCloseTo(bound, 12);
    expect(w.simulated.lowerBounds.leaderFailoverS).toBeCloseTo(bound, 9);
    const waits = w.settings.electionTimeoutS * (1 - w.settings.heartbeatTicks / w.settings.electionTicks);
    expect(w.simulated.leaderFailoverS.median).toBeGreaterThanOrEqual(Math.max(bound, waits));
    expect(w.simulated.commitLatencyS.median).toBeGreaterThanOrEqual(bound * (1 - 1e-6));
  });

  it("reload from the in-plane neighbour: ≥ three in-plane chords 2(R⊕+h)·sin(π/n)/c and ≥ the detection timeout", () => {
    const perPlane = w.settings.nodes / w.settings.planes;
    const chordS = (2 * (6_371e3 + T.altitudeM) * Math.sin(Math.PI / perPlane)) / C;
    expect(w.simulated.reloadS.count).toBeGreaterThan(0);
    expect(w.simulated.unrecoverableNodes).toBe(0);
    // SGP4's mean elements give a near-circular orbit: the chord agrees to 1 %.
    expect(w.simulated.lowerBounds.reloadS / (3 * chordS)).toBeCloseTo(1, 2);
    expect(w.simulated.reloadS.median).toBeGreaterThanOrEqual(w.settings.detectTimeoutS);
    expect(w.derived.reloadS).toBeLessThan(w.simulated.reloadS.median); // the derivation has no detection
  });

  it("a wider election timeout slows the measured failover; the derived bound does not move", () => {
    const slow = twinFailover({ ...T, raftTimeoutRtts: 12 }, { nodes: 200, durationS: 30 });
    expect(slow.derived.leaderFailoverS).toBe(w.derived.leaderFailoverS);
    expect(slow.simulated.leaderFailoverS.median).toBeGreaterThan(w.simulated.leaderFailoverS.median);
  });

  it("the world refuses a placement that is not five controllers", () => {
    expect(() => runFailover({ ...FAILOVER_DEFAULT, durationS: 1, sites: w.sites.slice(0, 4) })).toThrow(InputError);
  });
});
