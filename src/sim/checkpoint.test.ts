/**
 * Checkpoints come back from a file, so they are read as input: a checkpoint of this format and
 * model resumes to the uninterrupted fingerprint; one of another format or model, or damaged
 * (truncated, a field missing, of the wrong type or length), is refused with a CheckpointError
 * that names the field, what was expected and what was found — never a TypeError from deep inside.
 */
import { describe, expect, it } from "vitest";
import { CHECKPOINT_FORMAT, CheckpointError, readCheckpoint } from "./checkpoint.js";
import { Runner, type Checkpoint } from "./run.js";
import { resolveScenario } from "./scenario/index.js";
import { decodeState, decodeStateBytes, type EncodedState, encodeState, encodeStateBytes } from "./state-codec.js";
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

/**
 * The uninterrupted fingerprint and the first checkpoint, in binary and in the text format that
 * stores written before binary checkpoints hold (encodeState, kept for reading them).
 */
function reference(): { fingerprint: string; text: string; bytes: Uint8Array } {
  const texts: string[] = [];
  const bytes: Uint8Array[] = [];
  const r = Runner.start(scenario, new ResonanceMeshModel(), { sample() {}, event() {}, checkpoint: (c) => { texts.push(encodeState(c)); bytes.push(encodeStateBytes(c)); } });
  while (!r.advance(100));
  return { fingerprint: r.result!.fingerprint, text: texts[0]!, bytes: bytes[0]! };
}

function resume(encoded: EncodedState): string {
  const model = new ResonanceMeshModel();
  const r = Runner.resume(scenario, model, readCheckpoint(encoded, model.stateFormat, "test checkpoint"), { sample() {}, event() {}, checkpoint() {} });
  while (!r.advance(100));
  return r.result!.fingerprint;
}

/** The checkpoint `text` with `edit` applied to its decoded form, encoded again. */
function edited(text: string, edit: (cp: Record<string, unknown> & { model: Record<string, Record<string, unknown>> }) => void): string {
  const cp = decodeState<Record<string, unknown> & { model: Record<string, Record<string, unknown>> }>(text);
  edit(cp);
  return encodeState(cp);
}

/** The binary checkpoint `bytes` with `edit` applied to its decoded form, encoded again. */
function editedBytes(bytes: Uint8Array, edit: (cp: Record<string, unknown> & { model: Record<string, Record<string, unknown>> }) => void): Uint8Array {
  const cp = decodeStateBytes<Record<string, unknown> & { model: Record<string, Record<string, unknown>> }>(bytes);
  edit(cp);
  return encodeStateBytes(cp);
}

function refusal(encoded: EncodedState): CheckpointError {
  try {
    resume(encoded);
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

describe("binary checkpoints", () => {
  const ref = reference();

  it("resume to the uninterrupted fingerprint, as do checkpoints of the text format (a string, or its UTF-8 bytes as older stores hold them)", () => {
    expect(resume(ref.bytes)).toBe(ref.fingerprint);
    expect(resume(ref.text)).toBe(ref.fingerprint);
    expect(resume(Buffer.from(ref.text, "utf8"))).toBe(ref.fingerprint);
    expect(ref.bytes.length).toBeLessThan(ref.text.length);
  });

  it("refuse damaged bytes with a CheckpointError naming the part of the bytes", () => {
    const b = ref.bytes;
    const flipped = (at: number) => { const c = b.slice(); c[at]! ^= 0x10; return c; };
    const truncated = refusal(b.subarray(0, b.length - 8));
    expect(truncated.path).toMatch(/^checkpoint bytes: whole/);
    expect(truncated.got).toMatch(/truncated/);
    expect(refusal(b.subarray(0, 12)).path).toMatch(/^checkpoint bytes: header/);
    expect(refusal(flipped(b.length - 9)).path).toMatch(/^checkpoint bytes: checksum/);
    expect(refusal(flipped(9)).path).toMatch(/^checkpoint bytes: version/);
    expect(refusal(flipped(24)).path).toMatch(/^checkpoint bytes: array 0 type/);
    expect(refusal(flipped(33)).path).toMatch(/^checkpoint bytes: (array 0 length|whole)/);
    const e = refusal(flipped(14));
    expect(e.path).toMatch(/^checkpoint bytes: /);
    expect(e.message).toMatch(/^test checkpoint: checkpoint bytes: .*expected .*, got /);
    // Not binary, not text: read as the text format, refused as unreadable.
    expect(refusal(Uint8Array.of(0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)).path).toBe("checkpoint");
  });

  it("refuse damaged fields, naming the field, as the text format does", () => {
    expect(refusal(editedBytes(ref.bytes, (cp) => { cp.format = 1; })).path).toBe("checkpoint.format");
    expect(refusal(editedBytes(ref.bytes, (cp) => { cp.model.mesh!.clockErrorS = new Float64Array(3); })).path).toBe("checkpoint.model.mesh.clockErrorS");
    expect(refusal(editedBytes(ref.bytes, (cp) => { cp.model.mesh!.states = new Float32Array(4); })).path).toBe("checkpoint.model.mesh.states");
  });
});
