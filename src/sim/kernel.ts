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
 *
 * Two ways in and out. `schedule(at, kind, data)` / `next()` take and give `SimEvent` objects,
 * for callers that schedule a few events. Hot loops register a kind with its field names once
 * (`kind("net", ["id", "from", "to"])`), then `scheduleKind(at, id, v0, …)` and `nextKind()`
 * with `field(i)` move only numbers: no object per event. Both fold the same bytes (time, kind,
 * then each field name and value in order), so a run's fingerprint does not depend on which
 * way its events went, and a checkpoint's pending events read the same either way.
 */
import { InputError, assert } from "../errors.js";
import { EventFold } from "./event-fold.js";
import { Fingerprint, type FingerprintState } from "./fingerprint.js";
import { EventQueue, FIELDS_MAX, QueueOverflowError, widened, type EventData, type SimEvent } from "./queue.js";

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

/** Most fields `scheduleKind` takes (kinds with more go through `schedule`). */
export const KIND_FIELDS_FAST = 4;

const NO_DATA: EventData = Object.freeze({});

/**
 * Events a kernel dispatches before it moves its fingerprint fold into WebAssembly (`EventFold`):
 * a short run is not worth a module instance.
 */
const FOLD_AFTER_EVENTS = 4096;

/** An event kind: its name and the names of its payload numbers, in folding order. */
interface KindInfo {
  readonly name: string;
  readonly fields: readonly string[];
  /** The bytes the fingerprint folds for the name and each field name (`Fingerprint.textBytes`). */
  readonly nameBytes: Uint8Array;
  readonly fieldBytes: readonly Uint8Array[];
}

