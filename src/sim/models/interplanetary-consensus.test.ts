/**
 * The Raft controllers inside the interplanetary run (§5.2 with §3.2's controllers): the run's
 * `raft…` metrics are the controllers' own figures at each sample (a standalone `GapRaft` with the
 * same options, stepped to the same times, agrees), an even Earth/Mars split loses its quorum while
 * the Sun–Earth–Mars angle is inside the exclusion (astronomy-engine's elongation, independent of
 * the run), the summary's `failover` field reads it from the series, and the run resumes from a
 * checkpoint inside the outage to the uninterrupted fingerprint, samples and events.
 */
import { Body, Elongation } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { interplanetarySummary } from "../../experiments/interplanetary/run-summary.js";
import { RandomStream } from "../../numeric/random/stream.js";
import { GapRaft } from "../gap-raft.js";
import { gapRaftOptionsOf } from "../scenario/interplanetary-controllers.js";
import { resolveScenario, type Scenario } from "../scenario/index.js";
import { expectResumeMatches, recordRun, seriesOf } from "./__tests__/record-run.js";

const DAY_S = 86_400;
const EPOCH = "2028-03-10T00:00:00Z";

function scenario(controllers: Record<string, unknown>): Scenario {
  return resolveScenario({
    name: "ip-raft-test", model: "interplanetary",
    run: { seed: 11, durationS: 6 * DAY_S, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: 2 * DAY_S },
    interplanetary: { epoch: EPOCH, earth: { nodes: 40, planes: 4, gateways: 2 }, mars: { areostationary: 2 }, latency: { earthSources: 2 }, controllers },
  }, "test");
}

describe("Raft controllers in the interplanetary run, an even split through the 2028 conjunction", () => {
  const even = { sites: [{ at: "earth", lonDeg: 0 }, { at: "earth", lonDeg: 90 }, { at: "mars", lonDeg: 0 }, { at: "mars", lonDeg: 90 }], geometryStepS: 3600 };
  const sc = scenario(even);
  const whole = recordRun(sc);

  it("samples are the controllers' own figures", () => {
    const ip = sc.interplanetary!;
    const g = new GapRaft(gapRaftOptionsOf(ip.controllers!, ip.epoch, sc.run.seed, ip.links.solarExclusionDeg), (i) => RandomStream.fromSeed(sc.run.seed, `interplanetary-raft/controller-${i}`));
    for (const s of whole.samples) {
      g.advanceTo(s.tNs);
      const m = g.metrics();
      expect(s.metrics.raftLeaderSide).toBe(m.raftLeaderSide);
      expect(s.metrics.raftElectionsTotal).toBe(m.raftElectionsTotal);
      expect(s.metrics.raftUnavailableS).toBe(m.raftUnavailableS);
    }
  });

  it("cannot commit while the Sun–Earth–Mars angle is inside the exclusion, and could before", () => {
    const downs = whole.samples.filter((s, k) => k > 0 && s.metrics.raftUnavailableS! > whole.samples[k - 1]!.metrics.raftUnavailableS!);
    const sepAt = (tNs: number) => Elongation(Body.Mars, new Date(Date.parse(EPOCH) + tNs / 1e6)).elongation;
    // Elected before the conjunction, and some commits landed.
    expect(whole.samples.some((s) => s.metrics.raftCommitLatencyS !== undefined && sepAt(s.tNs) > 2.05)).toBe(true);
    // Every sample well inside the exclusion (after a 1 h timeout and a 40 min round trip) adds unavailable time.
    const inside = whole.samples.filter((s) => sepAt(s.tNs) < 1.9 && sepAt(s.tNs - 4 * 3600e9) < 2);
    expect(inside.length).toBeGreaterThan(10);
    for (const s of inside) expect(downs).toContain(s);
    const sum = interplanetarySummary(sc, seriesOf(whole.samples), whole.events);
    expect(sum.failover).not.toBeNull();
    expect(sum.failover!.quorum).toBe(3);
    expect(sum.failover!.unavailable.some((p) => p.open && p.startS > 0)).toBe(true);
    expect(sum.failover!.verdict.outcome).toBe("fails");
  });

  it("resumes from a checkpoint before and one inside the outage to the same fingerprint, samples and events", () => {
    for (const k of [0, 1]) { // day 2 (before the exclusion), day 4 (inside it)
      expectResumeMatches(sc, whole, k);
    }
  });
});

describe("a Mars-side partition in the run (Earth majority 3 + 2)", () => {
  it("Earth commits on while Mars's controllers fall behind, and catch up once healed", () => {
    const sc = resolveScenario({
      name: "ip-raft-partition", model: "interplanetary",
      run: { seed: 5, durationS: 5 * DAY_S, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: 5 * DAY_S },
      interplanetary: {
        epoch: "2027-06-01T00:00:00Z", earth: { nodes: 40, planes: 4, gateways: 2 }, mars: { areostationary: 2 }, latency: { earthSources: 2 },
        controllers: {
          sites: [{ at: "earth", lonDeg: 0 }, { at: "earth", lonDeg: 90 }, { at: "earth", lonDeg: -60 }, { at: "mars", lonDeg: 0 }, { at: "mars", lonDeg: 90 }],
          geometryStepS: 3600, partitions: [{ side: "mars", startS: DAY_S, durationS: 2 * DAY_S }],
        },
      },
    }, "test");
    const { samples, events } = recordRun(sc);
    const during = samples.filter((s) => s.tNs > (DAY_S + 4 * 3600) * 1e9 && s.tNs <= 3 * DAY_S * 1e9);
    const after = samples.filter((s) => s.tNs > 4 * DAY_S * 1e9);
    // One command per 600 s: two days cut off leave Mars ≈ 288 entries behind; Earth never is.
    expect(Math.max(...during.map((s) => s.metrics.raftCommitsBehindMars!))).toBeGreaterThan(200);
    // Healed, Mars lags only by what was committed within one light-time and a heartbeat (120 s).
    const lagMax = Math.ceil((Math.max(...samples.map((s) => s.metrics.lightTimeS!)) + 120) / 600) + 1;
    expect(lagMax).toBeLessThan(10);
    expect(Math.max(...after.map((s) => s.metrics.raftCommitsBehindMars!))).toBeLessThanOrEqual(lagMax);
    expect(Math.max(...samples.map((s) => s.metrics.raftCommitsBehindEarth!))).toBeLessThanOrEqual(1);
    expect(during.every((s) => s.metrics.raftLeaderSide === 0 && s.metrics.raftCommitLatencyS! < 0.6)).toBe(true);
    const sum = interplanetarySummary(sc, seriesOf(samples), events);
    expect(sum.failover!.commitsBehindMax.mars).toBeGreaterThan(200);
    expect(sum.failover!.unavailable.filter((p) => p.startS > 0)).toEqual([]);
  });
});

describe("interplanetary.controllers input", () => {
  it("names a bad field", () => {
    expect(() => scenario({ heartbeatTicks: 200 })).toThrow(/interplanetary\.controllers\.heartbeatTicks/);
    expect(() => scenario({ sites: [{ at: "venus" }] })).toThrow(/interplanetary\.controllers\.sites/);
    expect(() => scenario({ raftTickS: 0.01 })).toThrow(/interplanetary\.controllers\.raftTickS: expected at most 2e\+7 controller ticks/);
  });
});
