/**
 * The deterministic discrete-event kernel every run uses.
 *
 * Time is an integer number of simulated nanoseconds held in a plain `number`, exact up to
 * `TIME_NS_MAX` = 2^53 − 1 ns ≈ 104 days of simulated time (checked on every schedule); plain
 * numbers keep the heap comparisons fast where `bigint` would allocate. Physical quantities finer
 * than a nanosecond (UMT residuals in fs) are model state, never event times.
 *
 * Events are processed in (time, insertion sequence) order from a bounded queue. Every processed
 * or recorded event is folded into a running fingerprint (FNV-1a 64, see fingerprint.ts) together
 * with, at the end, the final state, so two runs agree if and only if (with overwhelming
 * likelihood) they did the same thing. The kernel draws no random numbers; streams live in
 * streams.ts. Everything here is pure: no clock, no I/O.
 */
import { InputError, assert } from "../errors.js";
import { Fingerprint, type FingerprintState } from "./fingerprint.js";
import { EventQueue, type EventData, type SimEvent } from "./queue.js";

/** Largest representable event time: 2^53 − 1 ns ≈ 104.2 days. */
export const TIME_NS_MAX = Number.MAX_SAFE_INTEGER;

/** Default bound on pending events. */
export const QUEUE_CAPACITY_DEFAULT = 65_536;

/** Everything needed to continue a kernel exactly where it stopped (plain JSON). */
export interface KernelState {
  readonly nowNs: number;
  readonly nextSeq: number;
  readonly processed: number;
  readonly queueCapacity: number;
  readonly pending: readonly SimEvent[];
  readonly fingerprint: FingerprintState;
}

/** Convert seconds (scenario units) to integer nanoseconds, rejecting what does not fit. */
export function secondsToNs(s: number, path: string): number {
  const ns = Math.round(s * 1e9);
  if (!Number.isFinite(s) || s < 0 || ns > TIME_NS_MAX) throw InputError.of(path, `a time in [0, ${TIME_NS_MAX / 1e9} s] (integer-ns horizon ≈ 104 days)`, s);
  return ns;
}

/** The event kernel: a clock, a bounded (time, seq)-ordered queue and a fingerprint. */
export class Kernel {
  private now = 0;
  private seq = 0;
  private count = 0;
  private readonly queue: EventQueue;
  private fp = new Fingerprint();

  /** @param queueCapacity  maximum number of pending events (integer ≥ 1). */
  constructor(queueCapacity = QUEUE_CAPACITY_DEFAULT) {
    this.queue = new EventQueue(queueCapacity);
  }

  /** Current simulated time in ns (the time of the last processed event). */
  get nowNs(): number {
    return this.now;
  }

  /** Number of events processed or recorded so far. */
  get processed(): number {
    return this.count;
  }

  /** Number of pending events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or undefined when the queue is empty. */
  peekTimeNs(): number | undefined {
    return this.queue.peek()?.timeNs;
  }

  /**
   * Schedule `kind` at absolute time `atNs` (integer ns, not before now, at most TIME_NS_MAX).
   * @throws QueueOverflowError when the bound is reached.
   */
  schedule(atNs: number, kind: string, data: EventData = {}): SimEvent {
    // The message is built only on failure: a template string per event is most of a schedule's cost.
    if (!(Number.isSafeInteger(atNs) && atNs >= this.now)) assert(false, `schedule '${kind}' at ${atNs} ns (now ${this.now} ns): time must be an integer ≥ now ≤ 2^53-1`);
    const ev: SimEvent = { timeNs: atNs, seq: this.seq, kind, data };
    this.queue.push(ev);
    this.seq += 1;
    return ev;
  }

  /** Schedule `kind` after `delayNs` (integer ≥ 0) from now. */
  scheduleIn(delayNs: number, kind: string, data: EventData = {}): SimEvent {
    return this.schedule(this.now + delayNs, kind, data);
  }

  /** Remove the earliest event, advance the clock to it and fold it into the fingerprint. */
  next(): SimEvent | undefined {
    const ev = this.queue.pop();
    if (ev === undefined) return undefined;
    assert(ev.timeNs >= this.now, "event queue went back in time");
    this.now = ev.timeNs;
    this.fold(ev.timeNs, ev.kind, ev.data);
    return ev;
  }

  /** Fold an event a model reports from inside a step (it is not queued) into the fingerprint. */
  record(timeNs: number, kind: string, data: EventData): void {
    if (!Number.isSafeInteger(timeNs)) assert(false, `recorded event '${kind}' at non-integer time ${timeNs}`);
    this.fold(timeNs, kind, data);
  }

  /** Fold named numbers (sampled metrics, the final state) into the fingerprint. */
  foldNumbers(label: string, xs: ArrayLike<number>): void {
    this.fp.string(label).numbers(xs);
  }

  /** The fingerprint so far, 16 hex digits. */
  fingerprint(): string {
    return this.fp.hex();
  }

  /** A plain-JSON copy of the kernel state. */
  snapshot(): KernelState {
    return {
      nowNs: this.now, nextSeq: this.seq, processed: this.count, queueCapacity: this.queue.capacity,
      pending: this.queue.toSortedArray().map((e) => ({ ...e, data: { ...e.data } })), fingerprint: this.fp.state(),
    };
  }

  /** A kernel continuing exactly from `state`. */
  static restore(state: KernelState): Kernel {
    const k = new Kernel(state.queueCapacity);
    k.now = state.nowNs;
    k.seq = state.nextSeq;
    k.count = state.processed;
    k.fp = Fingerprint.fromState(state.fingerprint);
    for (const e of state.pending) {
      assert(e.timeNs >= k.now && e.seq < k.seq, "restored event before the clock or after the sequence");
      k.queue.push(e);
    }
    return k;
  }

  private fold(timeNs: number, kind: string, data: EventData): void {
    this.count += 1;
    const fp = this.fp.number(timeNs).string(kind);
    for (const key in data) fp.string(key).number(data[key]!);
  }
}
