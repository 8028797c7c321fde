/**
 * Simulated stable storage on the event kernel (for the Black Sarcophagus FRAM buffer, §3.2):
 * a write becomes durable `writeLatencyNs` after it is issued (a `disk` kernel event), a crash
 * loses writes not yet durable (what was durable survives: FRAM is non-volatile), and a read
 * returns a record that is corrupt with a seeded probability (detected by its checksum, as a real
 * buffer would with a CRC), never silently wrong data. Bounded: at most `pendingMax` writes.
 */
import { InputError, assert } from "../errors.js";
import type { RandomStream } from "../numeric/random/stream.js";
import type { Kernel } from "./kernel.js";

export interface StorageOptions {
  /** Time from issuing a write to its durability, ns (FRAM: ~100 ns per 256 B line). */
  readonly writeLatencyNs: number;
  /** Probability a read finds the record corrupt, [0, 1). */
  readonly corruptProbability: number;
  readonly pendingMax: number;
  readonly random: RandomStream;
}

/** A read: the record, or why there is none. */
export type ReadResult<R> = { readonly ok: true; readonly record: R } | { readonly ok: false; readonly why: "missing" | "corrupt" };

/** A key → record store with write latency, crashes and detected corruption. */
export class SimStorage<R> {
  private readonly durable = new Map<number, R>();
  private readonly pending = new Map<number, { key: number; record: R }>();
  private nextId = 1;

  constructor(private readonly kernel: Kernel, private readonly opts: StorageOptions) {
    if (!Number.isSafeInteger(opts.writeLatencyNs) || opts.writeLatencyNs < 0) throw InputError.of("storage.writeLatencyNs", "an integer ≥ 0 ns", opts.writeLatencyNs);
    if (!(opts.corruptProbability >= 0 && opts.corruptProbability < 1)) throw InputError.of("storage.corruptProbability", "a probability in [0, 1)", opts.corruptProbability);
    if (!Number.isInteger(opts.pendingMax) || opts.pendingMax < 1) throw InputError.of("storage.pendingMax", "an integer ≥ 1", opts.pendingMax);
  }

  /** Issue a write; it is durable at the `disk` event (call `complete(id)` then). */
  write(key: number, record: R): number {
    assert(this.pending.size < this.opts.pendingMax, `storage: ${this.pending.size} writes pending (max ${this.opts.pendingMax})`);
    const id = this.nextId++;
    this.pending.set(id, { key, record });
    this.kernel.scheduleIn(this.opts.writeLatencyNs, "disk", { id, key });
    return id;
  }

  /** The `disk` event of write `id`: make it durable (no-op if a crash lost it). */
  complete(id: number): void {
    const w = this.pending.get(id);
    if (w === undefined) return;
    this.pending.delete(id);
    this.durable.set(w.key, w.record);
  }

  /** Read the durable record of `key`. */
  read(key: number): ReadResult<R> {
    const r = this.durable.get(key);
    if (r === undefined) return { ok: false, why: "missing" };
    if (this.opts.random.uniform() < this.opts.corruptProbability) return { ok: false, why: "corrupt" };
    return { ok: true, record: r };
  }

  /** Power loss: writes not yet durable are gone; durable records stay. */
  crash(): void {
    this.pending.clear();
  }

  get pendingWrites(): number {
    return this.pending.size;
  }
}
