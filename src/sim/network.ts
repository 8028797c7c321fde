/**
 * A simulated network on the event kernel (FoundationDB/TigerBeetle's packet simulator): every
 * message leaves its sender's link after the link's queue drains, is serialised at the link rate,
 * and arrives one propagation (light-time) delay later:
 *
 *   arrival = max(now, link busy-until) + 8·sizeBytes / rateBitPerS + lightTime(from, to).
 *
 * Messages can be lost (a seeded Bernoulli draw), cut by partitions or link cuts, or refused when
 * the link already holds `linkQueueMax` messages (bounded queues: TigerBeetle's "limit on
 * everything"). Delivery is a kernel event `net` carrying the message id; the payload stays here.
 * No wall clock: time is the kernel's integer ns.
 */
import { InputError, assert } from "../errors.js";
import type { RandomStream } from "../numeric/random/stream.js";
import type { Kernel } from "./kernel.js";

/** Options of a simulated network. */
export interface NetworkOptions {
  /** Number of endpoints (ids 0 … endpoints−1). */
  readonly endpoints: number;
  /** One-way propagation delay from → to, ns (≥ 0; light-time from the geometry): asked once per link and kept, so a fixed delay. */
  readonly propagationNs: (from: number, to: number) => number;
  /** Link rate, bit/s (§3.2: 100 Gbit/s optical links). */
  readonly rateBitPerS: number;
  /** Most messages queued or in flight on one directed link. */
  readonly linkQueueMax: number;
  /** Probability that a message is lost, [0, 1). */
  readonly lossProbability: number;
  /** Stream for loss draws. */
  readonly random: RandomStream;
}

/** Why a send did not go out (or "sent"). */
export type SendOutcome = "sent" | "lost" | "partitioned" | "queueFull" | "down";

/** Message slots a network starts with (doubled whenever two messages in flight would share one). */
const SLOTS_INITIAL = 1024;

/** The network; payloads of type `P`. */
export class SimNetwork<P> {
  // Per directed link (from·endpoints + to): when its sender is free again, messages queued or in
  // flight, the propagation delay (NaN until first asked: `propagationNs` is called once a link),
  // and 1 when the link is cut.
  private readonly busyUntilNs: Float64Array;
  private readonly linkInFlight: Int32Array;
  private readonly propNs: Float64Array;
  private readonly cut: Uint8Array;
  // Messages in flight, in slot id mod the slot count (no object or map entry per message).
  private slotPayload: Array<P | undefined> = [];
  private slotId = new Float64Array(0);
  private slotFrom = new Int32Array(0);
  private slotTo = new Int32Array(0);
  private inFlightCount = 0;
  private readonly group: Int32Array;
  private nextId = 1;
  /** The kernel's kind of a delivery: `net` {id, from, to}. */
  private readonly netKind: number;
  /** Counters of outcomes, for metrics. */
  readonly counts: Record<SendOutcome, number> = { sent: 0, lost: 0, partitioned: 0, queueFull: 0, down: 0 };

  constructor(private readonly kernel: Kernel, private readonly opts: NetworkOptions) {
    if (!Number.isInteger(opts.endpoints) || opts.endpoints < 1) throw InputError.of("network.endpoints", "an integer ≥ 1", opts.endpoints);
    if (!(opts.rateBitPerS > 0) || !Number.isFinite(opts.rateBitPerS)) throw InputError.of("network.rateBitPerS", "a finite rate > 0 bit/s", opts.rateBitPerS);
    if (!Number.isInteger(opts.linkQueueMax) || opts.linkQueueMax < 1) throw InputError.of("network.linkQueueMax", "an integer ≥ 1", opts.linkQueueMax);
    if (!(opts.lossProbability >= 0 && opts.lossProbability < 1)) throw InputError.of("network.lossProbability", "a probability in [0, 1)", opts.lossProbability);
    const links = opts.endpoints * opts.endpoints;
    this.busyUntilNs = new Float64Array(links);
    this.linkInFlight = new Int32Array(links);
    this.propNs = new Float64Array(links).fill(NaN);
    this.cut = new Uint8Array(links);
    this.group = new Int32Array(opts.endpoints);
    this.netKind = kernel.kind("net", ["id", "from", "to"]);
    this.resizeSlots(SLOTS_INITIAL);
  }

  private linkKey(from: number, to: number): number {
    return from * this.opts.endpoints + to;
  }

  /** True when from and to can talk (same partition group, link not cut). */
  connected(from: number, to: number): boolean {
    return this.group[from] === this.group[to] && this.cut[this.linkKey(from, to)] === 0 && this.cut[this.linkKey(to, from)] === 0;
  }

  /** Send `payload` of `sizeBytes`; schedules a `net` event on arrival. */
  send(from: number, to: number, sizeBytes: number, payload: P): SendOutcome {
    // Messages are built only on failure: a template string per send costs more than the send.
    if (!(from >= 0 && from < this.opts.endpoints && to >= 0 && to < this.opts.endpoints && from !== to)) assert(false, `send ${from} → ${to}`);
    if (!(sizeBytes > 0)) assert(false, `message size ${sizeBytes} B`);
    const outcome = this.route(from, to, sizeBytes, payload);
    this.counts[outcome] += 1;
    return outcome;
  }

