/** Black Sarcophagus (§3.2): buffer sizing and the reload timeline, against hand arithmetic. */
import { describe, expect, it } from "vitest";
import { SARCOPHAGUS_DEFAULT, bufferBytes, bufferSnapshots, checkSarcophagus, reload } from "./sarcophagus.js";

describe("Black Sarcophagus", () => {
  it("holds 10 snapshots of 256 B per node: 25.6 MB for 10^4 nodes", () => {
    expect(bufferSnapshots(SARCOPHAGUS_DEFAULT)).toBe(10);
    expect(bufferBytes(SARCOPHAGUS_DEFAULT, 10_000)).toBe(25_600_000);
  });
  it("reload = τ_n + detect + FRAM read + serialisation + τ_s (hand-computed)", () => {
    // τ_n = 0.12 s, τ_s = 0.121 s; detect 3 ms; read 10·0.1 µs = 1 µs; 2560 B at 100 Gbit/s = 0.2048 µs.
    const r = reload(SARCOPHAGUS_DEFAULT, 1.0004, 0.0001, 0.12, 0.121);
    expect(r.stateLostS).toBeCloseTo(0.0003, 12);
    expect(r.reloadS).toBeCloseTo(0.12 + 0.003 + 1e-6 + 2.048e-7 + 0.121, 12);
    expect(r.lowerBoundS).toBeCloseTo(0.241, 12);
  });
  it("rejects a buffer shorter than one snapshot, naming the field", () => {
    expect(() => checkSarcophagus({ ...SARCOPHAGUS_DEFAULT, bufferS: 1e-4 })).toThrow(/sarcophagus.bufferS/);
  });
});
