/**
 * The kernel's pending-event queue: a binary min-heap ordered by (time, insertion sequence),
 * with a fixed capacity. Ties in time break by the order events were scheduled, so a run never
 * depends on heap internals. Overflow is a bug in the model or scenario sizing, and says so.
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

/** The queue is full: more events are pending than the scenario's bound allows. */
export class QueueOverflowError extends PqmsError {
  constructor(readonly capacity: number, readonly event: SimEvent) {
    super(`event queue full: ${capacity} events pending when scheduling '${event.kind}' at t=${event.timeNs} ns; raise run.queueCapacity or schedule fewer events`, "E_QUEUE_OVERFLOW", 3);
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.timeNs < b.timeNs || (a.timeNs === b.timeNs && a.seq < b.seq);
}

/** Bounded binary heap of `SimEvent`s. */
export class EventQueue {
  private readonly heap: SimEvent[] = [];

  /** @param capacity  maximum number of pending events (integer ≥ 1). */
  constructor(readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity >= 1, `queue capacity ${capacity}`);
  }

  get size(): number {
    return this.heap.length;
  }

  /** Add an event; throws QueueOverflowError at capacity. */
  push(ev: SimEvent): void {
    if (this.heap.length >= this.capacity) throw new QueueOverflowError(this.capacity, ev);
    const h = this.heap;
    let i = h.length;
    h.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as SimEvent;
      if (!before(ev, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = ev;
  }

  /** The earliest event without removing it. */
  peek(): SimEvent | undefined {
    return this.heap[0];
  }

  /** Remove and return the earliest event. */
  pop(): SimEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    while (true) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r] as SimEvent, h[l] as SimEvent) ? r : l;
      if (!before(h[c] as SimEvent, last)) break;
      h[i] = h[c] as SimEvent;
      i = c;
    }
    h[i] = last;
    return top;
  }

  /** The pending events in (time, seq) order, for checkpoints (does not modify the queue). */
  toSortedArray(): SimEvent[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1));
  }
}
