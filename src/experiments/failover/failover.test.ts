/**
 * The failover experiment (§3.2: "<1 ms failover", "reload … within 100 µs") on a small shell:
 * zero Raft safety violations, determinism (same seed, same kernel fingerprint), every measured
 * figure at or above its physical lower bound from the geometry, and the bounds far above the
 * paper's claims (L1–L2 light-time ≈ 10 s).
 */
import { describe, expect, it } from "vitest";
import { FAILOVER_DEFAULT, runFailover } from "./failover.js";
import { smcSites } from "../../model/orbit/index.js";
import { distanceM, pathAroundM } from "../../model/orbit/light-time.js";
import { EARTH_RADIUS_M } from "../../model/orbit/walker.js";
import { OCCULTATION_MARGIN_M } from "../../model/orbit/isl.js";

const small = { ...FAILOVER_DEFAULT, shell: { ...FAILOVER_DEFAULT.shell, total: 600, planes: 4 }, durationS: 400, plan: { ...FAILOVER_DEFAULT.plan, nodeMtbfS: 3000, leaderCrashes: 2 } };

describe("failover experiment", () => {
  const r = runFailover(small);
  it("keeps Raft safe and recovers from every leader crash", () => {
    expect(r.safetyViolations).toBe(0);
    expect(r.leaderFailoverS.count).toBe(2);
    expect(r.reloadS.count).toBeGreaterThan(20);
  });
  it("is deterministic: same seed, same fingerprint; another seed differs", () => {
    expect(runFailover(small).fingerprint).toBe(r.fingerprint);
    expect(runFailover({ ...small, seed: 43 }).fingerprint).not.toBe(r.fingerprint);
  });
  it("never beats physics: measured ≥ lower bound ≫ paper claim", () => {
    expect(r.leaderFailoverS.median).toBeGreaterThanOrEqual(r.lowerBounds.leaderFailoverS);
    expect(r.reloadS.median).toBeGreaterThanOrEqual(r.lowerBounds.reloadS);
    expect(r.lowerBounds.leaderFailoverS).toBeGreaterThan(1000 * r.paperClaims.leaderFailoverS);
    // LEO → nearest controller is ≥ GEO altitude away (≥ 35 786 km − 550 km): 2·0.1175 s.
    expect(r.lowerBounds.reloadS).toBeGreaterThan(2 * (35_786e3 - 550e3) / 299_792_458 - 1e-6);
    expect(r.stateLostMs.max).toBeLessThanOrEqual(1); // one snapshot interval (1 ms)
  });
  it("replays an edited schedule exactly", () => {
    const replay = runFailover({ ...small, faults: JSON.parse(JSON.stringify(r.faults)) });
    expect(replay.fingerprint).toBe(r.fingerprint);
  });
  it("controller links through the Earth go round it by relay: L1 ↔ L2 is longer than the straight chord", () => {
    const sites = smcSites(small.epoch).map((x) => x.positionM);
    const straight = distanceM(sites[0]!, sites[1]!) / 299_792_458;
    const around = pathAroundM(sites[0]!, sites[1]!, EARTH_RADIUS_M + OCCULTATION_MARGIN_M) / 299_792_458;
    expect(around).toBeGreaterThan(straight);
    expect(r.smcs[0]!.lightTimeS[1]).toBeCloseTo(around, 12);
  });
});
