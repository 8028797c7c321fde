/**
 * The kernel's pending-event queue: a 4-ary min-heap ordered by (time, insertion sequence), with
 * a fixed capacity. Ties in time break by the order events were scheduled, so a run never
 * depends on heap internals. Overflow is a bug in the model or scenario sizing, and says so.
 *
 * Storage is structure-of-arrays, with no object per event: the heap holds (time, seq, slot)
 * keys in three typed arrays, and each pending event's payload (its kind id and up to
 * `FIELDS_MAX` numbers) lives in a slot of two more, recycled through a free list. The arrays
 * start small and double up to the capacity, so a generous bound costs nothing until it is used.
 * A 4-ary heap is half as deep as a binary one and its four children sit side by side in memory.
 */
import { PqmsError, assert } from "../errors.js";

/** Payload of an event: named numbers only, so it hashes and serialises exactly. */
export type EventData = Readonly<Record<string, number>>;

/** One scheduled event. `timeNs` is an integer number of simulated nanoseconds. */
export interface SimEvent {
  readonly timeNs: number;
  /** Insertion sequence, unique and increasing over a run (the tie-break). */
  readonly seq: number;
  readonly kind: string;
  readonly data: EventData;
}

/** Most named numbers one queued event carries (a bound, like the queue's capacity). */
export const FIELDS_MAX = 8;

/** The queue is full: more events are pending than the scenario's bound allows. */
export class QueueOverflowError extends PqmsError {
  constructor(readonly capacity: number, readonly event: SimEvent) {
    super(`event queue full: ${capacity} events pending when scheduling '${event.kind}' at t=${event.timeNs} ns; raise run.queueCapacity or schedule fewer events`, "E_QUEUE_OVERFLOW", 3);
  }
}

/** Arrays start at this many entries (or the capacity, if smaller) and double as needed. */
const INITIAL_ENTRIES = 4096;

/** Bounded 4-ary heap of (time, seq) keys with per-event payload slots. */
export class EventQueue {
  private n = 0;
  private heapTimeNs: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;
  /** Kind id of the event in each slot. */
  kindOf: Int32Array;
  /** The payload numbers, `FIELDS_MAX` per slot. */
  values: Float64Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  /** Slots handed out so far (the ones below are in use or on the free list). */
  private slotsMade = 0;

  /** @param capacity  maximum number of pending events (integer ≥ 1). */
  constructor(readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity >= 1, `queue capacity ${capacity}`);
    const heap = Math.min(capacity, INITIAL_ENTRIES);
    this.heapTimeNs = new Float64Array(heap);
    this.heapSeq = new Float64Array(heap);
    this.heapSlot = new Int32Array(heap);
    // One slot more than the capacity: the kernel keeps the event being dispatched in its slot.
    const slots = Math.min(capacity + 1, INITIAL_ENTRIES);
    this.kindOf = new Int32Array(slots);
    this.values = new Float64Array(slots * FIELDS_MAX);
    this.freeSlots = new Int32Array(slots);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** True when no more events fit. */
  get full(): boolean {
    return this.n >= this.capacity;
  }

  /** A free payload slot; write `kindOf[slot]` and `values[slot·FIELDS_MAX + i]`, then `push`. */
  allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotsMade === this.kindOf.length) this.growSlots();
    return this.slotsMade++;
  }

  /** Give a slot back once its event has been dispatched (or was never pushed). */
  releaseSlot(slot: number): void {
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Add the event in `slot` at (timeNs, seq). The caller checks `full` first. */
  push(timeNs: number, seq: number, slot: number): void {
    assert(this.n < this.capacity, "event queue pushed beyond its capacity");
    if (this.n === this.heapTimeNs.length) this.growHeap();
    const ht = this.heapTimeNs;
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = ht[p]!;
      if (pt < timeNs || (pt === timeNs && hs[p]! < seq)) break;
      ht[i] = pt;
      hs[i] = hs[p]!;
      hslot[i] = hslot[p]!;
      i = p;
    }
    ht[i] = timeNs;
    hs[i] = seq;
    hslot[i] = slot;
  }

  /** Time of the earliest event (`NaN` when empty). */
  peekTimeNs(): number {
    return this.n > 0 ? this.heapTimeNs[0]! : NaN;
  }

  /** Sequence number of the earliest event (`NaN` when empty). */
  peekSeq(): number {
    return this.n > 0 ? this.heapSeq[0]! : NaN;
  }

  /**
   * Remove the earliest event and return its slot (−1 when empty); read its time and sequence
   * with `peekTimeNs`/`peekSeq` before. The slot stays the caller's until `releaseSlot`.
   */
  pop(): number {
    if (this.n === 0) return -1;
    const ht = this.heapTimeNs;
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    const top = hslot[0]!;
    const n = --this.n;
    if (n === 0) return top;
    // Sift the last key down from the root.
    const t = ht[n]!;
    const s = hs[n]!;
    const slot = hslot[n]!;
    let i = 0;
    for (;;) {
      const c0 = 4 * i + 1;
      if (c0 >= n) break;
      let c = c0;
      let ct = ht[c0]!;
      let cs = hs[c0]!;
      const end = Math.min(c0 + 4, n);
      for (let k = c0 + 1; k < end; k++) {
        const kt = ht[k]!;
        if (kt < ct || (kt === ct && hs[k]! < cs)) {
          c = k;
          ct = kt;
          cs = hs[k]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      ht[i] = ct;
      hs[i] = cs;
      hslot[i] = hslot[c]!;
      i = c;
    }
    ht[i] = t;
    hs[i] = s;
    hslot[i] = slot;
    return top;
  }

  /** The pending (time, seq, slot) keys in (time, seq) order, for checkpoints (does not modify the queue). */
  sortedKeys(): Array<{ timeNs: number; seq: number; slot: number }> {
    const keys: Array<{ timeNs: number; seq: number; slot: number }> = [];
    for (let i = 0; i < this.n; i++) keys.push({ timeNs: this.heapTimeNs[i]!, seq: this.heapSeq[i]!, slot: this.heapSlot[i]! });
    return keys.sort((a, b) => a.timeNs - b.timeNs || a.seq - b.seq);
  }

  private growHeap(): void {
    const size = Math.min(this.capacity, 2 * this.heapTimeNs.length);
    this.heapTimeNs = widened(this.heapTimeNs, new Float64Array(size));
    this.heapSeq = widened(this.heapSeq, new Float64Array(size));
    this.heapSlot = widened(this.heapSlot, new Int32Array(size));
  }

  private growSlots(): void {
    const size = Math.min(this.capacity + 1, 2 * this.kindOf.length);
    assert(size > this.kindOf.length, "event slots exhausted");
    this.kindOf = widened(this.kindOf, new Int32Array(size));
    this.values = widened(this.values, new Float64Array(size * FIELDS_MAX));
    this.freeSlots = widened(this.freeSlots, new Int32Array(size));
  }
}

/** `into` (the larger array) holding `from`'s entries at the start, the rest zero. */
export function widened<T extends Float64Array | Int32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
