/**
 * The metric table covers every metric a run records: a constellation run with faults (every
 * counter and last-episode figure), a density-mesh run and an Earth–Mars run are stepped, and each key they emit
 * must have a human label, a unit field and a group.
 */
import { describe, expect, it } from "vitest";
import { Runner, type Sample } from "../sim/run.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { ResonanceMeshModel } from "../sim/models/resonance-mesh.js";
import { modelFor } from "../sim/models/index.js";
import { METRIC_GROUPS, METRICS, metricTitle } from "./metric-table.js";

function keysOf(input: Record<string, unknown>): Set<string> {
  const samples: Sample[] = [];
  const sc = resolveScenario(input);
  const r = Runner.start(sc, sc.model === "interplanetary" ? modelFor(sc) : new ResonanceMeshModel(), { sample: (s) => samples.push(s), event() {}, checkpoint() {} });
  while (!r.advance(100));
  return new Set(samples.flatMap((s) => Object.keys(s.metrics)));
}

describe("metric table", () => {
  it("labels every metric a faulted run, a density run and an Earth–Mars run record, with a unit and a group", () => {
    const faulted = keysOf({
      run: { seed: 7, durationS: 8e-7, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 4e-7 },
      mesh: { nodes: 200, clusterSize: 50, gammaPerS: 1e6, kappaPerS: 1e9 },
      constellation: { nodes: 200, planes: 8 }, smc: {}, sarcophagus: {},
      faults: { durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10 },
    });
    const density = keysOf({ run: { seed: 3, durationS: 2e-8, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 2e-8 }, mesh: { nodes: 20, clusterSize: 20, dim: 4, coupling: "density" } });
    // The Earth–Mars run with its coherence phase (two shells, the gap mesh) and UMT.
    const interplanetary = keysOf({
      name: "ip", model: "interplanetary", run: { seed: 7, durationS: 4 * 7200, tickS: 7200, sampleEveryS: 7200, checkpointEveryS: 4 * 7200 },
      interplanetary: { epoch: "2028-03-08T00:00:00Z", earth: { nodes: 100, planes: 10, gateways: 4 }, mars: { areostationary: 3 }, latency: { earthSources: 4 } },
    });
    expect(faulted.has("commitLatencyLastS")).toBe(true);
    expect(interplanetary.has("umtResidualS")).toBe(true);
    for (const key of [...faulted, ...density, ...interplanetary]) {
      expect(METRICS[key], key).toBeDefined();
      expect(METRIC_GROUPS).toContain(METRICS[key]!.group);
      expect(METRICS[key]!.label).not.toBe(key);
    }
    expect(metricTitle("commitLatencyLastS")).toBe("Commit latency, last [s]");
    expect(metricTitle("globalRcf")).toBe("Global RCF (mean over the MST)");
  });
});
