/** The mesh's fault state: always allocated, counted, snapshotted only where it differs from a fresh mesh, validated on restore. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { TypedArrays } from "./mesh-arena.js";
import { MeshFaultState } from "./mesh-fault-state.js";

describe("MeshFaultState", () => {
  it("starts all live at the default threshold, on shared memory when asked", () => {
    const f = new MeshFaultState(5, 0.05, new TypedArrays(true));
    expect(f.failed.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(f.thresholds.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(f.thresholds)).toEqual([0.05, 0.05, 0.05, 0.05, 0.05]);
    expect(f.failedCount).toBe(0);
    expect(f.snapshot()).toEqual({});
  });

  it("counts failures once per node, and snapshots only the parts that differ from a fresh mesh", () => {
    const f = new MeshFaultState(4, 0.05);
    f.fail(1);
    f.fail(1);
    f.fail(3);
    expect(f.failedCount).toBe(2);
    f.revive(1);
    f.revive(1);
    expect(f.failedCount).toBe(1);
    expect(Array.from(f.snapshot().failed!)).toEqual([0, 0, 0, 1]);
    expect(f.snapshot().thresholds).toBeUndefined();
    f.setThreshold(2, 0.02);
    f.revive(3);
    expect(f.snapshot().failed).toBeUndefined();
    expect(Array.from(f.snapshot().thresholds!)).toEqual([0.05, 0.05, 0.02, 0.05]);
  });

  it("restores (absent parts mean the defaults) and refuses damaged parts with typed errors", () => {
    const f = new MeshFaultState(3, 0.05);
    f.restore({ failed: Uint8Array.of(1, 0, 1) });
    expect(f.failedCount).toBe(2);
    expect(f.threshold(1)).toBe(0.05);
    f.setThreshold(0, 0.01);
    f.restore({});
    expect(f.failedCount).toBe(0);
    expect(f.threshold(0)).toBe(0.05);
    expect(() => f.restore({ failed: new Uint8Array(4) })).toThrow(InputError);
    expect(() => f.restore({ failed: Uint8Array.of(0, 2, 0) })).toThrow(/snapshot.failed\[1\]: expected 0 \(live\) or 1/);
    expect(() => f.restore({ thresholds: new Float32Array(3) as unknown as Float64Array })).toThrow(/snapshot.thresholds/);
  });
});
