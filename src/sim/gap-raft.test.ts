/**
 * Raft across the Earth–Mars gap (§5.2 with §3.2's Raft controllers). The expected figures are
 * computed independently of the run: light-times straight from the light-time equation on the
 * ephemerides (not the run's interpolated table), link states from `linkState` at the exact
 * instant, the solar conjunction from astronomy-engine's Sun–Earth–Mars elongation, and Raft's
 * quorum arithmetic (⌊n/2⌋ + 1).
 */
import { AngleFromSun, Body, MakeTime, type AstroTime } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { RandomStream } from "../numeric/random/stream.js";
import { linkState, siteLightTimeS } from "../model/orbit/interplanetary.js";
import { GAP_RAFT_DEFAULT, GapRaft, controllerPosition, runGapRaft, type ControllerSite, type GapRaftOptions } from "./gap-raft.js";
import { decodeState, encodeState } from "./state-codec.js";

const E0: ControllerSite = { at: "earth", lonDeg: 0 };
const E1: ControllerSite = { at: "earth", lonDeg: 90 };
const E2: ControllerSite = { at: "earth", lonDeg: -60 };
const M0: ControllerSite = { at: "mars", lonDeg: 0 };
const M1: ControllerSite = { at: "mars", lonDeg: 90 };
const M2: ControllerSite = { at: "mars", lonDeg: -60 };
const L4: ControllerSite = { at: "sun-earth-L4", lonDeg: 0 };
const DAY_S = 86_400;

/** Far from conjunction (Sun–Earth–Mars elongation ≈ 100°, Earth–Mars ≈ 1.7 AU). */
const QUIET = "2027-06-01T00:00:00Z";

/** Light-minute timeouts: 1 h election timeout (above the ≈ 45 min worst-case round trip). */
const SLOW: GapRaftOptions = { ...GAP_RAFT_DEFAULT, raftTickS: 60, electionTicks: 60, heartbeatTicks: 5, checkSafety: true };
/** LEO-style timeouts: §3.2's failover experiment's scale, a 10 s election timeout. */
const FAST: GapRaftOptions = { ...GAP_RAFT_DEFAULT, raftTickS: 0.5, electionTicks: 20, heartbeatTicks: 2, checkSafety: true };

const at = (epoch: string, s: number): AstroTime => MakeTime(new Date(epoch)).AddDays(s / DAY_S);

/** The quorum round trip from `leader` for a command leaving at `tS`: the (q−1)-th fastest follower, there and back. */
function quorumRoundTripS(sites: readonly ControllerSite[], leader: number, epoch: string, tS: number): number {
  const pos = sites.map(controllerPosition);
  const t = at(epoch, tS);
  const rtts: number[] = [];
  for (let i = 0; i < sites.length; i++) {
    if (i === leader || linkState(pos[leader]!, pos[i]!, t).blockedBy !== null) continue;
    const out = siteLightTimeS(pos[leader]!, pos[i]!, t);
    rtts.push(out + siteLightTimeS(pos[i]!, pos[leader]!, t.AddDays(out / DAY_S)));
  }
  rtts.sort((a, b) => a - b);
  const q = Math.floor(sites.length / 2) + 1;
  return rtts[q - 2] ?? Infinity;
}

/** Whether every link of `leader` has the same state at tS and one step either side (no edge nearby). */
function steadyLinks(sites: readonly ControllerSite[], leader: number, epoch: string, tS: number, stepS: number): boolean {
  const pos = sites.map(controllerPosition);
  for (let i = 0; i < sites.length; i++) {
    if (i === leader) continue;
    const states = [tS - stepS, tS, tS + stepS].map((x) => linkState(pos[leader]!, pos[i]!, at(epoch, Math.max(0, x))).blockedBy === null);
    if (states[0] !== states[1] || states[1] !== states[2]) return false;
  }
  return true;
}

