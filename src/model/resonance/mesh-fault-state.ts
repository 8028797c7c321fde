/**
 * The mesh's fault state (§3.2 failures, V2000 storm thresholds): which nodes have failed and
 * each node's ΔE veto threshold. Always allocated (N bytes and N doubles), on SharedArrayBuffers
 * when the mesh's arrays are shared with worker threads, so every tick kernel reads the same two
 * arrays whether or not a fault ever happened. Writes go through the mesh (`failNode`,
 * `restoreNode`, `setNodeThreshold`), which also touches the node's state and clock.
 */
import { InputError } from "../../errors.js";
import { type ArrayAlloc, TypedArrays } from "./mesh-arena.js";

/** The fault state as a snapshot holds it (copies; a part at its default may be left out). */
export interface MeshFaultSnapshot {
  /** 1 = failed, per node. */
  readonly failed: Uint8Array;
  /** Each node's ΔE veto threshold. */
  readonly thresholds: Float64Array;
}

export class MeshFaultState {
  /** 1 = failed, per node (read by the tick kernels; write through the methods). */
  readonly failed: Uint8Array;
  /** Each node's ΔE veto threshold (read by the veto kernel). */
  readonly thresholds: Float64Array;
  private failedNodes = 0;

  /** All nodes live, every threshold `deltaEThreshold`; the two arrays from `alloc` (the mesh's). */
  constructor(readonly nodes: number, readonly deltaEThreshold: number, alloc: ArrayAlloc = new TypedArrays(false)) {
    this.failed = alloc.u8(nodes);
    this.thresholds = alloc.f64(nodes).fill(deltaEThreshold);
  }

  /** Number of failed nodes. */
  get failedCount(): number {
    return this.failedNodes;
  }

  isFailed(i: number): boolean {
    return this.failed[i] === 1;
  }

  /** Mark node i failed (no-op if it already is). */
  fail(i: number): void {
    if (this.failed[i] === 0) this.failedNodes++;
    this.failed[i] = 1;
  }

  /** Mark node i live again (no-op if it is). */
  revive(i: number): void {
    if (this.failed[i] === 1) this.failedNodes--;
    this.failed[i] = 0;
  }

  threshold(i: number): number {
    return this.thresholds[i]!;
  }

  setThreshold(i: number, deltaEThreshold: number): void {
    this.thresholds[i] = deltaEThreshold;
  }

  /**
   * Copies of the parts that differ from a fresh mesh: `failed` while any node is down,
   * `thresholds` while any differs from the default (a mesh without faults snapshots as before
   * faults existed, so its checkpoints and fingerprint do not change).
   */
  snapshot(): Partial<MeshFaultSnapshot> {
    let custom = false;
    for (let i = 0; i < this.nodes && !custom; i++) custom = this.thresholds[i] !== this.deltaEThreshold;
    return { ...(this.failedNodes > 0 ? { failed: this.failed.slice() } : {}), ...(custom ? { thresholds: this.thresholds.slice() } : {}) };
  }

  /**
   * Restore from a snapshot; a part that is absent (a checkpoint from a mesh whose faults were
   * never used) means all live / every threshold at the mesh's default.
   */
  restore(snap: Partial<MeshFaultSnapshot>): void {
    const { failed, thresholds } = snap;
    if (failed !== undefined && (!(failed instanceof Uint8Array) || failed.length !== this.nodes)) {
      throw InputError.of("snapshot.failed", `a Uint8Array of ${this.nodes} flags (one per node)`, failed);
    }
    if (thresholds !== undefined && (!(thresholds instanceof Float64Array) || thresholds.length !== this.nodes)) {
      throw InputError.of("snapshot.thresholds", `a Float64Array of ${this.nodes} thresholds (one per node)`, thresholds);
    }
    if (failed === undefined) this.failed.fill(0);
    else this.failed.set(failed);
    if (thresholds === undefined) this.thresholds.fill(this.deltaEThreshold);
    else this.thresholds.set(thresholds);
    let n = 0;
    for (let i = 0; i < this.nodes; i++) {
      const f = this.failed[i]!;
      if (f > 1) throw InputError.of(`snapshot.failed[${i}]`, "0 (live) or 1 (failed)", f);
      n += f;
    }
    this.failedNodes = n;
  }
}
