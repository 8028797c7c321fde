/** Simulated storage (Black Sarcophagus FRAM, §3.2): durability after latency, crash loss, detected corruption. */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../numeric/random/stream.js";
import { Kernel } from "./kernel.js";
import { SimStorage } from "./storage.js";

describe("SimStorage", () => {
  it("makes writes durable after the latency; a crash loses only pending writes", () => {
    const k = new Kernel();
    const s = new SimStorage<number>(k, { writeLatencyNs: 100, corruptProbability: 0, pendingMax: 8, random: RandomStream.fromSeed(1, "disk") });
    s.write(1, 11);
    expect(s.read(1)).toEqual({ ok: false, why: "missing" });
    const ev = k.next()!;
    expect(ev.timeNs).toBe(100);
    s.complete(ev.data.id!);
    s.write(1, 12);
    s.crash();
    const ev2 = k.next()!;
    s.complete(ev2.data.id!);
    expect(s.read(1)).toEqual({ ok: true, record: 11 });
  });
  it("reports corruption instead of returning wrong data", () => {
    const k = new Kernel();
    const s = new SimStorage<number>(k, { writeLatencyNs: 0, corruptProbability: 0.5, pendingMax: 8, random: RandomStream.fromSeed(2, "disk") });
    s.write(7, 70);
    s.complete(k.next()!.data.id!);
    const reads = Array.from({ length: 200 }, () => s.read(7));
    expect(reads.some((r) => !r.ok && r.why === "corrupt")).toBe(true);
    expect(reads.every((r) => !r.ok || r.record === 70)).toBe(true);
  });
});
