/**
 * The metric table covers every metric a run records: a constellation run with faults (every
 * counter and last-episode figure) and a density-mesh run are stepped, and each key they emit
 * must have a human label, a unit field and a group.
 */
import { describe, expect, it } from "vitest";
import { Runner, type Sample } from "../sim/run.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { modelFor } from "../sim/models/index.js";
import { METRIC_GROUPS, METRICS, metricTitle } from "./metric-table.js";

function keysOf(input: Record<string, unknown>): Set<string> {
  const samples: Sample[] = [];
  const sc = resolveScenario(input);
  const r = Runner.start(sc, modelFor(sc), { sample: (s) => samples.push(s), event() {}, checkpoint() {} });
  while (!r.advance(100));
  return new Set(samples.flatMap((s) => Object.keys(s.metrics)));
}

describe("metric table", () => {
  it("labels every metric a faulted run, a density run and an interplanetary run record, with a unit and a group", () => {
    const faulted = keysOf({
      run: { seed: 7, durationS: 8e-7, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 4e-7 },
      mesh: { nodes: 200, clusterSize: 50, gammaPerS: 1e6, kappaPerS: 1e9 },
      constellation: { nodes: 200, planes: 8 }, smc: {}, sarcophagus: {},
      faults: { durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10 },
    });
    const density = keysOf({ run: { seed: 3, durationS: 2e-8, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 2e-8 }, mesh: { nodes: 20, clusterSize: 20, dim: 4, coupling: "density" } });
    const interplanetary = keysOf({
      model: "interplanetary", run: { seed: 1, durationS: 3 * 7200, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: 3 * 7200 },
      interplanetary: { earth: { nodes: 20, planes: 4, gateways: 2 }, latency: { earthSources: 2 } },
    });
    expect(faulted.has("commitLatencyLastS")).toBe(true);
    expect(interplanetary.has("latencyAcrossP99S")).toBe(true);
    for (const key of [...faulted, ...density, ...interplanetary]) {
      expect(METRICS[key], key).toBeDefined();
      expect(METRIC_GROUPS).toContain(METRICS[key]!.group);
      expect(METRICS[key]!.label).not.toBe(key);
    }
    expect(metricTitle("commitLatencyLastS")).toBe("Commit latency, last [s]");
    expect(metricTitle("globalRcf")).toBe("Global RCF (mean over the MST)");
  });
});
