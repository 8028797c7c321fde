import { describe, it, expect } from "vitest";
import { Fingerprint } from "./fingerprint.js";
import { Kernel, secondsToNs, TIME_NS_MAX } from "./kernel.js";
import { QueueOverflowError, type EventData, type SimEvent } from "./queue.js";
import { StreamSet } from "./streams.js";
import { testStreamFactory } from "./__tests__/splitmix.js";

/** A toy world: each "arrival" draws an exponential gap and schedules the next (ARCHITECTURE.md, Determinism). */
function runWorld(seed: number, stopAtEvents: number, from?: { kernel: ReturnType<Kernel["snapshot"]>; streams: ReturnType<StreamSet<unknown>["save"]> }) {
  const streams = new StreamSet(seed, testStreamFactory);
  let k: Kernel;
  if (from) {
    k = Kernel.restore(from.kernel);
    streams.load(from.streams);
  } else {
    k = new Kernel(64);
    k.schedule(0, "arrival", { node: 0 });
    k.schedule(0, "arrival", { node: 1 });
  }
  while (k.processed < stopAtEvents) {
    const ev = k.next();
    if (!ev) break;
    const u = streams.get(`node-${ev.data.node}`).next();
    k.scheduleIn(1 + Math.floor(-Math.log(1 - u) * 1000), "arrival", { node: ev.data.node as number });
  }
  return { k, streams };
}

describe("Kernel", () => {
  it("processes events in time order and breaks ties by insertion order", () => {
    const k = new Kernel(16);
    k.schedule(30, "c");
    k.schedule(10, "a1");
    k.schedule(20, "b");
    k.schedule(10, "a2");
    k.schedule(10, "a3");
    const order: string[] = [];
    for (let ev = k.next(); ev; ev = k.next()) order.push(`${ev.kind}@${ev.timeNs}`);
    expect(order).toEqual(["a1@10", "a2@10", "a3@10", "b@20", "c@30"]);
    expect(k.nowNs).toBe(30);
  });

  it("keeps (time, seq) order on a large random schedule", () => {
    const k = new Kernel(5000);
    const s = new StreamSet(7, testStreamFactory).get("t");
    for (let i = 0; i < 5000; i++) k.schedule(Math.floor(s.next() * 100), "e", { i });
    let last = { t: -1, seq: -1 };
    for (let ev = k.next(); ev; ev = k.next()) {
      expect(ev.timeNs > last.t || (ev.timeNs === last.t && ev.seq > last.seq)).toBe(true);
      last = { t: ev.timeNs, seq: ev.seq };
    }
  });

  it("refuses to overflow its bounded queue", () => {
    const k = new Kernel(3);
    for (let i = 0; i < 3; i++) k.schedule(i, "e");
    expect(() => k.schedule(5, "e")).toThrow(QueueOverflowError);
    expect(() => k.schedule(5, "e")).toThrow(/queue full: 3 events pending/);
  });

  it("refuses events in the past or beyond the integer-ns horizon", () => {
    const k = new Kernel(4);
    k.schedule(10, "e");
    k.next();
    expect(() => k.schedule(9, "late")).toThrow(/must be an integer/);
    expect(() => k.schedule(1.5e1 + 0.5, "frac")).toThrow(/integer/);
    expect(() => k.schedule(TIME_NS_MAX + 1, "far")).toThrow();
    expect(() => secondsToNs(1e8, "run.durationS")).toThrow(/run.durationS: expected a time in/);
    expect(secondsToNs(1.5e-9, "x")).toBe(2);
  });

  it("gives identical fingerprints for identical runs and different ones for another seed", () => {
    const a = runWorld(42, 2000).k.fingerprint();
    expect(runWorld(42, 2000).k.fingerprint()).toBe(a);
    expect(runWorld(43, 2000).k.fingerprint()).not.toBe(a);
    expect(runWorld(42, 1999).k.fingerprint()).not.toBe(a);
  });

  it("continues from a snapshot to the same fingerprint as an uninterrupted run", () => {
    const whole = runWorld(5, 3000).k.fingerprint();
    const half = runWorld(5, 1234);
    const saved = JSON.parse(JSON.stringify({ kernel: half.k.snapshot(), streams: half.streams.save() }));
    expect(runWorld(5, 3000, saved).k.fingerprint()).toBe(whole);
  });

  it("matches a reference kernel (a sorted list of event objects, each folded field by field) on random workloads, through both APIs and a checkpoint", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = new StreamSet(seed, testStreamFactory).get("workload");
      const int = (n: number) => Math.floor(rnd.next() * n);
      const ref = new ReferenceKernel();
      let k = new Kernel(4000);
      const kinds = [k.kind("arrival", ["flow"]), k.kind("departure", ["flow", "size"]), k.kind("tick"), k.kind("net", ["id", "from", "to", "bytes"])];
      const payload = (kind: number): EventData => [{ flow: int(9) }, { flow: int(9), size: int(3) - 1.5 }, {}, { id: int(1e6), from: int(5), to: int(5), bytes: rnd.next() }][kind]!;
      const kindNames = ["arrival", "departure", "tick", "net"];
      for (let step = 0; step < 2000; step++) {
        const op = int(100);
        if (op < 50 || ref.pending === 0) {
          // Ties in time are common: only 50 distinct delays.
          const at = ref.nowNs + int(50);
          const kind = int(4);
          const data = payload(kind);
          ref.schedule(at, kindNames[kind]!, data);
          if (int(2) === 0) k.schedule(at, kindNames[kind]!, data);
          else k.scheduleKind(at, kinds[kind]!, ...(Object.values(data) as []));
        } else if (op < 99) {
          const e = ref.next()!;
          if (int(2) === 0) expect(k.next()).toEqual(e);
          else {
            expect(k.nextKind()).toBe(kinds[kindNames.indexOf(e.kind)]);
            expect([k.nowNs, k.eventSeq, k.eventKind]).toEqual([e.timeNs, e.seq, e.kind]);
            Object.values(e.data).forEach((v, i) => expect(Object.is(k.field(i), v)).toBe(true));
          }
        } else {
          k = Kernel.restore(JSON.parse(JSON.stringify(k.snapshot())));
          kinds.splice(0, 4, k.kind("arrival", ["flow"]), k.kind("departure", ["flow", "size"]), k.kind("tick"), k.kind("net", ["id", "from", "to", "bytes"]));
        }
        if (k.fingerprint() !== ref.fingerprint() || k.pending !== ref.pending) expect.fail(`seed ${seed} step ${step}: ${k.fingerprint()} ≠ ${ref.fingerprint()}`);
      }
    }
  });

  it("refuses a kind id it did not register and payloads beyond the field bound", () => {
    const k = new Kernel(8);
    expect(() => k.scheduleKind(1, 3)).toThrow(/kind id 3/);
    expect(() => k.schedule(1, "wide", Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, i])))).toThrow(/at most 8 payload numbers/);
  });
});

