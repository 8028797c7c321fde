/**
 * Scenario faults on a mesh run (§3.2 failover, Black Sarcophagus; V2000 storm mode): the run
 * replays the control plane of `pqms failover` (runFailover, called here directly as the
 * independent reference) onto the mesh at t = t_c · run.durationS / faults.durationS; failures,
 * reloads, storms, Raft events and coherence episodes are recorded, deterministically and
 * resumably (a resume from any checkpoint gives the uninterrupted run's fingerprint, samples and events).
 */
import { describe, expect, it } from "vitest";
import { failoverOptionsFromScenario, runFailover } from "../failover-world.js";
import { generateFaults } from "../faults.js";
import type { ModelEvent } from "../model.js";
import { Runner, type Checkpoint, type Sample } from "../run.js";
import { resolveScenario } from "../scenario/index.js";
import { decodeState, encodeState } from "../state-codec.js";
import { ResonanceMeshModel } from "./resonance-mesh.js";

const SC = {
  run: { seed: 5, durationS: 8e-7, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 2e-7 },
  mesh: { nodes: 200, clusterSize: 50, gammaPerS: 1e6, kappaPerS: 1e9 },
  constellation: { nodes: 200, planes: 8 },
  smc: {},
  sarcophagus: {},
  faults: { durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10 },
};
const scenario = (seed = 5) => resolveScenario({ ...SC, run: { ...SC.run, seed } });

function runAll(seed = 5) {
  const samples: Sample[] = [];
  const events: ModelEvent[] = [];
  const checkpoints: string[] = [];
  const r = Runner.start(scenario(seed), new ResonanceMeshModel(), { sample: (s) => samples.push(s), event: (e) => events.push(e), checkpoint: (c) => checkpoints.push(encodeState(c)) });
  while (!r.advance(17));
  return { fingerprint: r.result!.fingerprint, samples, events, checkpoints };
}

