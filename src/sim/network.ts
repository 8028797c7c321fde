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
  /** One-way propagation delay from → to, ns (≥ 0; light-time from the geometry). */
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

interface Link {
  busyUntilNs: number;
  inFlight: number;
}

/** The network; payloads of type `P`. */
export class SimNetwork<P> {
  private readonly links = new Map<number, Link>();
  private readonly payloads = new Map<number, { from: number; to: number; payload: P }>();
  private readonly group: Int32Array;
  private readonly cut = new Set<number>();
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
    this.group = new Int32Array(opts.endpoints);
    this.netKind = kernel.kind("net", ["id", "from", "to"]);
  }

  private linkKey(from: number, to: number): number {
    return from * this.opts.endpoints + to;
  }

  /** True when from and to can talk (same partition group, link not cut). */
  connected(from: number, to: number): boolean {
    return this.group[from] === this.group[to] && !this.cut.has(this.linkKey(from, to)) && !this.cut.has(this.linkKey(to, from));
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
    let link = this.links.get(key);
    if (link === undefined) {
      link = { busyUntilNs: 0, inFlight: 0 };
      this.links.set(key, link);
    }
    if (link.inFlight >= this.opts.linkQueueMax) return "queueFull";
    const now = this.kernel.nowNs;
    const serialNs = Math.ceil((8 * sizeBytes * 1e9) / this.opts.rateBitPerS);
    const departNs = Math.max(now, link.busyUntilNs) + serialNs;
    link.busyUntilNs = departNs;
    if (this.opts.random.uniform() < this.opts.lossProbability) return "lost";
    const prop = this.opts.propagationNs(from, to);
    if (!(Number.isSafeInteger(prop) && prop >= 0)) assert(false, `propagation ${from} → ${to}: ${prop} ns`);
    const id = this.nextId++;
    link.inFlight += 1;
    this.payloads.set(id, { from, to, payload });
    this.kernel.scheduleKind(departNs + prop, this.netKind, id, from, to);
    return "sent";
  }

  /**
   * Take the message of a `net` event out of the network. Returns undefined when it was cut in
   * flight (a partition or cut that began after it left is applied on arrival).
   */
  receive(id: number): { from: number; to: number; payload: P } | undefined {
    const m = this.payloads.get(id);
    if (m === undefined) assert(false, `net message ${id} unknown or received twice`);
    this.payloads.delete(id);
    const link = this.links.get(this.linkKey(m.from, m.to)) as Link;
    link.inFlight -= 1;
    return this.connected(m.from, m.to) ? m : undefined;
  }

  /** Split endpoints into groups (ids per group); the rest form one more group. */
  partition(groups: ReadonlyArray<readonly number[]>): void {
    this.group.fill(groups.length);
    groups.forEach((g, gi) => g.forEach((id) => { this.group[id] = gi; }));
  }

  heal(): void {
    this.group.fill(0);
    this.cut.clear();
  }

  /** Cut the (bidirectional) link a–b. */
  cutLink(a: number, b: number): void {
    this.cut.add(this.linkKey(a, b));
  }

  /** Messages queued or in flight now. */
  get inFlight(): number {
    return this.payloads.size;
  }
}
