/**
 * Checkpoints come back from a file, so they are read as input: a checkpoint of this format and
 * model resumes to the uninterrupted fingerprint; one of another format or model, or damaged
 * (truncated, a field missing, of the wrong type or length), is refused with a CheckpointError
 * that names the field, what was expected and what was found — never a TypeError from deep inside.
 */
import { describe, expect, it } from "vitest";
import { CHECKPOINT_FORMAT, CheckpointError, readCheckpointText } from "./checkpoint.js";
import { Runner, type Checkpoint } from "./run.js";
import { resolveScenario } from "./scenario/index.js";
import { decodeState, encodeState } from "./state-codec.js";
import { ResonanceMeshModel } from "./models/resonance-mesh.js";

const SC = {
  run: { seed: 7, durationS: 4e-8, tickS: 1e-9, sampleEveryS: 1e-8, checkpointEveryS: 2e-8 },
  mesh: { nodes: 60, clusterSize: 60, gammaPerS: 1e6, kappaPerS: 1e9 },
  constellation: { nodes: 60, planes: 3 },
  smc: {},
  sarcophagus: {},
  faults: { durationS: 200, nodeMtbfS: 2000, leaderCrashes: 1, smcDownS: 20, cmes: 1, cmeRings: 2, cmeRingEveryS: 2, stormS: 10 },
};
const scenario = resolveScenario(SC);
const MESH = new ResonanceMeshModel().stateFormat;

/** The uninterrupted fingerprint and the first checkpoint's text. */
function reference(): { fingerprint: string; text: string } {
  const texts: string[] = [];
  const r = Runner.start(scenario, new ResonanceMeshModel(), { sample() {}, event() {}, checkpoint: (c) => texts.push(encodeState(c)) });
  while (!r.advance(100));
  return { fingerprint: r.result!.fingerprint, text: texts[0]! };
}

function resume(text: string): string {
  const model = new ResonanceMeshModel();
  const r = Runner.resume(scenario, model, readCheckpointText(text, model.stateFormat, "test checkpoint"), { sample() {}, event() {}, checkpoint() {} });
  while (!r.advance(100));
  return r.result!.fingerprint;
}

/** The checkpoint `text` with `edit` applied to its decoded form, encoded again. */
function edited(text: string, edit: (cp: Record<string, unknown> & { model: Record<string, Record<string, unknown>> }) => void): string {
  const cp = decodeState<Record<string, unknown> & { model: Record<string, Record<string, unknown>> }>(text);
  edit(cp);
  return encodeState(cp);
}

function refusal(text: string): CheckpointError {
  try {
    resume(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError);
    return e as CheckpointError;
  }
  throw new Error("the checkpoint was accepted");
}

describe("checkpoints read back as input", () => {
  const ref = reference();

  it("a checkpoint of this format and model resumes to the uninterrupted fingerprint", () => {
    const cp = decodeState<Checkpoint>(ref.text);
    expect(cp.format).toBe(CHECKPOINT_FORMAT);
    expect(cp.modelFormat).toBe(MESH);
    expect(resume(ref.text)).toBe(ref.fingerprint);
  });

  it("refuses another format version or another model's state", () => {
    const older = refusal(edited(ref.text, (cp) => { cp.format = 1; }));
    expect(older.path).toBe("checkpoint.format");
    expect(older.got).toBe("1");
    const foreign = refusal(edited(ref.text, (cp) => { cp.modelFormat = "walk/1"; }));
    expect(foreign.path).toBe("checkpoint.modelFormat");
    expect(foreign.message).toMatch(/resonance-mesh\/1.*walk\/1/);
    expect(refusal(JSON.stringify({ hello: "world" })).path).toBe("checkpoint.format");
  });

  it("refuses damaged text and damaged fields, naming the field", () => {
    expect(refusal(ref.text.slice(0, ref.text.length / 2)).path).toBe("checkpoint");
    expect(refusal("[1, 2, 3]").path).toBe("checkpoint");
    const cases: Array<[string, (cp: Record<string, unknown> & { model: Record<string, Record<string, unknown>> }) => void]> = [
      ["checkpoint.tNs", (cp) => { cp.tNs = -5; }],
      ["checkpoint.kernel.nowNs", (cp) => { (cp.kernel as Record<string, unknown>).nowNs = "soon"; }],
      ["checkpoint.kernel.fingerprint", (cp) => { (cp.kernel as Record<string, unknown>).fingerprint = [1, 2]; }],
      ["checkpoint.streams[0]", (cp) => { (cp.streams as unknown[])[0] = 42; }],
      ["checkpoint.model.mesh.clockErrorS", (cp) => { cp.model.mesh!.clockErrorS = new Float64Array(3); }],
      ["checkpoint.model.mesh.states", (cp) => { cp.model.mesh!.states = Array.from(cp.model.mesh!.states as Float64Array); }],
      ["checkpoint.model.mesh.externalClock", (cp) => { delete cp.model.mesh!.externalClock; }],
      ["checkpoint.model.tally.vetoesTotal", (cp) => { cp.model.tally!.vetoesTotal = 1.5; }],
      ["checkpoint.model.faults", (cp) => { delete cp.model.faults; }],
      ["checkpoint.model.faults.active", (cp) => { cp.model.faults!.active = new Float64Array(1); }],
      ["checkpoint.model.faults.tally.commits", (cp) => { delete (cp.model.faults!.tally as Record<string, unknown>).commits; }],
    ];
    for (const [path, edit] of cases) {
      const e = refusal(edited(ref.text, edit));
      expect(e.path, path).toBe(path);
      expect(e.message).toMatch(/expected .*, got /);
    }
  });
});
