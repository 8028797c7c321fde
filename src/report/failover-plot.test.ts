/**
 * The failover plot (§3.2): panels only for runs with faults; the reference lines sit exactly at the
 * paper's claims (reload 100 µs, failover 1 ms) and at the smallest light-time bound of the run's
 * failures; x is control time = run ns · faults.durationS / run.durationS.
 */
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../sim/scenario/index.js";
import { failoverPanels } from "./failover-plot.js";

const faulty = resolveScenario({ run: { durationS: 1e-6 }, mesh: { nodes: 200, clusterSize: 50 }, constellation: { nodes: 200, planes: 8 }, faults: { durationS: 100 } });
const metrics = new Map([["failuresTotal", { tNs: [500, 1000], value: [1, 2] }], ["reloadsTotal", { tNs: [500, 1000], value: [1, 2] }]]);
const events: Array<{ tNs: number; kind: string; data: Record<string, number> }> = [
  { tNs: 100, kind: "nodeFail", data: { lowerBoundS: 0.25 } },
  { tNs: 300, kind: "nodeFail", data: { lowerBoundS: 0.24 } },
  { tNs: 103, kind: "reload", data: { reloadS: 0.27 } },
  { tNs: 303, kind: "reload", data: { reloadS: 0.26 } },
  { tNs: 700, kind: "leaderFailover", data: { failoverS: 60, boundS: 9.6 } },
  { tNs: 105, kind: "coherenceRecovered", data: { dip: 0.005 } },
];

describe("failover plot (§3.2)", () => {
  it("has no panels without a faults section", () => {
    expect(failoverPanels(resolveScenario({ mesh: { nodes: 200, clusterSize: 50 } }), metrics, events)).toEqual([]);
  });
  it("draws failures, dips and measured times against the paper's claims and the light-time bounds", () => {
    const [counts, dips, times] = failoverPanels(faulty, metrics, events);
    expect(counts!.series[0]!.x).toEqual([50, 100]); // 500 ns · (100 s / 1 µs) = 50 s
    expect(dips!.series[0]!.y).toEqual([0.005]);
    const line = (name: string) => times!.series.find((s) => s.name.startsWith(name))!.y;
    expect(line("paper: reload")).toEqual([1e-4, 1e-4]);
    expect(line("paper: failover")).toEqual([1e-3, 1e-3]);
    expect(line("reload light-time bound")).toEqual([0.24, 0.24]);
    expect(line("failover light-time bound")).toEqual([9.6, 9.6]);
    expect(line("reload (measured)")).toEqual([0.27, 0.26]);
    expect(times!.yLog).toBe(true);
  });
});