describe("faults on the mesh run (§3.2)", () => {
  const whole = runAll();
  const of = (k: string) => whole.events.filter((e) => e.kind === k);

  it("replays the control plane's failures, reloads and Raft events at t_c·run.durationS/faults.durationS", () => {
    const sc = scenario();
    const schedule = generateFaults(5, { durationS: 200, nodes: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2 });
    const ref = runFailover({ ...failoverOptionsFromScenario(sc, schedule), recordTimeline: true });
    const scale = 8e-7 / 200; // 4 ns of run per s of control: a 0.27-s reload spans ~1 tick
    const fails = ref.timeline.filter((e) => e.kind === "nodeFail");
    expect(fails.length).toBeGreaterThan(10); // ≈ 200 nodes · 200 s / 2000 s + a 13-node CME
    expect(of("nodeFail").map((e) => e.data.node)).toEqual(fails.map((e) => e.data.node));
    // Applied at the first mesh sub-step boundary (0.1 ns apart) at or after t_c·scale, recorded in whole ns.
    of("nodeFail").forEach((e, k) => expect(Math.abs(e.tNs - fails[k]!.tNs * scale)).toBeLessThanOrEqual(1));
    // Every reload comes after its failure by the sarcophagus reload time (≥ its light-time bound), compressed.
    for (const r of of("reload")) {
      const f = of("nodeFail").find((e) => e.data.node === r.data.node)!;
      expect(r.data.reloadS).toBeGreaterThanOrEqual(f.data.lowerBoundS!);
      expect(r.data.controlS).toBeCloseTo(f.data.controlS! + r.data.reloadS!, 6);
      expect(Math.abs(r.tNs - (f.data.controlS! + r.data.reloadS!) * 1e9 * scale)).toBeLessThanOrEqual(1);
    }
    expect(of("reload").length).toBe(of("nodeFail").length); // every spare arrived within the 200 s
    expect(of("leaderChange").length).toBe(ref.timeline.filter((e) => e.kind === "leaderChange").length);
    expect(of("election").length).toBeGreaterThan(0);
    expect(of("leaderFailover").map((e) => e.data.failoverS)).toEqual([ref.leaderFailoverS.median]);
  });

  it("a CME tightens the ΔE threshold over its region for the storm: stormStart … stormEnd, 1 + 4 + 8 = 13 nodes (rings 0–2 on 8 planes)", () => {
    expect(of("stormStart").map((e) => e.data.nodes)).toEqual([13]);
    expect(of("stormStart")[0]!.data.deltaEThreshold).toBe(0.02);
    const on = of("stormStart")[0]!.tNs;
    const off = of("stormEnd")[0]!.tNs;
    for (const s of whole.samples) if (s.tNs > on + 1 && s.tNs < off) expect(s.metrics.stormNodes).toBe(13);
    for (const s of whole.samples) if (s.tNs < on || s.tNs > off + 1) expect(s.metrics.stormNodes).toBe(0);
  });

  it("records the coherence dip and its recovery to within 1e-3 of the pre-failure level, and the failover metrics", () => {
    const rec = of("coherenceRecovered");
    expect(rec.length).toBeGreaterThan(10);
    // A failed node's state is 0, so its RCF with every node is 0: with m nodes down the MST of
    // N − 1 = 199 edges has m edges at 0 instead of ≈ preRcf, and global RCF drops by m·preRcf/199
    // (m = 0 when the spare arrived before the tick ended; the MST's re-routing moves it < 5e-5).
    for (const e of rec) {
      const m = Math.round((e.data.dip! * 199) / e.data.preRcf!);
      expect(Math.abs(e.data.dip! - (m * e.data.preRcf!) / 199)).toBeLessThan(5e-5);
      expect(m).toBeLessThanOrEqual(13);
      expect(e.data.recoveryS).toBeGreaterThanOrEqual(0);
      expect(e.data.recoveryControlS).toBeCloseTo(e.data.recoveryS! * (200 / 8e-7), 6);
    }
    expect(rec.filter((e) => e.data.dip! > 0.004).length).toBeGreaterThan(rec.length / 2);
    const end = whole.samples.at(-1)!.metrics;
    expect(end.failuresTotal).toBe(of("nodeFail").length);
    expect(end.reloadsTotal).toBe(of("reload").length);
    expect(end.nodesDown).toBe(0);
    expect(end.leaderChangesTotal).toBe(of("leaderChange").length);
    expect(end.commitsTotal).toBe(of("commit").length);
    expect(end.reloadLastS).toBe(of("reload").at(-1)!.data.reloadS);
  });

  it("is deterministic and resumes from mid-run checkpoints to the same fingerprint, samples and events", () => {
    expect(runAll().fingerprint).toBe(whole.fingerprint);
    expect(runAll(6).fingerprint).not.toBe(whole.fingerprint);
    for (const text of whole.checkpoints.slice(1, 3)) { // 400 ns (mid-run) and 600 ns (just before the CME and the failover)
      const cp = decodeState<Checkpoint>(text);
      const samples: Sample[] = [];
      const events: ModelEvent[] = [];
      const r = Runner.resume(scenario(), new ResonanceMeshModel(), cp, { sample: (s) => samples.push(s), event: (e) => events.push(e), checkpoint: () => {} });
      while (!r.advance(13));
      expect(r.result!.fingerprint).toBe(whole.fingerprint);
      expect(samples).toEqual(whole.samples.filter((s) => s.tNs > cp.tNs));
      expect(events).toEqual(whole.events.filter((e) => e.tNs > cp.tNs));
    }
  });

  it("rejects a constellation that is not the mesh and a buffer longer than a compressed tick", () => {
    expect(() => resolveScenario({ ...SC, constellation: { nodes: 400, planes: 4 } })).toThrow(/constellation.nodes: expected mesh.nodes \(200\)/);
    expect(() => resolveScenario({ ...SC, constellation: undefined })).toThrow(/constellation.nodes/);
    expect(() => Runner.start(resolveScenario({ ...SC, faults: { ...SC.faults, durationS: 1e-3 } }), new ResonanceMeshModel(), { sample() {}, event() {}, checkpoint() {} })).toThrow(/faults.durationS/);
  });
});
