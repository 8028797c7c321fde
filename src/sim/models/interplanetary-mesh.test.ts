/**
 * The coherence phase of the interplanetary run (§5.2): the gap mesh built from the scenario's
 * mesh physics and the sites, and its checkpoint — snapshot, encode, decode, restore — continuing
 * bit for bit with the streams the run saves beside it.
 */
import { describe, expect, it } from "vitest";
import { randomStreamFactory } from "../../numeric/random/stream.js";
import { decodeState, encodeState } from "../state-codec.js";
import { resolveScenario } from "../scenario/index.js";
import { interplanetaryMeshSchema } from "../scenario/interplanetary-mesh-section.js";
import { StreamSet, type StreamSetState } from "../streams.js";
import { coherenceSummary, gapMeshParamsOf, InterplanetaryMeshPhase } from "./interplanetary-mesh.js";
import type { StateValue } from "../model.js";

const sc = resolveScenario({ mesh: { nodes: 100, neighbours: 6 } });
const setup = { section: interplanetaryMeshSchema.parse({ nodesPerMarsSite: 2 }), earthSites: 40, marsSites: 2, tickS: 7200, lightTimeMaxS: 1342 };
const input = (k: number) => ({ tS: 7200 * k, lightTimeS: 400 + 30 * k, linkUp: k % 7 !== 3, residualS: 2e-14 * Math.cos(k) });

describe("interplanetary coherence phase", () => {
  it("shells from the sites: 40 × 1 Earth nodes on a ring of 6, 2 × 2 Mars nodes on a ring of 2 (the most 4 nodes admit)", () => {
    const p = gapMeshParamsOf(sc, setup);
    expect([p.earth.nodes, p.earth.degree, p.mars.nodes, p.mars.degree]).toEqual([40, 6, 4, 2]);
    expect(p.earth.topology).toBe("ring");
    expect(() => gapMeshParamsOf(sc, { ...setup, marsSites: 1 })).toThrow(/interplanetary.mesh.nodesPerMarsSite/);
  });

  it("checkpoint → encode → decode → restore continues bit for bit", () => {
    const streams = new StreamSet(7, randomStreamFactory);
    const a = InterplanetaryMeshPhase.init(sc, setup, streams);
    for (let k = 1; k <= 9; k++) a.step(input(k), false, {});
    const saved = encodeState({ phase: a.snapshot(), streams: streams.save() as unknown as StateValue });
    const tail: Array<Record<string, number>> = [];
    for (let k = 10; k <= 16; k++) {
      const m: Record<string, number> = {};
      a.step(input(k), true, m);
      tail.push(m);
    }
    const back = decodeState<{ phase: StateValue; streams: StreamSetState }>(saved);
    const streams2 = new StreamSet(7, randomStreamFactory);
    const b = InterplanetaryMeshPhase.init(sc, setup, streams2);
    streams2.load(back.streams);
    b.restore(back.phase, "checkpoint.model.mesh");
    for (let k = 10; k <= 16; k++) {
      const m: Record<string, number> = {};
      b.step(input(k), true, m);
      expect(m).toEqual(tail[k - 10]);
    }
    expect(Object.keys(tail[0]!)).toEqual(expect.arrayContaining(["coherenceEarth", "coherenceMars", "coherenceAcross", "coherenceGlobal"]));
  });

  it("a checkpoint of another shape is refused, naming the field", () => {
    const a = InterplanetaryMeshPhase.init(sc, setup, new StreamSet(7, randomStreamFactory));
    const s = a.snapshot() as Record<string, StateValue>;
    expect(() => a.restore({ ...s, marsClockBaseS: new Float64Array(3) }, "checkpoint.model.mesh")).toThrow(/checkpoint.model.mesh.marsClockBaseS/);
  });

  it("summary: median and minimum per series, none when a series is empty", () => {
    const series: Record<string, number[]> = {
      coherenceEarth: [0.9, 0.7, 0.8], coherenceMars: [1], coherenceAcross: [0, 0.5, 0.2, 0.1], coherenceAcrossInstant: [0.4], coherenceGlobal: [0.3, 0.3],
      deltaEEarthMean: [0.01, 0.03, 0.02], deltaEMarsMean: [0.5], meshVetoesEarthTotal: [0, 2, 5], meshVetoesMarsTotal: [4, 9],
    };
    expect(coherenceSummary((n) => series[n] ?? [])).toEqual({
      earth: { median: 0.8, min: 0.7 }, mars: { median: 1, min: 1 }, across: { median: 0.2, min: 0 }, acrossInstant: { median: 0.4, min: 0.4 }, global: { median: 0.3, min: 0.3 },
      deltaEMedian: { earth: 0.02, mars: 0.5 }, vetoes: { earth: 5, mars: 9 },
    });
    expect(coherenceSummary((n) => (n === "coherenceEarth" ? [1] : []))).toBeNull();
  });
});