describe("Raft across the gap with light-minute timeouts (Raft §5.2–5.3 on light-time links)", () => {
  const o: GapRaftOptions = { ...SLOW, epoch: QUIET, geometryStepS: 1800 };
  const r = runGapRaft(o, 1.5 * DAY_S);
  const commits = r.events.filter((e) => e.kind === "commit");

  it("elects a leader and commits, safely", () => {
    expect(r.summary.safetyViolations).toBe(0);
    expect(r.summary.leaderChanges).toBeGreaterThanOrEqual(1);
    expect(commits.length).toBeGreaterThan(20);
  });

  it("each command commits one quorum round trip after it is proposed", () => {
    let checked = 0;
    for (const c of commits) {
      const latencyS = c.data.latencyS!;
      const proposedS = c.tNs / 1e9 - latencyS;
      if (!steadyLinks(o.controllers, c.data.leader!, QUIET, proposedS, o.geometryStepS)) continue;
      // Tolerance 10 ms: the run interpolates light-times linearly over a 1800 s step (a·T²/8 ≈
      // 0.3 ms for a GEO site), far below one 60 s tick; the reference is the exact equation.
      expect(Math.abs(latencyS - quorumRoundTripS(o.controllers, c.data.leader!, QUIET, proposedS))).toBeLessThan(0.01);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("the round trip is light-minutes: the paper's sub-millisecond failover is out of reach across the gap", () => {
    expect(r.summary.commitLatencyS.median).toBeGreaterThan(60);
  });

  it("is deterministic: same seed, same fingerprint; another seed differs", () => {
    const again = runGapRaft(o, 1.5 * DAY_S);
    expect(again.fingerprint).toBe(r.fingerprint);
    expect(again.summary).toEqual(r.summary);
    expect(runGapRaft({ ...o, seed: 7 }, 0.5 * DAY_S).fingerprint).not.toBe(runGapRaft(o, 0.5 * DAY_S).fingerprint);
  });
});

describe("timeouts below the round trip (LEO-style, 10 s)", () => {
  it("a quorum spanning the gap never elects a leader: elections run on, nothing commits", () => {
    const r = runGapRaft({ ...FAST, epoch: QUIET, controllers: [E0, E1, M0, M1, L4] }, 3 * 3600);
    expect(r.summary.safetyViolations).toBe(0);
    expect(r.summary.leaderChanges).toBe(0);
    expect(r.summary.electionsTotal).toBeGreaterThan(0);
    expect(r.summary.commitLatencyS.count).toBe(0);
    expect(r.summary.unavailableS).toBe(3 * 3600);
    expect(r.metrics.raftLeaderSide).toBe(-1);
  });

  it("flips when a quorum sits on one side: Earth's three controllers elect and commit in milliseconds", () => {
    const r = runGapRaft({ ...FAST, epoch: QUIET, controllers: [E0, E1, E2, M0, M1], commitEveryS: 60 }, 2 * 3600);
    expect(r.summary.safetyViolations).toBe(0);
    expect(r.metrics.raftLeaderSide).toBe(0);
    expect(r.summary.commitLatencyS.count).toBeGreaterThan(100);
    // Two GEO sites ≤ 84 000 km apart: a round trip under 0.6 s.
    expect(r.summary.commitLatencyS.p99).toBeLessThan(0.6);
  });
});

describe("solar conjunction (March 2028): only a side holding a quorum on its own commits", () => {
  // The Earth–Mars links close when the Sun–Earth–Mars elongation falls below the 2° exclusion.
  const epoch = "2028-03-11T00:00:00Z";
  const durationS = 4 * DAY_S;
  const closeS = (() => {
    for (let s = 0; s < durationS; s += 600) if (AngleFromSun(Body.Mars, at(epoch, s)) < GAP_RAFT_DEFAULT.solarExclusionDeg) return s;
    return Infinity;
  })();
  const o = (controllers: ControllerSite[]): GapRaftOptions => ({ ...SLOW, epoch, controllers, geometryStepS: 1800 });
  /** Commits proposed after the links closed plus one grid step, two election timeouts and a round trip. */
  const settledS = closeS + 1800 + 2 * 3600 + 2 * 1400;
  const afterClose = (controllers: ControllerSite[]) => {
    const r = runGapRaft(o(controllers), durationS);
    const late = r.events.filter((e) => e.kind === "commit" && e.tNs / 1e9 - e.data.latencyS! > settledS);
    return { r, late, sides: new Set(late.map((e) => controllers[e.data.leader!]!.at)) };
  };

  it("the conjunction falls inside the run", () => {
    expect(closeS).toBeGreaterThan(0.5 * DAY_S);
    expect(settledS).toBeLessThan(durationS - DAY_S);
  });

  it("Earth majority (3 + 2): Earth commits through it, in under a second", () => {
    const { r, late, sides } = afterClose([E0, E1, E2, M0, M1]);
    expect(r.summary.safetyViolations).toBe(0);
    expect(late.length).toBeGreaterThan(10);
    expect([...sides]).toEqual(["earth"]);
    expect(Math.max(...late.map((e) => e.data.latencyS!))).toBeLessThan(0.6);
  });

  it("Mars majority (2 + 3): Mars commits through it", () => {
    const { r, late, sides } = afterClose([E0, E1, M0, M1, M2]);
    expect(r.summary.safetyViolations).toBe(0);
    expect(late.length).toBeGreaterThan(10);
    expect([...sides]).toEqual(["mars"]);
  });

  it("an even split (2 + 2) has no quorum on either side: nothing commits until the Sun moves on", () => {
    const { r, late } = afterClose([E0, E1, M0, M1]);
    expect(r.summary.safetyViolations).toBe(0);
    expect(late.length).toBe(0);
    expect(r.summary.unavailableS).toBeGreaterThan(durationS - settledS);
  });

  it("a relay at L4 sees both planets past the Sun: 2 + 2 + L4 keeps committing, at the relay's round trip", () => {
    const { r, late } = afterClose([E0, E1, M0, M1, L4]);
    expect(r.summary.safetyViolations).toBe(0);
    expect(late.length).toBeGreaterThan(5);
    for (const c of late.slice(0, 5)) {
      const proposedS = c.tNs / 1e9 - c.data.latencyS!;
      expect(Math.abs(c.data.latencyS! - quorumRoundTripS([E0, E1, M0, M1, L4], c.data.leader!, epoch, proposedS))).toBeLessThan(0.05);
    }
  });
});

describe("a Mars-side partition (Earth majority 3 + 2)", () => {
  const controllers = [E0, E1, E2, M0, M1];
  const startS = 0.5 * DAY_S;
  const durationS = DAY_S;
  const o: GapRaftOptions = { ...SLOW, epoch: QUIET, controllers, geometryStepS: 1800, partitions: [{ side: "mars", startS, durationS }] };

  it("leaves Earth's majority committing and Mars's minority not", () => {
    const g = new GapRaft(o);
    const graceS = 2 * 3600 + 2 * 1000; // two election timeouts and a round trip in flight
    g.advanceTo(Math.round((startS + graceS) * 1e9));
    const marsCommit = [g.status(3).commit, g.status(4).commit];
    const earthCommit = g.status(0).commit;
    g.drainEvents();
    g.advanceTo(Math.round((startS + durationS) * 1e9));
    const during = g.drainEvents().filter((e) => e.kind === "commit");
    expect(during.length).toBeGreaterThan(10);
    expect(new Set(during.map((e) => controllers[e.data.leader!]!.at))).toEqual(new Set(["earth"]));
    expect(g.status(0).commit).toBeGreaterThan(earthCommit);
    expect([g.status(3).commit, g.status(4).commit]).toEqual(marsCommit);
    expect(g.summary().safetyViolations).toBe(0);
    // Healed: Mars catches up within a few round trips.
    g.advanceTo(Math.round((startS + durationS + 4 * 3600) * 1e9));
    expect(g.status(3).commit).toBeGreaterThan(marsCommit[0]!);
  });

  it("the same partition of a Mars majority (2 + 3) stops Earth instead", () => {
    const r = runGapRaft({ ...o, controllers: [E0, E1, M0, M1, M2] }, startS + durationS);
    const late = r.events.filter((e) => e.kind === "commit" && e.tNs / 1e9 - e.data.latencyS! > startS + 2 * 3600 + 2000);
    expect(late.length).toBeGreaterThan(10);
    expect(new Set(late.map((e) => e.data.leader! >= 2 ? "mars" : "earth"))).toEqual(new Set(["mars"]));
  });
});

describe("safety under random side partitions (the checker after every event)", () => {
  it("no violation over seeded schedules; a failure names its seed", () => {
    const bad: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const pick = RandomStream.fromSeed(seed, "gap-raft-test", "schedule");
      const sides = ["earth", "mars", "relay"] as const;
      const partitions = Array.from({ length: 4 }, () => ({ side: sides[pick.int(3)]!, startS: pick.uniform() * 0.8 * DAY_S, durationS: 600 + pick.uniform() * 6 * 3600 }));
      const r = runGapRaft({ ...SLOW, seed, epoch: QUIET, geometryStepS: 3600, partitions, raftTickS: 30 }, DAY_S);
      if (r.summary.safetyViolations > 0) bad.push(`reproduce with seed=${seed}: ${JSON.stringify(partitions)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe("checkpoint", () => {
  it("a run restored from its snapshot (through the state codec) continues to the same fingerprint", () => {
    const o: GapRaftOptions = { ...SLOW, epoch: QUIET, geometryStepS: 3600, partitions: [{ side: "mars", startS: 30_000, durationS: 20_000 }] };
    const cut = 40_000e9;
    const end = 80_000e9;
    const a = new GapRaft(o);
    a.advanceTo(cut);
    const saved = encodeState(a.snapshot());
    a.advanceTo(end);
    const b = new GapRaft(o);
    b.restore(decodeState(saved));
    b.advanceTo(end);
    expect(b.fingerprint()).toBe(a.fingerprint());
    expect(b.metrics()).toEqual(a.metrics());
    expect({ ...b.summary(), safetyViolations: 0 }).toEqual({ ...a.summary(), safetyViolations: 0 });
  });

  it("refuses a damaged snapshot, naming the field", () => {
    const o: GapRaftOptions = { ...SLOW, epoch: QUIET, geometryStepS: 3600 };
    const a = new GapRaft(o);
    a.advanceTo(3600e9);
    const state = decodeState<Record<string, unknown>>(encodeState(a.snapshot()));
    expect(() => new GapRaft(o).restore({ ...state, ackNs: new Float64Array(3) } as never)).toThrow(/checkpoint\.model\.raft\.ackNs: expected a Float64Array of length 25/);
    expect(() => new GapRaft(o).restore({ ...state, leaderNow: 9 } as never)).toThrow(/leaderNow: expected an integer in \[-1, 4\]/);
  });
});

describe("bad input", () => {
  it("names the field, what was expected and what came", () => {
    expect(() => new GapRaft({ ...SLOW, heartbeatTicks: 60 })).toThrow(InputError);
    expect(() => new GapRaft({ ...SLOW, heartbeatTicks: 60 })).toThrow(/interplanetary\.controllers\.heartbeatTicks: expected an integer in \[1, electionTicks = 60\), got 60/);
    expect(() => new GapRaft({ ...SLOW, controllers: [{ at: "venus" as "earth", lonDeg: 0 }] })).toThrow(/sites\[0\]\.at/);
    expect(() => new GapRaft({ ...SLOW, partitions: [{ side: "mars", startS: 0, durationS: -1 }] })).toThrow(/partitions\[0\]\.durationS/);
  });
});
