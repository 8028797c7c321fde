/**
 * Live per-node frames (nodes coloured by RCF / veto / failed): a watched live run
 * sends node frames, throttled, the last one at the run's end equal to the model's final node
 * view (RCF_i = |⟨ψ_i|ODOS⟩|², §2.3, summed here independently), and watching does not change
 * the run: its fingerprint equals an unwatched direct run's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResonanceMeshModel } from "../sim/models/index.js";
import { Runner } from "../sim/run.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { openStore } from "../store/run-store.js";
import { LiveRun, type LiveUpdate } from "./live-run.js";

const sc = resolveScenario({ run: { seed: 5, durationS: 6e-8, tickS: 1e-9, sampleEveryS: 2e-9, checkpointEveryS: 2e-8 }, mesh: { nodes: 300, clusterSize: 100, gammaPerS: 3e8 } });
const noSink = { sample: () => {}, event: () => {}, checkpoint: () => {} };

describe("live node frames", () => {
  it("a watched run sends node frames (the last at its end, equal to the final states) and keeps its fingerprint", async () => {
    const direct = Runner.start(sc, new ResonanceMeshModel(), noSink);
    while (!direct.advance(100));
    const dir = mkdtempSync(join(tmpdir(), "pqms-live-nodes-"));
    const store = openStore(join(dir, "runs.db"));
    try {
      const runId = store.createRun({ scenario: sc, codeVersion: "test", durationNs: 60 });
      const live = new LiveRun(store, runId, 60, () => {});
      const updates: LiveUpdate[] = [];
      live.subscribe((u) => updates.push(u));
      const model = new ResonanceMeshModel();
      const runner = Runner.start(sc, model, live);
      await live.drive(runner);
      expect(live.status).toBe("done");
      expect(store.getRun(runId).fingerprint).toBe(direct.result!.fingerprint);
      const frames = updates.flatMap((u) => (u.nodes ? [u.nodes] : []));
      expect(frames.length).toBeGreaterThanOrEqual(1);
      const last = frames[frames.length - 1]!;
      expect(last.tNs).toBe(60);
      expect(last.nodes).toBe(300);
      expect(last.flags).toBeNull();
      const q = Buffer.from(last.deltaESqrtQ, "base64");
      const states = (model.snapshot() as { mesh: { states: Float64Array } }).mesh.states;
      const d = sc.mesh.dim;
      for (let i = 0; i < 300; i++) {
        let re = 0, im = 0;
        for (let k = 0; k < d; k++) { re += states[2 * (i * d + k)]!; im += states[2 * (i * d + k) + 1]!; }
        const de = Math.max(0, 1 - (re * re + im * im) / d);
        expect(q[i]).toBe(Math.round(255 * Math.sqrt(de)));
      }
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