  private route(from: number, to: number, sizeBytes: number, payload: P): SendOutcome {
    if (!this.connected(from, to)) return "partitioned";
    const key = this.linkKey(from, to);
    if (this.linkInFlight[key]! >= this.opts.linkQueueMax) return "queueFull";
    const now = this.kernel.nowNs;
    const serialNs = Math.ceil((8 * sizeBytes * 1e9) / this.opts.rateBitPerS);
    const departNs = Math.max(now, this.busyUntilNs[key]!) + serialNs;
    this.busyUntilNs[key] = departNs;
    if (this.opts.random.uniform() < this.opts.lossProbability) return "lost";
    let prop = this.propNs[key]!;
    if (prop !== prop) {
      prop = this.opts.propagationNs(from, to);
      if (!(Number.isSafeInteger(prop) && prop >= 0)) assert(false, `propagation ${from} → ${to}: ${prop} ns`);
      this.propNs[key] = prop;
    }
    const id = this.nextId++;
    this.linkInFlight[key] = this.linkInFlight[key]! + 1;
    this.hold(id, from, to, payload);
    this.kernel.scheduleKind(departNs + prop, this.netKind, id, from, to);
    return "sent";
  }

  /**
   * Take the message of a `net` event out of the network. Returns undefined when it was cut in
   * flight (a partition or cut that began after it left is applied on arrival).
   */
  receive(id: number): { from: number; to: number; payload: P } | undefined {
    const slot = this.slotOf(id);
    const from = this.slotFrom[slot]!;
    const to = this.slotTo[slot]!;
    const payload = this.release(slot);
    return payload === undefined ? undefined : { from, to, payload };
  }

  /**
   * `receive(id)`'s payload alone (no record built): undefined when the message was cut in
   * flight. For a driver whose payload names its own sender and receiver.
   */
  take(id: number): P | undefined {
    return this.release(this.slotOf(id));
  }

  /** Free `slot` (its message arrived): its payload, or undefined when the link was cut in flight. */
  private release(slot: number): P | undefined {
    const from = this.slotFrom[slot]!;
    const to = this.slotTo[slot]!;
    const payload = this.slotPayload[slot] as P;
    this.slotPayload[slot] = undefined;
    this.slotId[slot] = 0;
    this.inFlightCount -= 1;
    const key = this.linkKey(from, to);
    this.linkInFlight[key] = this.linkInFlight[key]! - 1;
    return this.connected(from, to) ? payload : undefined;
  }

  /** The slot holding message `id` (asserts it is in flight). */
  private slotOf(id: number): number {
    const slot = id & (this.slotId.length - 1);
    if (this.slotId[slot] !== id) assert(false, `net message ${id} unknown or received twice`);
    return slot;
  }

  /** Keep message `id` until its delivery (more slots when its own is taken). */
  private hold(id: number, from: number, to: number, payload: P): void {
    if (id > 0x7fffffff) assert(false, `net message id ${id} beyond 2^31 - 1`);
    while (this.slotId[id & (this.slotId.length - 1)] !== 0) this.resizeSlots(2 * this.slotId.length);
    const slot = id & (this.slotId.length - 1);
    this.slotId[slot] = id;
    this.slotFrom[slot] = from;
    this.slotTo[slot] = to;
    this.slotPayload[slot] = payload;
    this.inFlightCount += 1;
  }

  /** Move the messages in flight to `size` slots (a power of two, larger than before). */
  private resizeSlots(size: number): void {
    const { slotPayload, slotId, slotFrom, slotTo } = this;
    this.slotPayload = new Array<P | undefined>(size).fill(undefined);
    this.slotId = new Float64Array(size);
    this.slotFrom = new Int32Array(size);
    this.slotTo = new Int32Array(size);
    for (let s = 0; s < slotId.length; s++) {
      const id = slotId[s]!;
      if (id === 0) continue;
      const to = id & (size - 1);
      this.slotId[to] = id;
      this.slotFrom[to] = slotFrom[s]!;
      this.slotTo[to] = slotTo[s]!;
      this.slotPayload[to] = slotPayload[s];
    }
  }

  /** Split endpoints into groups (ids per group); the rest form one more group. */
  partition(groups: ReadonlyArray<readonly number[]>): void {
    this.group.fill(groups.length);
    groups.forEach((g, gi) => g.forEach((id) => { this.group[id] = gi; }));
  }

  heal(): void {
    this.group.fill(0);
    this.cut.fill(0);
  }

  /** Cut the (bidirectional) link a–b. */
  cutLink(a: number, b: number): void {
    this.cut[this.linkKey(a, b)] = 1;
  }

  /** Messages queued or in flight now. */
  get inFlight(): number {
    return this.inFlightCount;
  }
}