/** The event kernel: a clock, a bounded (time, seq)-ordered queue and a fingerprint. */
export class Kernel {
  private now = 0;
  private seq = 0;
  private count = 0;
  private readonly queue: EventQueue;
  private fp = new Fingerprint();
  private readonly kinds: KindInfo[] = [];
  /** Field count of each kind id (read on the hot path). */
  private kindFields = new Int32Array(16);
  private readonly kindIds = new Map<string, number>();
  /** The kinds registered under each name (one per distinct field list). */
  private readonly kindsByName = new Map<string, number[]>();
  /** Slot of the event being dispatched (−1: none), its kind id and sequence number. */
  private curSlot = -1;
  private curKind = -1;
  private curSeq = -1;
  /**
   * The batched WebAssembly fold (created after FOLD_AFTER_EVENTS events where available), and
   * how many kind ids (from 0) it folds: events of later kinds fold here in JavaScript, after the
   * batch, so the bytes stay in order.
   */
  private fold: EventFold | undefined;
  private foldKinds = 0;
  private foldTried = false;
  /**
   * Events scheduled in bulk (`scheduleKinds`), sorted by (time, seq), beside the heap: the ones
   * in [bulkNext, bulkEnd) are pending. Each is an entry of time, seq, kind id and
   * KIND_FIELDS_FAST values; `nextKind` takes whichever of the heap's top and the next of these
   * comes first in (time, seq), so the order is the one the heap alone would give.
   */
  private bulkTime = new Float64Array(0);
  private bulkSeq = new Float64Array(0);
  private bulkKind = new Int32Array(0);
  private bulkValues = new Float64Array(0);
  private bulkNext = 0;
  private bulkEnd = 0;

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
    return this.queue.size + this.bulkEnd - this.bulkNext;
  }

  /** Time of the next pending event, or undefined when the queue is empty. */
  peekTimeNs(): number | undefined {
    const heap = this.queue.size > 0 ? this.queue.peekTimeNs() : Infinity;
    const bulk = this.bulkNext < this.bulkEnd ? this.bulkTime[this.bulkNext]! : Infinity;
    return heap === Infinity && bulk === Infinity ? undefined : Math.min(heap, bulk);
  }

  /**
   * The id of event kind `name` whose payload is the numbers `fields` (in this order, which is
   * the order they are folded into the fingerprint: write them as the object literal you would
   * pass to `schedule`). The same name and fields always give the same id.
   */
  kind(name: string, fields: readonly string[] = []): number {
    const key = fields.length === 0 ? name : `${name}\u0000${fields.join("\u0000")}`;
    const known = this.kindIds.get(key);
    if (known !== undefined) return known;
    if (fields.length > FIELDS_MAX) throw InputError.of(`event '${name}'`, `at most ${FIELDS_MAX} payload numbers`, fields.length);
    const id = this.kinds.length;
    this.kinds.push({ name, fields: fields.slice(), nameBytes: Fingerprint.textBytes(name), fieldBytes: fields.map((f) => Fingerprint.textBytes(f)) });
    if (id === this.kindFields.length) this.kindFields = widened(this.kindFields, new Int32Array(2 * id));
    this.kindFields[id] = fields.length;
    this.kindIds.set(key, id);
    this.foldNewKinds();
    const same = this.kindsByName.get(name);
    if (same) same.push(id);
    else this.kindsByName.set(name, [id]);
    return id;
  }

  /**
   * Schedule `kind` at absolute time `atNs` (integer ns, not before now, at most TIME_NS_MAX)
   * with payload `data` (named numbers, at most FIELDS_MAX). Returns its sequence number.
   * @throws QueueOverflowError when the bound is reached.
   */
  schedule(atNs: number, kind: string, data: EventData = NO_DATA): number {
    this.checkTime(atNs, kind);
    return this.enqueue(atNs, this.takeWith(atNs, kind, data));
  }

  /** Schedule `kind` after `delayNs` (integer ≥ 0) from now. */
  scheduleIn(delayNs: number, kind: string, data: EventData = NO_DATA): number {
    return this.schedule(this.now + delayNs, kind, data);
  }

  /**
   * Schedule an event of a registered kind (`kind(name, fields)`, at most KIND_FIELDS_FAST
   * fields) with its field values in order; values past the kind's fields are ignored. The
   * same event, fingerprint and checkpoint as `schedule(atNs, name, {field: value, …})`.
   * @throws QueueOverflowError when the bound is reached.
   */
  scheduleKind(atNs: number, kindId: number, v0 = 0, v1 = 0, v2 = 0, v3 = 0): number {
    this.checkTime(atNs, kindId);
    if (!(kindId >= 0 && kindId < this.kinds.length && this.kindFields[kindId]! <= KIND_FIELDS_FAST)) assert(false, `scheduleKind: kind id ${kindId} is not a registered kind of ≤ ${KIND_FIELDS_FAST} fields`);
    const slot = this.take(atNs, kindId);
    const values = this.queue.values;
    const j = slot * FIELDS_MAX;
    values[j] = v0;
    values[j + 1] = v1;
    values[j + 2] = v2;
    values[j + 3] = v3;
    return this.enqueue(atNs, slot);
  }

  /**
   * Schedule many events of registered kinds at once: event i at `atNs[i]` of kind `kindIds[i]`
   * with field values `values[4i … 4i + 3]` — the same events, sequence numbers, order,
   * fingerprint and checkpoint as `scheduleKind` called for each in turn, held as one sorted run
   * beside the heap instead of in it (a run's thousands of faults known from the start then cost
   * the heap nothing). Returns the sequence number of the first.
   * @throws QueueOverflowError when the bound is reached.
   */
  scheduleKinds(atNs: ArrayLike<number>, kindIds: ArrayLike<number>, values: ArrayLike<number>): number {
    const n = atNs.length;
    assert(kindIds.length === n && values.length === KIND_FIELDS_FAST * n, `scheduleKinds: ${n} times, ${kindIds.length} kinds and ${values.length} values (${KIND_FIELDS_FAST} per event)`);
    const first = this.seq;
    // Where a sorted run is still pending, or the events would not all fit, one at a time (the
    // overflow is then thrown at the same event as there).
    if (this.bulkNext < this.bulkEnd || this.queue.size + n > this.queue.capacity) {
      for (let i = 0; i < n; i++) {
        const j = KIND_FIELDS_FAST * i;
        this.scheduleKind(atNs[i]!, kindIds[i]!, values[j], values[j + 1], values[j + 2], values[j + 3]);
      }
      return first;
    }
    for (let i = 0; i < n; i++) {
      const id = kindIds[i]!;
      this.checkTime(atNs[i]!, id);
      if (!(id >= 0 && id < this.kinds.length && this.kindFields[id]! <= KIND_FIELDS_FAST)) assert(false, `scheduleKinds: kind id ${id} is not a registered kind of ≤ ${KIND_FIELDS_FAST} fields`);
    }
    // Stable by time: ties keep the order given, which is the order of their sequence numbers.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => atNs[a]! - atNs[b]! || a - b);
    this.bulkTime = new Float64Array(n);
    this.bulkSeq = new Float64Array(n);
    this.bulkKind = new Int32Array(n);
    this.bulkValues = new Float64Array(KIND_FIELDS_FAST * n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      this.bulkTime[k] = atNs[i]!;
      this.bulkSeq[k] = first + i;
      this.bulkKind[k] = kindIds[i]!;
      for (let f = 0; f < KIND_FIELDS_FAST; f++) this.bulkValues[KIND_FIELDS_FAST * k + f] = values[KIND_FIELDS_FAST * i + f]!;
    }
    this.bulkNext = 0;
    this.bulkEnd = n;
    this.seq = first + n;
    return first;
  }

  /** `scheduleKind` after `delayNs` (integer ≥ 0) from now. */
  scheduleKindIn(delayNs: number, kindId: number, v0 = 0, v1 = 0, v2 = 0, v3 = 0): number {
    return this.scheduleKind(this.now + delayNs, kindId, v0, v1, v2, v3);
  }

  /**
   * Remove the earliest event, advance the clock to it and fold it into the fingerprint; returns
   * its kind id (−1 when nothing is pending). Read it with `eventKind` and `field(i)` until the
   * next call.
   */
  nextKind(): number {
    const q = this.queue;
    if (this.curSlot >= 0) {
      q.releaseSlot(this.curSlot);
      this.curSlot = -1;
      this.curKind = -1;
    }
    let t: number;
    let seq: number;
    let slot: number;
    const b = this.bulkNext;
    if (b < this.bulkEnd && (q.size === 0 || this.bulkTime[b]! < q.peekTimeNs() || (this.bulkTime[b] === q.peekTimeNs() && this.bulkSeq[b]! < q.peekSeq()))) {
      // The next of the sorted run comes first: it takes a payload slot like any event.
      this.bulkNext = b + 1;
      t = this.bulkTime[b]!;
      seq = this.bulkSeq[b]!;
      slot = q.allocSlot();
      q.kindOf[slot] = this.bulkKind[b]!;
      const values = q.values;
      const j = slot * FIELDS_MAX;
      const i = KIND_FIELDS_FAST * b;
      values[j] = this.bulkValues[i]!;
      values[j + 1] = this.bulkValues[i + 1]!;
      values[j + 2] = this.bulkValues[i + 2]!;
      values[j + 3] = this.bulkValues[i + 3]!;
    } else {
      if (q.size === 0) return -1;
      t = q.peekTimeNs();
      seq = q.peekSeq();
      slot = q.pop();
    }
    if (!(t >= this.now)) assert(false, "event queue went back in time");
    this.now = t;
    this.curSlot = slot;
    this.curSeq = seq;
    const id = q.kindOf[slot]!;
    this.curKind = id;
    this.count += 1;
    if (id < this.foldKinds) {
      if (this.fold!.push(t, id, q.values, slot * FIELDS_MAX, this.kindFields[id]!)) this.fold!.foldInto(this.fp);
    } else {
      if (this.fold !== undefined) this.fold.foldInto(this.fp);
      else if (!this.foldTried && this.count > FOLD_AFTER_EVENTS) this.startFold();
      const info = this.kinds[id]!;
      this.fp.event(t, info.nameBytes, info.fieldBytes, q.values, slot * FIELDS_MAX);
    }
    return id;
  }

  /** Move the fold of the kinds registered so far into WebAssembly, where it is available. */
  private startFold(): void {
    this.foldTried = true;
    this.fold = EventFold.create();
    this.foldNewKinds();
  }

  /**
   * Register with the WebAssembly fold, in id order, the kinds it does not fold yet; it stops at
   * the first it has no room for (that kind and all later ones then fold in JavaScript).
   */
  private foldNewKinds(): void {
    const fold = this.fold;
    if (fold === undefined) return;
    while (this.foldKinds < this.kinds.length && fold.addKind(this.kinds[this.foldKinds]!.nameBytes, this.kinds[this.foldKinds]!.fieldBytes)) this.foldKinds += 1;
  }

  /** Fold the batched events into the fingerprint before anything else reads or extends it. */
  private settleFold(): void {
    if (this.fold !== undefined) this.fold.foldInto(this.fp);
  }

  /** Name of the event `nextKind` returned. */
  get eventKind(): string {
    assert(this.curKind >= 0, "no event is being dispatched");
    return this.kinds[this.curKind]!.name;
  }

  /** Sequence number of the event `nextKind` returned. */
  get eventSeq(): number {
    return this.curSeq;
  }

  /** Payload number `i` (in the kind's field order) of the event `nextKind` returned. */
  field(i: number): number {
    if (!(this.curSlot >= 0 && i >= 0 && i < this.kindFields[this.curKind]!)) assert(false, `field ${i} of the current event`);
    return this.queue.values[this.curSlot * FIELDS_MAX + i]!;
  }

  /** Remove the earliest event, advance the clock to it and fold it into the fingerprint. */
  next(): SimEvent | undefined {
    const id = this.nextKind();
    if (id < 0) return undefined;
    return this.eventAt(this.now, this.curSeq, id, this.queue.values, this.curSlot * FIELDS_MAX);
  }

  /** Fold an event a model reports from inside a step (it is not queued) into the fingerprint. */
  record(timeNs: number, kind: string, data: EventData): void {
    if (!Number.isSafeInteger(timeNs)) assert(false, `recorded event '${kind}' at non-integer time ${timeNs}`);
    this.count += 1;
    this.settleFold();
    const fp = this.fp.number(timeNs).string(kind);
    for (const key in data) fp.string(key).number(data[key]!);
  }

  /** Fold named numbers (sampled metrics, the final state) into the fingerprint. */
  foldNumbers(label: string, xs: ArrayLike<number>): void {
    this.settleFold();
    this.fp.string(label).numbers(xs);
  }

  /** The fingerprint so far, 16 hex digits. */
  fingerprint(): string {
    this.settleFold();
    return this.fp.hex();
  }

  /** A plain-JSON copy of the kernel state. */
  snapshot(): KernelState {
    this.settleFold();
    const pending = this.queue.sortedKeys().map((k) => this.eventAt(k.timeNs, k.seq, this.queue.kindOf[k.slot]!, this.queue.values, k.slot * FIELDS_MAX));
    if (this.bulkNext < this.bulkEnd) {
      for (let b = this.bulkNext; b < this.bulkEnd; b++) pending.push(this.eventAt(this.bulkTime[b]!, this.bulkSeq[b]!, this.bulkKind[b]!, this.bulkValues, KIND_FIELDS_FAST * b));
      pending.sort((x, y) => x.timeNs - y.timeNs || x.seq - y.seq);
    }
    return { nowNs: this.now, nextSeq: this.seq, processed: this.count, queueCapacity: this.queue.capacity, pending, fingerprint: this.fp.state() };
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
      k.queue.push(e.timeNs, e.seq, k.takeWith(e.timeNs, e.kind, e.data));
    }
    return k;
  }

  private checkTime(atNs: number, kind: string | number): void {
    // The message is built only on failure: a template string per event is most of a schedule's cost.
    if (!(Number.isSafeInteger(atNs) && atNs >= this.now)) {
      const name = typeof kind === "string" ? kind : this.kinds[kind]?.name;
      assert(false, `schedule '${name}' at ${atNs} ns (now ${this.now} ns): time must be an integer ≥ now ≤ 2^53-1`);
    }
  }

  /** A payload slot for an event of kind `id` at `atNs` (the overflow check happens here). */
  private take(atNs: number, id: number): number {
    const q = this.queue;
    if (this.pending >= q.capacity) throw new QueueOverflowError(q.capacity, { timeNs: atNs, seq: this.seq, kind: this.kinds[id]!.name, data: NO_DATA });
    const slot = q.allocSlot();
    q.kindOf[slot] = id;
    return slot;
  }

  /** A slot of the kind `name` with `data`'s fields takes, holding `data`'s values in order. */
  private takeWith(atNs: number, name: string, data: EventData): number {
    const slot = this.take(atNs, this.kindOfData(name, data));
    const values = this.queue.values;
    let j = slot * FIELDS_MAX;
    for (const key in data) values[j++] = data[key]!;
    return slot;
  }

  private enqueue(atNs: number, slot: number): number {
    const seq = this.seq;
    this.queue.push(atNs, seq, slot);
    this.seq = seq + 1;
    return seq;
  }

  /** The kind registered for `name` with `data`'s field names in their enumeration order. */
  private kindOfData(name: string, data: EventData): number {
    const ids = this.kindsByName.get(name);
    if (ids !== undefined) {
      for (const id of ids) if (sameFields(this.kinds[id]!.fields, data)) return id;
    }
    return this.kind(name, Object.keys(data));
  }

  private eventAt(timeNs: number, seq: number, id: number, values: Float64Array, at: number): SimEvent {
    const info = this.kinds[id]!;
    const data: Record<string, number> = {};
    for (let j = 0; j < info.fields.length; j++) data[info.fields[j]!] = values[at + j]!;
    return { timeNs, seq, kind: info.name, data };
  }
}

/** True when `data`'s own enumerable keys are exactly `fields`, in order. */
function sameFields(fields: readonly string[], data: EventData): boolean {
  let j = 0;
  for (const key in data) {
    if (j >= fields.length || fields[j] !== key) return false;
    j++;
  }
  return j === fields.length;
}
