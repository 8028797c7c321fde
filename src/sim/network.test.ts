/**
 * The simulated network on the kernel: delay = serialisation at the link rate + light
 * time (§3.2 100 Gbit/s links), FIFO per link, bounded queues, partitions, seeded loss. Expected values are hand-computed.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../numeric/random/stream.js";
import { Kernel } from "./kernel.js";
import { SimNetwork } from "./network.js";

function net(k: Kernel, over: Partial<ConstructorParameters<typeof SimNetwork<string>>[1]> = {}) {
  return new SimNetwork<string>(k, { endpoints: 3, propagationNs: () => 1_000_000, rateBitPerS: 100e9, linkQueueMax: 4, lossProbability: 0, random: RandomStream.fromSeed(1, "net"), ...over });
}

describe("SimNetwork", () => {
  it("delivers after serialisation + light time, FIFO on a link", () => {
    const k = new Kernel();
    const n = net(k);
    n.send(0, 1, 1250, "a"); // 10 000 bit at 100 Gbit/s = 100 ns
    n.send(0, 1, 1250, "b"); // queued behind a: departs at 200 ns
    const e1 = k.next()!;
    const e2 = k.next()!;
    expect(e1.timeNs).toBe(1_000_100);
    expect(e2.timeNs).toBe(1_000_200);
    expect(n.receive(e1.data.id!)!.payload).toBe("a");
    expect(n.receive(e2.data.id!)!.payload).toBe("b");
  });
  it("bounds each link's queue", () => {
    const k = new Kernel();
    const n = net(k);
    const out = Array.from({ length: 6 }, (_, i) => n.send(0, 2, 100, `m${i}`));
    expect(out).toEqual(["sent", "sent", "sent", "sent", "queueFull", "queueFull"]);
  });
  it("drops across partitions, including messages already in flight", () => {
    const k = new Kernel();
    const n = net(k);
    expect(n.send(0, 1, 100, "x")).toBe("sent");
    n.partition([[0], [1, 2]]);
    expect(n.send(0, 1, 100, "y")).toBe("partitioned");
    expect(n.receive(k.next()!.data.id!)).toBeUndefined();
    n.heal();
    expect(n.send(0, 1, 100, "z")).toBe("sent");
  });
  it("loses about the configured fraction, reproducibly", () => {
    const run = () => {
      const k = new Kernel();
      const n = net(k, { lossProbability: 0.2, linkQueueMax: 100_000 });
      for (let i = 0; i < 10_000; i++) n.send(0, 1, 10, "m");
      return n.counts.lost;
    };
    const lost = run();
    expect(lost).toBe(run());
    expect(Math.abs(lost - 2000)).toBeLessThan(5 * Math.sqrt(10_000 * 0.2 * 0.8));
  });
});
