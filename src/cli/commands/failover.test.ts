/**
 * `pqms failover --json` prints exactly the failover keys (§3.2 claims beside the light-time bounds),
 * on a small shell so it runs in seconds: the paper's five SMCs, 600 nodes, 400 s.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

describe("pqms failover --json", () => {
  it("has exactly { leaderFailoverS, reloadS, stateLostMs, lowerBounds, safetyViolations, paperClaims }", () => {
    const r = spawnSync("npx", ["tsx", "src/cli/main.ts", "failover", "--json", "--nodes", "600", "--planes", "4", "--duration-s", "400"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(["leaderFailoverS", "lowerBounds", "paperClaims", "reloadS", "safetyViolations", "stateLostMs"]);
    expect(Object.keys(j.leaderFailoverS).sort()).toEqual(["count", "median", "p99"]);
    expect(Object.keys(j.reloadS).sort()).toEqual(["count", "median", "p99"]);
    expect(Object.keys(j.stateLostMs).sort()).toEqual(["max", "median"]);
    expect(Object.keys(j.lowerBounds).sort()).toEqual(["leaderFailoverS", "reloadS"]);
    expect(j.paperClaims).toEqual({ leaderFailoverS: 0.001, reloadS: 0.0001 });
    expect(j.safetyViolations).toBe(0);
    // LEO → nearest SMC (≥ GEO altitude) and back: reload ≥ 2·(35 786 − 550) km / c.
    expect(j.lowerBounds.reloadS).toBeGreaterThan((2 * (35_786e3 - 550e3)) / 299_792_458 - 1e-6);
  });
});