/** The kernel written the plain way: every pending event an object in a list kept sorted by (time, seq). */
class ReferenceKernel {
  nowNs = 0;
  private seq = 0;
  private readonly events: SimEvent[] = [];
  private readonly fp = new Fingerprint();

  get pending(): number {
    return this.events.length;
  }

  peekTimeNs(): number | undefined {
    return this.events[0]?.timeNs;
  }

  schedule(timeNs: number, kind: string, data: EventData): void {
    const e = { timeNs, seq: this.seq++, kind, data: { ...data } };
    let i = this.events.length;
    while (i > 0 && (this.events[i - 1]!.timeNs > timeNs)) i--;
    this.events.splice(i, 0, e);
  }

  next(): SimEvent | undefined {
    const e = this.events.shift();
    if (e === undefined) return undefined;
    this.nowNs = e.timeNs;
    this.fp.number(e.timeNs).string(e.kind);
    for (const key of Object.keys(e.data)) this.fp.string(key).number(e.data[key]!);
    return e;
  }

  fingerprint(): string {
    return this.fp.hex();
  }
}

describe("Kernel.scheduleKinds", () => {
  it("dispatches a bulk-scheduled run exactly as the reference kernel dispatches the same events scheduled one by one, through a checkpoint", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const streams = new StreamSet(seed, testStreamFactory);
      const rnd = streams.get("bulk");
      const int = (n: number) => Math.floor(rnd.next() * n);
      let k = new Kernel(3000);
      const ref = new ReferenceKernel();
      const specs: Array<[string, string[]]> = [["fail", ["node"]], ["cme", ["node", "ring"]], ["heal", []], ["net", ["id", "from", "to"]]];
      const register = () => specs.map(([name, fields]) => k.kind(name, fields));
      let ids = register();
      const dataOf = (kind: number, v: number[]): EventData => Object.fromEntries(specs[kind]![1].map((f, j) => [f, v[j]!]));
      // Events already in the heap (lower sequence numbers), then a bulk run with many ties in
      // time among itself and with them, out of time order, then runtime events among them.
      for (let i = 0; i < 50; i++) {
        const v = [int(1000), int(5), int(5), 0];
        const at = int(400) * 10;
        k.scheduleKind(at, ids[3]!, v[0], v[1], v[2]);
        ref.schedule(at, "net", dataOf(3, v));
      }
      const n = 1500;
      const times: number[] = [];
      const kinds: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < n; i++) {
        const kind = int(3);
        const v = [int(100), int(5) - 2.5, 0, 0];
        times.push(int(400) * 10);
        kinds.push(ids[kind]!);
        values.push(...v);
        ref.schedule(times[i]!, specs[kind]![0], dataOf(kind, v));
      }
      expect(k.scheduleKinds(times, kinds, values)).toBe(50);
      expect(k.pending).toBe(n + 50);
      expect(k.peekTimeNs()).toBe(ref.peekTimeNs());
      for (let step = 0; ; step++) {
        const e = k.next();
        const r = ref.next();
        expect(e).toEqual(r);
        if (!e) break;
        if (step === 700) {
          k = Kernel.restore(JSON.parse(JSON.stringify(k.snapshot())) as ReturnType<Kernel["snapshot"]>);
          ids = register();
        }
        if (int(3) === 0) {
          const v = [int(1000), int(5), int(5), 0];
          const at = e.timeNs + int(3) * 10;
          k.scheduleKind(at, ids[3]!, v[0], v[1], v[2]);
          ref.schedule(at, "net", dataOf(3, v));
        }
        expect(k.pending).toBe(ref.pending);
      }
      expect(k.fingerprint()).toBe(ref.fingerprint());
    }
  });

  it("counts a bulk run against the queue's bound", () => {
    const k = new Kernel(4);
    const id = k.kind("e", ["i"]);
    k.scheduleKinds([5, 1, 3], [id, id, id], [0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
    k.scheduleKind(2, id, 3);
    expect(() => k.scheduleKind(4, id, 4)).toThrow(QueueOverflowError);
    const small = new Kernel(2);
    small.kind("e", ["i"]);
    expect(() => small.scheduleKinds([1, 2, 3], [0, 0, 0], new Array<number>(12).fill(0))).toThrow(QueueOverflowError);
    expect(small.pending).toBe(2); // as one scheduleKind each: the first two went in
    const order: number[] = [];
    for (let e = k.nextKind(); e >= 0; e = k.nextKind()) order.push(k.field(0));
    expect(order).toEqual([1, 3, 2, 0]);
  });
});
